import type { CaseMode, CaseRole, MemberState } from './cases.types.js';

/*
 * Who is told of a case event by e-mail (issue 15, ADR 0028), as one pure function: the recipients are read from
 * the event (its compartment, kind, actor, subject, whether "risk in the family" hides it) and the members as they
 * are when the notification job runs, never from content. The mail itself says only that there is something new
 * (mailer.ts 'case-news'), so this decides whether someone may learn that much.
 */

/** A role as the notification rule sees it (the young member's role included, whether or not the case types know it). */
export type NotifiedRole = CaseRole | 'young';

/** How often a member is told: a mail per event, one digest a day, or never. */
export const notificationFrequencies = ['now', 'daily', 'never'] as const;
export type NotificationFrequency = (typeof notificationFrequencies)[number];

/** Without a choice of their own: professionals at once, parents and young people once a day. */
export function defaultFrequency(role: NotifiedRole): NotificationFrequency {
  return role === 'parent' || role === 'young' ? 'daily' : 'now';
}

/**
 * The event kinds that tell members something needs them. Others (a member invited, the risk flag, consent,
 * shares, exports) are on the timeline only: nobody waits for them.
 */
export const notifiedKinds = [
  // Someone used an invitation code and waits to be confirmed (the inviter and the coordinator).
  'member.joined',
  // A young person used their code and waits for the professional who invited them (only they confirm).
  'young.joined',
  'message.posted',
  'young.message',
  // Agreements with an assignee: the assignee (a member, or every member of the role).
  'agreement.made',
  'agreement.changed',
  'agreement.reopened',
  // The daily scan: an agreement due today or overdue (its assignee, or everyone who reads it).
  'agreement.due',
  'meeting.recorded',
  'step.moved',
  'track.finished',
  'case.closed',
  'case.deletion-soon',
] as const;
export type NotifiedKind = (typeof notifiedKinds)[number];

export const isNotifiedKind = (kind: string): kind is NotifiedKind =>
  (notifiedKinds as readonly string[]).includes(kind);

/** An agreement's assignee as it stands: a member, every member of a role, or nobody. */
export type NotifiedAssignee = { memberId: string } | { role: string } | null;

/** A timeline event as the rule sees it. */
export interface NotifiedEvent {
  kind: string;
  compartment: string;
  actorMemberId: string | null;
  subjectMemberId: string | null;
  hideOnRisk: boolean;
  /** For agreement events: the agreement's assignee at this version (undefined: not an agreement event). */
  assignee?: NotifiedAssignee | undefined;
}

/** The case as the rule sees it when the job runs. */
export interface NotifiedCaseFacts {
  mode: CaseMode;
  /** "Risk in the family" confirmed by a second professional (a proposal alone hides nothing). */
  riskConfirmed: boolean;
}

/** A member as the rule sees it. */
export interface NotifiedMember {
  memberId: string;
  role: NotifiedRole;
  state: MemberState;
  /** Who invited them (a young member's channel is shared with that professional). */
  invitedByMemberId: string | null;
}

const isProfessional = (role: NotifiedRole): boolean => role !== 'parent' && role !== 'young';
/** A professional who holds the professionals' key and reads shared entries (an observer does neither). */
const isWorkingProfessional = (role: NotifiedRole): boolean => isProfessional(role) && role !== 'observer';

/** Whether an active member reads a compartment, as its keys are wrapped (docs/architecture.md "The case space"). */
function readsCompartment(member: NotifiedMember, compartment: string, members: readonly NotifiedMember[]): boolean {
  if (compartment === 'members') return member.role !== 'young';
  if (compartment === 'professionals') return isWorkingProfessional(member.role);
  if (compartment.startsWith('share:')) {
    const owner = compartment.slice('share:'.length);
    return isWorkingProfessional(member.role) || (member.role === 'parent' && member.memberId === owner);
  }
  if (compartment.startsWith('young:')) {
    const youngId = compartment.slice('young:'.length);
    const young = members.find((candidate) => candidate.memberId === youngId && candidate.role === 'young');
    if (young === undefined) return false;
    if (member.memberId === young.memberId) return true;
    return young.invitedByMemberId === member.memberId && isWorkingProfessional(member.role);
  }
  // A compartment this rule does not know: nobody (a new kind of compartment must be added here first).
  return false;
}

/** Whom an event is for beyond being able to read it: the kind narrows who needs to hear of it. */
function concerns(event: NotifiedEvent, member: NotifiedMember, members: readonly NotifiedMember[]): boolean {
  switch (event.kind) {
    case 'member.joined': {
      // The one who can confirm: the inviter, or the coordinator.
      const joined = members.find((candidate) => candidate.memberId === event.subjectMemberId);
      return member.role === 'coordinator' || (joined !== undefined && joined.invitedByMemberId === member.memberId);
    }
    case 'young.joined': {
      const joined = members.find((candidate) => candidate.memberId === event.subjectMemberId);
      return joined !== undefined && joined.invitedByMemberId === member.memberId && isWorkingProfessional(member.role);
    }
    case 'agreement.made':
    case 'agreement.changed':
    case 'agreement.reopened': {
      const assignee = event.assignee ?? null;
      if (assignee === null) return false;
      return 'memberId' in assignee ? assignee.memberId === member.memberId : assignee.role === member.role;
    }
    case 'agreement.due': {
      const assignee = event.assignee ?? null;
      if (assignee === null) return true;
      return 'memberId' in assignee ? assignee.memberId === member.memberId : assignee.role === member.role;
    }
    default:
      return isNotifiedKind(event.kind);
  }
}

/**
 * The member ids to tell of `event`: active members only (never invited, accepted, suspended or removed) who read
 * its compartment and whom its kind concerns, never the member who did it, never a parent when "risk in the
 * family" is confirmed and the event is one it hides, never a parent in a professional-only case, never a young
 * member outside their own channel. In the order of `members`, each once.
 */
export function recipientsOf(
  event: NotifiedEvent,
  facts: NotifiedCaseFacts,
  members: readonly NotifiedMember[],
): string[] {
  const recipients: string[] = [];
  for (const member of members) {
    if (member.state !== 'active') continue;
    if (member.memberId === event.actorMemberId) continue;
    if (member.role === 'parent' && facts.mode === 'professional-only') continue;
    if (member.role === 'parent' && event.hideOnRisk && facts.riskConfirmed) continue;
    if (!readsCompartment(member, event.compartment, members)) continue;
    if (!concerns(event, member, members)) continue;
    if (!recipients.includes(member.memberId)) recipients.push(member.memberId);
  }
  return recipients;
}

/** The UTC day 'YYYY-MM-DD' of a moment (due dates and digests are counted in days). */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);
