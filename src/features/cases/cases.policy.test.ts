import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { gridToCases, policyTable } from '../../../test/helpers/policy-table.js';
import { type ActionOf, can } from '../../policies.js';
import {
  type Actor,
  anonymous,
  type ProfessionalRole,
  professionalRoles,
  userActor,
} from '../../shared/policy/actor.js';
import { caseMemberPolicy, casePolicy } from './cases.policy.js';
import {
  type CaseFacts,
  type CaseMemberFacts,
  caseModes,
  type CaseRole,
  caseRoleFits,
  caseRoles,
  type Mandate,
  isProfessionalCaseRole,
  type MemberFacts,
  memberStates,
  youngConsentAge,
} from './cases.types.js';

/*
 * The case rules as properties over every combination: viewer absent or each case role × membership state ×
 * whose membership it is (the actor's, someone else's, nobody's yet), × case mode × risk flag × closed × a
 * pending risk proposal, × actor kind (anonymous, parent account, fitting active professional, active
 * professional of a role that does not fit, inactive professional, professional without a second factor, admin),
 * for every action; for the member actions also every target (role × state × mandate × inviter × pending
 * suspension, and oneself). The expectations are stated as what must always or never happen, not as a second
 * copy of the rules; the role × action table for an ordinary case (docs/architecture.md "Case rules") is checked
 * exactly with policyTable.
 */

type CaseAction = ActionOf<'case'>;
type MemberAction = ActionOf<'caseMember'>;

// The names other parts of the case space code against.
const caseActions = [
  'start',
  'view',
  'viewPaused',
  'readMembers',
  'readProfessionals',
  'postMessage',
  'postProfessionalMessage',
  'manageAgreements',
  'recordMeeting',
  'planAppointment',
  'moveStep',
  'inviteParent',
  'inviteProfessional',
  'withdrawInvitation',
  'proposeRiskFlag',
  'confirmRiskFlag',
  'shareEntries',
  'viewSharedEntries',
  'viewAccessLog',
  'recordConsent',
  'setMandate',
  'viewMemberDetails',
  'exportSummary',
  'exportPoliceBundle',
  'ownCopy',
  'setNotifications',
  'close',
  'inviteYoung',
  'viewAsYoung',
  'answerConsent',
] as const satisfies readonly CaseAction[];
const memberActions = [
  'confirm',
  'remove',
  'proposeSuspension',
  'confirmSuspension',
  'proposeResume',
  'confirmResume',
  'leave',
  'readYoungChannel',
  'postYoungMessage',
] as const satisfies readonly MemberAction[];

const reads: readonly CaseAction[] = [
  'view',
  'viewPaused',
  'readMembers',
  'readProfessionals',
  'viewSharedEntries',
  'viewAccessLog',
  'viewMemberDetails',
  'exportSummary',
  'exportPoliceBundle',
  'ownCopy',
  'setNotifications',
  'viewAsYoung',
];

/** What a young member may do at all (ADR 0030); the channel's member actions are checked with the targets. */
const youngMay: readonly CaseAction[] = ['viewAsYoung', 'answerConsent', 'setNotifications'];

test('the case and caseMember rules have exactly the actions the other parts code against', () => {
  assert.deepEqual(Object.keys(casePolicy).sort(), [...caseActions].sort());
  assert.deepEqual(Object.keys(caseMemberPolicy).sort(), [...memberActions].sort());
});

// ---- actors ----

const actorKinds = [
  'anonymous',
  'parentAccount',
  'youngAccount',
  'fittingProfessional',
  'professionalOfAnotherRole',
  'inactiveProfessional',
  'professionalWithoutSecondFactor',
  'admin',
] as const;
type ActorKind = (typeof actorKinds)[number];

const actingUser = 'u1';

/** A professional role at an organisation that fits the case role (for a parent or no role: a care worker). */
function fittingRole(role: CaseRole | undefined): ProfessionalRole {
  if (role === undefined || !isProfessionalCaseRole(role)) return 'care';
  const fit = professionalRoles.find((held) => caseRoleFits(held, role));
  assert.ok(fit !== undefined, `no professional role fits ${role}`);
  return fit;
}

/** A professional role that does not fit the case role. */
function unfittingRole(role: CaseRole | undefined): ProfessionalRole {
  if (role === undefined || !isProfessionalCaseRole(role)) return 'police';
  const misfit = professionalRoles.find((held) => !caseRoleFits(held, role));
  assert.ok(misfit !== undefined, `every professional role fits ${role}`);
  return misfit;
}

function professional(userId: string, role: ProfessionalRole, active = true, hasSecondFactor = true): Actor {
  return userActor({
    userId,
    kind: 'professional',
    hasSecondFactor,
    professional: { organisationId: 'org1', role, active },
  });
}

