import { type Actor, hasRole, isUnrestrictedUser, membershipOf } from '../../shared/policy/actor.js';
import {
  type CaseFacts,
  type CaseMemberFacts,
  type CaseRole,
  caseRoleFits,
  caseRoles,
  isProfessionalCaseRole,
  type MemberFacts,
  youngConsentAge,
} from './cases.types.js';

/*
 * The rules of the case space (de lijn). Every rule starts from the acting user's own membership: the viewer in
 * the facts counts only when it is this user's (same user id), their account is signed in without a second factor
 * owed, and their account fits the role (a parent account as parent, an active professional whose role at their
 * organisation fits the case role). Being an admin gives nothing here: there is no superuser in a case. A closed
 * case allows reads only. The table in docs/architecture.md ("Case rules") summarises them; cases.policy.test.ts
 * enumerates every role × state × mode × risk flag × closed × actor kind. A young member (ADR 0030) acts only
 * through the rules that name them: their own channel, their consent, their notifications; every other rule
 * counts them as no member.
 */

const professionalRole = (role: CaseRole): boolean => isProfessionalCaseRole(role);

/**
 * Whether the account acting can hold this case role: a parent account as parent, a young account as young
 * member, a fitting active professional.
 */
function accountFits(actor: Actor, role: CaseRole): boolean {
  if (role === 'parent') return hasRole(actor, 'parent');
  if (role === 'young') return hasRole(actor, 'young');
  const membership = membershipOf(actor);
  return membership !== undefined && membership.roles.some((held) => caseRoleFits(held, role));
}

/**
 * The acting user's own membership of the case, or undefined. A parent membership of a professional-only case
 * counts for nothing: such a case shows no parent anything.
 */
function ownMembership(actor: Actor, facts: CaseFacts): MemberFacts | undefined {
  const viewer = facts.viewer;
  if (viewer === undefined || !isUnrestrictedUser(actor) || viewer.userId !== actor.userId) return undefined;
  if (viewer.role === 'parent' && facts.mode === 'professional-only') return undefined;
  return accountFits(actor, viewer.role) ? viewer : undefined;
}

/** The acting user's own membership when it is active (confirmed, holding keys), a young member's included. */
function activeOwn(actor: Actor, facts: CaseFacts): MemberFacts | undefined {
  const member = ownMembership(actor, facts);
  return member?.state === 'active' ? member : undefined;
}

/** An active member of the case as a whole: anyone active but a young member (who reads only their channel). */
function activeMember(actor: Actor, facts: CaseFacts): MemberFacts | undefined {
  const member = activeOwn(actor, facts);
  return member !== undefined && member.role !== 'young' ? member : undefined;
}

/** The acting user's own active young membership. */
function activeYoung(actor: Actor, facts: CaseFacts): MemberFacts | undefined {
  const member = activeOwn(actor, facts);
  return member?.role === 'young' ? member : undefined;
}

/** An active member who may do more than read and write messages (everyone but an observer). */
function contributor(actor: Actor, facts: CaseFacts): MemberFacts | undefined {
  const member = activeMember(actor, facts);
  return member !== undefined && member.role !== 'observer' ? member : undefined;
}

/** An active professional member other than an observer: who works with the professionals' compartment. */
function workingProfessional(actor: Actor, facts: CaseFacts): MemberFacts | undefined {
  const member = contributor(actor, facts);
  return member !== undefined && professionalRole(member.role) ? member : undefined;
}

/** A parent may come into the case: a case with parents, not flagged "risk in the family". */
const parentsMayJoin = (facts: CaseFacts): boolean => facts.mode === 'with-parents' && !facts.riskInFamily;

/** A write: an open case and someone allowed to write. */
const write = (facts: CaseFacts, member: MemberFacts | undefined): boolean => !facts.closed && member !== undefined;

/** Roles that act under a legal mandate and say so on their own membership. */
const mandateHolders: readonly CaseRole[] = ['veilig-thuis', 'raad', 'jeugdbeschermer'];

