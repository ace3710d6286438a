import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Ciphertext } from '../../shared/crypto/aead.js';
import type { KeyedHash } from '../../shared/crypto/keyed-hash.js';
import type { AlsoInTransaction, Trx } from '../../shared/db/transaction.js';
import { AppError, NotFound } from '../../shared/errors.js';
import { choiceField, type FormValues, parseForm } from '../../shared/http/forms.js';
import type { FieldError } from '../../shared/errors.js';
import { hasRole } from '../../shared/policy/actor.js';
import { authorize, can } from '../../policies.js';
import type { RegisterResult } from '../accounts/accounts.service.js';
import { type AuditRecorder, type AuditTrail, requestIdOf } from '../audit/audit.service.js';
import { type CaseItemsRepository, recordCaseEvent } from './case-items.repo.js';
import { foldPathway } from './case-items.service.js';
import { messageSchema } from './case-items.schema.js';
import {
  memberKeyId,
  newCompartmentKey,
  openCaseText,
  safetyNumber,
  sealCaseContent,
  wrapCompartmentKey,
} from './case-keys.js';
import { ageAt, createYoungConsentCheck, type YoungConsentCheck } from './case-young.consent.js';
import type { CaseYoungRepository, YoungAnswer } from './case-young.repo.js';
import type { CasesRepository, GrantedWrap, MemberWithKeys, StoredCase, StoredMember } from './cases.repo.js';
import { formatCode, isId, joinSchema, newInvitationCode } from './cases.schema.js';
import { caseFacts, type CaseActor, openGrantedWrap } from './cases.service.js';
import {
  type CaseFacts,
  type CaseMemberFacts,
  type CaseRole,
  type CompartmentKey,
  youngCompartment,
  youngConsentAge,
  youngConsentFlows,
  type YoungConsentFlow,
  youngMinimumAge,
} from './cases.types.js';
import type { Pathway } from './pathway.schema.js';
import type { PathwayRegistry, PathwayState } from './pathway.js';

/*
 * The child's own voice (issue 15 point 3, ADR 0030). A working professional of a case (not police, not an
 * observer) invites a child of 12 or older with a single-use code; the child makes a young account with it at
 * /samenwerken/jongere and waits until that professional has compared the safety number and confirmed. Then a key
 * for the compartment 'young:<member id>' is made and wrapped to the two of them only: their private channel.
 * The young member sees their channel, where the pathway stands (the moves all members see) explained for young
 * people, and from 16 the consent questions, whose refusal blocks the flow (case-young.consent.ts). Nothing of the
 * young member reaches a parent: their member row is left out of the case page, and every event about them is in
 * their own compartment, which no timeline, notification to others or export reads.
 */

/** The oldest a child can be when invited: from 18 they are an adult and join as one. */
const youngMaximumAge = 17;
const MESSAGES_SHOWN = 100;

/** A parent (or anyone but a working professional) asking to invite the child: 403, with a page that says why. */
export class YoungInviteForbidden extends AppError {
  readonly status = 403;
  readonly messageKey = 'caseYoung.problem.forbidden';
  constructor() {
    super('Only a professional of the case invites a young person');
  }
}

export interface CaseYoungSettings {
  invitationValidMs: number;
  /** The same keyed hash as the case invitations (one code space: a young code typed elsewhere is refused). */
  keyedHash: KeyedHash;
  pathways: PathwayRegistry;
}

export interface YoungFormRefusal {
  ok: false;
  form: { values: FormValues; problems: FieldError[] };
}

/** A refusal of a code or a change, with the status it is sent with (caseYoung.problem.<problem>). */
export interface YoungRefusal {
  ok: false;
  problem: 'code-unknown' | 'code-used' | 'code-expired' | 'code-withdrawn' | 'key-changed' | 'not-now' | 'throttled';
  status: 400 | 409 | 410 | 429;
}

const refuse = (problem: YoungRefusal['problem'], status: YoungRefusal['status']): YoungRefusal => ({
  ok: false,
  problem,
  status,
});

/** A young member as the professional who invited them sees them on the case page. */
export interface YoungMemberView {
  id: string;
  state: 'invited' | 'accepted' | 'active';
  since: string;
  /** The safety number to compare, while they wait for confirmation. */
  safety: { number: string; keyId: string } | undefined;
  invitationId: string | undefined;
}

