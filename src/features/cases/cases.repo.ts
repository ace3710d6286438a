import { type ExpressionBuilder, type Kysely, type Selectable, type Updateable, sql } from 'kysely';
import { lockRow } from '../../shared/db/lock.js';
import type { CaseConsentsTable, CaseMembersTable, CasesTable, Database } from '../../shared/db/schema.js';
import type { AlsoInTransaction, Trx } from '../../shared/db/transaction.js';
import { readCompartmentEpoch } from './case-compartments.repo.js';
import type { StoredKeyWrap } from './case-keys.js';
import { keyWrapRow } from './case-shares.repo.js';
import type { CaseMode, CaseRole, ChildKnows, Compartment, ConsentBasis, Mandate, MemberState } from './cases.types.js';

/*
 * The only code that queries the case space's core tables (migration 0020): cases, case_compartments,
 * case_members, case_invitations, case_key_wraps, case_consents. Every change that moves keys (a member confirmed,
 * removed, suspended) runs in withCaseLocked: the case row is locked first, so two such changes of one case take
 * turns and each sees the epochs the other wrote.
 */

/** The default for repository tests, which record nothing; the service always passes its audit lines. */
const nothingToRecord = (): Promise<void> => Promise.resolve();

export type RiskState = CasesTable['risk_in_family'];

export interface StoredCase {
  id: string;
  mode: CaseMode;
  risk: RiskState;
  riskProposedBy: string | null;
  closedAt: string | null;
  createdAt: string;
  createdByUser: string | null;
  labelCiphertext: string;
  labelEpoch: number;
  /** The pathway the case follows (ADR 0037): 'national' or 'region:VRnn'; 'national' when not given. */
  pathwayKey?: string;
}

export interface StoredMember {
  id: string;
  caseId: string;
  userId: string | null;
  role: CaseRole;
  state: MemberState;
  mandate: Mandate;
  organisationId: string | null;
  policeUnit: string | null;
  referenceCiphertext: string | null;
  referenceEpoch: number | null;
  invitedByMemberId: string | null;
  confirmedByMemberId: string | null;
  confirmedKeyId: string | null;
  suspensionProposedBy: string | null;
  createdAt: string;
  updatedAt: string;
  stateChangedAt: string;
}

/** A member with what the case page shows and the keys need: the account's public keys, the organisation's name. */
export interface MemberWithKeys extends StoredMember {
  /** SPKI DER of the account's keys; undefined while invited or once the account is gone. */
  x25519Public: Buffer | undefined;
  ed25519Public: Buffer | undefined;
  organisationName: string | undefined;
}

export interface StoredInvitation {
  id: string;
  caseId: string;
  memberId: string;
  expiresAt: string;
  usedAt: string | null;
  withdrawnAt: string | null;
  createdByMemberId: string;
  createdAt: string;
}

export interface StoredConsent {
  id: string;
  caseId: string;
  flow: CaseConsentsTable['flow'];
  subjectId: string;
  basis: ConsentBasis;
  childKnows: ChildKnows;
  recordedByMemberId: string;
  createdAt: string;
}

export interface CompartmentEpoch {
  compartment: Compartment;
  epoch: number;
}

/** What checking a wrap needs of its granter: their case and role, and the signing keys they signed with. */
export interface WrapGranterFacts {
  id: string;
  caseId: string;
  role: CaseRole;
  /** The account while it exists: its retired signing keys are read only when its current one is not the wrap's. */
  userId: string | null;
  /** The account's current signing key (SPKI DER), or the keys kept on the member row once the account is gone. */
  signingKeys: Buffer[];
}

/** A wrap with its granter as stored now (undefined when the granter's row is gone). */
export type GrantedWrap = StoredKeyWrap & { granter: WrapGranterFacts | undefined };

/** One of my cases, for the list: the case, my membership, my wrap of the label's key (if I hold one). */
export interface MyCase {
  case: StoredCase;
  member: StoredMember;
  labelWrap: GrantedWrap | undefined;
}

/** A compartment as a member opening the case finds it: its epoch, their wrap of it, whether a holder lacks one. */
export interface OpeningCompartment {
  compartment: Compartment;
  epoch: number;
  /** The member's wrap of the current epoch, with its granter. */
  wrap: GrantedWrap | undefined;
  /** An active member meant to hold it (the service's `entitled`) has no wrap of the current epoch. */
  holderMissing: boolean;
}

