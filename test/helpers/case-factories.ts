import assert from 'node:assert/strict';
import type { CaseActor, CasePageData, CasesService } from '../../src/features/cases/cases.service.js';
import {
  type CaseRole,
  isProfessionalCaseRole,
  type MemberState,
  type ProfessionalCaseRole,
} from '../../src/features/cases/cases.types.js';
import type { ProfessionalRole } from '../../src/shared/policy/actor.js';
import { csrfTokenFrom, withCookiesOf } from './app.js';
import { type AppUnderTest, type BuiltAccount, buildAdmin, buildParent, buildProfessional } from './factories.js';
import type { TestDatabase } from './databases.js';
import type { SmtpSink } from './smtp-sink.js';

/*
 * Cases with a member of every role in every membership state, made the way people make them: accounts through
 * the forms (factories.ts: parents sign up, professionals are invited by an admin, sign up, set up a second factor
 * and are activated by two admins), and every step of the case's life cycle through the app's own cases service
 * (start, invite, join with the code, confirm after the safety number, remove or leave, suspension proposed by the
 * coordinator and confirmed by a second professional). Nothing is written to the case tables directly, so the rows
 * are exactly the ones the service writes. Each member with an account comes back with its browser's cookies (for
 * HTTP tests) and its CaseActor (for service tests).
 *
 * States per role, as far as the service can reach them: every role is invited (a code nobody used), accepted
 * (used the code, not yet confirmed), active and removed (a parent removes a professional without a mandate; a
 * mandated member — the Raad, a jeugdbeschermer — leaves, as nobody else may remove them); suspended exists only
 * for parents (the only members the service suspends: coordinator proposes, another professional confirms).
 */

/** The account's professional role that fits each case role (cases.types.ts caseRoleFits). */
const accountRoleFor: Record<ProfessionalCaseRole, ProfessionalRole> = {
  care: 'care',
  coordinator: 'coordinator',
  'veilig-thuis': 'veilig-thuis',
  jeugdbeschermer: 'jeugdbescherming',
  raad: 'raad',
  police: 'police',
  observer: 'school',
};

export const caseRolesInOrder: readonly CaseRole[] = [
  'parent',
  'care',
  'coordinator',
  'veilig-thuis',
  'jeugdbeschermer',
  'raad',
  'police',
  'observer',
];

/** The states a member with an account can be in (an invited member has no account yet). */
export type ActorState = Exclude<MemberState, 'invited'>;

/** Every role × state the service can reach, with an account: what an IDOR test runs as. */
export function reachableStates(role: CaseRole): readonly ActorState[] {
  return role === 'parent' ? ['accepted', 'active', 'suspended', 'removed'] : ['accepted', 'active', 'removed'];
}

export interface CaseMemberActor {
  /** e.g. "care/active", "parent/starter". */
  name: string;
  role: CaseRole;
  state: ActorState;
  memberId: string;
  account: BuiltAccount;
  /** The account's professional role at its organisation (undefined for a parent). */
  professionalRole: ProfessionalRole | undefined;
}

export interface BuiltCase {
  caseId: string;
  label: string;
  /** The parent who started the case (active). */
  starter: CaseMemberActor;
  /** Every member with an account, the starter first. */
  actors: CaseMemberActor[];
  /** Members that are only invited (no account): one per role. */
  invited: { role: CaseRole; memberId: string }[];
  /** Every member id of the case (all states), and every invitation id. */
  memberIds: string[];
  invitationIds: string[];
}

/** What every case of one app shares: two admins (four eyes for activation), a verified organisation, the mail sink. */
export interface CaseWorld {
  target: CaseTestApp;
  sink: SmtpSink;
  admins: readonly [BuiltAccount, BuiltAccount];
  organisationId: string;
  /** The police unit police members are invited for (the first of the reference data). */
  policeUnit: string;
}

/** A test app with its database (TestApp or what appForSuite returns): member ids are read back from it. */
export type CaseTestApp = AppUnderTest & { database: TestDatabase };

/** The cases service the app runs on. */
export const casesOf = (target: AppUnderTest): CasesService => target.services.cases;

/** The CaseActor of an account's current session (what a route hands the service). */
export async function caseActorOf(target: AppUnderTest, account: Pick<BuiltAccount, 'session'>): Promise<CaseActor> {
  const session = await target.services.accounts.currentSession(account.session);
  assert.ok(session !== undefined && session !== null, 'the account is signed in');
  return { actor: session.actor, userId: session.userId, keys: session.keys };
}

let worlds = 0;

/**
 * Two admins with a second factor and the first verified organisation the app knows. The app must send mail to
 * `sink` (SMTP_URL), as buildProfessional reads the invitation link from it.
 */