/** The actor of a kind, built the way a session builds it; a professional's role chosen against the case role. */
function actorOf(kind: ActorKind, role: CaseRole | undefined, userId = actingUser): Actor {
  switch (kind) {
    case 'anonymous':
      return anonymous;
    case 'parentAccount':
      return userActor({ userId, kind: 'parent', hasSecondFactor: false });
    case 'youngAccount':
      return userActor({ userId, kind: 'young', hasSecondFactor: false });
    case 'fittingProfessional':
      return professional(userId, fittingRole(role));
    case 'professionalOfAnotherRole':
      return professional(userId, unfittingRole(role));
    case 'inactiveProfessional':
      return professional(userId, fittingRole(role), false);
    case 'professionalWithoutSecondFactor':
      return professional(userId, fittingRole(role), true, false);
    case 'admin':
      return userActor({ userId, kind: 'admin', hasSecondFactor: true });
  }
}

/** The account kind that fits a case role, as an actor kind. */
const fittingKind = (role: CaseRole): ActorKind =>
  role === 'parent' ? 'parentAccount' : role === 'young' ? 'youngAccount' : 'fittingProfessional';

const isProfessionalRole = isProfessionalCaseRole;

// ---- the case space enumerated ----

const ownerships = ['own', 'someoneElse', 'nobodyYet'] as const;
type Ownership = (typeof ownerships)[number];
const userIdOf = (ownership: Ownership): string | null =>
  ownership === 'own' ? actingUser : ownership === 'someoneElse' ? 'u2' : null;

const viewerMemberId = 'm-viewer';
const proposals = ['none', 'byViewer', 'byAnother'] as const;
const proposerOf = (proposal: (typeof proposals)[number]): string | null =>
  proposal === 'none' ? null : proposal === 'byViewer' ? viewerMemberId : 'm-other';

function* viewers(): Generator<{ viewer: MemberFacts | undefined; ownership: Ownership | undefined }> {
  yield { viewer: undefined, ownership: undefined };
  for (const role of caseRoles) {
    // A young member's age decides their consent (from 16): one younger, one of age.
    const ages = role === 'young' ? [youngConsentAge - 2, youngConsentAge] : [undefined];
    for (const state of memberStates) {
      for (const ownership of ownerships) {
        for (const age of ages) {
          yield {
            viewer: { memberId: viewerMemberId, userId: userIdOf(ownership), role, state, mandate: 'none', age },
            ownership,
          };
        }
      }
    }
  }
}

function* caseFacts(viewer: MemberFacts | undefined): Generator<CaseFacts> {
  for (const mode of caseModes) {
    for (const riskInFamily of [false, true]) {
      for (const closed of [false, true]) {
        for (const proposal of proposals) {
          yield { caseId: 'case1', mode, riskInFamily, closed, viewer, riskProposedBy: proposerOf(proposal) };
        }
      }
    }
  }
}

interface CaseCombination {
  kind: ActorKind;
  actor: Actor;
  ownership: Ownership | undefined;
  facts: CaseFacts;
}

const caseCombinations: CaseCombination[] = [];
for (const { viewer, ownership } of viewers()) {
  for (const facts of caseFacts(viewer)) {
    for (const kind of actorKinds) {
      caseCombinations.push({ kind, actor: actorOf(kind, viewer?.role), ownership, facts });
    }
  }
}

function describeCase({ kind, ownership, facts }: CaseCombination): string {
  const viewer = facts.viewer;
  const member = viewer === undefined ? 'no member' : `${viewer.role}/${viewer.state} (${ownership ?? ''})`;
  const flags = [
    facts.mode,
    facts.riskInFamily ? 'flagged' : 'unflagged',
    facts.closed ? 'closed' : 'open',
    `proposedBy=${facts.riskProposedBy ?? 'none'}`,
  ];
  return `${kind} as ${member} in ${flags.join(', ')}`;
}

/** Every combination's answer per action, asked once; the properties below read it. */
const caseAnswers = caseCombinations.map((row) =>
  caseActions.map((action) => can(row.actor, 'case', action, row.facts)),
);

/** Checks one property over every combination × action; names the first few that break it. */
function everyCase(property: (row: CaseCombination, action: CaseAction, allowed: boolean) => boolean): void {
  const broken: string[] = [];
  caseCombinations.forEach((row, index) => {
    caseActions.forEach((action, actionIndex) => {
      const allowed = caseAnswers[index]![actionIndex]!;
      if (!property(row, action, allowed) && broken.length < 5) {
        broken.push(`${action} ${allowed ? 'allowed' : 'refused'}: ${describeCase(row)}`);
      }
    });
  });
  assert.deepEqual(broken, []);
}

const isParentKind = ({ kind, facts }: CaseCombination): boolean =>
  kind === 'parentAccount' || facts.viewer?.role === 'parent';