/** What opening a case reads in one query: the case, the user's membership and their current wraps. */
export interface Opening {
  case: StoredCase;
  member: StoredMember;
  compartments: OpeningCompartment[];
}

export type NewMember = Omit<StoredMember, 'updatedAt' | 'stateChangedAt'>;

type CaseRow = Selectable<CasesTable>;
type MemberRow = CaseMembersTable;

const toCase = (row: CaseRow): StoredCase => ({
  id: row.id,
  mode: row.mode,
  risk: row.risk_in_family,
  riskProposedBy: row.risk_proposed_by,
  closedAt: row.closed_at,
  createdAt: row.created_at,
  createdByUser: row.created_by_user,
  labelCiphertext: row.label_ciphertext,
  labelEpoch: Number(row.label_epoch),
  pathwayKey: row.pathway_key,
});

const toMember = (row: MemberRow): StoredMember => ({
  id: row.id,
  caseId: row.case_id,
  userId: row.user_id,
  role: row.role,
  state: row.state,
  mandate: row.mandate,
  organisationId: row.organisation_id,
  policeUnit: row.police_unit,
  referenceCiphertext: row.reference_ciphertext,
  referenceEpoch: row.reference_epoch === null ? null : Number(row.reference_epoch),
  invitedByMemberId: row.invited_by_member_id,
  confirmedByMemberId: row.confirmed_by_member_id,
  confirmedKeyId: row.confirmed_key_id,
  suspensionProposedBy: row.suspension_proposed_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  stateChangedAt: row.state_changed_at,
});

/** A stored wrap row as the key code reads it. */
export const toWrap = (row: Database['case_key_wraps']): StoredKeyWrap => ({
  caseId: row.case_id,
  compartment: row.compartment as Compartment,
  epoch: Number(row.epoch),
  memberId: row.member_id,
  recipientKeyId: row.recipient_key_id,
  enc: row.enc,
  ciphertext: row.ciphertext,
  granterMemberId: row.granter_member_id,
  granterKeyId: row.granter_key_id,
  signature: row.signature,
});

/** A joined row's columns of one table (those named `<prefix><column>`), without the prefix. */
function strip<T>(row: object, prefix: string): T {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([column]) => column.startsWith(prefix))
      .map(([column, value]) => [column.slice(prefix.length), value as unknown]),
  ) as T;
}

/** The case's columns as `c_<column>`, for queries that join it to a member's row. */
const caseColumns = [
  'c.id as c_id',
  'c.mode as c_mode',
  'c.risk_in_family as c_risk_in_family',
  'c.risk_proposed_by as c_risk_proposed_by',
  'c.closed_at as c_closed_at',
  'c.created_at as c_created_at',
  'c.created_by_user as c_created_by_user',
  'c.label_ciphertext as c_label_ciphertext',
  'c.label_epoch as c_label_epoch',
  'c.pathway_key as c_pathway_key',
] as const;

/** A wrap's columns as `w_<column>` and its granter's (`g`, the granter's member row; `gu`, their account). */
const grantedWrapColumns = [
  'w.case_id as w_case_id',
  'w.compartment as w_compartment',
  'w.epoch as w_epoch',
  'w.member_id as w_member_id',
  'w.recipient_key_id as w_recipient_key_id',
  'w.enc as w_enc',
  'w.ciphertext as w_ciphertext',
  'w.granter_member_id as w_granter_member_id',
  'w.granter_key_id as w_granter_key_id',
  'w.signature as w_signature',
  'w.created_at as w_created_at',
  'g.id as g_id',
  'g.case_id as g_case_id',
  'g.role as g_role',
  'g.user_id as g_user_id',
  'g.former_signing_keys as g_former_signing_keys',
  'gu.ed25519_public as gu_ed25519_public',
] as const;

type JoinedWrap = { [K in keyof Database['case_key_wraps'] as `w_${K}`]: Database['case_key_wraps'][K] | null } & {
  g_id: string | null;
  g_case_id: string | null;
  g_role: CaseRole | null;
  g_user_id: string | null;
  g_former_signing_keys: string | null;
  gu_ed25519_public: string | null;
};

