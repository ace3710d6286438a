import type { Kysely, Transaction } from 'kysely';
import type { Dialect } from '../../shared/db/database.js';
import { lockRow } from '../../shared/db/lock.js';
import type { AlsoInTransaction, Trx } from '../../shared/db/transaction.js';
import type { Database } from '../../shared/db/schema.js';
import type { Ciphertext, WrappedKey } from '../../shared/crypto/aead.js';

/*
 * The only code that touches the journal tables. Stored values are opaque here: wrapped keys and ciphertexts
 * made by the service. Appends run under a lock on the journal row, so two appends at once (from two tabs or
 * two app instances) never get the same index and receipt times never go backwards.
 */

export interface JournalRow {
  id: string;
  ownerId: string;
  size: number;
  lastReceivedAt: string | null;
  indexKeyId: string;
  indexKey: WrappedKey;
  /** The Merkle tree's right edge (hex nodes), for O(log n) appends. */
  frontier: { size: number; nodes: string[] };
  lastCheckpointMs: number;
}

export interface CheckpointRow {
  journalId: string;
  size: number;
  timeMs: number;
  /** JCS text of the checkpoint. */
  bytes: string;
  /** base64 */
  signature: string;
}

export interface EntryRow {
  id: string;
  journalId: string;
  index: number;
  receivedAt: string;
  keyId: string;
  wrappedKey: WrappedKey | null;
  payload: Ciphertext | null;
  redactedAt: string | null;
  leafData: string | null;
  leafHash: string | null;
  signature: string | null;
}

export interface AttachmentRow {
  id: string;
  journalId: string;
  entryId: string;
  position: number;
  keyId: string;
  wrappedKey: WrappedKey;
  content: Ciphertext;
  thumbnail: Ciphertext | null;
  original: Ciphertext | null;
}

export interface DiaryNoteRow {
  id: string;
  ownerId: string;
  createdAt: string;
  keyId: string;
  wrappedKey: WrappedKey;
  payload: Ciphertext;
}

type JournalRecord = Database['journals'];

function toJournal(row: {
  id: string;
  owner_id: string;
  size: number | string;
  last_received_at: string | null;
  index_key_id: string;
  index_key: string;
  frontier: string;
  last_checkpoint_ms: number | string;
}): JournalRow {
  return {
    id: row.id,
    ownerId: row.owner_id,
    size: Number(row.size),
    lastReceivedAt: row.last_received_at,
    indexKeyId: row.index_key_id,
    indexKey: row.index_key as WrappedKey,
    frontier: JSON.parse(row.frontier) as JournalRow['frontier'],
    lastCheckpointMs: Number(row.last_checkpoint_ms),
  };
}

const entryColumns = [
  'id',
  'journal_id',
  'idx',
  'received_at',
  'key_id',
  'wrapped_key',
  'payload',
  'redacted_at',
  'leaf_data',
  'leaf_hash',
  'signature',
] as const;

function toEntry(row: {
  id: string;
  journal_id: string;
  idx: number | string;
  received_at: string;
  key_id: string;
  wrapped_key: string | null;
  payload: string | null;
  redacted_at: string | null;
  leaf_data: string | null;
  leaf_hash: string | null;
  signature: string | null;
}): EntryRow {
  return {
    id: row.id,
    journalId: row.journal_id,
    index: Number(row.idx),
    receivedAt: row.received_at,
    keyId: row.key_id,
    wrappedKey: row.wrapped_key as WrappedKey | null,
    payload: row.payload as Ciphertext | null,
    redactedAt: row.redacted_at,
    leafData: row.leaf_data,
    leafHash: row.leaf_hash,
    signature: row.signature,
  };
}

const attachmentColumns = [
  'id',
  'journal_id',
  'entry_id',
  'position',
  'key_id',
  'wrapped_key',
  'content',
  'thumbnail',
  'original',
] as const;

function toAttachment(row: {
  id: string;
  journal_id: string;
  entry_id: string;
  position: number | string;
  key_id: string;
  wrapped_key: string;
  content: string;
  thumbnail: string | null;
  original: string | null;
}): AttachmentRow {
  return {
    id: row.id,
    journalId: row.journal_id,
    entryId: row.entry_id,
    position: Number(row.position),
    keyId: row.key_id,
    wrappedKey: row.wrapped_key as WrappedKey,
    content: row.content as Ciphertext,
    thumbnail: row.thumbnail as Ciphertext | null,
    original: row.original as Ciphertext | null,
  };
}