export async function prepareCaseWorld(target: CaseTestApp, sink: SmtpSink): Promise<CaseWorld> {
  worlds += 1;
  const first = await buildAdmin(target, { username: `lijn.beheer.${process.pid}.${worlds}.a` });
  const second = await buildAdmin(target, { username: `lijn.beheer.${process.pid}.${worlds}.b` });
  const organisation = await target.database.handle.db
    .selectFrom('organisations')
    .select('id')
    .where('verified', '=', 1)
    .orderBy('slug')
    .executeTakeFirstOrThrow();
  const unit = await target.database.handle.db
    .selectFrom('police_units')
    .select('name')
    .orderBy('name')
    .executeTakeFirstOrThrow();
  return { target, sink, admins: [first, second], organisationId: organisation.id, policeUnit: unit.name };
}

const consent = { grondslag: 'parent', kindWeet: 'unknown' } as const;

/** An active professional of the world's verified organisation, in the account role that fits `caseRole`. */
export function caseProfessional(world: CaseWorld, caseRole: ProfessionalCaseRole, name: string, passphrase?: string) {
  return buildProfessional(world.target, {
    username: name,
    ...(passphrase !== undefined && { passphrase }),
    invitedBy: world.admins[0],
    sink: world.sink,
    organisationId: world.organisationId,
    role: accountRoleFor[caseRole],
    ...(caseRole === 'police' && { policeUnit: world.policeUnit }),
    activatedBy: world.admins,
  });
}

/** A case of one parent and one confirmed professional in `caseRole`, who joined with the parent's code. */
export async function buildParentProfessionalCase(
  world: CaseWorld,
  options: {
    caseRole: ProfessionalCaseRole;
    parentName: string;
    professionalName: string;
    passphrase: string;
    /** The child's name the parent starts the case with. */
    childName: string;
  },
): Promise<{
  caseId: string;
  parent: BuiltAccount;
  professional: BuiltAccount;
  parentWho: CaseActor;
  professionalWho: CaseActor;
}> {
  const { target } = world;
  const parent = await buildParent(target, { username: options.parentName, passphrase: options.passphrase });
  const professional = await caseProfessional(world, options.caseRole, options.professionalName, options.passphrase);
  const parentWho = await caseActorOf(target, parent);
  const started = await casesOf(target).start(parentWho, { naam: options.childName, ...consent });
  assert.ok(started.ok);
  const { code, memberId } = await inviteInto(target, parentWho, started.caseId, options.caseRole);
  const professionalWho = await caseActorOf(target, professional);
  await joinWith(target, professionalWho, code);
  await confirmMember(target, parentWho, started.caseId, memberId);
  return { caseId: started.caseId, parent, professional, parentWho, professionalWho };
}

/** The case page as `who` sees it, asserting it is the active page. */
export async function activeCasePage(target: CaseTestApp, who: CaseActor, caseId: string): Promise<CasePageData> {
  const page = await casesOf(target).casePage(who, caseId);
  assert.equal(page.kind, 'active', `the case page is ${page.kind}`);
  return page;
}

/** Invites `role` into the case as `inviter`; returns the code and the new member's id. */
export async function inviteInto(
  target: CaseTestApp,
  inviter: CaseActor,
  caseId: string,
  role: CaseRole,
): Promise<{ code: string; memberId: string }> {
  const invited = await casesOf(target).invite(inviter, caseId, { rol: role });
  assert.ok(invited.ok, `inviting ${role}: ${JSON.stringify(invited)}`);
  const row = await target.database.handle.db
    .selectFrom('case_members')
    .select('id')
    .where('case_id', '=', caseId)
    .where('role', '=', role)
    .where('state', '=', 'invited')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return { code: invited.code, memberId: row.id };
}

/** `who` uses the code: they wait as 'accepted'. */
export async function joinWith(target: CaseTestApp, who: CaseActor, code: string): Promise<void> {
  const joined = await casesOf(target).join(who, { code });
  assert.ok(joined.ok, `joining: ${JSON.stringify(joined)}`);
}

/** `confirmer` confirms `memberId` with the key id their page shows next to the safety number. */
export async function confirmMember(
  target: CaseTestApp,
  confirmer: CaseActor,
  caseId: string,
  memberId: string,
): Promise<void> {
  const page = await activeCasePage(target, confirmer, caseId);
  const member = page.members.find((row) => row.id === memberId);
  assert.ok(member?.safety !== undefined, 'the confirmer sees a safety number for the member');
  const confirmed = await casesOf(target).confirm(confirmer, caseId, memberId, {
    sleutel: member.safety.keyId,
    ...consent,
  });
  assert.deepEqual(confirmed, { ok: true });
}