describe(`case rules over every combination (${caseCombinations.length} × ${caseActions.length} actions)`, () => {
  test('admins, anonymous visitors, inactive professionals and those owing a second factor get nothing', () => {
    const powerless: readonly ActorKind[] = [
      'admin',
      'anonymous',
      'inactiveProfessional',
      'professionalWithoutSecondFactor',
    ];
    everyCase(({ kind }, _action, allowed) => !allowed || !powerless.includes(kind));
  });

  test("a membership counts only for its own user: someone else's or an unused one gives nothing", () => {
    everyCase(({ ownership }, action, allowed) => !allowed || action === 'start' || ownership === 'own');
  });

  test("the account must fit the membership's role: a parent account as professional member, or the reverse, gets nothing", () => {
    everyCase(
      ({ kind, facts }, action, allowed) =>
        !allowed || action === 'start' || (facts.viewer !== undefined && kind === fittingKind(facts.viewer.role)),
    );
  });

  test('without a membership, only starting a case; and a case is started only as a new, open, unflagged one', () => {
    everyCase(({ facts }, action, allowed) => {
      if (!allowed) return true;
      if (action !== 'start') return facts.viewer !== undefined;
      return facts.viewer === undefined && !facts.closed && !facts.riskInFamily;
    });
  });

  test('nothing for a member who is not active, except viewPaused for a suspended parent', () => {
    everyCase(({ facts }, action, allowed) => {
      const viewer = facts.viewer;
      if (!allowed || viewer === undefined || viewer.state === 'active') return true;
      return action === 'viewPaused' && viewer.role === 'parent' && viewer.state === 'suspended';
    });
  });

  test('a suspended parent always sees that the case is paused (closed or not, flagged or not); nobody else does', () => {
    everyCase(({ kind, ownership, facts }, action, allowed) => {
      if (action !== 'viewPaused') return true;
      const suspendedParent =
        facts.viewer?.role === 'parent' && facts.viewer.state === 'suspended' && ownership === 'own';
      return allowed === (suspendedParent && kind === 'parentAccount' && facts.mode === 'with-parents');
    });
  });

  test("no parent ever reads or writes the professionals' compartment, or sees what other parents share", () => {
    const professionalsOnly: readonly CaseAction[] = [
      'readProfessionals',
      'postProfessionalMessage',
      'viewSharedEntries',
      'recordMeeting',
    ];
    everyCase((row, action, allowed) => !allowed || !isParentKind(row) || !professionalsOnly.includes(action));
  });

  test('no parent action at all in a professional-only case (not even starting one)', () => {
    everyCase((row, _action, allowed) => !allowed || row.facts.mode !== 'professional-only' || !isParentKind(row));
  });

  test('no parent is invited into a professional-only case or one flagged "risk in the family"', () => {
    everyCase(
      ({ facts }, action, allowed) =>
        !allowed || action !== 'inviteParent' || (facts.mode === 'with-parents' && !facts.riskInFamily),
    );
  });

  test('an observer reads what all members read and writes messages only', () => {
    const observerMay: readonly CaseAction[] = [
      'view',
      'readMembers',
      'viewMemberDetails',
      'postMessage',
      'setNotifications',
    ];
    everyCase(
      ({ facts }, action, allowed) => !allowed || facts.viewer?.role !== 'observer' || observerMay.includes(action),
    );
  });

  test('a closed case allows reads only, and every read of an open case stays allowed once it is closed', () => {
    everyCase(({ facts }, action, allowed) => !allowed || !facts.closed || reads.includes(action));
    everyCase(
      ({ actor, facts }, action, allowed) =>
        !reads.includes(action) || allowed === can(actor, 'case', action, { ...facts, closed: !facts.closed }),
    );
  });

  test('closing, flagging "risk in the family" or making a case professional-only never grants anything', () => {
    everyCase(({ actor, facts }, action, allowed) => {
      if (!allowed) return true;
      const unrestricted = [
        { ...facts, closed: false },
        { ...facts, riskInFamily: false },
        { ...facts, mode: 'with-parents' as const },
      ];
      return unrestricted.every((lighter) => can(actor, 'case', action, lighter));
    });
  });

  test('a parent does not see when police or Veilig Thuis joined once the case is flagged', () => {
    everyCase(
      (row, action, allowed) =>
        !allowed || action !== 'viewMemberDetails' || !isParentKind(row) || !row.facts.riskInFamily,
    );
  });

  test('only an active parent shares journal entries', () => {
    everyCase(
      ({ facts }, action, allowed) =>
        !allowed || action !== 'shareEntries' || (facts.viewer?.role === 'parent' && facts.viewer.state === 'active'),
    );
  });

  test('only Veilig Thuis, the Raad and a jeugdbeschermer state a mandate', () => {
    everyCase(
      ({ facts }, action, allowed) =>
        !allowed ||
        action !== 'setMandate' ||
        ['veilig-thuis', 'raad', 'jeugdbeschermer'].includes(facts.viewer?.role ?? 'none'),
    );
  });

  test('the risk flag takes two professionals: nobody confirms their own proposal, nor one never made', () => {
    everyCase(({ facts }, action, allowed) => {
      if (!allowed || (action !== 'proposeRiskFlag' && action !== 'confirmRiskFlag')) return true;
      const viewer = facts.viewer;
      if (viewer === undefined || !isProfessionalRole(viewer.role) || viewer.role === 'observer') return false;
      const proposer = facts.riskProposedBy ?? null;
      return action === 'proposeRiskFlag'
        ? proposer === null && !facts.riskInFamily
        : proposer !== null && proposer !== viewer.memberId && !facts.riskInFamily;
    });
  });

  test('exports: a summary only by a working professional, the police bundle only by police, an own copy only by a parent', () => {
    everyCase(({ facts }, action, allowed) => {
      if (!allowed) return true;
      const role = facts.viewer?.role;
      if (action === 'exportSummary') return role !== undefined && role !== 'parent' && role !== 'observer';
      if (action === 'exportPoliceBundle') return role === 'police';
      if (action === 'ownCopy') return role === 'parent' && facts.mode === 'with-parents';
      return true;
    });
  });

  test('notifications: every active member sets their own, closed or not; nobody else', () => {
    everyCase(({ kind, ownership, facts }, action, allowed) => {
      if (action !== 'setNotifications') return true;
      const viewer = facts.viewer;
      const own =
        viewer !== undefined &&
        ownership === 'own' &&
        viewer.state === 'active' &&
        kind === fittingKind(viewer.role) &&
        (viewer.role !== 'parent' || facts.mode === 'with-parents');
      return allowed === own;
    });
  });

  test('closing: only an active coordinator of their own open case closes it; a closed case is never closed again', () => {
    everyCase(({ kind, ownership, facts }, action, allowed) => {
      if (action !== 'close') return true;
      const viewer = facts.viewer;
      const own =
        viewer !== undefined &&
        ownership === 'own' &&
        viewer.state === 'active' &&
        viewer.role === 'coordinator' &&
        kind === fittingKind(viewer.role);
      return allowed === (own && !facts.closed);
    });
  });

  test("a young member never reads the members' or professionals' compartment nor any share: only their own home, consent and notifications", () => {
    everyCase(
      ({ kind, facts }, action, allowed) =>
        !allowed || (kind !== 'youngAccount' && facts.viewer?.role !== 'young') || youngMay.includes(action),
    );
  });

  test('nobody but a working professional of the case (not police, not an observer) invites a young person', () => {
    everyCase(({ kind, facts }, action, allowed) => {
      if (!allowed || action !== 'inviteYoung') return true;
      const viewer = facts.viewer;
      return (
        kind === 'fittingProfessional' &&
        viewer !== undefined &&
        isProfessionalRole(viewer.role) &&
        viewer.role !== 'observer' &&
        viewer.role !== 'police' &&
        viewer.state === 'active' &&
        !facts.closed
      );
    });
  });

  test('consent is answered only by the young member themself, from 16, in an open case', () => {
    everyCase(({ kind, ownership, facts }, action, allowed) => {
      if (action !== 'answerConsent') return true;
      const viewer = facts.viewer;
      const answers =
        kind === 'youngAccount' &&
        ownership === 'own' &&
        viewer?.role === 'young' &&
        viewer.state === 'active' &&
        (viewer.age ?? 0) >= youngConsentAge &&
        !facts.closed;
      return allowed === answers;
    });
  });

  test('every action is allowed to someone somewhere (no rule is dead)', () => {
    for (const action of caseActions) {
      assert.ok(
        caseCombinations.some((row) => can(row.actor, 'case', action, row.facts)),
        `${action} is never allowed`,
      );
    }
  });

  test('a parent or a professional who can lead may start a case; school and GP may not', () => {
    const newCase = (mode: CaseFacts['mode']): CaseFacts => ({
      caseId: 'new',
      mode,
      riskInFamily: false,
      closed: false,
      viewer: undefined,
    });
    const parent = actorOf('parentAccount', undefined);
    assert.equal(can(parent, 'case', 'start', newCase('with-parents')), true);
    assert.equal(can(parent, 'case', 'start', newCase('professional-only')), false);
    for (const role of professionalRoles) {
      const leads = caseRoles.some(
        (caseRole) => isProfessionalRole(caseRole) && caseRole !== 'observer' && caseRoleFits(role, caseRole),
      );
      for (const mode of caseModes) {
        assert.equal(can(professional('u9', role), 'case', 'start', newCase(mode)), leads, `${role} starts ${mode}`);
      }
    }
  });
});