export const casePolicy = {
  /** A parent (a case with parents, with no flag) or an active professional who can take more than observer. */
  start: (actor: Actor, facts: CaseFacts): boolean => {
    if (facts.viewer !== undefined || facts.closed || facts.riskInFamily || !isUnrestrictedUser(actor)) return false;
    if (hasRole(actor, 'parent')) return facts.mode === 'with-parents';
    // Starting means inviting the others next, which an observer cannot: school and GP do not start a case.
    return caseRoles.some((role) => role !== 'observer' && professionalRole(role) && accountFits(actor, role));
  },
  /** Active members; a suspended parent sees only that the case is paused (viewPaused). */
  view: (actor: Actor, facts: CaseFacts): boolean => activeMember(actor, facts) !== undefined,
  /** A suspended parent keeps only this: the case exists and is paused for them. */
  viewPaused: (actor: Actor, facts: CaseFacts): boolean => {
    const member = ownMembership(actor, facts);
    return member?.role === 'parent' && member.state === 'suspended';
  },
  /** The members' compartment is wrapped to every active member. */
  readMembers: (actor: Actor, facts: CaseFacts): boolean => activeMember(actor, facts) !== undefined,
  /** The professionals' compartment is never wrapped to a parent, nor to an observer (who reads what all read). */
  readProfessionals: (actor: Actor, facts: CaseFacts): boolean => workingProfessional(actor, facts) !== undefined,
  /** Messages to all members: every active member, the observer included (the one thing an observer writes). */
  postMessage: (actor: Actor, facts: CaseFacts): boolean => write(facts, activeMember(actor, facts)),
  /** The professionals-only channel lives in the professionals' compartment. */
  postProfessionalMessage: (actor: Actor, facts: CaseFacts): boolean => write(facts, workingProfessional(actor, facts)),
  /** Agreements are made by the parent and professionals together; an observer only reads them. */
  manageAgreements: (actor: Actor, facts: CaseFacts): boolean => write(facts, contributor(actor, facts)),
  /** A meeting record states whether the parent was invited and took part: the professionals answer for it. */
  recordMeeting: (actor: Actor, facts: CaseFacts): boolean => write(facts, workingProfessional(actor, facts)),
  /** Appointments and next steps: the parent's as much as the professionals'. */
  planAppointment: (actor: Actor, facts: CaseFacts): boolean => write(facts, contributor(actor, facts)),
  /** A parent may move a step too (they file the report, they go to the interview). */
  moveStep: (actor: Actor, facts: CaseFacts): boolean => write(facts, contributor(actor, facts)),
  /** A professional, or a parent inviting a co-parent with custody; never in a professional-only or flagged case. */
  inviteParent: (actor: Actor, facts: CaseFacts): boolean =>
    parentsMayJoin(facts) && write(facts, contributor(actor, facts)),
  /** The parent leads the case and brings in professionals, as do the professionals; an observer does not. */
  inviteProfessional: (actor: Actor, facts: CaseFacts): boolean => write(facts, contributor(actor, facts)),
  /**
   * Who may withdraw invitations at all; for one invitation the service also asks caseMember.remove on its invited
   * member (the inviter's own, or the coordinator's; never a mandated one).
   */
  withdrawInvitation: (actor: Actor, facts: CaseFacts): boolean => write(facts, contributor(actor, facts)),
  /** Four eyes, first pair: a professional proposes; only where parents are members, once at a time. */
  proposeRiskFlag: (actor: Actor, facts: CaseFacts): boolean =>
    parentsMayJoin(facts) && (facts.riskProposedBy ?? null) === null && write(facts, workingProfessional(actor, facts)),
  /** Four eyes, second pair: a professional other than the one who proposed it. */
  confirmRiskFlag: (actor: Actor, facts: CaseFacts): boolean => {
    const member = workingProfessional(actor, facts);
    const proposer = facts.riskProposedBy ?? null;
    return (
      parentsMayJoin(facts) &&
      proposer !== null &&
      member !== undefined &&
      proposer !== member.memberId &&
      write(facts, member)
    );
  },
  /** Only a parent shares their own journal entries, under the share key only they grant. */
  shareEntries: (actor: Actor, facts: CaseFacts): boolean => {
    const member = activeMember(actor, facts);
    return write(facts, member) && member?.role === 'parent';
  },
  /**
   * The professionals read what a parent shared (its key is never wrapped to another parent); an observer reads
   * only what is shared with all members, so not these. A parent sees their own shares in their journal.
   */
  viewSharedEntries: (actor: Actor, facts: CaseFacts): boolean => workingProfessional(actor, facts) !== undefined,
  /** Who opened shared entries: a parent (their own shares, minus what the risk flag hides; the service narrows) or a professional. */
  viewAccessLog: (actor: Actor, facts: CaseFacts): boolean => contributor(actor, facts) !== undefined,
  /** A flow of data records what it rests on: the parent sharing, a professional adding a member. */
  recordConsent: (actor: Actor, facts: CaseFacts): boolean => write(facts, contributor(actor, facts)),
  /**
   * Closing the case when aftercare is done (ADR 0031): the coordinator, once (a closed case stays closed). From
   * then on it is read-only and deleted after the retention period.
   */
  close: (actor: Actor, facts: CaseFacts): boolean => {
    const member = activeMember(actor, facts);
    return write(facts, member) && member?.role === 'coordinator';
  },
  /** Veilig Thuis, the Raad and a jeugdbeschermer state their own mandate (it keeps a parent from removing them). */
  setMandate: (actor: Actor, facts: CaseFacts): boolean => {
    const member = activeMember(actor, facts);
    return write(facts, member) && member !== undefined && mandateHolders.includes(member.role);
  },
  /**
   * A case summary PDF (EXPORTS, ADR 0029): a working professional, of what they read; a read, so also when the
   * case is closed.
   */
  exportSummary: (actor: Actor, facts: CaseFacts): boolean => workingProfessional(actor, facts) !== undefined,
  /** The police bundle of the entries parents shared: the police member only (a read: also when closed). */
  exportPoliceBundle: (actor: Actor, facts: CaseFacts): boolean => workingProfessional(actor, facts)?.role === 'police',
  /** A parent's own copy of what they read in the case (before it is deleted): also when closed. */
  ownCopy: (actor: Actor, facts: CaseFacts): boolean => activeMember(actor, facts)?.role === 'parent',
  /**
   * How often I am told of news by e-mail (at once, daily, never): every active member, for their own membership
   * only; a personal setting, so also when the case is closed (its last notices still come).
   */
  setNotifications: (actor: Actor, facts: CaseFacts): boolean => activeOwn(actor, facts) !== undefined,
  /**
   * Inviting the child (12 or older; the service checks the age): a working professional of an open case, not the
   * police; never a parent. In a professional-only or flagged case too: the child is not a parent.
   */
  inviteYoung: (actor: Actor, facts: CaseFacts): boolean => {
    const member = workingProfessional(actor, facts);
    return write(facts, member) && member?.role !== 'police';
  },
  /** The young member's own home in a case: where the pathway stands, their channel (a read: also when closed). */
  viewAsYoung: (actor: Actor, facts: CaseFacts): boolean => activeYoung(actor, facts) !== undefined,
  /** From 16 (the viewer's age by the clock at the decision), the young member gives or refuses consent. */
  answerConsent: (actor: Actor, facts: CaseFacts): boolean => {
    const member = activeYoung(actor, facts);
    return write(facts, member) && (member?.age ?? 0) >= youngConsentAge;
  },
  /** When police or Veilig Thuis joined, units and references: hidden from parents when the risk flag is set. */
  viewMemberDetails: (actor: Actor, facts: CaseFacts): boolean => {
    const member = activeMember(actor, facts);
    return member !== undefined && (member.role !== 'parent' || !facts.riskInFamily);
  },
};