/** The signing keys kept on a member row when its account was deleted (JSON array of base64 SPKI). */
function keptKeys(kept: string | null): Buffer[] {
  const parsed = kept === null ? [] : (JSON.parse(kept) as unknown);
  return Array.isArray(parsed)
    ? parsed.filter((key): key is string => typeof key === 'string').map((key) => Buffer.from(key, 'base64'))
    : [];
}

/** A joined wrap with its granter, or undefined when the row has no wrap (a left join that found none). */
function grantedWrapOf(row: JoinedWrap): GrantedWrap | undefined {
  if (row.w_enc === null) return undefined;
  const granter: WrapGranterFacts | undefined =
    row.g_id === null || row.g_case_id === null || row.g_role === null
      ? undefined
      : {
          id: row.g_id,
          caseId: row.g_case_id,
          role: row.g_role,
          userId: row.g_user_id,
          signingKeys:
            row.g_user_id === null || row.gu_ed25519_public === null
              ? keptKeys(row.g_former_signing_keys)
              : [Buffer.from(row.gu_ed25519_public, 'base64')],
        };
  return { ...toWrap(strip<Database['case_key_wraps']>(row, 'w_')), granter };
}

/** The id of the user's newest membership of a case that is not removed (a removed member may have joined again). */
const newestMembership = (eb: ExpressionBuilder<Database & { m: MemberRow }, 'm'>, caseId: string, userId: string) =>
  eb
    .selectFrom('case_members')
    .select('case_members.id')
    .where('case_members.case_id', '=', caseId)
    .where('case_members.user_id', '=', userId)
    .where('case_members.state', '!=', 'removed')
    .orderBy('case_members.created_at', 'desc')
    .orderBy('case_members.id')
    .limit(1);

const toInvitation = (row: Database['case_invitations']): StoredInvitation => ({
  id: row.id,
  caseId: row.case_id,
  memberId: row.member_id,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
  withdrawnAt: row.withdrawn_at,
  createdByMemberId: row.created_by_member_id,
  createdAt: row.created_at,
});

const toConsent = (row: Database['case_consents']): StoredConsent => ({
  id: row.id,
  caseId: row.case_id,
  flow: row.flow,
  subjectId: row.subject_id,
  basis: row.basis,
  childKnows: row.child_knows,
  recordedByMemberId: row.recorded_by_member_id,
  createdAt: row.created_at,
});

const memberValues = (member: NewMember, nowIso: string): MemberRow => ({
  id: member.id,
  case_id: member.caseId,
  user_id: member.userId,
  role: member.role,
  state: member.state,
  mandate: member.mandate,
  organisation_id: member.organisationId,
  police_unit: member.policeUnit,
  reference_ciphertext: member.referenceCiphertext,
  reference_epoch: member.referenceEpoch,
  invited_by_member_id: member.invitedByMemberId,
  confirmed_by_member_id: member.confirmedByMemberId,
  confirmed_key_id: member.confirmedKeyId,
  suspension_proposed_by: member.suspensionProposedBy,
  created_at: member.createdAt,
  updated_at: nowIso,
  state_changed_at: nowIso,
  former_signing_keys: null,
  birth_month: null,
});

/** The name inside an organisation's stored record (JSON). */
function nameOf(data: string | null): string | undefined {
  if (data === null) return undefined;
  const parsed = JSON.parse(data) as { name?: unknown };
  return typeof parsed.name === 'string' ? parsed.name : undefined;
}

/** What a member's row may be changed to (the columns a life-cycle step writes). */
export interface MemberChange {
  state?: MemberState;
  userId?: string | null;
  mandate?: Mandate;
  organisationId?: string | null;
  policeUnit?: string | null;
  referenceCiphertext?: string | null;
  referenceEpoch?: number | null;
  confirmedByMemberId?: string | null;
  confirmedKeyId?: string | null;
  suspensionProposedBy?: string | null;
  /** The account's signing keys, kept when it is deleted (wraps it granted stay checkable). */
  formerSigningKeys?: readonly Buffer[];
}

/** What a case's row may be changed to. */
export interface CaseChange {
  risk?: RiskState;
  riskProposedBy?: string | null;
  closedAt?: string | null;
  labelCiphertext?: string;
  labelEpoch?: number;
  createdByUser?: string | null;
}

