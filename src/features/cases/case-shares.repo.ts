import type { Kysely, Transaction } from 'kysely';
import type { WrappedKey } from '../../shared/crypto/aead.js';
import type { Database } from '../../shared/db/schema.js';
import type { AlsoInTransaction, Trx } from '../../shared/db/transaction.js';
import { readCompartmentEpoch } from './case-compartments.repo.js';
import type { StoredKeyWrap } from './case-keys.js';

/*
 * The only code that queries case_shared_entries and case_shared_attachments (migration 0022): the journal
 * entries a parent shared into a case, each with its data key wrapped under that parent's share compartment key.
 * Sharing and unsharing also touch the case's compartment row, its key wraps and its consent records in the same
 * transaction (the epoch of the share compartment is checked and moved there, so a write under a stale epoch is
 * refused). Stored values are opaque here: wrapped keys made by the service.
 */

export interface SharedEntryRow {
  caseId: string;
  parentMemberId: string;
  entryId: string;
  journalId: string;
  epoch: number;
  keyId: string;
  wrappedKey: WrappedKey;
  createdAt: string;
}

export interface SharedAttachmentRow {
  caseId: string;
  attachmentId: string;
  entryId: string;
  parentMemberId: string;
  epoch: number;
  keyId: string;
  wrappedKey: WrappedKey;
}

/** A compartment key wrapped to one member (case_key_wraps), as case-keys.ts makes it. */
export type KeyWrapRow = Database['case_key_wraps'];

/** The row of a wrap as case-keys.ts makes it, stored at `createdAt`. */
export const keyWrapRow = (wrap: StoredKeyWrap, createdAt: string): KeyWrapRow => ({
  case_id: wrap.caseId,
  compartment: wrap.compartment,
  epoch: wrap.epoch,
  member_id: wrap.memberId,
  recipient_key_id: wrap.recipientKeyId,
  enc: wrap.enc,
  ciphertext: wrap.ciphertext,
  granter_member_id: wrap.granterMemberId,
  granter_key_id: wrap.granterKeyId,
  signature: wrap.signature,
  created_at: createdAt,
});

/** A consent record (case_consents). */
export type ConsentRow = Database['case_consents'];

/** A member of the case as sharing needs them: who they are, what they may hold, their account's public keys. */
export interface ShareMember {
  id: string;
  userId: string | null;
  role: Database['case_members']['role'];
  state: Database['case_members']['state'];
  organisationId: string | null;
  /** The organisation record (JSON text), for its name; null for parents. */
  organisationData: string | null;
  policeUnit: string | null;
  confirmedKeyId: string | null;
  /** base64 SPKI DER of the account's keys; null while nobody has used the invitation. */
  x25519Public: string | null;
  ed25519Public: string | null;
}

/** A re-wrapped key after a rotation: the record's data key under the new epoch's key. */
export interface Rewrapped {
  id: string;
  wrappedKey: WrappedKey;
}

type SharedEntryRecord = Database['case_shared_entries'];
type SharedAttachmentRecord = Database['case_shared_attachments'];

const toEntry = (row: SharedEntryRecord): SharedEntryRow => ({
  caseId: row.case_id,
  parentMemberId: row.parent_member_id,
  entryId: row.entry_id,
  journalId: row.journal_id,
  epoch: Number(row.epoch),
  keyId: row.key_id,
  wrappedKey: row.wrapped_key as WrappedKey,
  createdAt: row.created_at,
});

const toAttachment = (row: SharedAttachmentRecord): SharedAttachmentRow => ({
  caseId: row.case_id,
  attachmentId: row.attachment_id,
  entryId: row.entry_id,
  parentMemberId: row.parent_member_id,
  epoch: Number(row.epoch),
  keyId: row.key_id,
  wrappedKey: row.wrapped_key as WrappedKey,
});

