import { randomUUID } from 'node:crypto';
import type { KeyRing } from '../../shared/auth/key-ring.js';
import type { Ciphertext } from '../../shared/crypto/aead.js';
import type { KeyedHash } from '../../shared/crypto/keyed-hash.js';
import type { Trx } from '../../shared/db/transaction.js';
import { NotFound } from '../../shared/errors.js';
import type { FieldError } from '../../shared/errors.js';
import type { FormValues } from '../../shared/http/forms.js';
import { type Actor, hasRole, membershipOf } from '../../shared/policy/actor.js';
import { keyId as signingKeyId } from '../../shared/evidence/format.js';
import { authorize, can } from '../../policies.js';
import { type AuditRecorder, type AuditTrail, requestIdOf } from '../audit/audit.service.js';
import {
  KeyWrapRefused,
  memberKeyId,
  newCompartmentKey,
  openCaseText,
  safetyNumber,
  sealCaseContent,
  type StoredKeyWrap,
  unwrapCompartmentKey,
  type WrapGranter,
  type WrapRecipient,
  wrapCompartmentKey,
} from './case-keys.js';
import type {
  CasesRepository,
  CaseUnit,
  GrantedWrap,
  MemberWithKeys,
  Opening,
  RiskState,
  StoredCase,
  StoredConsent,
  StoredInvitation,
  StoredMember,
} from './cases.repo.js';
import {
  formatCode,
  isId,
  newInvitationCode,
  parseConfirmForm,
  parseInviteForm,
  parseJoinForm,
  parseMandateForm,
  parsePoliceForm,
  parseStartForm,
} from './cases.schema.js';
import {
  type CaseFacts,
  type CaseMemberFacts,
  type CaseRole,
  caseRoleFits,
  caseRoles,
  type Compartment,
  type CompartmentKey,
  isProfessionalCaseRole,
  type Mandate,
  type MemberFacts,
  type OpenedCase,
  type ProfessionalCaseRole,
  shareCompartment,
  youngCompartment,
} from './cases.types.js';
import type { ProfessionalRole } from '../../shared/policy/actor.js';
import { refuseWhenYoungRefused, type YoungConsentCheck } from './case-young.consent.js';

/*
 * The case space's life cycle (issue 14, ADR 0027): start a case, list mine, open one for a request (openCase,
 * which the items and shares use), invite with a single-use code, join, confirm after comparing safety numbers,
 * withdraw, remove, suspend a parent and flag "risk in the family" (both four eyes), mandates. Keys move only
 * here: a change that takes a member out bumps the epoch of every compartment they held, wraps a new key to the
 * remaining holders (when the acting member may grant it) and deletes the member's wraps, in one transaction with
 * its audit line and timeline event. A compartment whose new key the actor may not grant (a parent never holds the
 * professionals' key; only a parent grants their share key) gets its key from the next member who may: key()
 * makes it on first use, and grants keys a confirmed member is missing.
 */

/** Who acts: the policy's actor and the account's keys for this request. */
export interface CaseActor {
  actor: Actor;
  userId: string;
  keys: KeyRing;
}

/** A timeline event of the case's own life cycle, written in the change's transaction (case-items recordCaseEvent). */
export interface CoreCaseEvent {
  caseId: string;
  compartment: Compartment;
  kind: string;
  refId?: string | null;
  actorMemberId?: string | null;
  subjectMemberId?: string | null;
  hideOnRisk?: boolean;
  createdAt: string;
}

export interface CasesSettings {
  /** How long an invitation code can be used (72 hours by default). */
  invitationValidMs: number;
  /** Keyed hashes under the pepper: invitation codes are stored only so. */
  keyedHash: KeyedHash;
  /** Writes a timeline event in the change's transaction; nothing when not given (repository tests). */
  recordEvent?: (trx: Trx, event: CoreCaseEvent) => Promise<unknown>;
  /** Whether a young member of 16 or older refused a flow (case-young.consent.ts); no check when not given. */
  youngConsent?: YoungConsentCheck;
  /**
   * The pathway a new case follows, from the organisation of the professional who starts it (ADR 0037): its
   * veiligheidsregio's variant when one is published, else 'national'. Not given: every case is national.
   */
  pathwayKeyFor?: (organisationId: string | null) => Promise<string>;
}

/** A refusal a person can act on, shown in their language (cases.messages.ts), with the status it is sent with. */
export interface Refusal {
  ok: false;
  problem: CaseProblem;
  status: 400 | 403 | 409 | 410;
}

export type CaseProblem =
  | 'code-unknown'
  | 'code-used'
  | 'code-expired'
  | 'code-withdrawn'
  | 'code-wrong-account'
  | 'code-unverified'
  | 'code-already-member'
  | 'code-parents-closed'
  | 'key-changed'
  | 'not-now'
  | 'mandated'
  | 'same-person';

const refuse = (problem: CaseProblem, status: Refusal['status'] = 409): Refusal => ({ ok: false, problem, status });

/** A four-eyes change's outcome: which of its two steps was taken. */
const stepped = <Step extends string>(step: Step) => ({ ok: true as const, step });

export interface FormRefusal {
  ok: false;
  form: { values: FormValues; problems: FieldError[] };
}

/** Roles whose membership carries a mandate from the start (a parent cannot remove them). */
const mandateAtStart = (role: CaseRole): Mandate => {
  if (role === 'raad') return 'raad-investigation';
  if (role === 'jeugdbeschermer') return 'court-order';
  return 'none';
};

const isProfessionalRole = (role: CaseRole): role is ProfessionalCaseRole => isProfessionalCaseRole(role);

/** Who is meant to hold a compartment's key: members all; the professionals' key working professionals; a share its parent and working professionals. */
export function entitled(member: Pick<StoredMember, 'id' | 'role'>, compartment: Compartment): boolean {
  // A young member's channel is keyed by case-young.service.ts alone (to them and their inviter); a young member
  // holds no other key.
  if (member.role === 'young' || compartment.startsWith('young:')) return false;
  if (compartment === 'members') return true;
  const working = member.role !== 'parent' && member.role !== 'observer';
  if (compartment === 'professionals') return working;
  return working || compartment === shareCompartment(member.id);
}

/** Who may make and grant a compartment's key: any holder, but a share key only its parent. */
export function mayGrant(member: Pick<StoredMember, 'id' | 'role'>, compartment: Compartment): boolean {
  if (compartment.startsWith('share:')) return compartment === shareCompartment(member.id);
  return entitled(member, compartment);
}

/**
 * Opens one of my wraps. Its granter (read with the wrap) must be a member of this case whom `granterMay` accepts,
 * and the wrap signed with their signing key of the wrap's key id: their current one, one kept after their account
 * was deleted, or (read only then) a retired one. Throws KeyWrapRefused otherwise.
 */
export async function openGrantedWrap(
  wrap: GrantedWrap,
  me: StoredMember,
  keys: KeyRing,
  reads: Pick<CasesRepository, 'retiredSigningKeys'>,
  granterMay: (granter: NonNullable<GrantedWrap['granter']>) => boolean,
): Promise<CompartmentKey> {
  const granter = wrap.granter;
  if (granter === undefined || granter.caseId !== me.caseId || !granterMay(granter) || me.confirmedKeyId === null) {
    throw new KeyWrapRefused();
  }
  const signedWith = (candidates: readonly Buffer[]) =>
    candidates.find((key) => signingKeyId(key) === wrap.granterKeyId);
  const granterKey =
    signedWith(granter.signingKeys) ??
    (granter.userId === null ? undefined : signedWith(await reads.retiredSigningKeys(granter.userId)));
  if (granterKey === undefined) throw new KeyWrapRefused();
  return unwrapCompartmentKey(wrap, {
    caseId: me.caseId,
    compartment: wrap.compartment,
    epoch: wrap.epoch,
    recipient: { memberId: me.id, keyId: me.confirmedKeyId, x25519Private: keys.sharingKey().privateKey },
    granter: wrap.compartment.startsWith('share:')
      ? { ed25519Public: granterKey, memberId: granter.id }
      : { ed25519Public: granterKey },
  });
}