/** Reads and writes on one executor (the database, or a transaction). */
function queriesOn(db: Kysely<Database>) {
  const wrapsWithGranters = () =>
    db
      .selectFrom('case_key_wraps as w')
      .leftJoin('case_members as g', 'g.id', 'w.granter_member_id')
      .leftJoin('users as gu', 'gu.id', 'g.user_id')
      .select(grantedWrapColumns);
  /** Members' rows with their case's (as `c_<column>`). */
  const membersWithCases = () =>
    db.selectFrom('case_members as m').innerJoin('cases as c', 'c.id', 'm.case_id').selectAll('m').select(caseColumns);
  /**
   * As membersWithCases, with the member's wrap and its granter: of each compartment at its current epoch
   * ('current': a row per compartment), or of the members' key at the label's epoch ('label': a row per case).
   */
  const membersWithWraps = (which: 'current' | 'label') =>
    membersWithCases()
      .leftJoin('case_compartments as cc', (join) =>
        which === 'current'
          ? join.onRef('cc.case_id', '=', 'c.id')
          : join.onRef('cc.case_id', '=', 'c.id').on('cc.compartment', '=', 'members'),
      )
      .leftJoin('case_key_wraps as w', (join) =>
        join
          .onRef('w.case_id', '=', 'c.id')
          .onRef('w.member_id', '=', 'm.id')
          .onRef('w.compartment', '=', 'cc.compartment')
          .onRef('w.epoch', '=', which === 'current' ? 'cc.epoch' : 'c.label_epoch'),
      )
      .leftJoin('case_members as g', 'g.id', 'w.granter_member_id')
      .leftJoin('users as gu', 'gu.id', 'g.user_id')
      .select(grantedWrapColumns);
  const retiredSigningKeys = async (userId: string): Promise<Buffer[]> => {
    const rows = await db
      .selectFrom('retired_signing_keys')
      .select('public_key')
      .where('user_id', '=', userId)
      .execute();
    return rows.map((row) => Buffer.from(row.public_key, 'base64'));
  };
  return {
    async findCase(caseId: string): Promise<StoredCase | undefined> {
      const row = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
      return row === undefined ? undefined : toCase(row);
    },

    async findMember(memberId: string): Promise<StoredMember | undefined> {
      const row = await db.selectFrom('case_members').selectAll().where('id', '=', memberId).executeTakeFirst();
      return row === undefined ? undefined : toMember(row);
    },

    /**
     * The user's membership of a case that is not removed (the newest, if a removed member joined again), with
     * the case; undefined when the case does not exist or the user is not (or no longer) a member.
     */
    async findMembership(
      caseId: string,
      userId: string,
    ): Promise<{ case: StoredCase; member: StoredMember } | undefined> {
      const row = await membersWithCases()
        .where('m.id', '=', (eb) => newestMembership(eb, caseId, userId))
        .executeTakeFirst();
      return row === undefined ? undefined : { case: toCase(strip(row, 'c_')), member: toMember(row) };
    },

    /**
     * Opening a case, in one query: the user's membership (as findMembership), the case, and per compartment its
     * current epoch, the member's wrap of it with the granter's keys, and whether an active member meant to hold
     * it lacks a wrap of that epoch (the check `entitled` in the service makes, in SQL: the members' key is for
     * every member, the others for members who are neither a parent nor an observer, a share also for its parent).
     */
    async opening(caseId: string, userId: string): Promise<Opening | undefined> {
      const rows = await membersWithWraps('current')
        .select(['cc.compartment as cc_compartment', 'cc.epoch as cc_epoch'])
        .select((eb) =>
          eb
            .exists(
              eb
                .selectFrom('case_members as o')
                .select('o.id')
                .whereRef('o.case_id', '=', 'cc.case_id')
                .where('o.state', '=', 'active')
                // A young member holds only their channel's key, which case-young.service.ts grants (ADR 0030).
                .where('o.role', '!=', 'young')
                .where('cc.compartment', 'not like', 'young:%')
                .where((holder) =>
                  holder.or([
                    holder('cc.compartment', '=', 'members'),
                    holder('o.role', 'not in', ['parent', 'observer']),
                    holder('cc.compartment', '=', sql<string>`'share:' || ${sql.ref('o.id')}`),
                  ]),
                )
                .where((holder) =>
                  holder.not(
                    holder.exists(
                      holder
                        .selectFrom('case_key_wraps as x')
                        .select('x.member_id')
                        .whereRef('x.case_id', '=', 'cc.case_id')
                        .whereRef('x.compartment', '=', 'cc.compartment')
                        .whereRef('x.epoch', '=', 'cc.epoch')
                        .whereRef('x.member_id', '=', 'o.id'),
                    ),
                  ),
                ),
            )
            .as('holder_missing'),
        )
        .where('m.id', '=', (eb) => newestMembership(eb, caseId, userId))
        .execute();
      const first = rows[0];
      if (first === undefined) return undefined;
      return {
        case: toCase(strip(first, 'c_')),
        member: toMember(first),
        compartments: rows.flatMap((row) =>
          row.cc_compartment === null || row.cc_epoch === null
            ? []
            : [
                {
                  compartment: row.cc_compartment as Compartment,
                  epoch: Number(row.cc_epoch),
                  wrap: grantedWrapOf(row),
                  holderMissing: Number(row.holder_missing) === 1,
                },
              ],
        ),
      };
    },

    /** Every case the user is a member of (not removed), newest first, with their wrap of the label's key. */
    async listCasesOfUser(userId: string): Promise<MyCase[]> {
      const rows = await membersWithWraps('label')
        .where('m.user_id', '=', userId)
        .where('m.state', '!=', 'removed')
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id')
        .limit(500)
        .execute();
      return rows.map((row) => ({
        case: toCase(strip(row, 'c_')),
        member: toMember(row),
        labelWrap: grantedWrapOf(row),
      }));
    },

    /** The case's members (all states, removed ones too: the history), oldest first, with their public keys. */
    async listMembers(caseId: string): Promise<MemberWithKeys[]> {
      const rows = await db
        .selectFrom('case_members as m')
        .leftJoin('users as u', 'u.id', 'm.user_id')
        .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
        .selectAll('m')
        .select(['u.x25519_public', 'u.ed25519_public', 'o.data as organisation_data'])
        .where('m.case_id', '=', caseId)
        .orderBy('m.created_at')
        .orderBy('m.id')
        .execute();
      return rows.map((row) => ({
        ...toMember(row),
        x25519Public: row.x25519_public === null ? undefined : Buffer.from(row.x25519_public, 'base64'),
        ed25519Public: row.ed25519_public === null ? undefined : Buffer.from(row.ed25519_public, 'base64'),
        organisationName: nameOf(row.organisation_data),
      }));
    },

    async compartments(caseId: string): Promise<CompartmentEpoch[]> {
      const rows = await db
        .selectFrom('case_compartments')
        .select(['compartment', 'epoch'])
        .where('case_id', '=', caseId)
        .orderBy('compartment')
        .execute();
      return rows.map((row) => ({ compartment: row.compartment as Compartment, epoch: Number(row.epoch) }));
    },

    compartmentEpoch: (caseId: string, compartment: Compartment): Promise<number | undefined> =>
      readCompartmentEpoch(db, caseId, compartment),

    /** A member's wrap of one compartment at one epoch, with its granter. */
    async findWrap(
      caseId: string,
      compartment: Compartment,
      epoch: number,
      memberId: string,
    ): Promise<GrantedWrap | undefined> {
      const row = await wrapsWithGranters()
        .where('w.case_id', '=', caseId)
        .where('w.compartment', '=', compartment)
        .where('w.epoch', '=', epoch)
        .where('w.member_id', '=', memberId)
        .executeTakeFirst();
      return row === undefined ? undefined : grantedWrapOf(row);
    },

    /** Every wrap a member holds in a case (each compartment, each epoch), with their granters. */
    async wrapsOfMember(caseId: string, memberId: string): Promise<GrantedWrap[]> {
      const rows = await wrapsWithGranters()
        .where('w.case_id', '=', caseId)
        .where('w.member_id', '=', memberId)
        .orderBy('w.compartment')
        .orderBy('w.epoch')
        .execute();
      return rows.flatMap((row) => grantedWrapOf(row) ?? []);
    },

    /** Who holds a wrap of a compartment at an epoch (member ids). */
    async holders(caseId: string, compartment: Compartment, epoch: number): Promise<string[]> {
      const rows = await db
        .selectFrom('case_key_wraps')
        .select('member_id')
        .where('case_id', '=', caseId)
        .where('compartment', '=', compartment)
        .where('epoch', '=', epoch)
        .execute();
      return rows.map((row) => row.member_id);
    },

    /** The account's retired Ed25519 public keys (SPKI DER), after key rotations. */
    retiredSigningKeys,

    /**
     * The Ed25519 public keys (SPKI DER) a member's account signed with: the current one and retired ones, or the
     * ones kept on the member row when the account was deleted.
     */
    async signingKeysOfMember(memberId: string): Promise<Buffer[]> {
      const member = await db
        .selectFrom('case_members as m')
        .leftJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.id', 'u.ed25519_public', 'm.former_signing_keys'])
        .where('m.id', '=', memberId)
        .executeTakeFirst();
      if (member === undefined) return [];
      if (member.id === null || member.ed25519_public === null) return keptKeys(member.former_signing_keys);
      return [Buffer.from(member.ed25519_public, 'base64'), ...(await retiredSigningKeys(member.id))];
    },

    async listInvitations(caseId: string): Promise<StoredInvitation[]> {
      const rows = await db
        .selectFrom('case_invitations')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toInvitation);
    },

    async findInvitationByCodeHash(codeHash: string): Promise<StoredInvitation | undefined> {
      const row = await db
        .selectFrom('case_invitations')
        .selectAll()
        .where('code_hash', '=', codeHash)
        .executeTakeFirst();
      return row === undefined ? undefined : toInvitation(row);
    },

    async listConsents(caseId: string): Promise<StoredConsent[]> {
      const rows = await db
        .selectFrom('case_consents')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toConsent);
    },

    /** The user's memberships that are not removed, in every case (account deletion, key rotation). */
    async membershipsOfUser(userId: string): Promise<StoredMember[]> {
      const rows = await db
        .selectFrom('case_members')
        .selectAll()
        .where('user_id', '=', userId)
        .where('state', '!=', 'removed')
        .orderBy('created_at')
        .execute();
      return rows.map(toMember);
    },

    /** The professional facts of an account a code is used by: role, organisation and whether both are in order. */
    async professionalStanding(
      userId: string,
    ): Promise<
      | { role: string; organisationId: string; policeUnit: string | null; active: boolean; verified: boolean }
      | undefined
    > {
      const row = await db
        .selectFrom('professionals as p')
        .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
        .select(['p.professional_role', 'p.organisation_id', 'p.police_unit', 'p.status', 'o.verified'])
        .where('p.user_id', '=', userId)
        .executeTakeFirst();
      return row === undefined
        ? undefined
        : {
            role: row.professional_role,
            organisationId: row.organisation_id,
            policeUnit: row.police_unit,
            active: row.status === 'active',
            verified: Number(row.verified) === 1,
          };
    },
  };
}

