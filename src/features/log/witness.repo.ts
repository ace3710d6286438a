import type { Kysely } from 'kysely';
import type { Database } from '../../shared/db/schema.js';

/** The log of global roots read as leaves, and the witnesses' cosignatures and sizes (migration 0042). */
export function createWitnessRepository(db: Kysely<Database>) {
  return {
    /** Global roots after `seq`, in order: their sequence number and signed text (a leaf of the log of roots). */
    async rootTextsAfter(seq: number, limit: number): Promise<{ seq: number; bytes: string }[]> {
      const rows = await db
        .selectFrom('global_roots')
        .select(['seq', 'bytes'])
        .where('seq', '>', seq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ seq: Number(row.seq), bytes: row.bytes }));
    },

    /** Global roots from..to (inclusive) as published: text and the log key's signature. */
    async roots(from: number, to: number): Promise<{ seq: number; bytes: string; signature: string }[]> {
      const rows = await db
        .selectFrom('global_roots')
        .select(['seq', 'bytes', 'signature'])
        .where('seq', '>=', from)
        .where('seq', '<=', to)
        .orderBy('seq')
        .execute();
      return rows.map((row) => ({ seq: Number(row.seq), bytes: row.bytes, signature: row.signature }));
    },

    /** Every stored cosignature on the checkpoint of this size, in the witnesses' order of names. */
    async cosignatures(size: number): Promise<{ witness: string; line: string; timeS: number }[]> {
      const rows = await db
        .selectFrom('witness_cosignatures')
        .select(['witness', 'line', 'time_s'])
        .where('size', '=', size)
        .orderBy('witness')
        .execute();
      return rows.map((row) => ({ witness: row.witness, line: row.line, timeS: Number(row.time_s) }));
    },

    /** Keeps a witness's cosignature on a size; a newer one (a later time) replaces an older one. */
    async saveCosignature(witness: string, size: number, timeS: number, line: string, nowMs: number): Promise<void> {
      await db
        .insertInto('witness_cosignatures')
        .values({ witness, size, time_s: timeS, line, received_ms: nowMs })
        .onConflict((conflict) =>
          conflict.columns(['witness', 'size']).doUpdateSet({ time_s: timeS, line, received_ms: nowMs }),
        )
        .execute();
    },

    /** The size this witness last cosigned or told us it holds; 0 when it never answered. */
    async witnessSize(witness: string): Promise<number> {
      const row = await db.selectFrom('witness_sizes').select('size').where('witness', '=', witness).executeTakeFirst();
      return row === undefined ? 0 : Number(row.size);
    },

    async setWitnessSize(witness: string, size: number, nowMs: number): Promise<void> {
      await db
        .insertInto('witness_sizes')
        .values({ witness, size, updated_ms: nowMs })
        .onConflict((conflict) => conflict.column('witness').doUpdateSet({ size, updated_ms: nowMs }))
        .execute();
    },
  };
}

export type WitnessRepository = ReturnType<typeof createWitnessRepository>;