/** The member's current key id (their account's keys now), or undefined when the account is gone. */
const currentKeyId = (member: MemberWithKeys): string | undefined =>
  member.x25519Public === undefined || member.ed25519Public === undefined
    ? undefined
    : memberKeyId(member.x25519Public, member.ed25519Public);

/** A member keys may reach: active, and their keys are the ones confirmed. */
function recipientOf(member: MemberWithKeys): WrapRecipient | undefined {
  if (member.state !== 'active' || member.x25519Public === undefined) return undefined;
  const keyId = currentKeyId(member);
  if (keyId === undefined || keyId !== member.confirmedKeyId) return undefined;
  return { memberId: member.id, x25519Public: member.x25519Public, keyId };
}

const memberFacts = (member: StoredMember): MemberFacts => ({
  memberId: member.id,
  userId: member.userId,
  role: member.role,
  state: member.state,
  mandate: member.mandate,
});

export function caseFacts(stored: StoredCase, viewer: StoredMember | undefined): CaseFacts {
  return {
    caseId: stored.id,
    mode: stored.mode,
    riskInFamily: stored.risk === 'confirmed',
    closed: stored.closedAt !== null,
    viewer: viewer === undefined ? undefined : memberFacts(viewer),
    riskProposedBy: stored.risk === 'proposed' ? stored.riskProposedBy : null,
    ...(stored.pathwayKey !== undefined && stored.pathwayKey !== 'national' && { pathwayKey: stored.pathwayKey }),
  };
}

const targetFacts = (facts: CaseFacts, target: StoredMember): CaseMemberFacts => ({
  case: facts,
  target: {
    ...memberFacts(target),
    invitedByMemberId: target.invitedByMemberId,
    suspensionProposedBy: target.suspensionProposedBy,
  },
});

/** Police and Veilig Thuis: who they are and when they joined is hidden from parents under the risk flag. */
const hiddenOnRisk = (role: CaseRole): boolean => role === 'police' || role === 'veilig-thuis';

export interface MemberView {
  id: string;
  role: CaseRole;
  state: StoredMember['state'];
  mandate: Mandate;
  organisationName: string | undefined;
  policeUnit: string | null;
  reference: string | undefined;
  since: string;
  isMe: boolean;
  /** Active, but their keys changed since they were confirmed: they must be confirmed again. */
  needsConfirmation: boolean;
  suspensionProposed: boolean;
  /** For a member who used a code (or whose keys changed): the number to compare, and their key id now. */
  safety: { number: string; keyId: string } | undefined;
  may: {
    confirm: boolean;
    remove: boolean;
    proposeSuspension: boolean;
    confirmSuspension: boolean;
    proposeResume: boolean;
    confirmResume: boolean;
  };
}

export interface InvitationView {
  id: string;
  role: CaseRole;
  state: 'open' | 'used' | 'expired' | 'withdrawn';
  expiresAt: string;
  createdAt: string;
  mayWithdraw: boolean;
}

export interface CasePageData {
  kind: 'active';
  caseId: string;
  label: string;
  mode: StoredCase['mode'];
  risk: RiskState;
  /** Whether I proposed the risk flag that waits for a second professional. */
  riskProposedByMe: boolean;
  closed: boolean;
  viewer: StoredMember;
  members: MemberView[];
  invitations: InvitationView[];
  consents: StoredConsent[];
  may: {
    inviteParent: boolean;
    inviteProfessional: boolean;
    proposeRisk: boolean;
    confirmRisk: boolean;
    setMandate: boolean;
    police: boolean;
    viewSharedEntries: boolean;
    shareEntries: boolean;
  };
  /** For the items and shares to add their parts (the opened case of this request). */
  opened: OpenedCase;
}

export interface WaitingPageData {
  kind: 'waiting';
  caseId: string;
  role: CaseRole;
  /** The members who may confirm me, with the number to compare with each. */
  confirmers: { role: CaseRole; organisationName: string | undefined; number: string }[];
  /** My keys changed after I was confirmed (not a first joining). */
  again: boolean;
}

export interface PausedPageData {
  kind: 'paused';
  caseId: string;
}

export interface MyCaseView {
  caseId: string;
  /** undefined when my key to the label is missing (waiting for confirmation, paused). */
  label: string | undefined;
  role: CaseRole;
  state: StoredMember['state'];
  mode: StoredCase['mode'];
  createdAt: string;
}

/** Case content opened, or undefined when it does not open (another key, a changed byte): never a 500. */
function readable(
  key: CompartmentKey,
  purpose: 'case/label' | 'case/item',
  recordId: string,
  ciphertext: string,
): string | undefined {
  try {
    return openCaseText(key, purpose, recordId, ciphertext as Ciphertext);
  } catch {
    return undefined;
  }
}

const invitationState = (invitation: StoredInvitation, now: number): InvitationView['state'] => {
  if (invitation.usedAt !== null) return 'used';
  if (invitation.withdrawnAt !== null) return 'withdrawn';
  return Date.parse(invitation.expiresAt) <= now ? 'expired' : 'open';
};