/** Writes, only inside withCaseLocked (or createCase): the caller holds the case row's lock. */
function writesOn(trx: Trx, nowIso: () => string) {
  return {
    /** Locks the case's row until the transaction ends (for work that began without withCaseLocked). */
    lockCase: (caseId: string): Promise<void> => lockRow(trx, 'cases', caseId),

    async insertMember(member: NewMember): Promise<void> {
      await trx.insertInto('case_members').values(memberValues(member, nowIso())).execute();
    },

    /**
     * Changes a member's row, only if it is (still) in one of `fromStates`; false, changing nothing, otherwise.
     * A change of state also sets state_changed_at.
     */
    async updateMember(memberId: string, fromStates: readonly MemberState[], change: MemberChange): Promise<boolean> {
      const now = nowIso();
      const set: Partial<MemberRow> = { updated_at: now };
      if (change.state !== undefined) {
        set.state = change.state;
        set.state_changed_at = now;
      }
      if (change.userId !== undefined) set.user_id = change.userId;
      if (change.mandate !== undefined) set.mandate = change.mandate;
      if (change.organisationId !== undefined) set.organisation_id = change.organisationId;
      if (change.policeUnit !== undefined) set.police_unit = change.policeUnit;
      if (change.referenceCiphertext !== undefined) set.reference_ciphertext = change.referenceCiphertext;
      if (change.referenceEpoch !== undefined) set.reference_epoch = change.referenceEpoch;
      if (change.confirmedByMemberId !== undefined) set.confirmed_by_member_id = change.confirmedByMemberId;
      if (change.confirmedKeyId !== undefined) set.confirmed_key_id = change.confirmedKeyId;
      if (change.suspensionProposedBy !== undefined) set.suspension_proposed_by = change.suspensionProposedBy;
      if (change.formerSigningKeys !== undefined) {
        set.former_signing_keys = JSON.stringify(change.formerSigningKeys.map((key) => key.toString('base64')));
      }
      if (fromStates.length === 0) return false;
      const result = await trx
        .updateTable('case_members')
        .set(set)
        .where('id', '=', memberId)
        .where('state', 'in', [...fromStates])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async updateCase(caseId: string, change: CaseChange): Promise<void> {
      const set: Updateable<CasesTable> = {};
      if (change.risk !== undefined) set.risk_in_family = change.risk;
      if (change.riskProposedBy !== undefined) set.risk_proposed_by = change.riskProposedBy;
      if (change.closedAt !== undefined) set.closed_at = change.closedAt;
      if (change.labelCiphertext !== undefined) set.label_ciphertext = change.labelCiphertext;
      if (change.labelEpoch !== undefined) set.label_epoch = change.labelEpoch;
      if (change.createdByUser !== undefined) set.created_by_user = change.createdByUser;
      if (Object.keys(set).length === 0) return;
      await trx.updateTable('cases').set(set).where('id', '=', caseId).execute();
    },

    /** The account no longer named as the starter of its cases (account deletion). */
    async forgetStarter(userId: string): Promise<void> {
      await trx.updateTable('cases').set({ created_by_user: null }).where('created_by_user', '=', userId).execute();
    },

    /** Creates a compartment at `epoch`, or moves it to `epoch`. */
    async setEpoch(caseId: string, compartment: Compartment, epoch: number): Promise<void> {
      const result = await trx
        .updateTable('case_compartments')
        .set({ epoch })
        .where('case_id', '=', caseId)
        .where('compartment', '=', compartment)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        await trx.insertInto('case_compartments').values({ case_id: caseId, compartment, epoch }).execute();
      }
    },

    async insertWraps(wraps: readonly StoredKeyWrap[]): Promise<void> {
      if (wraps.length === 0) return;
      const created = nowIso();
      await trx
        .insertInto('case_key_wraps')
        .values(wraps.map((wrap) => keyWrapRow(wrap, created)))
        .execute();
    },

    /** Deletes every wrap of a member in the case (each compartment, each epoch); returns how many. */
    async deleteWrapsOfMember(caseId: string, memberId: string): Promise<number> {
      const result = await trx
        .deleteFrom('case_key_wraps')
        .where('case_id', '=', caseId)
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /**
     * A member waiting for an invitation code to be used (no account yet, no keys) and that code's invitation, made
     * by `invitedByMemberId`: what every kind of invitation writes (a parent, a professional, a young person).
     */
    async insertInvitedMember(invited: {
      caseId: string;
      memberId: string;
      invitationId: string;
      role: NewMember['role'];
      mandate: NewMember['mandate'];
      invitedByMemberId: string;
      codeHash: string;
      expiresAt: string;
      at: string;
    }): Promise<void> {
      await this.insertMember({
        id: invited.memberId,
        caseId: invited.caseId,
        userId: null,
        role: invited.role,
        state: 'invited',
        mandate: invited.mandate,
        organisationId: null,
        policeUnit: null,
        referenceCiphertext: null,
        referenceEpoch: null,
        invitedByMemberId: invited.invitedByMemberId,
        confirmedByMemberId: null,
        confirmedKeyId: null,
        suspensionProposedBy: null,
        createdAt: invited.at,
      });
      await this.insertInvitation({
        id: invited.invitationId,
        caseId: invited.caseId,
        memberId: invited.memberId,
        codeHash: invited.codeHash,
        expiresAt: invited.expiresAt,
        usedAt: null,
        withdrawnAt: null,
        createdByMemberId: invited.invitedByMemberId,
        createdAt: invited.at,
      });
    },

    async insertInvitation(invitation: StoredInvitation & { codeHash: string }): Promise<void> {
      await trx
        .insertInto('case_invitations')
        .values({
          id: invitation.id,
          case_id: invitation.caseId,
          member_id: invitation.memberId,
          code_hash: invitation.codeHash,
          expires_at: invitation.expiresAt,
          used_at: invitation.usedAt,
          withdrawn_at: invitation.withdrawnAt,
          created_by_member_id: invitation.createdByMemberId,
          created_at: invitation.createdAt,
        })
        .execute();
    },

    /** Marks an invitation used, only if it is unused, not withdrawn and not expired (one statement). */
    async claimInvitation(invitationId: string): Promise<boolean> {
      const now = nowIso();
      const result = await trx
        .updateTable('case_invitations')
        .set({ used_at: now })
        .where('id', '=', invitationId)
        .where('used_at', 'is', null)
        .where('withdrawn_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Withdraws an invitation that is neither used nor withdrawn; false otherwise. */
    async withdrawInvitation(invitationId: string): Promise<boolean> {
      const result = await trx
        .updateTable('case_invitations')
        .set({ withdrawn_at: nowIso() })
        .where('id', '=', invitationId)
        .where('used_at', 'is', null)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async insertConsent(consent: StoredConsent): Promise<void> {
      await trx
        .insertInto('case_consents')
        .values({
          id: consent.id,
          case_id: consent.caseId,
          flow: consent.flow,
          subject_id: consent.subjectId,
          basis: consent.basis,
          child_knows: consent.childKnows,
          recorded_by_member_id: consent.recordedByMemberId,
          created_at: consent.createdAt,
        })
        .execute();
    },
  };
}

/** What withCaseLocked hands its work: the case as stored now (locked), reads and writes in the transaction. */
export type CaseUnit = ReturnType<typeof queriesOn> &
  ReturnType<typeof writesOn> & {
    case: StoredCase;
    /** The transaction, for the audit line (services pass it on, never query with it). */
    transaction: Trx;
  };

export function createCasesRepository(db: Kysely<Database>, clock: () => Date = () => new Date()) {
  const nowIso = () => clock().toISOString();
  return {
    ...queriesOn(db),

    /**
     * Creates a case with its compartments, its first member(s), their wraps and the consent record, then runs
     * `also` (the audit line), in one transaction.
     */
    async createCase(
      input: {
        case: StoredCase;
        compartments: readonly CompartmentEpoch[];
        members: readonly NewMember[];
        wraps: readonly StoredKeyWrap[];
        consent: StoredConsent;
      },
      also: AlsoInTransaction = nothingToRecord,
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const c = input.case;
        await trx
          .insertInto('cases')
          .values({
            id: c.id,
            mode: c.mode,
            risk_in_family: c.risk,
            risk_proposed_by: c.riskProposedBy,
            closed_at: c.closedAt,
            created_at: c.createdAt,
            created_by_user: c.createdByUser,
            label_ciphertext: c.labelCiphertext,
            label_epoch: c.labelEpoch,
            pathway_key: c.pathwayKey ?? 'national',
          })
          .execute();
        const writes = writesOn(trx, nowIso);
        for (const compartment of input.compartments) {
          await writes.setEpoch(c.id, compartment.compartment, compartment.epoch);
        }
        for (const member of input.members) await writes.insertMember(member);
        await writes.insertWraps(input.wraps);
        await writes.insertConsent(input.consent);
        await also(trx);
      });
    },

    /**
     * Runs `work` in one transaction holding the case row's lock (lockRow), with the case as stored now;
     * undefined, doing nothing, when the case does not exist.
     */
    async withCaseLocked<T>(caseId: string, work: (unit: CaseUnit) => Promise<T>): Promise<T | undefined> {
      return db.transaction().execute(async (trx) => {
        await lockRow(trx, 'cases', caseId);
        const reads = queriesOn(trx);
        const found = await reads.findCase(caseId);
        if (found === undefined) return undefined;
        return work({ ...reads, ...writesOn(trx, nowIso), case: found, transaction: trx });
      });
    },

    /** Runs `work` in one transaction without a case (account deletion and key rotation bring their own). */
    on(trx: Trx) {
      return { ...queriesOn(trx), ...writesOn(trx, nowIso) };
    },
  };
}

export type CasesRepository = ReturnType<typeof createCasesRepository>;