/** The case page's section for a working professional: the young members they invited, and whether they may invite. */
export interface YoungSectionView {
  caseId: string;
  mayInvite: boolean;
  members: YoungMemberView[];
}

export interface YoungMessageView {
  id: string;
  mine: boolean;
  byRole: CaseRole;
  at: string;
  /** undefined: sealed under a key this reader does not hold. */
  text: string | undefined;
}

export interface YoungChannelView {
  kind: 'channel';
  caseId: string;
  memberId: string;
  asYoung: boolean;
  /** The professional on the other side: role and organisation (for the young person), or the young member. */
  other: { role: CaseRole; organisationName: string | undefined };
  messages: YoungMessageView[];
  mayPost: boolean;
  closed: boolean;
  /** For the young member: where the pathway stands, and their consent questions from 16. */
  pathway: { pathway: Pathway; state: PathwayState } | undefined;
  consent: { flows: readonly YoungConsentFlow[]; answers: YoungAnswer[] } | undefined;
  /** No key yet (the professional must open the channel first after a key change). */
  keyMissing: boolean;
}

export interface YoungWaitingView {
  kind: 'waiting';
  caseId: string;
  memberId: string;
  asYoung: boolean;
  other: { role: CaseRole; organisationName: string | undefined };
  /** The safety number both compare; undefined while a key is missing. */
  safety: { number: string; keyId: string } | undefined;
}

export interface YoungHomeItem {
  caseId: string;
  memberId: string;
  state: 'accepted' | 'active';
  other: { role: CaseRole; organisationName: string | undefined };
}