export function createCasesService(
  repo: CasesRepository,
  audit: AuditRecorder,
  settings: CasesSettings,
  clock: () => Date = () => new Date(),
) {
  const nowIso = () => clock().toISOString();
  const codeHash = (code: string) => settings.keyedHash('case-invitation-code', code);

  const line = (who: CaseActor, action: string, caseId: string, trail: AuditTrail) => ({
    actor: who.userId,
    action,
    objectType: 'case',
    objectId: caseId,
    requestId: requestIdOf(trail),
  });

  const event = async (trx: Trx, value: Omit<CoreCaseEvent, 'createdAt'>) => {
    if (settings.recordEvent !== undefined) await settings.recordEvent(trx, { ...value, createdAt: nowIso() });
  };

  /** A change of the case's life cycle: its timeline event and its audit line, in the change's transaction. */
  const recordChange = async (
    unit: CaseUnit,
    who: CaseActor,
    trail: AuditTrail,
    action: string,
    change: Omit<CoreCaseEvent, 'caseId' | 'createdAt'>,
  ) => {
    await event(unit.transaction, { ...change, caseId: unit.case.id });
    await audit.record(unit.transaction, line(who, action, unit.case.id, trail));
  };

  /** The compartment a timeline event about a member goes in: professional-only cases tell parents nothing. */
  const eventCompartment = (stored: StoredCase): Compartment =>
    stored.mode === 'professional-only' ? 'professionals' : 'members';

  /** An event about a member: about a young member only in their own channel (nobody else learns of them). */
  const eventCompartmentAbout = (stored: StoredCase, target: StoredMember): Compartment =>
    target.role === 'young' ? youngCompartment(target.id) : eventCompartment(stored);

  const granterOf = (member: StoredMember, keys: KeyRing): WrapGranter => {
    const signing = keys.signingKey();
    return { memberId: member.id, signingKey: signing.privateKey, keyId: signing.id };
  };

  /** A key the viewer holds none of is left out of a page; a wrap of theirs that does not check out refuses it. */
  const unlessRefused = (error: unknown): undefined => {
    if (error instanceof KeyWrapRefused) throw error;
    return undefined;
  };

  /** Opens one of my wraps; its granter must be a member who may grant the compartment (openGrantedWrap). */
  const unwrap = (
    wrap: GrantedWrap,
    me: StoredMember,
    keys: KeyRing,
    reads: Pick<CasesRepository, 'retiredSigningKeys'> = repo,
  ): Promise<CompartmentKey> =>
    openGrantedWrap(wrap, me, keys, reads, (granter) => mayGrant(granter, wrap.compartment));

  /**
   * In a locked unit: a fresh key for `compartment` at `epoch`, wrapped to every member meant to hold it whose
   * keys are confirmed (the granter included). Returns the key.
   */
  async function mint(
    unit: CaseUnit,
    members: readonly MemberWithKeys[],
    compartment: Compartment,
    epoch: number,
    granter: StoredMember,
    keys: KeyRing,
  ): Promise<CompartmentKey> {
    const key = newCompartmentKey(unit.case.id, compartment, epoch);
    const recipients = members
      .filter((member) => entitled(member, compartment))
      .map(recipientOf)
      .filter((recipient) => recipient !== undefined);
    await unit.setEpoch(unit.case.id, compartment, epoch);
    await unit.insertWraps(
      recipients.map((recipient) => wrapCompartmentKey({ key, recipient, granter: granterOf(granter, keys) })),
    );
    return key;
  }

  /** In a locked unit: grants `key` to the confirmed members meant to hold it who have no wrap of its epoch. */
  async function grantMissing(
    unit: CaseUnit,
    members: readonly MemberWithKeys[],
    key: CompartmentKey,
    granter: StoredMember,
    keys: KeyRing,
  ): Promise<number> {
    const holders = new Set(await unit.holders(unit.case.id, key.compartment, key.epoch));
    const wraps = members
      .filter((member) => !holders.has(member.id) && entitled(member, key.compartment))
      .map(recipientOf)
      .filter((recipient) => recipient !== undefined)
      .map((recipient) => wrapCompartmentKey({ key, recipient, granter: granterOf(granter, keys) }));
    await unit.insertWraps(wraps);
    return wraps.length;
  }

  /**
   * In a locked unit: every key I hold (each epoch, so they read the history too) that `target` is meant to hold and
   * I may grant, wrapped to them. The keys I may not grant reach them from the next member who may.
   */
  async function grantHeldKeys(
    unit: CaseUnit,
    me: StoredMember,
    keys: KeyRing,
    target: StoredMember,
    recipient: WrapRecipient,
  ): Promise<void> {
    const wraps: StoredKeyWrap[] = [];
    for (const wrap of await unit.wrapsOfMember(unit.case.id, me.id)) {
      if (!entitled(target, wrap.compartment) || !mayGrant(me, wrap.compartment)) continue;
      const key = await unwrap(wrap, me, keys, unit);
      wraps.push(wrapCompartmentKey({ key, recipient, granter: granterOf(me, keys) }));
    }
    await unit.insertWraps(wraps);
  }

  /**
   * Takes a member out of the keys, in a locked unit: their wraps (every epoch) are deleted and each compartment
   * they held moves to the next epoch; the acting member makes and wraps the new key where they may grant it (the
   * label is sealed again under the new members' key), otherwise the next member who may does so on first use.
   */
  async function takeOutOfKeys(
    unit: CaseUnit,
    target: StoredMember,
    actingMember: StoredMember | undefined,
    keys: KeyRing | undefined,
  ) {
    const held = new Set((await unit.wrapsOfMember(unit.case.id, target.id)).map((wrap) => wrap.compartment));
    await unit.deleteWrapsOfMember(unit.case.id, target.id);
    const members = (await unit.listMembers(unit.case.id)).filter((member) => member.id !== target.id);
    const compartments = await unit.compartments(unit.case.id);
    for (const { compartment, epoch } of compartments) {
      if (!held.has(compartment)) continue;
      if (actingMember !== undefined && keys !== undefined && mayGrant(actingMember, compartment)) {
        const key = await mint(unit, members, compartment, epoch + 1, actingMember, keys);
        if (compartment === 'members') await resealLabel(unit, key, keys, actingMember);
      } else {
        await unit.setEpoch(unit.case.id, compartment, epoch + 1);
      }
    }
  }

  /** The label sealed again under the new members' key (the acting member opens it with the one before). */
  async function resealLabel(unit: CaseUnit, key: CompartmentKey, keys: KeyRing, me: StoredMember) {
    const wrap = await unit.findWrap(unit.case.id, 'members', unit.case.labelEpoch, me.id);
    if (wrap === undefined) return;
    // A label I cannot open stays where it is (the members who can still open it keep their wraps).
    const old = await unwrap(wrap, me, keys, unit).catch(() => undefined);
    if (old === undefined) return;
    const label = readable(old, 'case/label', unit.case.id, unit.case.labelCiphertext);
    if (label === undefined) return;
    await unit.updateCase(unit.case.id, {
      labelCiphertext: sealCaseContent(key, 'case/label', unit.case.id, label),
      labelEpoch: key.epoch,
    });
  }

  /** The user's membership of a case, or NotFound for a malformed id, another case or a non-member. */
  async function membership(who: CaseActor, caseId: unknown): Promise<{ case: StoredCase; member: StoredMember }> {
    if (!isId(caseId)) throw new NotFound('no such case');
    const found = await repo.findMembership(caseId, who.userId);
    if (found === undefined) throw new NotFound('no such case');
    return found;
  }

  /**
   * Runs a change of a case I am a member of in withCaseLocked, with my membership read again under the lock and
   * the rules' facts from it: NotFound for a malformed id, a case I am not (or no longer) a member of or may not view.
   */
  async function changeCase<T>(
    who: CaseActor,
    caseId: unknown,
    work: (unit: CaseUnit, me: StoredMember, facts: CaseFacts) => Promise<T>,
  ): Promise<T> {
    const found = await membership(who, caseId);
    const outcome = await repo.withCaseLocked(found.case.id, async (unit) => {
      const me = await unit.findMember(found.member.id);
      if (me === undefined) throw new NotFound('no such case');
      const facts = caseFacts(unit.case, me);
      if (!can(who.actor, 'case', 'view', facts)) throw new NotFound('no such case');
      return { done: await work(unit, me, facts) };
    });
    if (outcome === undefined) throw new NotFound('no such case');
    return outcome.done;
  }

  /** A member of the locked case by id, or NotFound (a malformed id, another case's member). */
  async function memberIn(unit: CaseUnit, memberId: unknown): Promise<StoredMember> {
    const target = isId(memberId) ? await unit.findMember(memberId) : undefined;
    if (target === undefined || target.caseId !== unit.case.id) throw new NotFound('no such member');
    return target;
  }

  /** As membership, with the member's current wraps (repo.opening: one query). */
  async function opening(who: CaseActor, caseId: unknown): Promise<Opening> {
    if (!isId(caseId)) throw new NotFound('no such case');
    const found = await repo.opening(caseId, who.userId);
    if (found === undefined) throw new NotFound('no such case');
    return found;
  }

  /** A case opened for one request: the viewer's keys unwrapped on first ask and kept for the request. */
  async function openCase(who: CaseActor, caseId: unknown): Promise<OpenedCase> {
    const found = await opening(who, caseId);
    const facts = caseFacts(found.case, found.member);
    if (!can(who.actor, 'case', 'view', facts)) throw new NotFound('no such case');
    return openedFrom(who, found, facts);
  }

  /**
   * The keys of an opened case. The viewer's wraps of the current epochs came with the opening; the members who
   * lack a key the viewer may grant are looked for only when the opening saw one lacking it.
   */
  function openedFrom(who: CaseActor, found: Opening, facts: CaseFacts): OpenedCase {
    const { case: stored, member: me } = found;
    const now = new Map(found.compartments.map((compartment) => [compartment.compartment, compartment]));
    const cache = new Map<string, Promise<CompartmentKey>>();
    const readable = (compartment: Compartment): boolean => {
      if (compartment === 'members') return can(who.actor, 'case', 'readMembers', facts);
      if (compartment === 'professionals') return can(who.actor, 'case', 'readProfessionals', facts);
      return compartment === shareCompartment(me.id)
        ? can(who.actor, 'case', 'shareEntries', facts)
        : can(who.actor, 'case', 'viewSharedEntries', facts);
    };

    const keyAt = async (compartment: Compartment, epoch: number): Promise<CompartmentKey> => {
      if (!readable(compartment) || !entitled(me, compartment)) throw new NotFound('no key');
      const wrap = await repo.findWrap(stored.id, compartment, epoch, me.id);
      if (wrap === undefined) throw new NotFound('no key');
      return unwrap(wrap, me, who.keys);
    };

    const current = async (compartment: Compartment): Promise<CompartmentKey> => {
      if (!readable(compartment) || !entitled(me, compartment)) throw new NotFound('no key');
      const held = now.get(compartment);
      if (held?.wrap !== undefined) {
        const key = await unwrap(held.wrap, me, who.keys);
        if (held.holderMissing && mayGrant(me, compartment)) await shareWithMissing(key);
        return key;
      }
      // No key of the current epoch for me: make one when nobody holds it and I may grant it (after a removal by
      // someone who could not, or a parent's first share); otherwise I wait for someone to grant it to me.
      if (!mayGrant(me, compartment)) throw new NotFound('no key');
      const made = await repo.withCaseLocked(stored.id, async (unit) => {
        const epoch = await unit.compartmentEpoch(stored.id, compartment);
        const at = epoch ?? 0;
        if (epoch !== undefined && (await unit.holders(stored.id, compartment, at)).length > 0) return undefined;
        const members = await unit.listMembers(stored.id);
        const self = members.find((member) => member.id === me.id);
        if (self === undefined || recipientOf(self) === undefined) return undefined;
        const key = await mint(unit, members, compartment, at, me, who.keys);
        if (compartment === 'members') await resealLabel(unit, key, who.keys, self);
        await audit.record(unit.transaction, line(who, 'case.key.made', stored.id, {}));
        return key;
      });
      if (made === undefined) throw new NotFound('no key');
      return made;
    };

    /** Members confirmed but missing this key (confirmed by someone who could not grant it) get it now. */
    const shareWithMissing = async (key: CompartmentKey): Promise<void> => {
      const members = await repo.listMembers(stored.id);
      const holders = new Set(await repo.holders(stored.id, key.compartment, key.epoch));
      const missing = members.some(
        (member) => !holders.has(member.id) && entitled(member, key.compartment) && recipientOf(member) !== undefined,
      );
      if (!missing) return;
      await repo.withCaseLocked(stored.id, async (unit) => {
        if ((await unit.compartmentEpoch(stored.id, key.compartment)) !== key.epoch) return;
        const granted = await grantMissing(unit, await unit.listMembers(stored.id), key, me, who.keys);
        if (granted > 0) await audit.record(unit.transaction, line(who, 'case.key.granted', stored.id, {}));
      });
    };

    const remember = (name: string, make: () => Promise<CompartmentKey>): Promise<CompartmentKey> => {
      const known = cache.get(name);
      if (known !== undefined) return known;
      const made = make();
      cache.set(name, made);
      made.catch(() => cache.delete(name));
      return made;
    };

    return {
      facts: { ...facts, viewer: memberFacts(me) },
      key: (compartment) => remember(`${compartment}`, () => current(compartment)),
      keyAt: (compartment, epoch) => remember(`${compartment}@${epoch}`, () => keyAt(compartment, epoch)),
    };
  }

  /** The case roles a professional's account may take. */
  const rolesOf = (actor: Actor): CaseRole[] => {
    const held = membershipOf(actor)?.roles ?? [];
    return caseRoles.filter(
      (role): role is ProfessionalCaseRole =>
        isProfessionalRole(role) && held.some((professionalRole) => caseRoleFits(professionalRole, role)),
    );
  };

  /** The roles the viewer may invite now (parents only where parents may join). */
  const invitableRoles = (who: CaseActor, facts: CaseFacts): CaseRole[] => {
    const roles: CaseRole[] = [];
    if (can(who.actor, 'case', 'inviteParent', facts)) roles.push('parent');
    if (can(who.actor, 'case', 'inviteProfessional', facts)) roles.push(...caseRoles.filter(isProfessionalRole));
    return roles;
  };

  return {
    openCase,

    /** The case roles a professional may start a case as (the form's choices); [] for a parent. */
    startRoles: (actor: Actor): CaseRole[] =>
      hasRole(actor, 'professional') ? rolesOf(actor).filter((role) => role !== 'observer') : [],

    /** Whether the actor may start a case at all (a parent, or an active professional). */
    mayStart: (actor: Actor): boolean =>
      can(actor, 'case', 'start', {
        caseId: '',
        mode: hasRole(actor, 'parent') ? 'with-parents' : 'professional-only',
        riskInFamily: false,
        closed: false,
        viewer: undefined,
      }),

    /**
     * Starts a case: the label sealed under a new members' key, the professionals' key (when a professional starts
     * it), both wrapped to the starter, who is its first active member; the consent record and the audit line in
     * the same transaction.
     */
    async start(
      who: CaseActor,
      body: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true; caseId: string } | FormRefusal> {
      const asProfessional = hasRole(who.actor, 'professional');
      const roles = asProfessional ? rolesOf(who.actor).filter((role) => role !== 'observer') : [];
      const parsed = parseStartForm(body, asProfessional, roles);
      if (!parsed.ok) return { ok: false, form: { values: parsed.values, problems: parsed.problems } };
      const form = parsed.value;
      const role: CaseRole = asProfessional ? form.role! : 'parent';
      const caseId = randomUUID();
      authorize(who.actor, 'case', 'start', {
        caseId,
        mode: form.mode,
        riskInFamily: false,
        closed: false,
        viewer: undefined,
      });
      const now = nowIso();
      const memberId = randomUUID();
      const sharing = who.keys.sharingKey();
      const signing = who.keys.signingKey();
      const keyId = memberKeyId(sharing.publicKey, signing.publicKey);
      const recipient: WrapRecipient = { memberId, x25519Public: sharing.publicKey, keyId };
      const granter: WrapGranter = { memberId, signingKey: signing.privateKey, keyId: signing.id };
      const membersKey = newCompartmentKey(caseId, 'members', 0);
      const compartments: Compartment[] = isProfessionalRole(role) ? ['members', 'professionals'] : ['members'];
      const wraps = compartments.map((compartment) =>
        wrapCompartmentKey({
          key: compartment === 'members' ? membersKey : newCompartmentKey(caseId, compartment, 0),
          recipient,
          granter,
        }),
      );
      const organisationId = asProfessional ? (membershipOf(who.actor)?.organisationId ?? null) : null;
      const pathwayKey =
        settings.pathwayKeyFor === undefined ? 'national' : await settings.pathwayKeyFor(organisationId);
      await repo.createCase(
        {
          case: {
            id: caseId,
            mode: form.mode,
            risk: 'none',
            riskProposedBy: null,
            closedAt: null,
            createdAt: now,
            createdByUser: who.userId,
            labelCiphertext: sealCaseContent(membersKey, 'case/label', caseId, form.label),
            labelEpoch: 0,
            pathwayKey,
          },
          // The professionals' compartment exists from the start; a parent's case gets its key from the first
          // professional confirmed (they make it on first use).
          compartments: [
            { compartment: 'members', epoch: 0 },
            { compartment: 'professionals', epoch: 0 },
          ],
          members: [
            {
              id: memberId,
              caseId,
              userId: who.userId,
              role,
              state: 'active',
              mandate: mandateAtStart(role),
              organisationId,
              policeUnit: null,
              referenceCiphertext: null,
              referenceEpoch: null,
              invitedByMemberId: null,
              confirmedByMemberId: null,
              confirmedKeyId: keyId,
              suspensionProposedBy: null,
              createdAt: now,
            },
          ],
          wraps,
          consent: {
            id: randomUUID(),
            caseId,
            flow: 'start',
            subjectId: caseId,
            basis: form.basis,
            childKnows: form.childKnows,
            recordedByMemberId: memberId,
            createdAt: now,
          },
        },
        async (trx) => {
          await event(trx, {
            caseId,
            compartment: form.mode === 'professional-only' ? 'professionals' : 'members',
            kind: 'case.started',
            actorMemberId: memberId,
          });
          await audit.record(trx, line(who, 'case.started', caseId, trail));
          await audit.record(trx, line(who, 'case.consent.recorded', caseId, trail));
        },
      );
      return { ok: true, caseId };
    },

    /** My cases, newest first, each label opened with my key (none while I wait or the case is paused for me). */
    async listMine(who: CaseActor): Promise<MyCaseView[]> {
      const rows = await repo.listCasesOfUser(who.userId);
      const views: MyCaseView[] = [];
      for (const row of rows) {
        const facts = caseFacts(row.case, row.member);
        const visible =
          can(who.actor, 'case', 'view', facts) ||
          can(who.actor, 'case', 'viewPaused', facts) ||
          (row.member.state === 'accepted' && (row.member.role !== 'parent' || row.case.mode === 'with-parents'));
        if (!visible) continue;
        let label: string | undefined;
        if (row.labelWrap !== undefined && can(who.actor, 'case', 'view', facts)) {
          try {
            const key = await unwrap(row.labelWrap, row.member, who.keys);
            label = readable(key, 'case/label', row.case.id, row.case.labelCiphertext);
          } catch {
            label = undefined;
          }
        }
        views.push({
          caseId: row.case.id,
          label,
          role: row.member.role,
          state: row.member.state,
          mode: row.case.mode,
          createdAt: row.case.createdAt,
        });
      }
      return views;
    },

    /**
     * What /samenwerken/:id shows me: the case (active member), the safety numbers to compare (I used a code and
     * wait), or only that it is paused (a suspended parent). NotFound for anyone else.
     */
    async casePage(who: CaseActor, caseId: unknown): Promise<CasePageData | WaitingPageData | PausedPageData> {
      const found = await opening(who, caseId);
      const facts = caseFacts(found.case, found.member);
      const me = found.member;
      // A young member's pages are their own (case-young.routes.tsx).
      if (me.role === 'young') throw new NotFound('no such case');
      if (can(who.actor, 'case', 'viewPaused', facts)) return { kind: 'paused', caseId: found.case.id };
      if (me.state === 'accepted') {
        if (me.role === 'parent' && !(found.case.mode === 'with-parents' && found.case.risk !== 'confirmed')) {
          throw new NotFound('no such case');
        }
        const members = await repo.listMembers(found.case.id);
        const self = members.find((member) => member.id === me.id);
        if (self?.x25519Public === undefined || self.ed25519Public === undefined) throw new NotFound('no such case');
        const confirmers = members.filter(
          (member) =>
            member.state === 'active' &&
            member.id !== me.id &&
            (member.id === me.invitedByMemberId || member.role === 'coordinator') &&
            member.x25519Public !== undefined &&
            member.ed25519Public !== undefined,
        );
        return {
          kind: 'waiting',
          caseId: found.case.id,
          role: me.role,
          again: me.confirmedByMemberId !== null,
          confirmers: confirmers.map((member) => ({
            role: member.role,
            organisationName: member.organisationName,
            number: safetyNumber(
              { x25519Public: self.x25519Public!, ed25519Public: self.ed25519Public!, id: self.id },
              { x25519Public: member.x25519Public!, ed25519Public: member.ed25519Public!, id: member.id },
            ),
          })),
        };
      }
      if (!can(who.actor, 'case', 'view', facts)) throw new NotFound('no such case');
      const opened = openedFrom(who, found, facts);
      const membersKey = await opened.key('members').catch(unlessRefused);
      const labelKey =
        membersKey?.epoch === found.case.labelEpoch
          ? membersKey
          : await opened.keyAt('members', found.case.labelEpoch).catch(unlessRefused);
      const label =
        labelKey === undefined
          ? ''
          : (readable(labelKey, 'case/label', found.case.id, found.case.labelCiphertext) ?? '');
      const all = await repo.listMembers(found.case.id);
      const self = all.find((member) => member.id === me.id)!;
      const showDetails = can(who.actor, 'case', 'viewMemberDetails', facts);
      const members: MemberView[] = [];
      for (const member of all) {
        // Young members are shown only to the professional who invited them, in their own section.
        if (member.state === 'removed' || member.role === 'young') continue;
        if (!showDetails && hiddenOnRisk(member.role)) continue;
        const target = targetFacts(facts, member);
        const keyNow = currentKeyId(member);
        const needsConfirmation = member.state === 'active' && keyNow !== undefined && member.confirmedKeyId !== keyNow;
        const mayConfirm = can(who.actor, 'caseMember', 'confirm', target);
        let reference: string | undefined;
        if (member.referenceCiphertext !== null && member.referenceEpoch !== null) {
          const key =
            membersKey?.epoch === member.referenceEpoch
              ? membersKey
              : await opened.keyAt('members', member.referenceEpoch).catch(unlessRefused);
          reference = key === undefined ? undefined : readable(key, 'case/item', member.id, member.referenceCiphertext);
        }
        members.push({
          id: member.id,
          role: member.role,
          state: member.state,
          mandate: member.mandate,
          organisationName: member.organisationName,
          policeUnit: member.policeUnit,
          reference,
          since: member.stateChangedAt,
          isMe: member.id === me.id,
          needsConfirmation,
          suspensionProposed: member.suspensionProposedBy !== null,
          safety:
            mayConfirm && keyNow !== undefined && self.x25519Public !== undefined && self.ed25519Public !== undefined
              ? {
                  keyId: keyNow,
                  number: safetyNumber(
                    { x25519Public: self.x25519Public, ed25519Public: self.ed25519Public, id: self.id },
                    { x25519Public: member.x25519Public!, ed25519Public: member.ed25519Public!, id: member.id },
                  ),
                }
              : undefined,
          may: {
            confirm: mayConfirm,
            remove:
              can(who.actor, 'caseMember', 'remove', target) &&
              (member.state === 'active' || member.state === 'accepted'),
            proposeSuspension: can(who.actor, 'caseMember', 'proposeSuspension', target),
            confirmSuspension: can(who.actor, 'caseMember', 'confirmSuspension', target),
            proposeResume: can(who.actor, 'caseMember', 'proposeResume', target),
            confirmResume: can(who.actor, 'caseMember', 'confirmResume', target),
          },
        });
      }
      const now = clock().getTime();
      const byId = new Map(all.map((member) => [member.id, member]));
      const invitations = can(who.actor, 'case', 'inviteProfessional', facts)
        ? (await repo.listInvitations(found.case.id))
            .map((invitation) => ({ invitation, member: byId.get(invitation.memberId) }))
            .filter(
              ({ member }) =>
                member !== undefined && member.role !== 'young' && (showDetails || !hiddenOnRisk(member.role)),
            )
            .map(({ invitation, member }): InvitationView => {
              const state = invitationState(invitation, now);
              return {
                id: invitation.id,
                role: member!.role,
                state,
                expiresAt: invitation.expiresAt,
                createdAt: invitation.createdAt,
                mayWithdraw:
                  state === 'open' &&
                  can(who.actor, 'case', 'withdrawInvitation', facts) &&
                  can(who.actor, 'caseMember', 'remove', targetFacts(facts, member!)),
              };
            })
        : [];
      return {
        kind: 'active',
        caseId: found.case.id,
        label,
        mode: found.case.mode,
        risk: found.case.risk,
        riskProposedByMe: found.case.risk === 'proposed' && found.case.riskProposedBy === me.id,
        closed: found.case.closedAt !== null,
        viewer: me,
        members,
        invitations,
        // A young member's own answers are theirs and their professional's (ADR 0030): never on this page.
        consents:
          can(who.actor, 'case', 'viewMemberDetails', facts) || me.role === 'parent'
            ? (await repo.listConsents(found.case.id)).filter(
                (consent) => !all.some((member) => member.role === 'young' && member.id === consent.subjectId),
              )
            : [],
        may: {
          inviteParent: can(who.actor, 'case', 'inviteParent', facts),
          inviteProfessional: can(who.actor, 'case', 'inviteProfessional', facts),
          proposeRisk: can(who.actor, 'case', 'proposeRiskFlag', facts),
          confirmRisk: can(who.actor, 'case', 'confirmRiskFlag', facts),
          setMandate: can(who.actor, 'case', 'setMandate', facts) && me.role === 'veilig-thuis',
          police: me.role === 'police' && !facts.closed,
          viewSharedEntries: can(who.actor, 'case', 'viewSharedEntries', facts),
          shareEntries: can(who.actor, 'case', 'shareEntries', facts),
        },
        opened,
      };
    },

    /** The roles I may invite into the case now (the invitation form's choices); NotFound when none. */
    async inviteChoices(who: CaseActor, caseId: unknown): Promise<{ caseId: string; roles: CaseRole[] }> {
      const found = await membership(who, caseId);
      const facts = caseFacts(found.case, found.member);
      if (!can(who.actor, 'case', 'view', facts)) throw new NotFound('no such case');
      const roles = invitableRoles(who, facts);
      if (roles.length === 0) throw new NotFound('no such case');
      return { caseId: found.case.id, roles };
    },

    /**
     * Invites someone into a role: a member row 'invited' and a single-use code (returned once, stored as a
     * keyed hash), valid for 72 hours. Whether the account that uses it fits is checked when it is used.
     */
    async invite(
      who: CaseActor,
      caseId: unknown,
      body: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true; code: string; role: CaseRole; expiresAt: string } | FormRefusal> {
      const { caseId: id, roles } = await this.inviteChoices(who, caseId);
      const parsed = parseInviteForm(body, roles);
      if (!parsed.ok) return { ok: false, form: { values: parsed.values, problems: parsed.problems } };
      const role = parsed.value.rol;
      // Adding a member is a flow of data about the child: not while a young member of 16 or older refuses it.
      await refuseWhenYoungRefused(settings.youngConsent, id, 'add-member', clock(), hasRole(who.actor, 'parent'));
      const code = newInvitationCode();
      const now = nowIso();
      const expiresAt = new Date(clock().getTime() + settings.invitationValidMs).toISOString();
      const done = await repo.withCaseLocked(id, async (unit) => {
        const me = (await unit.findMembership(id, who.userId))?.member;
        if (me === undefined) return false;
        const facts = caseFacts(unit.case, me);
        authorize(who.actor, 'case', role === 'parent' ? 'inviteParent' : 'inviteProfessional', facts);
        const memberId = randomUUID();
        const invitationId = randomUUID();
        await unit.insertInvitedMember({
          caseId: id,
          memberId,
          invitationId,
          role,
          mandate: mandateAtStart(role),
          invitedByMemberId: me.id,
          codeHash: codeHash(code),
          expiresAt,
          at: now,
        });
        await recordChange(unit, who, trail, 'case.invitation.created', {
          compartment: eventCompartment(unit.case),
          kind: 'member.invited',
          refId: invitationId,
          actorMemberId: me.id,
          subjectMemberId: memberId,
          hideOnRisk: hiddenOnRisk(role),
        });
        return true;
      });
      if (done !== true) throw new NotFound('no such case');
      return { ok: true, code: formatCode(code), role, expiresAt };
    },

    /**
     * Uses a code: the account must fit the invited role (a parent account for a parent; an active professional of
     * a verified organisation whose role fits), and may not be a member already. The member is then 'accepted':
     * no key reaches them until the inviter or the coordinator has compared the safety number and confirmed.
     */
    async join(
      who: CaseActor,
      body: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true; caseId: string } | FormRefusal | Refusal> {
      const parsed = parseJoinForm(body);
      if (!parsed.ok) return { ok: false, form: { values: parsed.values, problems: parsed.problems } };
      const invitation = await repo.findInvitationByCodeHash(codeHash(parsed.value.code));
      if (invitation === undefined) return refuse('code-unknown', 400);
      const state = invitationState(invitation, clock().getTime());
      if (state === 'used') return refuse('code-used', 410);
      if (state === 'withdrawn') return refuse('code-withdrawn', 410);
      if (state === 'expired') return refuse('code-expired', 410);
      const invited = await repo.findMember(invitation.memberId);
      if (invited === undefined) return refuse('code-unknown', 400);
      let organisationId: string | null = null;
      let policeUnit: string | null = null;
      if (invited.role === 'parent') {
        if (!hasRole(who.actor, 'parent')) return refuse('code-wrong-account', 403);
      } else {
        const standing = await repo.professionalStanding(who.userId);
        if (standing === undefined) return refuse('code-wrong-account', 403);
        if (!standing.active || !standing.verified || !hasRole(who.actor, 'professional')) {
          return refuse('code-unverified', 403);
        }
        if (!caseRoleFits(standing.role as ProfessionalRole, invited.role)) return refuse('code-wrong-account', 403);
        organisationId = standing.organisationId;
        policeUnit = standing.policeUnit;
      }
      const outcome = await repo.withCaseLocked(invitation.caseId, async (unit): Promise<Refusal | true> => {
        if (invited.role === 'parent' && (unit.case.mode !== 'with-parents' || unit.case.risk === 'confirmed')) {
          return refuse('code-parents-closed', 403);
        }
        if (unit.case.closedAt !== null) return refuse('code-withdrawn', 410);
        if ((await unit.findMembership(unit.case.id, who.userId)) !== undefined) {
          return refuse('code-already-member', 409);
        }
        if (!(await unit.claimInvitation(invitation.id))) return refuse('code-used', 410);
        const changed = await unit.updateMember(invited.id, ['invited'], {
          state: 'accepted',
          userId: who.userId,
          organisationId,
          policeUnit,
        });
        if (!changed) throw new Error('the invited member was not waiting');
        await recordChange(unit, who, trail, 'case.invitation.used', {
          compartment: eventCompartment(unit.case),
          kind: 'member.joined',
          subjectMemberId: invited.id,
          hideOnRisk: hiddenOnRisk(invited.role),
        });
        return true;
      });
      if (outcome === undefined) return refuse('code-unknown', 400);
      if (outcome !== true) return outcome;
      return { ok: true, caseId: invitation.caseId };
    },

    /**
     * Confirms a member after comparing the safety number (the form carries the key id it was computed from):
     * active, their key id recorded, and every key I hold that they are meant to hold wrapped to them (each epoch,
     * so they read the history too), with the consent record, timeline event and audit line, in one transaction.
     * The keys I may not grant reach them from the next member who may.
     */
    async confirm(
      who: CaseActor,
      caseId: unknown,
      memberId: unknown,
      body: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true } | FormRefusal | Refusal> {
      const parsed = parseConfirmForm(body);
      const found = await membership(who, caseId);
      if (can(who.actor, 'case', 'inviteProfessional', caseFacts(found.case, found.member))) {
        await refuseWhenYoungRefused(
          settings.youngConsent,
          found.case.id,
          'add-member',
          clock(),
          hasRole(who.actor, 'parent'),
        );
      }
      return changeCase(who, caseId, async (unit, me, facts): Promise<{ ok: true } | Refusal | FormRefusal> => {
        const target = await memberIn(unit, memberId);
        // A young member is confirmed in their own channel (case-young.service.ts).
        if (target.role === 'young') throw new NotFound('no such member');
        if (target.id === me.id) return refuse('same-person', 403);
        // A member whose keys changed waits as 'accepted' again (casesUserData); a fresh one used a code.
        authorize(who.actor, 'caseMember', 'confirm', targetFacts(facts, target));
        if (!parsed.ok) return { ok: false, form: { values: parsed.values, problems: parsed.problems } };
        const members = await unit.listMembers(unit.case.id);
        const subject = members.find((member) => member.id === target.id)!;
        const keyNow = currentKeyId(subject);
        if (keyNow === undefined || keyNow !== parsed.value.sleutel) return refuse('key-changed', 409);
        await unit.updateMember(target.id, ['accepted'], {
          state: 'active',
          confirmedByMemberId: me.id,
          confirmedKeyId: keyNow,
        });
        await grantHeldKeys(unit, me, who.keys, target, {
          memberId: target.id,
          x25519Public: subject.x25519Public!,
          keyId: keyNow,
        });
        await unit.insertConsent({
          id: randomUUID(),
          caseId: unit.case.id,
          flow: 'add-member',
          subjectId: target.id,
          basis: parsed.value.grondslag,
          childKnows: parsed.value.kindWeet,
          recordedByMemberId: me.id,
          createdAt: nowIso(),
        });
        await recordChange(unit, who, trail, 'case.member.confirmed', {
          compartment: eventCompartment(unit.case),
          kind: 'member.confirmed',
          actorMemberId: me.id,
          subjectMemberId: target.id,
          hideOnRisk: hiddenOnRisk(target.role),
        });
        await audit.record(unit.transaction, line(who, 'case.consent.recorded', unit.case.id, trail));
        return { ok: true };
      });
    },

    /** Withdraws an open invitation: the code no longer works and its member row is removed. */
    async withdrawInvitation(
      who: CaseActor,
      caseId: unknown,
      invitationId: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true } | Refusal> {
      return changeCase(who, caseId, async (unit, me, facts): Promise<{ ok: true } | Refusal> => {
        const invitation = isId(invitationId)
          ? (await unit.listInvitations(unit.case.id)).find((row) => row.id === invitationId)
          : undefined;
        const target = invitation === undefined ? undefined : await unit.findMember(invitation.memberId);
        if (invitation === undefined || target === undefined) throw new NotFound('no such invitation');
        authorize(who.actor, 'case', 'withdrawInvitation', facts);
        authorize(who.actor, 'caseMember', 'remove', targetFacts(facts, target));
        if (!(await unit.withdrawInvitation(invitation.id))) return refuse('not-now', 409);
        await unit.updateMember(target.id, ['invited'], { state: 'removed' });
        await recordChange(unit, who, trail, 'case.invitation.withdrawn', {
          compartment: eventCompartmentAbout(unit.case, target),
          kind: 'invitation.withdrawn',
          refId: invitation.id,
          actorMemberId: me.id,
          subjectMemberId: target.id,
          hideOnRisk: hiddenOnRisk(target.role),
        });
        return { ok: true };
      });
    },

    /**
     * Removes a member (or lets a member leave): 'removed', their wraps deleted and the epoch of every compartment
     * they held bumped, new keys wrapped to the remaining holders where I may grant them, in one transaction. A
     * parent trying to remove a mandated member is told why they cannot.
     */
    async remove(
      who: CaseActor,
      caseId: unknown,
      memberId: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true; left: boolean } | Refusal> {
      return changeCase(who, caseId, async (unit, me, facts): Promise<{ ok: true; left: boolean } | Refusal> => {
        const target = await memberIn(unit, memberId);
        const self = target.id === me.id;
        const tFacts = targetFacts(facts, target);
        if (self) authorize(who.actor, 'caseMember', 'leave', tFacts);
        else if (!can(who.actor, 'caseMember', 'remove', tFacts)) {
          if (target.mandate !== 'none' && target.state === 'active') return refuse('mandated', 403);
          throw new NotFound('no such member');
        }
        if (
          !(await unit.updateMember(target.id, ['invited', 'accepted', 'active', 'suspended'], { state: 'removed' }))
        ) {
          return refuse('not-now', 409);
        }
        // Leaving, I grant nothing (my keys leave with me): the next member who may makes the new keys.
        await takeOutOfKeys(unit, target, self ? undefined : me, self ? undefined : who.keys);
        await recordChange(unit, who, trail, self ? 'case.member.left' : 'case.member.removed', {
          compartment: eventCompartmentAbout(unit.case, target),
          kind: self ? 'member.left' : 'member.removed',
          actorMemberId: me.id,
          subjectMemberId: target.id,
          hideOnRisk: hiddenOnRisk(target.role),
        });
        return { ok: true, left: self };
      });
    },

    /**
     * Suspending a parent, four eyes: the coordinator proposes; another professional confirms, and then the parent
     * is taken out of the keys like a removal (their own journal is theirs; they see only that the case is paused).
     */
    async suspend(
      who: CaseActor,
      caseId: unknown,
      memberId: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true; step: 'proposed' | 'suspended' } | Refusal> {
      return changeCase(who, caseId, async (unit, me, facts) => {
        const target = await memberIn(unit, memberId);
        const tFacts = targetFacts(facts, target);
        const about = { compartment: 'professionals', actorMemberId: me.id, subjectMemberId: target.id } as const;
        if (target.suspensionProposedBy === null) {
          authorize(who.actor, 'caseMember', 'proposeSuspension', tFacts);
          await unit.updateMember(target.id, ['active'], { suspensionProposedBy: me.id });
          await recordChange(unit, who, trail, 'case.member.suspension-proposed', {
            ...about,
            kind: 'member.suspension-proposed',
          });
          return stepped('proposed');
        }
        if (target.suspensionProposedBy === me.id) return refuse('same-person', 403);
        authorize(who.actor, 'caseMember', 'confirmSuspension', tFacts);
        // The proposal is done with: the field now waits for a proposal to resume.
        const paused = await unit.updateMember(target.id, ['active'], {
          state: 'suspended',
          suspensionProposedBy: null,
        });
        if (!paused) return refuse('not-now', 409);
        await takeOutOfKeys(unit, target, me, who.keys);
        await recordChange(unit, who, trail, 'case.member.suspended', { ...about, kind: 'member.suspended' });
        return stepped('suspended');
      });
    },

    /**
     * Resuming a paused parent, four eyes like pausing: the coordinator proposes, another professional confirms.
     * Confirmed, the parent is active again and every key the confirmer holds and may grant is wrapped to them, as
     * at a confirmation; if their account's keys changed during the pause they wait as 'accepted' instead, to be
     * confirmed after comparing the new safety number.
     */
    async resume(
      who: CaseActor,
      caseId: unknown,
      memberId: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true; step: 'proposed' | 'resumed' | 'confirm-again' } | Refusal> {
      return changeCase(who, caseId, async (unit, me, facts) => {
        const target = await memberIn(unit, memberId);
        const tFacts = targetFacts(facts, target);
        const about = { actorMemberId: me.id, subjectMemberId: target.id } as const;
        if (target.suspensionProposedBy === null) {
          authorize(who.actor, 'caseMember', 'proposeResume', tFacts);
          await unit.updateMember(target.id, ['suspended'], { suspensionProposedBy: me.id });
          await recordChange(unit, who, trail, 'case.member.resume-proposed', {
            ...about,
            compartment: 'professionals',
            kind: 'member.resume-proposed',
          });
          return stepped('proposed');
        }
        if (target.suspensionProposedBy === me.id) return refuse('same-person', 403);
        authorize(who.actor, 'caseMember', 'confirmResume', tFacts);
        const subject = (await unit.listMembers(unit.case.id)).find((member) => member.id === target.id)!;
        const recipient = recipientOf({ ...subject, state: 'active' });
        const resumed = await unit.updateMember(target.id, ['suspended'], {
          state: recipient === undefined ? 'accepted' : 'active',
          suspensionProposedBy: null,
        });
        if (!resumed) return refuse('not-now', 409);
        if (recipient !== undefined) await grantHeldKeys(unit, me, who.keys, target, recipient);
        await recordChange(unit, who, trail, 'case.member.resumed', {
          ...about,
          compartment: eventCompartment(unit.case),
          kind: 'member.resumed',
        });
        return stepped(recipient === undefined ? 'confirm-again' : 'resumed');
      });
    },

    /**
     * "Risk in the family", four eyes: a professional proposes, another confirms. Confirmed, it withdraws the open
     * invitations of parents (and their waiting members) in the same transaction.
     */
    async flagRisk(
      who: CaseActor,
      caseId: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true; step: 'proposed' | 'confirmed' } | Refusal> {
      return changeCase(who, caseId, async (unit, me, facts) => {
        const about = { compartment: 'professionals', actorMemberId: me.id } as const;
        if (unit.case.risk === 'none') {
          authorize(who.actor, 'case', 'proposeRiskFlag', facts);
          await unit.updateCase(unit.case.id, { risk: 'proposed', riskProposedBy: me.id });
          await recordChange(unit, who, trail, 'case.risk.proposed', { ...about, kind: 'risk.proposed' });
          return stepped('proposed');
        }
        if (unit.case.risk === 'confirmed') return refuse('not-now', 409);
        if (unit.case.riskProposedBy === me.id) return refuse('same-person', 403);
        authorize(who.actor, 'case', 'confirmRiskFlag', facts);
        await unit.updateCase(unit.case.id, { risk: 'confirmed' });
        const members = await unit.listMembers(unit.case.id);
        for (const invitation of await unit.listInvitations(unit.case.id)) {
          const member = members.find((row) => row.id === invitation.memberId);
          if (member?.role !== 'parent') continue;
          if (await unit.withdrawInvitation(invitation.id)) {
            await unit.updateMember(member.id, ['invited'], { state: 'removed' });
          }
        }
        for (const member of members) {
          if (member.role === 'parent' && member.state === 'accepted') {
            await unit.updateMember(member.id, ['accepted'], { state: 'removed' });
          }
        }
        await recordChange(unit, who, trail, 'case.risk.confirmed', { ...about, kind: 'risk.confirmed' });
        return stepped('confirmed');
      });
    },

    /** Veilig Thuis states whether it is investigating: while it is, a parent cannot remove it. */
    async setMandate(
      who: CaseActor,
      caseId: unknown,
      body: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true } | FormRefusal> {
      const found = await membership(who, caseId);
      const facts = caseFacts(found.case, found.member);
      if (!can(who.actor, 'case', 'view', facts)) throw new NotFound('no such case');
      authorize(who.actor, 'case', 'setMandate', facts);
      if (found.member.role !== 'veilig-thuis') throw new NotFound('no mandate to set');
      const parsed = parseMandateForm(body);
      if (!parsed.ok) return { ok: false, form: { values: parsed.values, problems: parsed.problems } };
      const mandate: Mandate = parsed.value.onderzoek === 'ja' ? 'vt-investigation' : 'none';
      await repo.withCaseLocked(found.case.id, async (unit) => {
        await unit.updateMember(found.member.id, ['active'], { mandate });
        await recordChange(unit, who, trail, 'case.member.mandate', {
          compartment: eventCompartment(unit.case),
          kind: mandate === 'none' ? 'mandate.ended' : 'mandate.started',
          actorMemberId: found.member.id,
          subjectMemberId: found.member.id,
          hideOnRisk: true,
        });
      });
      return { ok: true };
    },

    /** The police member's unit (clear) and reference (sealed under the members' key). */
    async setPoliceDetails(
      who: CaseActor,
      caseId: unknown,
      body: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true } | FormRefusal> {
      const opened = await openCase(who, caseId);
      if (opened.facts.viewer.role !== 'police' || opened.facts.closed) throw new NotFound('not the police');
      const parsed = parsePoliceForm(body);
      if (!parsed.ok) return { ok: false, form: { values: parsed.values, problems: parsed.problems } };
      const key = await opened.key('members');
      const memberId = opened.facts.viewer.memberId;
      const reference = parsed.value.referentie;
      await repo.withCaseLocked(opened.facts.caseId, async (unit) => {
        if ((await unit.compartmentEpoch(unit.case.id, 'members')) !== key.epoch) return;
        await unit.updateMember(memberId, ['active'], {
          referenceCiphertext: reference === '' ? null : sealCaseContent(key, 'case/item', memberId, reference),
          referenceEpoch: reference === '' ? null : key.epoch,
        });
        await audit.record(unit.transaction, line(who, 'case.member.details', unit.case.id, trail));
      });
      return { ok: true };
    },

    /**
     * Account deletion (casesUserData): every membership of the user leaves the keys like a removal, in the
     * deletion's transaction; the member rows stay as history without the account.
     */
    async deleteMemberships(trx: Trx, userId: string): Promise<void> {
      const on = repo.on(trx);
      for (const member of await on.membershipsOfUser(userId)) {
        await on.lockCase(member.caseId);
        const stored = await on.findCase(member.caseId);
        if (stored === undefined) continue;
        // The wraps this member granted stay checkable by the members who keep them.
        await on.updateMember(member.id, [member.state], {
          state: 'removed',
          userId: null,
          formerSigningKeys: await on.signingKeysOfMember(member.id),
        });
        await takeOutOfKeys({ ...on, case: stored, transaction: trx }, member, undefined, undefined);
      }
      await on.forgetStarter(userId);
    },

    /**
     * Key rotation (casesUserData): the member's keys are no longer the ones confirmed. Their wraps are deleted
     * (sealed to the old key) and the compartments they held move to the next epoch, and each active membership
     * waits as 'accepted' until the inviter or the coordinator compares the new safety number and confirms again.
     */
    async keysChanged(trx: Trx, userId: string): Promise<number> {
      const on = repo.on(trx);
      let count = 0;
      for (const member of await on.membershipsOfUser(userId)) {
        await on.lockCase(member.caseId);
        const stored = await on.findCase(member.caseId);
        if (stored === undefined || member.state !== 'active') continue;
        await on.updateMember(member.id, ['active'], { state: 'accepted' });
        await takeOutOfKeys({ ...on, case: stored, transaction: trx }, member, undefined, undefined);
        count += 1;
      }
      return count;
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