/** Every active member opens the case and asks for each key they are meant to hold: keys made on first use exist. */
export async function settleKeys(target: CaseTestApp, built: BuiltCase): Promise<void> {
  for (const member of built.actors) {
    if (member.state !== 'active') continue;
    const who = await caseActorOf(target, member.account);
    const opened = await casesOf(target).openCase(who, built.caseId);
    await opened.key('members').catch(() => undefined);
    await opened.key('professionals').catch(() => undefined);
  }
}

export interface CaseOptions {
  /** The child's label (case content: must never show outside the case). */
  label: string;
  /** A prefix for the accounts' names, unique in the app. */
  prefix: string;
}

/**
 * A case started by a parent, with a member of every role in every state the service can reach (see the top of
 * this file), each made through the cases service. The active members have opened the case, so the keys made on
 * first use (the professionals' key, keys after a removal) exist.
 */
export async function buildCaseWithEveryone(world: CaseWorld, options: CaseOptions): Promise<BuiltCase> {
  const target = world.target;
  const cases = casesOf(target);
  const starterAccount = await buildParent(target, { username: `${options.prefix}.ouder.start` });
  const starterWho = await caseActorOf(target, starterAccount);
  const started = await cases.start(starterWho, { naam: options.label, ...consent });
  assert.ok(started.ok, `starting the case: ${JSON.stringify(started)}`);
  const caseId = started.caseId;
  const starterMember = await target.database.handle.db
    .selectFrom('case_members')
    .select('id')
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  const starter: CaseMemberActor = {
    name: 'parent/starter',
    role: 'parent',
    state: 'active',
    memberId: starterMember.id,
    account: starterAccount,
    professionalRole: undefined,
  };
  const actors: CaseMemberActor[] = [starter];
  const invited: BuiltCase['invited'] = [];

  // Everyone with an account: in, and confirmed unless they are to wait.
  for (const role of caseRolesInOrder) {
    for (const state of reachableStates(role)) {
      const name = `${options.prefix}.${role}.${state}`;
      const account = isProfessionalCaseRole(role)
        ? await caseProfessional(world, role, name).catch((error: unknown) => {
            throw new Error(`${name}: ${String(error)}`);
          })
        : await buildParent(target, { username: name });
      const who = await caseActorOf(target, account);
      const { code, memberId } = await inviteInto(target, starterWho, caseId, role);
      await joinWith(target, who, code);
      if (state !== 'accepted') await confirmMember(target, starterWho, caseId, memberId);
      actors.push({
        name: `${role}/${state}`,
        role,
        state,
        memberId,
        account,
        professionalRole: isProfessionalCaseRole(role) ? accountRoleFor[role] : undefined,
      });
    }
    invited.push({ role, memberId: (await inviteInto(target, starterWho, caseId, role)).memberId });
  }
  const built: BuiltCase = {
    caseId,
    label: options.label,
    starter,
    actors,
    invited,
    memberIds: [],
    invitationIds: [],
  };
  await settleKeys(target, built);

  // Suspension (parents only): the coordinator proposes, a second professional (the care worker) confirms.
  const actorOf = (role: CaseRole, state: ActorState) => actors.find((a) => a.role === role && a.state === state)!;
  const coordinator = await caseActorOf(target, actorOf('coordinator', 'active').account);
  const care = await caseActorOf(target, actorOf('care', 'active').account);
  for (const member of actors.filter((a) => a.state === 'suspended')) {
    const proposed = await cases.suspend(coordinator, caseId, member.memberId);
    assert.deepEqual(proposed, { ok: true, step: 'proposed' });
    const confirmed = await cases.suspend(care, caseId, member.memberId);
    assert.deepEqual(confirmed, { ok: true, step: 'suspended' });
  }
  // Removal: a parent removes a professional without a mandate; a mandated member and a parent leave themselves.
  for (const member of actors.filter((a) => a.state === 'removed')) {
    const self = await caseActorOf(target, member.account);
    const mandated = member.role === 'raad' || member.role === 'jeugdbeschermer' || member.role === 'parent';
    const removed = await cases.remove(mandated ? self : starterWho, caseId, member.memberId);
    assert.deepEqual(removed, { ok: true, left: mandated });
    await settleKeys(target, built);
  }

  const db = target.database.handle.db;
  built.memberIds = (await db.selectFrom('case_members').select('id').where('case_id', '=', caseId).execute()).map(
    (row) => row.id,
  );
  built.invitationIds = (
    await db.selectFrom('case_invitations').select('id').where('case_id', '=', caseId).execute()
  ).map((row) => row.id);
  // Every state is there, as the service wrote it.
  const states = await db.selectFrom('case_members').select(['role', 'state']).where('case_id', '=', caseId).execute();
  for (const role of caseRolesInOrder) {
    for (const state of ['invited', ...reachableStates(role)]) {
      assert.ok(
        states.some((row) => row.role === role && row.state === state),
        `a ${role} member in state ${state}`,
      );
    }
  }
  return built;
}

