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