// ---- the role × action table of an ordinary case (docs/architecture.md "Case rules") ----

/**
 * Accounts, all of one user, so each resource below (that user's membership in a role) is met by every kind of
 * account: only the accounts that fit the role may act.
 */
const tableActors: Record<string, Actor> = {
  parentAccount: actorOf('parentAccount', undefined),
  careWorker: professional(actingUser, 'care'),
  organisationCoordinator: professional(actingUser, 'coordinator'),
  veiligThuis: professional(actingUser, 'veilig-thuis'),
  jeugdbescherming: professional(actingUser, 'jeugdbescherming'),
  raad: professional(actingUser, 'raad'),
  police: professional(actingUser, 'police'),
  school: professional(actingUser, 'school'),
  gp: professional(actingUser, 'gp'),
  youngAccount: userActor({ userId: actingUser, kind: 'young', hasSecondFactor: false }),
};

/** The actor's membership, active, in an open case with parents, without a flag or a proposal. */
const ordinaryCase = (role: CaseRole): CaseFacts => ({
  caseId: 'case1',
  mode: 'with-parents',
  riskInFamily: false,
  closed: false,
  viewer: {
    memberId: viewerMemberId,
    userId: actingUser,
    role,
    state: 'active',
    mandate: 'none',
    ...(role === 'young' ? { age: youngConsentAge } : {}),
  },
});