/** What an append may do while it holds the journal's lock. */
export interface LockedJournal {
  journal: JournalRow;
  /** The transaction holding the lock, for the append's audit line (features/audit) and nothing else. */
  transaction: Trx;
  segment(segment: number): Promise<Ciphertext | undefined>;
  putSegment(segment: number, payload: Ciphertext): Promise<void>;
  entry(entryId: string): Promise<EntryRow | undefined>;
  insertEntry(row: EntryRow): Promise<void>;
  insertAttachment(row: AttachmentRow): Promise<void>;
  /** The owner's key epoch now, read under the lock: a key rotation may have replaced the master key meanwhile. */
  ownerKeyEpoch(): Promise<number | undefined>;
  /** Destroys an entry's content and key and its attachments; its row (place and receipt time) stays. */
  redactEntry(entryId: string, redactedAt: string): Promise<void>;
  /** Moves the journal forward after an append: its size, receipt time, frontier and signed checkpoint. */
  advance(
    size: number,
    lastReceivedAt: string,
    frontier: JournalRow['frontier'],
    checkpoint: CheckpointRow,
  ): Promise<void>;
}

function lockedJournal(trx: Transaction<Database>, journal: JournalRow): LockedJournal {
  return {
    journal,
    transaction: trx,
    async segment(segment) {
      const row = await trx
        .selectFrom('journal_index_segments')
        .select('payload')
        .where('journal_id', '=', journal.id)
        .where('segment', '=', segment)
        .executeTakeFirst();
      return row?.payload as Ciphertext | undefined;
    },
    async putSegment(segment, payload) {
      await trx
        .insertInto('journal_index_segments')
        .values({ journal_id: journal.id, segment, payload })
        .onConflict((conflict) => conflict.columns(['journal_id', 'segment']).doUpdateSet({ payload }))
        .execute();
    },
    async entry(entryId) {
      const row = await trx
        .selectFrom('journal_entries')
        .select(entryColumns)
        .where('id', '=', entryId)
        .where('journal_id', '=', journal.id)
        .executeTakeFirst();
      return row === undefined ? undefined : toEntry(row);
    },
    async insertEntry(row) {
      await trx
        .insertInto('journal_entries')
        .values({
          id: row.id,
          journal_id: row.journalId,
          idx: row.index,
          received_at: row.receivedAt,
          key_id: row.keyId,
          wrapped_key: row.wrappedKey,
          payload: row.payload,
          redacted_at: row.redactedAt,
          leaf_data: row.leafData,
          leaf_hash: row.leafHash,
          signature: row.signature,
        })
        .execute();
    },
    async insertAttachment(row) {
      await trx
        .insertInto('journal_attachments')
        .values({
          id: row.id,
          journal_id: row.journalId,
          entry_id: row.entryId,
          position: row.position,
          key_id: row.keyId,
          wrapped_key: row.wrappedKey,
          content: row.content,
          thumbnail: row.thumbnail,
          original: row.original,
        })
        .execute();
    },
    async ownerKeyEpoch() {
      const row = await trx
        .selectFrom('users')
        .select('key_epoch')
        .where('id', '=', journal.ownerId)
        .executeTakeFirst();
      return row === undefined ? undefined : Number(row.key_epoch);
    },
    async redactEntry(entryId, redactedAt) {
      await trx.deleteFrom('journal_attachments').where('entry_id', '=', entryId).execute();
      // A police bundle made when this entry was shared into a case holds a copy of it (ADR 0029): it goes with the
      // content, and is made again without it when the parent next shares or looks at their shares.
      await trx
        .deleteFrom('case_police_bundles')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('case_shared_entries')
              .select('case_shared_entries.entry_id')
              .where('case_shared_entries.entry_id', '=', entryId)
              .whereRef('case_shared_entries.case_id', '=', 'case_police_bundles.case_id')
              .whereRef('case_shared_entries.parent_member_id', '=', 'case_police_bundles.parent_member_id'),
          ),
        )
        .execute();
      await trx
        .updateTable('journal_entries')
        .set({ wrapped_key: null, payload: null, redacted_at: redactedAt })
        .where('id', '=', entryId)
        .where('journal_id', '=', journal.id)
        .execute();
    },
    async advance(size, lastReceivedAt, frontier, checkpoint) {
      await trx
        .updateTable('journals')
        .set({
          size,
          last_received_at: lastReceivedAt,
          frontier: JSON.stringify(frontier),
          last_checkpoint_ms: checkpoint.timeMs,
        })
        .where('id', '=', journal.id)
        .execute();
      await trx
        .insertInto('journal_checkpoints')
        .values({
          journal_id: journal.id,
          size: checkpoint.size,
          time_ms: checkpoint.timeMs,
          bytes: checkpoint.bytes,
          signature: checkpoint.signature,
        })
        .execute();
    },
  };
}