const birthSchema = z.object({
  maand: choiceField(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'], 'caseYoung.form.month'),
  jaar: z
    .string({ error: 'caseYoung.form.year' })
    .trim()
    .regex(/^\d{4}$/, { error: 'caseYoung.form.year' }),
});

const consentSchema = z.object({
  stroom: choiceField(youngConsentFlows, 'caseYoung.form.flow'),
  antwoord: choiceField(['ja', 'nee'], 'caseYoung.form.answer'),
});

const confirmSchema = z.object({
  sleutel: z
    .string({ error: 'caseYoung.form.keyChanged' })
    .regex(/^[0-9a-f]{64}$/, { error: 'caseYoung.form.keyChanged' }),
});

/** A message's text, or undefined when it does not open (never a page that fails on one message). */
function readable(key: CompartmentKey, id: string, body: string): string | undefined {
  try {
    return openCaseText(key, 'case/item', id, body as Ciphertext);
  } catch {
    return undefined;
  }
}

const currentKeyId = (member: MemberWithKeys): string | undefined =>
  member.x25519Public === undefined || member.ed25519Public === undefined
    ? undefined
    : memberKeyId(member.x25519Public, member.ed25519Public);

const partyOf = (member: MemberWithKeys) =>
  member.x25519Public === undefined || member.ed25519Public === undefined
    ? undefined
    : { x25519Public: member.x25519Public, ed25519Public: member.ed25519Public, id: member.id };

export function createCaseYoungService(
  cases: CasesRepository,
  young: CaseYoungRepository,
  items: Pick<CaseItemsRepository, 'stepMoves'>,
  accounts: {
    registerYoung(
      form: unknown,
      userAgent: string | undefined,
      claim: (trx: Trx, userId: string) => Promise<boolean>,
      clientAddress?: string,
      auditLine?: (userId: string) => AlsoInTransaction,
    ): Promise<RegisterResult | 'link'>;
  },
  audit: AuditRecorder,
  settings: CaseYoungSettings,
  clock: () => Date = () => new Date(),
) {
  const nowIso = () => clock().toISOString();
  const codeHash = (code: string) => settings.keyedHash('case-invitation-code', code);
  const consentCheck = createYoungConsentCheck(young);

  const line = (userId: string, action: string, caseId: string, trail: AuditTrail) => ({
    actor: userId,
    action,
    objectType: 'case',
    objectId: caseId,
    requestId: requestIdOf(trail),
  });

  /** The rules' facts, with a young viewer's age by the clock now. */
  async function factsOf(stored: StoredCase, viewer: StoredMember): Promise<CaseFacts> {
    const facts = caseFacts(stored, viewer);
    if (viewer.role !== 'young' || facts.viewer === undefined) return facts;
    const birthMonth = await young.birthMonth(viewer.id);
    return { ...facts, viewer: { ...facts.viewer, age: birthMonth === undefined ? 0 : ageAt(birthMonth, clock()) } };
  }

  const targetFacts = (facts: CaseFacts, target: StoredMember): CaseMemberFacts => ({
    case: facts,
    target: {
      memberId: target.id,
      userId: target.userId,
      role: target.role,
      state: target.state,
      mandate: target.mandate,
      invitedByMemberId: target.invitedByMemberId,
      suspensionProposedBy: target.suspensionProposedBy,
    },
  });

  /** My membership of the case, or NotFound (malformed id, not a member). */
  async function membership(who: CaseActor, caseId: unknown) {
    if (!isId(caseId)) throw new NotFound('no such case');
    const found = await cases.findMembership(caseId, who.userId);
    if (found === undefined) throw new NotFound('no such case');
    return found;
  }

  /** The young member of this case by id, or NotFound. */
  async function youngMemberIn(caseId: string, memberId: unknown): Promise<MemberWithKeys> {
    if (!isId(memberId)) throw new NotFound('no such member');
    const members = await cases.listMembers(caseId);
    const found = members.find((member) => member.id === memberId && member.role === 'young');
    if (found === undefined) throw new NotFound('no such member');
    return found;
  }

  /**
   * Opens my wrap of a young member's channel: its granter must be the young member's inviter, signed with their
   * signing key of the wrap's key id.
   */
  const unwrapYoung = (wrap: GrantedWrap, me: StoredMember, target: StoredMember, who: CaseActor) =>
    openGrantedWrap(wrap, me, who.keys, cases, (granter) => granter.id === target.invitedByMemberId);

  /** My key of the channel at an epoch, or undefined when I hold none. */
  async function keyAt(who: CaseActor, me: StoredMember, target: StoredMember, epoch: number) {
    const compartment = youngCompartment(target.id);
    const wrap = await cases.findWrap(me.caseId, compartment, epoch, me.id);
    return wrap === undefined ? undefined : unwrapYoung(wrap, me, target, who);
  }

  /**
   * In a locked unit: the channel's key made (or the inviter's current one given again) and wrapped to the young
   * member and their inviter (me), both confirmed with their current keys. Returns the key, or undefined when one
   * of them cannot receive it.
   */
  async function grantChannel(
    unit: Parameters<Parameters<CasesRepository['withCaseLocked']>[1]>[0],
    who: CaseActor,
    me: MemberWithKeys,
    target: MemberWithKeys,
  ): Promise<CompartmentKey | undefined> {
    const compartment = youngCompartment(target.id);
    const myKeyId = currentKeyId(me);
    const theirKeyId = currentKeyId(target);
    if (myKeyId === undefined || myKeyId !== me.confirmedKeyId || theirKeyId === undefined) return undefined;
    if (theirKeyId !== target.confirmedKeyId || target.state !== 'active') return undefined;
    const epoch = await unit.compartmentEpoch(unit.case.id, compartment);
    const holders = epoch === undefined ? [] : await unit.holders(unit.case.id, compartment, epoch);
    let key: CompartmentKey;
    if (epoch !== undefined && holders.includes(me.id)) {
      if (holders.includes(target.id)) return keyAt(who, me, target, epoch);
      const mine = await keyAt(who, me, target, epoch);
      if (mine === undefined) return undefined;
      key = mine;
    } else {
      const next = epoch === undefined ? 0 : holders.length === 0 ? epoch : epoch + 1;
      key = newCompartmentKey(unit.case.id, compartment, next);
      await unit.setEpoch(unit.case.id, compartment, next);
    }
    const signing = who.keys.signingKey();
    const granter = { memberId: me.id, signingKey: signing.privateKey, keyId: signing.id };
    const recipients = [
      { memberId: target.id, x25519Public: target.x25519Public!, keyId: theirKeyId },
      { memberId: me.id, x25519Public: me.x25519Public!, keyId: myKeyId },
    ];
    const have = new Set(await unit.holders(unit.case.id, compartment, key.epoch));
    await unit.insertWraps(
      recipients
        .filter((recipient) => !have.has(recipient.memberId))
        .map((recipient) => wrapCompartmentKey({ key, recipient, granter })),
    );
    return key;
  }

  /** The professional on the other side of a young member's channel (their inviter), for the young person. */
  const otherOf = (members: readonly MemberWithKeys[], target: StoredMember, asYoung: boolean) => {
    if (!asYoung) return { role: 'young' as CaseRole, organisationName: undefined };
    const inviter = members.find((member) => member.id === target.invitedByMemberId);
    return { role: inviter?.role ?? 'care', organisationName: inviter?.organisationName };
  };

  return {
    /** Whether a young member of 16 or older refused this flow now (the exports, shares and core call it). */
    youngConsentBlocks: ((caseId, flow, now) => consentCheck(caseId, flow, now)) as YoungConsentCheck,

    /** The case id when I may invite a young person; 404 for a non-member, 403 for a member who may not. */
    async inviteChoices(who: CaseActor, caseId: unknown): Promise<{ caseId: string }> {
      const found = await membership(who, caseId);
      const facts = await factsOf(found.case, found.member);
      if (!can(who.actor, 'case', 'view', facts) && !can(who.actor, 'case', 'viewAsYoung', facts)) {
        throw new NotFound('no such case');
      }
      if (!can(who.actor, 'case', 'inviteYoung', facts)) throw new YoungInviteForbidden();
      return { caseId: found.case.id };
    },

    /**
     * Invites a young person: month and year of birth (12 to 17 now), a member row 'young' waiting with that
     * month, and a single-use code (shown once, stored as a keyed hash, 72 hours), in one transaction with its
     * event in the young member's own compartment and the audit line.
     */
    async invite(
      who: CaseActor,
      caseId: unknown,
      body: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true; code: string; expiresAt: string } | YoungFormRefusal> {
      const { caseId: id } = await this.inviteChoices(who, caseId);
      const parsed = parseForm(birthSchema, body, { keep: 10 });
      if (!parsed.ok) return { ok: false, form: { values: parsed.values, problems: parsed.problems } };
      const birthMonth = `${parsed.value.jaar}-${parsed.value.maand.padStart(2, '0')}`;
      const now = clock();
      const age = ageAt(birthMonth, now);
      const born = Date.UTC(Number(parsed.value.jaar), Number(parsed.value.maand) - 1, 1) <= now.getTime();
      const tooYoung = !born || age < youngMinimumAge;
      if (tooYoung || age > youngMaximumAge) {
        const messageKey = tooYoung ? 'caseYoung.form.tooYoung' : 'caseYoung.form.tooOld';
        return { ok: false, form: { values: parsed.values, problems: [{ field: 'jaar', messageKey }] } };
      }
      const code = newInvitationCode();
      const at = now.toISOString();
      const expiresAt = new Date(now.getTime() + settings.invitationValidMs).toISOString();
      const done = await cases.withCaseLocked(id, async (unit) => {
        const me = (await unit.findMembership(id, who.userId))?.member;
        if (me === undefined) return false;
        const facts = caseFacts(unit.case, me);
        if (!can(who.actor, 'case', 'inviteYoung', facts)) throw new YoungInviteForbidden();
        const memberId = randomUUID();
        const invitationId = randomUUID();
        await unit.insertInvitedMember({
          caseId: id,
          memberId,
          invitationId,
          role: 'young',
          mandate: 'none',
          invitedByMemberId: me.id,
          codeHash: codeHash(code),
          expiresAt,
          at,
        });
        await young.setBirthMonth(unit.transaction, memberId, birthMonth);
        await recordCaseEvent(unit.transaction, {
          caseId: id,
          compartment: youngCompartment(memberId),
          kind: 'young.invited',
          refId: invitationId,
          actorMemberId: me.id,
          subjectMemberId: memberId,
          createdAt: at,
        });
        await audit.record(unit.transaction, line(who.userId, 'case.young.invited', id, trail));
        return true;
      });
      if (done !== true) throw new NotFound('no such case');
      return { ok: true, code: formatCode(code), expiresAt };
    },

    /**
     * A young person signs up with their code: the code must be open and a young member's; the account (a young
     * account, recovery code shown once) is made and the code used in one transaction. They then wait as
     * 'accepted' until their professional confirms.
     */
    async register(
      body: unknown,
      userAgent: string | undefined,
      clientAddress: string | undefined,
      trail: AuditTrail = {},
    ): Promise<({ caseId: string } & Extract<RegisterResult, { ok: true }>) | YoungFormRefusal | YoungRefusal> {
      const codeForm = parseForm(joinSchema, body, { keep: 30 });
      if (!codeForm.ok) return { ok: false, form: { values: codeForm.values, problems: codeForm.problems } };
      const invitation = await cases.findInvitationByCodeHash(codeHash(codeForm.value.code));
      const member = invitation === undefined ? undefined : await cases.findMember(invitation.memberId);
      if (invitation === undefined || member?.role !== 'young') return refuse('code-unknown', 400);
      if (invitation.withdrawnAt !== null) return refuse('code-withdrawn', 410);
      if (invitation.usedAt !== null) return refuse('code-used', 410);
      if (Date.parse(invitation.expiresAt) <= clock().getTime()) return refuse('code-expired', 410);
      const stored = await cases.findCase(invitation.caseId);
      if (stored === undefined || stored.closedAt !== null) return refuse('code-withdrawn', 410);
      const result = await accounts.registerYoung(
        body,
        userAgent,
        async (trx, userId) => {
          const at = nowIso();
          if (!(await young.claim(trx, invitation, userId, at))) return false;
          await recordCaseEvent(trx, {
            caseId: invitation.caseId,
            compartment: youngCompartment(member.id),
            kind: 'young.joined',
            subjectMemberId: member.id,
            createdAt: at,
          });
          return true;
        },
        clientAddress,
        (userId) => (trx) => audit.record(trx, line(userId, 'case.young.joined', invitation.caseId, trail)),
      );
      if (result === 'link') return refuse('code-used', 410);
      // Too many names found taken from this address: wait (the sign-up's own throttle).
      if (!result.ok && result.retryAt !== undefined) return refuse('throttled', 429);
      if (!result.ok) {
        const values = parseForm(z.object({}), body, { keep: 80, secrets: ['wachtwoord', 'herhaling'] }).values;
        return { ok: false, form: { values, problems: result.problems } };
      }
      return { ...result, caseId: invitation.caseId };
    },

    /** A young account's cases: each waiting or active young membership, with the professional they talk to. */
    async home(who: CaseActor): Promise<YoungHomeItem[]> {
      if (!hasRole(who.actor, 'young')) return [];
      const mine = (await cases.membershipsOfUser(who.userId)).filter(
        (member) => member.role === 'young' && (member.state === 'accepted' || member.state === 'active'),
      );
      const found: YoungHomeItem[] = [];
      for (const member of mine) {
        const members = await cases.listMembers(member.caseId);
        found.push({
          caseId: member.caseId,
          memberId: member.id,
          state: member.state as 'accepted' | 'active',
          other: otherOf(members, member, true),
        });
      }
      return found;
    },

    /** The case page's section for a working professional: the young members they invited. */
    async section(who: CaseActor, caseId: string): Promise<YoungSectionView | undefined> {
      const found = await cases.findMembership(caseId, who.userId);
      if (found === undefined) return undefined;
      const facts = caseFacts(found.case, found.member);
      const mayInvite = can(who.actor, 'case', 'inviteYoung', facts);
      if (!can(who.actor, 'case', 'readProfessionals', facts)) return undefined;
      const members = await cases.listMembers(caseId);
      const me = members.find((member) => member.id === found.member.id);
      const invitations = await cases.listInvitations(caseId);
      const now = clock().getTime();
      const mine: YoungMemberView[] = [];
      for (const member of members) {
        if (member.role !== 'young' || member.invitedByMemberId !== found.member.id) continue;
        if (member.state !== 'invited' && member.state !== 'accepted' && member.state !== 'active') continue;
        const invitation = invitations.find((row) => row.memberId === member.id);
        if (
          member.state === 'invited' &&
          (invitation === undefined ||
            invitation.withdrawnAt !== null ||
            invitation.usedAt !== null ||
            Date.parse(invitation.expiresAt) <= now)
        ) {
          continue;
        }
        const mayConfirm = can(who.actor, 'caseMember', 'confirm', targetFacts(facts, member));
        const keyNow = currentKeyId(member);
        const mine_ = me === undefined ? undefined : partyOf(me);
        const theirs = partyOf(member);
        mine.push({
          id: member.id,
          state: member.state,
          since: member.stateChangedAt,
          safety:
            mayConfirm && keyNow !== undefined && mine_ !== undefined && theirs !== undefined
              ? { keyId: keyNow, number: safetyNumber(mine_, theirs) }
              : undefined,
          invitationId: member.state === 'invited' ? invitation?.id : undefined,
        });
      }
      if (!mayInvite && mine.length === 0) return undefined;
      return { caseId, mayInvite, members: mine };
    },

    /**
     * The young member's channel page: for the young member or their inviter, the channel (or, while the young
     * member waits, the safety number to compare). 404 for everyone else, a parent included.
     */
    async channel(who: CaseActor, caseId: unknown, memberId: unknown): Promise<YoungChannelView | YoungWaitingView> {
      const found = await membership(who, caseId);
      const target = await youngMemberIn(found.case.id, memberId);
      const facts = await factsOf(found.case, found.member);
      const tFacts = targetFacts(facts, target);
      const members = await cases.listMembers(found.case.id);
      const me = members.find((member) => member.id === found.member.id)!;
      const asYoung = me.id === target.id;
      const other = otherOf(members, target, asYoung);
      const inviter = members.find((member) => member.id === target.invitedByMemberId);
      if (
        target.state === 'accepted' &&
        (asYoung ? me.state === 'accepted' : can(who.actor, 'caseMember', 'confirm', tFacts))
      ) {
        const young_ = partyOf(target);
        const professional = inviter === undefined ? undefined : partyOf(inviter);
        const keyNow = currentKeyId(target);
        return {
          kind: 'waiting',
          caseId: found.case.id,
          memberId: target.id,
          asYoung,
          other,
          safety:
            young_ !== undefined && professional !== undefined && keyNow !== undefined && inviter?.state === 'active'
              ? { keyId: keyNow, number: safetyNumber(professional, young_) }
              : undefined,
        };
      }
      if (!can(who.actor, 'caseMember', 'readYoungChannel', tFacts)) throw new NotFound('no such member');
      const compartment = youngCompartment(target.id);
      // The inviter gives the key to both of them when neither holds the current one (after a key change).
      let current: CompartmentKey | undefined;
      const epoch = await cases.compartmentEpoch(found.case.id, compartment);
      if (epoch !== undefined) current = await keyAt(who, me, target, epoch);
      if (current === undefined && !asYoung && !facts.closed) {
        current = await cases.withCaseLocked(found.case.id, async (unit) => {
          const fresh = await unit.listMembers(found.case.id);
          const meNow = fresh.find((member) => member.id === me.id);
          const targetNow = fresh.find((member) => member.id === target.id);
          if (meNow === undefined || targetNow === undefined) return undefined;
          return grantChannel(unit, who, meNow, targetNow);
        });
      }
      const rows = await young.messages(found.case.id, compartment, MESSAGES_SHOWN);
      const keys = new Map<number, Promise<CompartmentKey | undefined>>();
      const messages: YoungMessageView[] = [];
      for (const row of rows) {
        if (!keys.has(row.epoch))
          keys.set(
            row.epoch,
            keyAt(who, me, target, row.epoch).catch(() => undefined),
          );
        const key = await keys.get(row.epoch);
        const author = members.find((member) => member.id === row.authorMemberId);
        messages.push({
          id: row.id,
          mine: row.authorMemberId === me.id,
          byRole: author?.role ?? 'care',
          at: row.createdAt,
          text: key === undefined ? undefined : readable(key, row.id, row.body),
        });
      }
      let pathway: YoungChannelView['pathway'];
      let consent: YoungChannelView['consent'];
      if (asYoung) {
        // Where the pathway stands: the moves every member sees (not the professionals' own), nothing hidden.
        const moves = await items.stepMoves(found.case.id, {
          compartments: ['members'],
          allShares: false,
          hideRisky: true,
        });
        pathway = {
          pathway: settings.pathways.currentFor(found.case.pathwayKey),
          state: foldPathway(moves, (role) => role),
        };
        if ((facts.viewer?.age ?? 0) >= youngConsentAge) {
          consent = { flows: youngConsentFlows, answers: await young.answers(found.case.id, target.id) };
        }
      }
      return {
        kind: 'channel',
        caseId: found.case.id,
        memberId: target.id,
        asYoung,
        other,
        messages,
        mayPost: can(who.actor, 'caseMember', 'postYoungMessage', tFacts) && current !== undefined,
        closed: facts.closed,
        pathway,
        consent,
        keyMissing: current === undefined,
      };
    },

    /** A message in the channel (at most 2,000 characters), sealed under its key, with its event and audit line. */
    async post(
      who: CaseActor,
      caseId: unknown,
      memberId: unknown,
      body: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true } | YoungFormRefusal | YoungRefusal> {
      const found = await membership(who, caseId);
      const target = await youngMemberIn(found.case.id, memberId);
      const facts = await factsOf(found.case, found.member);
      authorize(who.actor, 'caseMember', 'postYoungMessage', targetFacts(facts, target));
      const parsed = parseForm(messageSchema, body, { keep: 2100 });
      if (!parsed.ok) return { ok: false, form: { values: parsed.values, problems: parsed.problems } };
      const compartment = youngCompartment(target.id);
      const epoch = await cases.compartmentEpoch(found.case.id, compartment);
      const key = epoch === undefined ? undefined : await keyAt(who, found.member, target, epoch);
      if (key === undefined) return refuse('not-now', 409);
      const id = randomUUID();
      const at = nowIso();
      const outcome = await young.postMessage(
        { caseId: found.case.id, compartment, epoch: key.epoch },
        { id, body: sealCaseContent(key, 'case/item', id, parsed.value.bericht), memberId: found.member.id, at },
        (trx) => audit.record(trx, line(who.userId, 'case.young.message', found.case.id, trail)),
      );
      return outcome === 'posted' ? { ok: true } : refuse('not-now', 409);
    },

    /**
     * The inviter confirms the young member after comparing the safety number in person: active, their key id
     * recorded, and the channel's key made and wrapped to the two of them, in one transaction.
     */
    async confirm(
      who: CaseActor,
      caseId: unknown,
      memberId: unknown,
      body: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true } | YoungRefusal> {
      const found = await membership(who, caseId);
      const outcome = await cases.withCaseLocked(found.case.id, async (unit): Promise<{ ok: true } | YoungRefusal> => {
        const members = await unit.listMembers(unit.case.id);
        const me = members.find((member) => member.id === found.member.id);
        const target = members.find((member) => isId(memberId) && member.id === memberId && member.role === 'young');
        if (me === undefined || target === undefined) throw new NotFound('no such member');
        const facts = caseFacts(unit.case, me);
        if (!can(who.actor, 'caseMember', 'confirm', targetFacts(facts, target))) throw new NotFound('no such member');
        const parsed = parseForm(confirmSchema, body, { keep: 70 });
        const keyNow = currentKeyId(target);
        if (!parsed.ok || keyNow === undefined || keyNow !== parsed.value.sleutel) return refuse('key-changed', 409);
        const changed = await unit.updateMember(target.id, ['accepted'], {
          state: 'active',
          confirmedByMemberId: me.id,
          confirmedKeyId: keyNow,
        });
        if (!changed) return refuse('not-now', 409);
        const now = { ...target, state: 'active' as const, confirmedKeyId: keyNow, confirmedByMemberId: me.id };
        await grantChannel(unit, who, me, now);
        await recordCaseEvent(unit.transaction, {
          caseId: unit.case.id,
          compartment: youngCompartment(target.id),
          kind: 'young.confirmed',
          actorMemberId: me.id,
          subjectMemberId: target.id,
          createdAt: nowIso(),
        });
        await audit.record(unit.transaction, line(who.userId, 'case.young.confirmed', unit.case.id, trail));
        return { ok: true };
      });
      if (outcome === undefined) throw new NotFound('no such case');
      return outcome;
    },

    /** The young member's answer to one consent question (from 16), recorded with basis 'child'. */
    async answerConsent(
      who: CaseActor,
      caseId: unknown,
      memberId: unknown,
      body: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true } | YoungFormRefusal> {
      const found = await membership(who, caseId);
      if (found.member.id !== memberId) throw new NotFound('no such member');
      const facts = await factsOf(found.case, found.member);
      authorize(who.actor, 'case', 'answerConsent', facts);
      const parsed = parseForm(consentSchema, body, { keep: 20 });
      if (!parsed.ok) return { ok: false, form: { values: parsed.values, problems: parsed.problems } };
      await young.answer(
        {
          id: randomUUID(),
          caseId: found.case.id,
          memberId: found.member.id,
          flow: parsed.value.stroom,
          decision: parsed.value.antwoord === 'ja' ? 'given' : 'refused',
        },
        youngCompartment(found.member.id),
        nowIso(),
        (trx) => audit.record(trx, line(who.userId, 'case.young.consent', found.case.id, trail)),
      );
      return { ok: true };
    },
  };
}

export type CaseYoungService = ReturnType<typeof createCaseYoungService>;