/**
 * The young member's channel is theirs and the inviting professional's, nobody else's: the young member themself,
 * or the active working professional who invited them.
 */
function inYoungChannel(actor: Actor, facts: CaseMemberFacts): boolean {
  const target = facts.target;
  if (target.role !== 'young' || target.state !== 'active') return false;
  const young = activeYoung(actor, facts.case);
  if (young !== undefined) return young.memberId === target.memberId && young.userId === target.userId;
  const professional = workingProfessional(actor, facts.case);
  return professional !== undefined && target.invitedByMemberId === professional.memberId;
}

/** An active member of an open case acting on another member (never on themself). */
function actingOnOther(actor: Actor, facts: CaseMemberFacts): MemberFacts | undefined {
  const member = activeMember(actor, facts.case);
  if (member === undefined || facts.case.closed) return undefined;
  const target = facts.target;
  const self = target.memberId === member.memberId || (target.userId !== null && target.userId === member.userId);
  return self ? undefined : member;
}

/** An invitation not yet confirmed (nobody holds keys through it). */
const pending = (facts: CaseMemberFacts): boolean =>
  facts.target.state === 'invited' || facts.target.state === 'accepted';

/** The coordinator proposes to pause (target active) or resume (target suspended) a parent, once at a time. */
function proposesPauseChange(actor: Actor, facts: CaseMemberFacts, state: 'active' | 'suspended'): boolean {
  const member = actingOnOther(actor, facts);
  return (
    member?.role === 'coordinator' &&
    facts.case.mode === 'with-parents' &&
    facts.target.role === 'parent' &&
    facts.target.state === state &&
    (facts.target.suspensionProposedBy ?? null) === null
  );
}