export function createJournalRepository(db: Kysely<Database>, dialect: Dialect) {
  const journalColumns = [
    'id',
    'owner_id',
    'size',
    'last_received_at',
    'index_key_id',
    'index_key',
    'frontier',
    'last_checkpoint_ms',
  ] as const;
  const toCheckpoint = (row: {
    journal_id: string;
    size: number | string;
    time_ms: number | string;
    bytes: string;
    signature: string;
  }): CheckpointRow => ({
    journalId: row.journal_id,
    size: Number(row.size),
    timeMs: Number(row.time_ms),
    bytes: row.bytes,
    signature: row.signature,
  });
  return {
    async journalOf(ownerId: string): Promise<JournalRow | undefined> {
      const row = await db
        .selectFrom('journals')
        .select(journalColumns)
        .where('owner_id', '=', ownerId)
        .executeTakeFirst();
      return row === undefined ? undefined : toJournal(row);
    },

    /** Creates the owner's journal unless another request just did; returns the one that exists. */
    async createJournal(row: Omit<JournalRecord, 'size' | 'frontier' | 'last_checkpoint_ms'>): Promise<JournalRow> {
      await db
        .insertInto('journals')
        .values(row)
        .onConflict((conflict) => conflict.column('owner_id').doNothing())
        .execute();
      const journal = await this.journalOf(row.owner_id);
      if (journal === undefined) throw new Error('the journal was not created');
      return journal;
    },

    /** Runs `work` in one transaction holding the journal's row lock (lockRow). */
    async withLock<T>(journalId: string, work: (locked: LockedJournal) => Promise<T>): Promise<T> {
      return db.transaction().execute(async (trx) => {
        await lockRow(trx, 'journals', journalId);
        const row = await trx
          .selectFrom('journals')
          .select(journalColumns)
          .where('id', '=', journalId)
          .executeTakeFirstOrThrow();
        return work(lockedJournal(trx, toJournal(row)));
      });
    },

    /**
     * The owner's journal, locked until the surrounding transaction ends (a key rotation builds this repository
     * on its transaction): appends wait, and find the new key epoch when they get the lock.
     */
    async lockJournalOf(ownerId: string): Promise<JournalRow | undefined> {
      // The owner's journal never changes hands, so its id can be read before the lock is taken.
      const found = await db.selectFrom('journals').select('id').where('owner_id', '=', ownerId).executeTakeFirst();
      if (found === undefined) return undefined;
      await lockRow(db, 'journals', found.id);
      const row = await db.selectFrom('journals').select(journalColumns).where('id', '=', found.id).executeTakeFirst();
      return row === undefined ? undefined : toJournal(row);
    },

    /** Wrapped data keys of entries, in index order, a batch after `after` (redacted entries have none). */
    async wrappedEntryKeys(
      journalId: string,
      after: number,
      limit: number,
    ): Promise<{ id: string; index: number; keyId: string; wrappedKey: WrappedKey | null }[]> {
      const rows = await db
        .selectFrom('journal_entries')
        .select(['id', 'idx', 'key_id', 'wrapped_key'])
        .where('journal_id', '=', journalId)
        .where('idx', '>', after)
        .orderBy('idx')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        index: Number(row.idx),
        keyId: row.key_id,
        wrappedKey: row.wrapped_key as WrappedKey | null,
      }));
    },

    async setEntryKey(journalId: string, entryId: string, wrappedKey: WrappedKey): Promise<void> {
      await db
        .updateTable('journal_entries')
        .set({ wrapped_key: wrappedKey })
        .where('journal_id', '=', journalId)
        .where('id', '=', entryId)
        .where('wrapped_key', 'is not', null)
        .execute();
    },

    /** Wrapped data keys of attachments, by id, a batch after `after`. */
    async wrappedAttachmentKeys(
      journalId: string,
      after: string,
      limit: number,
    ): Promise<{ id: string; keyId: string; wrappedKey: WrappedKey }[]> {
      const rows = await db
        .selectFrom('journal_attachments')
        .select(['id', 'key_id', 'wrapped_key'])
        .where('journal_id', '=', journalId)
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ id: row.id, keyId: row.key_id, wrappedKey: row.wrapped_key as WrappedKey }));
    },

    async setAttachmentKey(journalId: string, attachmentId: string, wrappedKey: WrappedKey): Promise<void> {
      await db
        .updateTable('journal_attachments')
        .set({ wrapped_key: wrappedKey })
        .where('journal_id', '=', journalId)
        .where('id', '=', attachmentId)
        .execute();
    },

    async setIndexKey(journalId: string, wrappedKey: WrappedKey): Promise<void> {
      await db.updateTable('journals').set({ index_key: wrappedKey }).where('id', '=', journalId).execute();
    },

    /** Wrapped data keys of the owner's diary notes, by id, a batch after `after`. */
    async wrappedDiaryNoteKeys(
      ownerId: string,
      after: string,
      limit: number,
    ): Promise<{ id: string; keyId: string; wrappedKey: WrappedKey }[]> {
      const rows = await db
        .selectFrom('diary_notes')
        .select(['id', 'key_id', 'wrapped_key'])
        .where('owner_id', '=', ownerId)
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ id: row.id, keyId: row.key_id, wrappedKey: row.wrapped_key as WrappedKey }));
    },

    async setDiaryNoteKey(ownerId: string, noteId: string, wrappedKey: WrappedKey): Promise<void> {
      await db
        .updateTable('diary_notes')
        .set({ wrapped_key: wrappedKey })
        .where('owner_id', '=', ownerId)
        .where('id', '=', noteId)
        .execute();
    },

    /** Every leaf hash in log order (hex), to build proofs for an export. */
    async leafHashes(journalId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('journal_entries')
        .select(['idx', 'leaf_hash'])
        .where('journal_id', '=', journalId)
        .orderBy('idx')
        .execute();
      return rows.map((row) => {
        if (row.leaf_hash === null) throw new Error('an entry has no leaf');
        return row.leaf_hash;
      });
    },

    async latestCheckpoint(journalId: string): Promise<CheckpointRow | undefined> {
      const row = await db
        .selectFrom('journal_checkpoints')
        .select(['journal_id', 'size', 'time_ms', 'bytes', 'signature'])
        .where('journal_id', '=', journalId)
        .orderBy('size', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? undefined : toCheckpoint(row);
    },

    /**
     * Every journal with its owner's account public key (SPKI DER; null when the owner's row is gone), in pages
     * by id: for the operator's check of all logs, which needs no user key.
     */
    /** The owner's earlier signing keys (SPKI DER), oldest first: leaves signed before a rotation use them. */
    async retiredSigningKeys(ownerId: string): Promise<Buffer[]> {
      const rows = await db
        .selectFrom('retired_signing_keys')
        .select('public_key')
        .where('user_id', '=', ownerId)
        .orderBy('epoch')
        .execute();
      return rows.map((row) => Buffer.from(row.public_key, 'base64'));
    },

    async *journalsWithAuthorKeys(pageSize = 500): AsyncGenerator<{ journal: JournalRow; authorKey: Buffer | null }> {
      let after = '';
      for (;;) {
        const rows = await db
          .selectFrom('journals')
          .leftJoin('users', 'users.id', 'journals.owner_id')
          .select(journalColumns.map((column) => `journals.${column}` as const))
          .select('users.ed25519_public')
          .where('journals.id', '>', after)
          .orderBy('journals.id')
          .limit(pageSize)
          .execute();
        for (const row of rows) {
          yield {
            journal: toJournal(row),
            authorKey: row.ed25519_public === null ? null : Buffer.from(row.ed25519_public, 'base64'),
          };
        }
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1]!.id;
      }
    },

    async checkpoints(journalId: string): Promise<CheckpointRow[]> {
      const rows = await db
        .selectFrom('journal_checkpoints')
        .select(['journal_id', 'size', 'time_ms', 'bytes', 'signature'])
        .where('journal_id', '=', journalId)
        .orderBy('size')
        .execute();
      return rows.map(toCheckpoint);
    },

    async segments(journalId: string): Promise<{ segment: number; payload: Ciphertext }[]> {
      const rows = await db
        .selectFrom('journal_index_segments')
        .select(['segment', 'payload'])
        .where('journal_id', '=', journalId)
        .orderBy('segment')
        .execute();
      return rows.map((row) => ({ segment: Number(row.segment), payload: row.payload as Ciphertext }));
    },

    async entry(journalId: string, entryId: string): Promise<EntryRow | undefined> {
      const row = await db
        .selectFrom('journal_entries')
        .select(entryColumns)
        .where('journal_id', '=', journalId)
        .where('id', '=', entryId)
        .executeTakeFirst();
      return row === undefined ? undefined : toEntry(row);
    },

    async entries(journalId: string, entryIds: readonly string[]): Promise<EntryRow[]> {
      if (entryIds.length === 0) return [];
      const rows = await db
        .selectFrom('journal_entries')
        .select(entryColumns)
        .where('journal_id', '=', journalId)
        .where('id', 'in', entryIds)
        .execute();
      return rows.map(toEntry);
    },

    /** Every entry in log order, in pages, for the print view and (later) exports. */
    async *allEntries(journalId: string, pageSize = 500): AsyncGenerator<EntryRow> {
      let after = -1;
      for (;;) {
        const rows = await db
          .selectFrom('journal_entries')
          .select(entryColumns)
          .where('journal_id', '=', journalId)
          .where('idx', '>', after)
          .orderBy('idx')
          .limit(pageSize)
          .execute();
        for (const row of rows) yield toEntry(row);
        if (rows.length < pageSize) return;
        after = Number(rows[rows.length - 1]!.idx);
      }
    },

    /** Where every attachment of a journal belongs (entry and position), without any of its bytes. */
    async attachmentPlaces(journalId: string): Promise<{ id: string; entryId: string; position: number }[]> {
      const rows = await db
        .selectFrom('journal_attachments')
        .select(['id', 'entry_id', 'position'])
        .where('journal_id', '=', journalId)
        .orderBy('entry_id')
        .orderBy('position')
        .execute();
      return rows.map((row) => ({ id: row.id, entryId: row.entry_id, position: Number(row.position) }));
    },

    /** Attachments of some entries, with their wrapped keys and encrypted bytes. */
    async attachmentsOf(journalId: string, entryIds: readonly string[]): Promise<AttachmentRow[]> {
      if (entryIds.length === 0) return [];
      const rows = await db
        .selectFrom('journal_attachments')
        .select(attachmentColumns)
        .where('journal_id', '=', journalId)
        .where('entry_id', 'in', entryIds)
        .orderBy('position')
        .execute();
      return rows.map(toAttachment);
    },

    async attachment(journalId: string, attachmentId: string): Promise<AttachmentRow | undefined> {
      const row = await db
        .selectFrom('journal_attachments')
        .select(attachmentColumns)
        .where('journal_id', '=', journalId)
        .where('id', '=', attachmentId)
        .executeTakeFirst();
      return row === undefined ? undefined : toAttachment(row);
    },

    /**
     * Stores a note whose key was wrapped at `keyEpoch`, only if that is still the owner's epoch: the user row is
     * read with a share lock, so a key rotation either sees this note or makes this insert fail. `also` (the
     * note's audit line) runs in the same transaction.
     */
    async insertDiaryNote(row: DiaryNoteRow, keyEpoch: number, also: AlsoInTransaction): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const query = trx.selectFrom('users').select('key_epoch').where('id', '=', row.ownerId);
        const owner = await (dialect === 'postgres' ? query.forShare() : query).executeTakeFirst();
        if (owner === undefined || Number(owner.key_epoch) !== keyEpoch) return false;
        await trx
          .insertInto('diary_notes')
          .values({
            id: row.id,
            owner_id: row.ownerId,
            created_at: row.createdAt,
            key_id: row.keyId,
            wrapped_key: row.wrappedKey,
            payload: row.payload,
          })
          .execute();
        await also(trx);
        return true;
      });
    },

    async diaryNotes(ownerId: string): Promise<DiaryNoteRow[]> {
      const rows = await db
        .selectFrom('diary_notes')
        .select(['id', 'owner_id', 'created_at', 'key_id', 'wrapped_key', 'payload'])
        .where('owner_id', '=', ownerId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        ownerId: row.owner_id,
        createdAt: row.created_at,
        keyId: row.key_id,
        wrappedKey: row.wrapped_key as WrappedKey,
        payload: row.payload as Ciphertext,
      }));
    },

    /** Deletes the owner's journal (its entries, attachments, index and checkpoints with it) and diary notes. */
    async deleteOwnerData(ownerId: string): Promise<void> {
      await db.deleteFrom('diary_notes').where('owner_id', '=', ownerId).execute();
      // The journal's rows refer to it with ON DELETE CASCADE.
      await db.deleteFrom('journals').where('owner_id', '=', ownerId).execute();
    },

    async diaryNoteOwner(noteId: string): Promise<string | undefined> {
      const row = await db.selectFrom('diary_notes').select('owner_id').where('id', '=', noteId).executeTakeFirst();
      return row?.owner_id;
    },

    /** Deletes a note and runs `also` (its audit line) in the same transaction; 0 when there was no such note. */
    async deleteDiaryNote(noteId: string, ownerId: string, also: AlsoInTransaction): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .deleteFrom('diary_notes')
          .where('id', '=', noteId)
          .where('owner_id', '=', ownerId)
          .executeTakeFirst();
        const deleted = Number(result.numDeletedRows);
        if (deleted > 0) await also(trx);
        return deleted;
      });
    },
  };
}

export type JournalRepository = ReturnType<typeof createJournalRepository>;