const entryRecord = (row: SharedEntryRow): SharedEntryRecord => ({
  case_id: row.caseId,
  parent_member_id: row.parentMemberId,
  entry_id: row.entryId,
  journal_id: row.journalId,
  epoch: row.epoch,
  key_id: row.keyId,
  wrapped_key: row.wrappedKey,
  created_at: row.createdAt,
});

const attachmentRecord = (row: SharedAttachmentRow): SharedAttachmentRecord => ({
  case_id: row.caseId,
  attachment_id: row.attachmentId,
  entry_id: row.entryId,
  parent_member_id: row.parentMemberId,
  epoch: row.epoch,
  key_id: row.keyId,
  wrapped_key: row.wrappedKey,
});

/**
 * Takes the write lock on a compartment's row when it is still at `epoch` (an unchanged update: a row lock on
 * PostgreSQL, the database's write lock on SQLite, as lockRow does); false when the epoch moved on or the row is gone.
 */
async function holdEpoch(trx: Trx, caseId: string, compartment: string, epoch: number): Promise<boolean> {
  const result = await trx
    .updateTable('case_compartments')
    .set((eb) => ({ epoch: eb.ref('epoch') }))
    .where('case_id', '=', caseId)
    .where('compartment', '=', compartment)
    .where('epoch', '=', epoch)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Moves shared entries and attachments of a case to `epoch` with their new wrapped keys (only the given parent's
 * rows when `parentMemberId` is given), in the caller's transaction.
 */
async function setWrappedKeys(
  trx: Trx,
  caseId: string,
  epoch: number,
  rows: {
    entries: readonly { id: string; wrappedKey: WrappedKey }[];
    attachments: readonly { id: string; wrappedKey: WrappedKey }[];
  },
  parentMemberId?: string,
): Promise<void> {
  for (const item of rows.entries) {
    let update = trx
      .updateTable('case_shared_entries')
      .set({ epoch, wrapped_key: item.wrappedKey })
      .where('case_id', '=', caseId);
    if (parentMemberId !== undefined) update = update.where('parent_member_id', '=', parentMemberId);
    await update.where('entry_id', '=', item.id).execute();
  }
  for (const item of rows.attachments) {
    let update = trx
      .updateTable('case_shared_attachments')
      .set({ epoch, wrapped_key: item.wrappedKey })
      .where('case_id', '=', caseId);
    if (parentMemberId !== undefined) update = update.where('parent_member_id', '=', parentMemberId);
    await update.where('attachment_id', '=', item.id).execute();
  }
}

export function createCaseSharesRepository(db: Kysely<Database>) {
  return {
    /** The shared entries of a case (of one parent member when given), oldest share first. */
    async sharedEntries(caseId: string, parentMemberId?: string): Promise<SharedEntryRow[]> {
      let query = db.selectFrom('case_shared_entries').selectAll().where('case_id', '=', caseId);
      if (parentMemberId !== undefined) query = query.where('parent_member_id', '=', parentMemberId);
      const rows = await query.orderBy('created_at').orderBy('entry_id').execute();
      return rows.map(toEntry);
    },

    /** One shared entry of a case; another case's entry is not found. */
    async sharedEntry(caseId: string, entryId: string): Promise<SharedEntryRow | undefined> {
      const row = await db
        .selectFrom('case_shared_entries')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('entry_id', '=', entryId)
        .executeTakeFirst();
      return row === undefined ? undefined : toEntry(row);
    },

    /** One shared attachment of a case, with the journal its entry is in; another case's is not found. */
    async sharedAttachment(
      caseId: string,
      attachmentId: string,
    ): Promise<(SharedAttachmentRow & { journalId: string }) | undefined> {
      const row = await db
        .selectFrom('case_shared_attachments as a')
        .innerJoin('case_shared_entries as e', (join) =>
          join.onRef('e.case_id', '=', 'a.case_id').onRef('e.entry_id', '=', 'a.entry_id'),
        )
        .selectAll('a')
        .select('e.journal_id')
        .where('a.case_id', '=', caseId)
        .where('a.attachment_id', '=', attachmentId)
        .executeTakeFirst();
      return row === undefined ? undefined : { ...toAttachment(row), journalId: row.journal_id };
    },

    /** The shared attachments of these entries of a case. */
    async sharedAttachments(caseId: string, entryIds: readonly string[]): Promise<SharedAttachmentRow[]> {
      if (entryIds.length === 0) return [];
      const rows = await db
        .selectFrom('case_shared_attachments')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('entry_id', 'in', entryIds)
        .orderBy('entry_id')
        .orderBy('attachment_id')
        .execute();
      return rows.map(toAttachment);
    },

    /**
     * Reads one shared entry in a transaction and runs `work` in it (the opening's audit line): the entry is
     * opened only when its line is written. Undefined when the entry is not shared in this case (any more).
     */
    async withSharedEntry<T>(
      caseId: string,
      entryId: string,
      work: (row: SharedEntryRow, trx: Trx) => Promise<T>,
    ): Promise<T | undefined> {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('case_shared_entries')
          .selectAll()
          .where('case_id', '=', caseId)
          .where('entry_id', '=', entryId)
          .executeTakeFirst();
        return row === undefined ? undefined : work(toEntry(row), trx);
      });
    },

    /** The same for one shared attachment, with the entry it belongs to. */
    async withSharedAttachment<T>(
      caseId: string,
      attachmentId: string,
      work: (row: SharedAttachmentRow, entry: SharedEntryRow, trx: Trx) => Promise<T>,
    ): Promise<T | undefined> {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('case_shared_attachments')
          .selectAll()
          .where('case_id', '=', caseId)
          .where('attachment_id', '=', attachmentId)
          .executeTakeFirst();
        if (row === undefined) return undefined;
        const entry = await trx
          .selectFrom('case_shared_entries')
          .selectAll()
          .where('case_id', '=', caseId)
          .where('entry_id', '=', row.entry_id)
          .executeTakeFirst();
        return entry === undefined ? undefined : work(toAttachment(row), toEntry(entry), trx);
      });
    },

    /** A compartment's current epoch, or undefined when the case has no such compartment yet. */
    compartmentEpoch: (caseId: string, compartment: string): Promise<number | undefined> =>
      readCompartmentEpoch(db, caseId, compartment),

    /** The members holding a wrap of a compartment at an epoch. */
    async holders(caseId: string, compartment: string, epoch: number): Promise<string[]> {
      const rows = await db
        .selectFrom('case_key_wraps')
        .select('member_id')
        .where('case_id', '=', caseId)
        .where('compartment', '=', compartment)
        .where('epoch', '=', epoch)
        .orderBy('member_id')
        .execute();
      return rows.map((row) => row.member_id);
    },

    /** Every member of a case with what sharing needs of them (the access list names them by role and organisation). */
    async members(caseId: string): Promise<ShareMember[]> {
      const rows = await db
        .selectFrom('case_members')
        .leftJoin('users', 'users.id', 'case_members.user_id')
        .leftJoin('organisations', 'organisations.id', 'case_members.organisation_id')
        .select([
          'case_members.id',
          'case_members.user_id',
          'case_members.role',
          'case_members.state',
          'case_members.organisation_id',
          'case_members.police_unit',
          'case_members.confirmed_key_id',
          'organisations.data as organisation_data',
          'users.x25519_public',
          'users.ed25519_public',
        ])
        .where('case_members.case_id', '=', caseId)
        .orderBy('case_members.created_at')
        .orderBy('case_members.id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        userId: row.user_id,
        role: row.role,
        state: row.state,
        organisationId: row.organisation_id,
        organisationData: row.organisation_data ?? null,
        policeUnit: row.police_unit,
        confirmedKeyId: row.confirmed_key_id,
        x25519Public: row.x25519_public ?? null,
        ed25519Public: row.ed25519_public ?? null,
      }));
    },

    /** The Ed25519 public keys (SPKI DER) an account signs journal leaves with: the current one, then retired ones. */
    async authorKeys(userId: string): Promise<Buffer[]> {
      const user = await db.selectFrom('users').select('ed25519_public').where('id', '=', userId).executeTakeFirst();
      if (user === undefined) return [];
      const retired = await db
        .selectFrom('retired_signing_keys')
        .select('public_key')
        .where('user_id', '=', userId)
        .orderBy('epoch')
        .execute();
      return [user.ed25519_public, ...retired.map((row) => row.public_key)].map((key) => Buffer.from(key, 'base64'));
    },

    /**
     * Shares entries (and their attachments) into a case, with the consent record, in one transaction: the share
     * compartment must still be at `epoch` (else 'stale', nothing written); a first share creates the compartment
     * at `epoch` 1 (a compartment someone else created meanwhile is 'stale' too). `grants` are wraps of the
     * compartment key to members who lack one. An entry shared before keeps its row. `also` runs last.
     */
    async share(
      input: {
        caseId: string;
        compartment: string;
        epoch: number;
        create: boolean;
        entries: readonly SharedEntryRow[];
        attachments: readonly SharedAttachmentRow[];
        grants: readonly KeyWrapRow[];
        consent: ConsentRow;
      },
      also: AlsoInTransaction,
    ): Promise<'shared' | 'stale'> {
      return db
        .transaction()
        .execute(async (trx) => {
          if (input.create) {
            const created = await trx
              .insertInto('case_compartments')
              .values({ case_id: input.caseId, compartment: input.compartment, epoch: input.epoch })
              .onConflict((conflict) => conflict.columns(['case_id', 'compartment']).doNothing())
              .executeTakeFirst();
            if (Number(created.numInsertedOrUpdatedRows ?? 0) !== 1) throw new StaleEpoch();
          } else if (!(await holdEpoch(trx, input.caseId, input.compartment, input.epoch))) {
            throw new StaleEpoch();
          }
          for (const grant of input.grants) {
            await trx
              .insertInto('case_key_wraps')
              .values(grant)
              .onConflict((conflict) => conflict.columns(['case_id', 'compartment', 'epoch', 'member_id']).doNothing())
              .execute();
          }
          for (const entry of input.entries) {
            await trx
              .insertInto('case_shared_entries')
              .values(entryRecord(entry))
              .onConflict((conflict) => conflict.columns(['case_id', 'entry_id']).doNothing())
              .execute();
          }
          for (const attachment of input.attachments) {
            await trx
              .insertInto('case_shared_attachments')
              .values(attachmentRecord(attachment))
              .onConflict((conflict) => conflict.columns(['case_id', 'attachment_id']).doNothing())
              .execute();
          }
          await trx.insertInto('case_consents').values(input.consent).execute();
          await also(trx);
          return 'shared' as const;
        })
        .catch(staleAsResult);
    },

    /**
     * Replaces the wrapped keys of a parent's shares by ones under the share compartment key at `epoch` (after the
     * epoch moved without them), in one transaction that holds the epoch (else 'stale', nothing written).
     */
    async rewrap(
      input: {
        caseId: string;
        parentMemberId: string;
        compartment: string;
        epoch: number;
        entries: readonly Rewrapped[];
        attachments: readonly Rewrapped[];
      },
      also: AlsoInTransaction,
    ): Promise<'rewrapped' | 'stale'> {
      const { caseId, parentMemberId, epoch } = input;
      return db
        .transaction()
        .execute(async (trx) => {
          if (!(await holdEpoch(trx, caseId, input.compartment, epoch))) throw new StaleEpoch();
          await setWrappedKeys(trx, caseId, epoch, input, parentMemberId);
          await also(trx);
          return 'rewrapped' as const;
        })
        .catch(staleAsResult);
    },

    /**
     * Unshares entries and rotates the parent's share compartment, in one transaction: the compartment must still
     * be at `fromEpoch` and the parent's remaining shares must be exactly `remaining` (else 'stale', nothing
     * changed); the unshared rows go; the epoch moves to fromEpoch + 1; every wrap of the compartment (of every
     * epoch) is deleted and `wraps` (the new key, to the members who held the old one) written; the remaining
     * shares are replaced by their keys wrapped under the new key. `also` runs last.
     */
    async unshare(
      input: {
        caseId: string;
        parentMemberId: string;
        compartment: string;
        fromEpoch: number;
        entryIds: readonly string[];
        wraps: readonly KeyWrapRow[];
        remaining: readonly Rewrapped[];
        remainingAttachments: readonly Rewrapped[];
      },
      also: AlsoInTransaction,
    ): Promise<'unshared' | 'stale'> {
      const { caseId, compartment, parentMemberId } = input;
      const epoch = input.fromEpoch + 1;
      return db
        .transaction()
        .execute(async (trx) => {
          if (!(await holdEpoch(trx, caseId, compartment, input.fromEpoch))) throw new StaleEpoch();
          if (input.entryIds.length > 0) {
            await trx
              .deleteFrom('case_shared_attachments')
              .where('case_id', '=', caseId)
              .where('parent_member_id', '=', parentMemberId)
              .where('entry_id', 'in', input.entryIds)
              .execute();
            await trx
              .deleteFrom('case_shared_entries')
              .where('case_id', '=', caseId)
              .where('parent_member_id', '=', parentMemberId)
              .where('entry_id', 'in', input.entryIds)
              .execute();
          }
          const [entries, attachments] = await Promise.all([
            trx
              .selectFrom('case_shared_entries')
              .select('entry_id')
              .where('case_id', '=', caseId)
              .where('parent_member_id', '=', parentMemberId)
              .execute(),
            trx
              .selectFrom('case_shared_attachments')
              .select('attachment_id')
              .where('case_id', '=', caseId)
              .where('parent_member_id', '=', parentMemberId)
              .execute(),
          ]);
          const sameSet = (ids: readonly string[], rewrapped: readonly Rewrapped[]): boolean => {
            const wanted = new Set(rewrapped.map((item) => item.id));
            return wanted.size === rewrapped.length && ids.length === wanted.size && ids.every((id) => wanted.has(id));
          };
          if (
            !sameSet(
              entries.map((row) => row.entry_id),
              input.remaining,
            ) ||
            !sameSet(
              attachments.map((row) => row.attachment_id),
              input.remainingAttachments,
            )
          ) {
            throw new StaleEpoch();
          }
          await trx
            .updateTable('case_compartments')
            .set({ epoch })
            .where('case_id', '=', caseId)
            .where('compartment', '=', compartment)
            .execute();
          await trx
            .deleteFrom('case_key_wraps')
            .where('case_id', '=', caseId)
            .where('compartment', '=', compartment)
            .execute();
          for (const wrap of input.wraps) await trx.insertInto('case_key_wraps').values(wrap).execute();
          await setWrappedKeys(trx, caseId, epoch, {
            entries: input.remaining,
            attachments: input.remainingAttachments,
          });
          await also(trx);
          return 'unshared' as const;
        })
        .catch(staleAsResult);
    },
  };
}

/** Thrown inside a transaction to roll it back when the epoch (or the set of shares) moved meanwhile. */
class StaleEpoch extends Error {
  override name = 'StaleEpoch';
}

const staleAsResult = (error: unknown): 'stale' => {
  if (error instanceof StaleEpoch) return 'stale';
  throw error;
};

export type CaseSharesRepository = ReturnType<typeof createCaseSharesRepository>;
/** A transaction of this repository, handed to `work` callbacks for the audit line. */
export type SharesTransaction = Transaction<Database>;