/** Every role that works in the case as a whole (the young member reads only their own channel). */
const everyRole = caseRoles.filter((role) => role !== 'young');
const allButObserver = everyRole.filter((role) => role !== 'observer');
const workingProfessionals = caseRoles.filter((role) => role !== 'observer' && isProfessionalRole(role));

/** Which case roles may do what in an ordinary case: the table in docs/architecture.md. */
const roleTable: Record<CaseAction, readonly CaseRole[]> = {
  start: [], // already a member
  view: everyRole,
  viewPaused: [],
  readMembers: everyRole,
  readProfessionals: workingProfessionals,
  postMessage: everyRole,
  postProfessionalMessage: workingProfessionals,
  manageAgreements: allButObserver,
  recordMeeting: workingProfessionals,
  planAppointment: allButObserver,
  moveStep: allButObserver,
  inviteParent: allButObserver,
  inviteProfessional: allButObserver,
  withdrawInvitation: allButObserver,
  proposeRiskFlag: workingProfessionals,
  confirmRiskFlag: [], // nothing proposed
  shareEntries: ['parent'],
  viewSharedEntries: workingProfessionals,
  viewAccessLog: allButObserver,
  recordConsent: allButObserver,
  setMandate: ['veilig-thuis', 'raad', 'jeugdbeschermer'],
  viewMemberDetails: everyRole,
  exportSummary: workingProfessionals,
  exportPoliceBundle: ['police'],
  ownCopy: ['parent'],
  setNotifications: caseRoles,
  close: ['coordinator'],
  inviteYoung: workingProfessionals.filter((role) => role !== 'police'),
  viewAsYoung: ['young'],
  answerConsent: ['young'],
};

/** The accounts that may hold a case role. */
function accountsFitting(role: CaseRole): string[] {
  return Object.keys(tableActors).filter((name) => {
    const actor = tableActors[name]!;
    if (role === 'parent' || role === 'young') return actor.kind === 'user' && actor.roles.includes(role);
    return actor.kind === 'user' && (actor.membership?.roles.some((held) => caseRoleFits(held, role)) ?? false);
  });
}

const tableResources = Object.fromEntries(caseRoles.map((role) => [`as-${role}`, ordinaryCase(role)]));

policyTable(
  'case',
  tableActors,
  tableResources,
  caseActions,
  gridToCases<'case'>(
    Object.keys(tableActors),
    Object.fromEntries(
      caseActions.map((action) => [
        action,
        Object.fromEntries(
          caseRoles.map((role) => [`as-${role}`, roleTable[action].includes(role) ? accountsFitting(role) : []]),
        ),
      ]),
    ) as Record<CaseAction, Record<string, string[]>>,
  ),
);

// ---- the member actions enumerated ----

type Target = CaseMemberFacts['target'];

const otherMemberId = 'm-target';
const mandatesTried: readonly Mandate[] = ['none', 'court-order'];
const inviters = [viewerMemberId, 'm-other', null] as const;
const suspensionProposers = [null, viewerMemberId, 'm-other'] as const;

/** Every other member a viewer can act on, and the viewer's own membership (for leaving). */
function* targets(viewer: MemberFacts | undefined): Generator<Target> {
  for (const role of caseRoles) {
    for (const state of memberStates) {
      for (const mandate of mandatesTried) {
        for (const invitedByMemberId of inviters) {
          for (const suspensionProposedBy of suspensionProposers) {
            yield {
              memberId: otherMemberId,
              userId: state === 'invited' ? null : 'u2',
              role,
              state,
              mandate,
              invitedByMemberId,
              suspensionProposedBy,
            };
          }
        }
      }
    }
  }
  if (viewer !== undefined) {
    for (const invitedByMemberId of inviters) yield { ...viewer, invitedByMemberId, suspensionProposedBy: null };
  }
}