/** A working professional other than the proposer confirms pausing or resuming a parent. */
function confirmsPauseChange(actor: Actor, facts: CaseMemberFacts, state: 'active' | 'suspended'): boolean {
  const member = actingOnOther(actor, facts);
  const proposer = facts.target.suspensionProposedBy ?? null;
  return (
    member !== undefined &&
    member.role !== 'observer' &&
    professionalRole(member.role) &&
    facts.case.mode === 'with-parents' &&
    facts.target.role === 'parent' &&
    facts.target.state === state &&
    proposer !== null &&
    proposer !== member.memberId
  );
}

export const caseMemberPolicy = {
  /**
   * After comparing safety numbers, the inviter or the coordinator confirms someone who used the code; never the
   * member themself; a parent never into a professional-only or flagged case.
   */
  confirm: (actor: Actor, facts: CaseMemberFacts): boolean => {
    const member = actingOnOther(actor, facts);
    const target = facts.target;
    return (
      member !== undefined &&
      member.role !== 'observer' &&
      target.state === 'accepted' &&
      target.userId !== null &&
      (target.role === 'young'
        ? professionalRole(member.role) && target.invitedByMemberId === member.memberId
        : target.invitedByMemberId === member.memberId || member.role === 'coordinator') &&
      (professionalRole(target.role) || target.role === 'young' || parentsMayJoin(facts.case))
    );
  },
  /**
   * Nobody removes a mandated member (they leave themselves, or their mandate ends first). A parent removes a
   * professional (not when the risk flag is set: then the parent may be the danger); the coordinator removes a
   * professional and withdraws a parent's pending invitation (a parent with custody is suspended, not removed);
   * anyone who invited withdraws their own pending invitation.
   */
  remove: (actor: Actor, facts: CaseMemberFacts): boolean => {
    const member = actingOnOther(actor, facts);
    const target = facts.target;
    if (member === undefined || member.role === 'observer' || target.state === 'removed' || target.mandate !== 'none') {
      return false;
    }
    if (target.role === 'young') {
      // Only professionals end a young member's place: the one who invited them, or the coordinator a pending one.
      return (
        professionalRole(member.role) &&
        (target.invitedByMemberId === member.memberId || (member.role === 'coordinator' && pending(facts)))
      );
    }
    if (pending(facts) && target.invitedByMemberId === member.memberId) return true;
    if (member.role === 'parent') return professionalRole(target.role) && !facts.case.riskInFamily;
    if (member.role === 'coordinator') return professionalRole(target.role) || pending(facts);
    return false;
  },
  /** Four eyes, first pair: the coordinator proposes to suspend an active parent, once at a time. */
  proposeSuspension: (actor: Actor, facts: CaseMemberFacts): boolean => proposesPauseChange(actor, facts, 'active'),
  /** Four eyes, second pair: a professional other than the proposer confirms. */
  confirmSuspension: (actor: Actor, facts: CaseMemberFacts): boolean => confirmsPauseChange(actor, facts, 'active'),
  /**
   * Resuming a paused parent, four eyes like pausing (the pending proposal is the target's suspensionProposedBy,
   * emptied when the pause takes effect): the coordinator proposes, another professional confirms. Not while "risk
   * in the family" is set: then the parent may be the danger.
   */
  proposeResume: (actor: Actor, facts: CaseMemberFacts): boolean =>
    !facts.case.riskInFamily && proposesPauseChange(actor, facts, 'suspended'),
  confirmResume: (actor: Actor, facts: CaseMemberFacts): boolean =>
    !facts.case.riskInFamily && confirmsPauseChange(actor, facts, 'suspended'),
  /** Reading a young member's channel (a read: also when the case is closed). */
  readYoungChannel: (actor: Actor, facts: CaseMemberFacts): boolean => inYoungChannel(actor, facts),
  /** Writing in it: the same two people, in an open case. */
  postYoungMessage: (actor: Actor, facts: CaseMemberFacts): boolean =>
    !facts.case.closed && inYoungChannel(actor, facts),
  /** An active member leaves by themself (a mandated one too: the mandate binds the parent, not the member). */
  leave: (actor: Actor, facts: CaseMemberFacts): boolean => {
    const member = activeMember(actor, facts.case);
    return (
      member !== undefined &&
      !facts.case.closed &&
      facts.target.memberId === member.memberId &&
      facts.target.userId === member.userId
    );
  },
};