/** The member of `built` in `role` and `state`. */
export function memberOf(built: BuiltCase, role: CaseRole, state: ActorState): CaseMemberActor {
  const found = built.actors.find((actor) => actor.role === role && actor.state === state);
  assert.ok(found !== undefined, `no ${role} in state ${state}`);
  return found;
}

/** What addCaseContent wrote: every id a route could take, and the texts that must never show outside the case. */
export interface CaseContent {
  agreementId: string;
  professionalAgreementId: string;
  meetingId: string;
  appointmentId: string;
  messageId: string;
  professionalMessageId: string;
  /** The starter parent's journal entry, shared into the case. */
  entryId: string;
  /** Every text written into the case (the label too): each contains the marker. */
  texts: string[];
}

/**
 * Content of every kind, each through the service its route calls: an agreement for everyone and one for the
 * professionals (by the care worker), a meeting, a next step, a message in each channel, and a journal entry the
 * starter parent writes through the journal form and shares into the case. Every text carries `marker`.
 */
export async function addCaseContent(target: CaseTestApp, built: BuiltCase, marker: string): Promise<CaseContent> {
  const items = target.services.caseItems;
  const db = target.database.handle.db;
  const starter = await caseActorOf(target, built.starter.account);
  const care = await caseActorOf(target, memberOf(built, 'care', 'active').account);
  const asStarter = await casesOf(target).openCase(starter, built.caseId);
  const asCare = await casesOf(target).openCase(care, built.caseId);
  const texts = [built.label];
  const text = (what: string) => {
    const value = `${marker} ${what}`;
    texts.push(value);
    return value;
  };
  const created = (result: { ok: true; id: string } | { ok: false }) => {
    assert.ok(result.ok, JSON.stringify(result));
    return result.id;
  };
  const agreementId = created(
    await items.createAgreement(starter.actor, asStarter, {
      wat: text('afspraak'),
      wie: '',
      datum: '',
      voor: 'iedereen',
    }),
  );
  const professionalAgreementId = created(
    await items.createAgreement(care.actor, asCare, {
      wat: text('afspraak professionals'),
      wie: 'rol:police',
      datum: '2031-02-03',
      voor: 'professionals',
    }),
  );
  const today = new Date().toISOString().slice(0, 10);
  const meetingId = created(
    await items.recordMeeting(care.actor, asCare, {
      datum: today,
      samenvatting: text('overleg'),
      besluiten: text('besluit'),
      voor: 'iedereen',
      'ouder-uitgenodigd': 'ja',
      'aanwezig-care': 'ja',
    }),
  );
  const appointmentId = created(
    await items.planAppointment(care.actor, asCare, {
      soort: 'afspraak',
      wat: text('afspraak in de agenda'),
      datum: '2031-03-04',
      tijd: '10:30',
      wie: 'rol:care',
      voor: 'iedereen',
    }),
  );
  assert.deepEqual(await items.postMessage(starter.actor, asStarter, 'members', { bericht: text('bericht') }), {
    ok: true,
  });
  assert.deepEqual(
    await items.postMessage(care.actor, asCare, 'professionals', { bericht: text('bericht professionals') }),
    { ok: true },
  );
  const messages = await db
    .selectFrom('case_messages')
    .select(['id', 'compartment'])
    .where('case_id', '=', built.caseId)
    .execute();
  const messageId = messages.find((row) => row.compartment === 'members')!.id;
  const professionalMessageId = messages.find((row) => row.compartment === 'professionals')!.id;

  // A journal entry through the form, shared into the case by its parent.
  const page = await target.app.inject({
    method: 'GET',
    url: '/logboek/nieuw',
    cookies: built.starter.account.cookies,
  });
  assert.equal(page.statusCode, 200);
  const added = await target.app.inject({
    method: 'POST',
    url: '/logboek',
    cookies: withCookiesOf(built.starter.account.cookies, page.headers),
    payload: {
      _csrf: csrfTokenFrom(page.body),
      datum: '2026-11-20',
      categorie: 'behaviour',
      tekst: text('logboek'),
      regel: 'ja',
      metadata: 'ja',
    },
  });
  assert.equal(added.statusCode, 303, `the journal entry answered ${added.statusCode}`);
  const entryId = String(added.headers.location).split('/').pop()!;
  const shared = await target.services.caseShares.share({ ...starter }, asStarter, [entryId], {
    basis: 'parent',
    childKnows: 'unknown',
    childIs16OrOlder: false,
  });
  assert.equal(shared.shared, 1);
  return {
    agreementId,
    professionalAgreementId,
    meetingId,
    appointmentId,
    messageId,
    professionalMessageId,
    entryId,
    texts,
  };
}
