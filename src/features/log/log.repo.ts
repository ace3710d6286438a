import type { Kysely } from 'kysely';
import type { Database } from '../../shared/db/schema.js';

/** The global roots ("log of logs") and the latest checkpoint of every journal. */

export interface GlobalRootRow {
  seq: number;
  timeMs: number;
  size: number;
  /** JCS text of the signed global root. */
  bytes: string;
  /** base64 */
  signature: string;
  /** The tree's leaves in order: journal id, checkpoint size, leaf hash (hex). */
  leaves: [string, number, string][];
}

/** A global root's RFC 3161 timestamp (ADR 0043), as kept: the token, its time and its TSA's certificate. */
export interface RootTimestampRow {
  seq: number;
  /** base64 DER of the TimeStampToken. */
  token: string;
  timeMs: number;
  /** hex SHA-256 of the TSA certificate. */
  tsa: string;
}

export function createLogRepository(db: Kysely<Database>) {
  const toRoot = (row: {
    seq: number | string;
    time_ms: number | string;
    size: number | string;
    bytes: string;
    signature: string;
    leaves: string;
  }): GlobalRootRow => ({
    seq: Number(row.seq),
    timeMs: Number(row.time_ms),
    size: Number(row.size),
    bytes: row.bytes,
    signature: row.signature,
    leaves: JSON.parse(row.leaves) as GlobalRootRow['leaves'],
  });
  return {
    /** Each journal's latest checkpoint (the one whose size is the journal's size). */
    async latestCheckpoints(): Promise<{ journalId: string; size: number; bytes: string }[]> {
      const rows = await db
        .selectFrom('journal_checkpoints as c')
        .innerJoin('journals as j', (join) => join.onRef('j.id', '=', 'c.journal_id').onRef('j.size', '=', 'c.size'))
        .select(['c.journal_id', 'c.size', 'c.bytes'])
        .execute();
      return rows.map((row) => ({ journalId: row.journal_id, size: Number(row.size), bytes: row.bytes }));
    },

    async latestRoot(): Promise<GlobalRootRow | undefined> {
      const row = await db.selectFrom('global_roots').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
      return row === undefined ? undefined : toRoot(row);
    },

    async root(seq: number): Promise<GlobalRootRow | undefined> {
      const row = await db.selectFrom('global_roots').selectAll().where('seq', '=', seq).executeTakeFirst();
      return row === undefined ? undefined : toRoot(row);
    },

    /** The audit log's chain head: its row count (last sequence number) and that row's hash. */
    async auditHead(): Promise<{ seq: number; hash: string }> {
      const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
      return head === undefined ? { seq: 0, hash: '' } : { seq: Number(head.seq), hash: head.hash };
    },

    async timestamp(seq: number): Promise<RootTimestampRow | undefined> {
      const row = await db.selectFrom('global_root_timestamps').selectAll().where('seq', '=', seq).executeTakeFirst();
      return row === undefined
        ? undefined
        : { seq: Number(row.seq), token: row.token, timeMs: Number(row.time_ms), tsa: row.tsa };
    },

    /** Keeps a root's timestamp; a second one for the same root (another instance, a retried job) is ignored. */
    async insertTimestamp(row: RootTimestampRow): Promise<void> {
      await db
        .insertInto('global_root_timestamps')
        .values({ seq: row.seq, token: row.token, time_ms: row.timeMs, tsa: row.tsa })
        .onConflict((conflict) => conflict.column('seq').doNothing())
        .execute();
    },

    /** Stores a new root; false when another instance took this sequence number first. */
    async insertRoot(root: GlobalRootRow): Promise<boolean> {
      const result = await db
        .insertInto('global_roots')
        .values({
          seq: root.seq,
          time_ms: root.timeMs,
          size: root.size,
          bytes: root.bytes,
          signature: root.signature,
          leaves: JSON.stringify(root.leaves),
        })
        .onConflict((conflict) => conflict.column('seq').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}

export type LogRepository = ReturnType<typeof createLogRepository>;