interface MemberCombination {
  actor: Actor;
  facts: CaseMemberFacts;
}

/** The acting user's own membership (or none) × case × target, acted on by the account that fits the role. */
function* memberCombinations(): Generator<MemberCombination> {
  for (const { viewer, ownership } of viewers()) {
    if (ownership !== undefined && ownership !== 'own') continue;
    for (const caseFact of caseFacts(viewer)) {
      if (caseFact.riskProposedBy !== null) continue; // the risk proposal plays no part in member actions
      const actor = actorOf(viewer === undefined ? 'parentAccount' : fittingKind(viewer.role), viewer?.role);
      for (const target of targets(viewer)) yield { actor, facts: { case: caseFact, target } };
    }
  }
}

function describeMember({ facts }: MemberCombination): string {
  const viewer = facts.case.viewer;
  const target = facts.target;
  const self = viewer !== undefined && target.memberId === viewer.memberId;
  return [
    viewer === undefined ? 'no member' : `${viewer.role}/${viewer.state}`,
    `${facts.case.mode}, ${facts.case.riskInFamily ? 'flagged' : 'unflagged'}, ${facts.case.closed ? 'closed' : 'open'}`,
    self
      ? 'on themself'
      : `on ${target.role}/${target.state}/${target.mandate} invited by ${target.invitedByMemberId ?? '-'}, suspension by ${target.suspensionProposedBy ?? '-'}`,
  ].join(' · ');
}

const memberRows = [...memberCombinations()];
const memberAnswers = memberRows.map((row) =>
  memberActions.map((action) => can(row.actor, 'caseMember', action, row.facts)),
);

function everyMemberCase(property: (row: MemberCombination, action: MemberAction, allowed: boolean) => boolean): void {
  const broken: string[] = [];
  memberRows.forEach((row, index) => {
    memberActions.forEach((action, actionIndex) => {
      const allowed = memberAnswers[index]![actionIndex]!;
      if (!property(row, action, allowed) && broken.length < 5) {
        broken.push(`${action} ${allowed ? 'allowed' : 'refused'}: ${describeMember(row)}`);
      }
    });
  });
  assert.deepEqual(broken, []);
}

const youngChannel: readonly MemberAction[] = ['readYoungChannel', 'postYoungMessage'];
const isSelf = ({ facts }: MemberCombination): boolean => facts.target.memberId === facts.case.viewer?.memberId;
const pending = (target: Target): boolean => target.state === 'invited' || target.state === 'accepted';

describe(`member rules over every viewer × case × target (${memberRows.length} × ${memberActions.length} actions)`, () => {
  test('only an active member of an open case acts on members; a parent not in a professional-only case', () => {
    everyMemberCase(({ facts }, action, allowed) => {
      const viewer = facts.case.viewer;
      if (!allowed) return true;
      if (action === 'readYoungChannel') return viewer?.state === 'active';
      return (
        viewer?.state === 'active' &&
        !facts.case.closed &&
        (viewer.role !== 'parent' || facts.case.mode === 'with-parents')
      );
    });
  });

  test('nobody confirms, removes or suspends themselves; leaving is only ever one’s own', () => {
    everyMemberCase(
      (row, action, allowed) => !allowed || youngChannel.includes(action) || (action === 'leave') === isSelf(row),
    );
  });

  test("a young member's channel: only the young member themself and the professional who invited them; never a parent", () => {
    everyMemberCase(({ facts }, action, allowed) => {
      if (!youngChannel.includes(action)) return true;
      const viewer = facts.case.viewer;
      const target = facts.target;
      const may =
        viewer !== undefined &&
        viewer.state === 'active' &&
        target.role === 'young' &&
        target.state === 'active' &&
        (action === 'readYoungChannel' || !facts.case.closed) &&
        (viewer.role === 'young'
          ? target.memberId === viewer.memberId
          : isProfessionalRole(viewer.role) &&
            viewer.role !== 'observer' &&
            target.invitedByMemberId === viewer.memberId);
      return allowed === may;
    });
  });

  test('a parent or a young member never confirms or removes a young member; only their inviter confirms them', () => {
    everyMemberCase(({ facts }, action, allowed) => {
      if (!allowed || facts.target.role !== 'young' || youngChannel.includes(action)) return true;
      const viewer = facts.case.viewer;
      if (viewer === undefined || !isProfessionalRole(viewer.role)) return false;
      return action !== 'confirm' || facts.target.invitedByMemberId === viewer.memberId;
    });
  });

  test('every active member of an open case may leave, a mandated one too (a young member is let go by their professional)', () => {
    everyMemberCase((row, action, allowed) => {
      if (action !== 'leave' || !isSelf(row)) return true;
      const viewer = row.facts.case.viewer;
      if (viewer?.role === 'young') return !allowed;
      const parentShut = viewer?.role === 'parent' && row.facts.case.mode === 'professional-only';
      return allowed === (viewer?.state === 'active' && !row.facts.case.closed && !parentShut);
    });
  });

  test('only someone who used the code and waits is confirmed, by their inviter or the coordinator', () => {
    everyMemberCase(({ facts }, action, allowed) => {
      if (!allowed || action !== 'confirm') return true;
      const viewer = facts.case.viewer;
      return (
        facts.target.state === 'accepted' &&
        facts.target.userId !== null &&
        (facts.target.invitedByMemberId === viewer?.memberId || viewer?.role === 'coordinator')
      );
    });
  });

  test('no parent is confirmed into a professional-only case or one flagged "risk in the family"', () => {
    everyMemberCase(
      ({ facts }, action, allowed) =>
        !allowed ||
        action !== 'confirm' ||
        facts.target.role !== 'parent' ||
        (facts.case.mode === 'with-parents' && !facts.case.riskInFamily),
    );
  });

  test('nobody removes a mandated member; a removed one is not removed again', () => {
    everyMemberCase(
      ({ facts }, action, allowed) =>
        !allowed || action !== 'remove' || (facts.target.mandate === 'none' && facts.target.state !== 'removed'),
    );
  });

  test('a parent removes professionals only, and in a flagged case only invitations they made that are still pending', () => {
    everyMemberCase(({ facts }, action, allowed) => {
      const viewer = facts.case.viewer;
      if (!allowed || action !== 'remove' || viewer?.role !== 'parent') return true;
      const ownPending = pending(facts.target) && facts.target.invitedByMemberId === viewer.memberId;
      return ownPending || (isProfessionalRole(facts.target.role) && !facts.case.riskInFamily);
    });
  });

  test('a parent with custody is never removed by someone else once they joined (they are suspended instead)', () => {
    everyMemberCase(
      ({ facts }, action, allowed) =>
        !allowed || action !== 'remove' || facts.target.role !== 'parent' || pending(facts.target),
    );
  });

  test('a parent may remove any professional without a mandate in an unflagged case; the coordinator too', () => {
    everyMemberCase(({ facts }, action, allowed) => {
      const viewer = facts.case.viewer;
      const target = facts.target;
      const applies =
        action === 'remove' &&
        (viewer?.role === 'parent' || viewer?.role === 'coordinator') &&
        viewer.state === 'active' &&
        facts.case.mode === 'with-parents' &&
        !facts.case.riskInFamily &&
        !facts.case.closed &&
        isProfessionalRole(target.role) &&
        target.memberId !== viewer.memberId &&
        target.mandate === 'none' &&
        target.state !== 'removed';
      return !applies || allowed;
    });
  });

  test('suspension takes two: the coordinator proposes for an active parent, another professional confirms', () => {
    everyMemberCase(({ facts }, action, allowed) => {
      if (!allowed || (action !== 'proposeSuspension' && action !== 'confirmSuspension')) return true;
      const viewer = facts.case.viewer;
      const target = facts.target;
      if (target.role !== 'parent' || target.state !== 'active' || viewer === undefined) return false;
      const proposer = target.suspensionProposedBy ?? null;
      return action === 'proposeSuspension'
        ? viewer.role === 'coordinator' && proposer === null
        : isProfessionalRole(viewer.role) &&
            viewer.role !== 'observer' &&
            proposer !== null &&
            proposer !== viewer.memberId;
    });
  });

  test('resuming takes two as well: the coordinator proposes for a suspended parent, another professional confirms; never under the risk flag', () => {
    everyMemberCase(({ facts }, action, allowed) => {
      if (!allowed || (action !== 'proposeResume' && action !== 'confirmResume')) return true;
      const viewer = facts.case.viewer;
      const target = facts.target;
      if (target.role !== 'parent' || target.state !== 'suspended' || viewer === undefined) return false;
      if (facts.case.riskInFamily || facts.case.mode !== 'with-parents') return false;
      const proposer = target.suspensionProposedBy ?? null;
      return action === 'proposeResume'
        ? viewer.role === 'coordinator' && proposer === null
        : isProfessionalRole(viewer.role) &&
            viewer.role !== 'observer' &&
            proposer !== null &&
            proposer !== viewer.memberId;
    });
  });

  test('an observer does nothing to members but leave', () => {
    everyMemberCase(
      ({ facts }, action, allowed) => !allowed || facts.case.viewer?.role !== 'observer' || action === 'leave',
    );
  });

  test('every member action is allowed to someone somewhere', () => {
    memberActions.forEach((action, actionIndex) => {
      assert.ok(
        memberAnswers.some((answers) => answers[actionIndex]),
        `${action} is never allowed`,
      );
    });
  });
});

// ---- fast-check: accounts and ids in any combination ----

const idPool = ['m1', 'm2', 'm3'];
const userPool = ['u1', 'u2'];
const memberArbitrary: fc.Arbitrary<MemberFacts> = fc.record({
  memberId: fc.constantFrom(...idPool),
  userId: fc.constantFrom<string | null>(...userPool, null),
  role: fc.constantFrom(...caseRoles),
  state: fc.constantFrom(...memberStates),
  mandate: fc.constantFrom<Mandate>('none', 'vt-investigation', 'raad-investigation', 'court-order'),
});
const caseArbitrary: fc.Arbitrary<CaseFacts> = fc.record({
  caseId: fc.constant('case1'),
  mode: fc.constantFrom(...caseModes),
  riskInFamily: fc.boolean(),
  closed: fc.boolean(),
  viewer: fc.option(memberArbitrary, { nil: undefined }),
  riskProposedBy: fc.constantFrom<string | null>(...idPool, null),
});
const targetArbitrary: fc.Arbitrary<Target> = fc
  .tuple(
    memberArbitrary,
    fc.constantFrom<string | null>(...idPool, null),
    fc.constantFrom<string | null>(...idPool, null),
  )
  .map(([member, invitedByMemberId, suspensionProposedBy]) => ({ ...member, invitedByMemberId, suspensionProposedBy }));
const actorArbitrary: fc.Arbitrary<{ kind: ActorKind; actor: Actor }> = fc
  .tuple(fc.constantFrom(...actorKinds), fc.constantFrom(...caseRoles), fc.constantFrom(...userPool))
  .map(([kind, role, userId]) => ({ kind, actor: actorOf(kind, role, userId) }));
const runs = { numRuns: 2000 };

describe('case rules with random accounts and colliding ids (fast-check)', () => {
  test('whatever the facts, an admin, anonymous visitor or inactive professional gets no case or member action', () => {
    fc.assert(
      fc.property(caseArbitrary, targetArbitrary, fc.constantFrom(...professionalRoles), (facts, target, role) => {
        const powerless = [
          anonymous,
          userActor({ userId: 'u1', kind: 'admin', hasSecondFactor: true }),
          professional('u1', role, false),
          professional('u1', role, true, false),
        ];
        return powerless.every(
          (actor) =>
            caseActions.every((action) => !can(actor, 'case', action, facts)) &&
            memberActions.every((action) => !can(actor, 'caseMember', action, { case: facts, target })),
        );
      }),
      runs,
    );
  });

  test('a membership of another user, or one whose role the account does not fit, gives no action', () => {
    fc.assert(
      fc.property(actorArbitrary, caseArbitrary, targetArbitrary, ({ actor }, facts, target) => {
        const viewer = facts.viewer;
        if (viewer === undefined || actor.kind !== 'user') return true;
        const roleFits =
          viewer.role === 'parent' || viewer.role === 'young'
            ? actor.roles.includes(viewer.role)
            : actor.roles.includes('professional') &&
              (actor.membership?.roles.some((held) => caseRoleFits(held, viewer.role)) ?? false);
        if (viewer.userId === actor.userId && roleFits) return true;
        return (
          caseActions.every((action) => !can(actor, 'case', action, facts)) &&
          memberActions.every((action) => !can(actor, 'caseMember', action, { case: facts, target }))
        );
      }),
      runs,
    );
  });

  test('nobody confirms, removes or suspends a member with their own member or user id; leaving needs both', () => {
    fc.assert(
      fc.property(actorArbitrary, caseArbitrary, targetArbitrary, ({ actor }, facts, target) => {
        const viewer = facts.viewer;
        const sameMember = viewer !== undefined && target.memberId === viewer.memberId;
        const sameUser = actor.kind === 'user' && target.userId === actor.userId;
        const memberFacts = { case: facts, target };
        const onOthers = (
          ['confirm', 'remove', 'proposeSuspension', 'confirmSuspension', 'proposeResume', 'confirmResume'] as const
        ).some((action) => can(actor, 'caseMember', action, memberFacts));
        const leaves = can(actor, 'caseMember', 'leave', memberFacts);
        return (!onOthers || (!sameMember && !sameUser)) && (!leaves || (sameMember && sameUser));
      }),
      runs,
    );
  });

  test('nobody confirms the risk flag, a suspension or a resumption they proposed', () => {
    fc.assert(
      fc.property(actorArbitrary, caseArbitrary, targetArbitrary, ({ actor }, facts, target) => {
        const viewer = facts.viewer;
        if (viewer === undefined) return true;
        const ownRiskProposal = facts.riskProposedBy === viewer.memberId;
        const ownSuspensionProposal = target.suspensionProposedBy === viewer.memberId;
        return (
          (!ownRiskProposal || !can(actor, 'case', 'confirmRiskFlag', facts)) &&
          (!ownSuspensionProposal ||
            (!can(actor, 'caseMember', 'confirmSuspension', { case: facts, target }) &&
              !can(actor, 'caseMember', 'confirmResume', { case: facts, target })))
        );
      }),
      runs,
    );
  });
});
