import { createHash } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import { lockRow } from '../../shared/db/lock.js';
import type { AuditLogTable, Database } from '../../shared/db/schema.js';
import type { Trx } from '../../shared/db/transaction.js';

export interface AuditEvent {
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  requestId: string;
}

export interface AuditRow extends AuditEvent {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

export const GENESIS = '0'.repeat(64);

/** The hash of a row: the previous hash and every field, length-prefixed so no two rows can collide by shifting text. */
export function rowHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prevHash'>): string {
  const hash = createHash('sha256').update(prevHash);
  for (const field of [String(row.seq), row.at, row.actor, row.action, row.objectType, row.objectId, row.requestId]) {
    const bytes = Buffer.from(field, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    hash.update(length).update(bytes);
  }
  return hash.digest('hex');
}

function toRow(row: Selectable<AuditLogTable>): AuditRow {
  return {
    // PostgreSQL may return integers as strings.
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    requestId: row.request_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * Appends one event in the caller's transaction: locks the chain head (lockRow), links the row to it, moves the
 * head. The change the event records is written in the same transaction, so both are saved or neither; the head
 * stays locked until that transaction ends, which makes concurrent appends (also from other instances) take turns.
 * Append last in a transaction: every writer takes the head last, so two writers never wait for each other's
 * locks in opposite orders.
 */
async function appendAuditEvent(trx: Kysely<Database>, event: AuditEvent, now: Date): Promise<AuditRow> {
  await lockRow(trx, 'audit_head', 1);
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const seq = Number(head.seq) + 1;
  const row = { seq, at: now.toISOString(), ...event };
  const hash = rowHash(head.hash, row);
  await trx
    .insertInto('audit_log')
    .values({
      seq,
      at: row.at,
      actor: event.actor,
      action: event.action,
      object_type: event.objectType,
      object_id: event.objectId,
      request_id: event.requestId,
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await trx.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).execute();
  return { ...row, prevHash: head.hash, hash };
}

export function createAuditRepository(db: Kysely<Database>) {
  return {
    /** Appends one event in `trx`, a transaction of the caller's (see appendAuditEvent). */
    append: (trx: Trx, event: AuditEvent, now: Date): Promise<AuditRow> => appendAuditEvent(trx, event, now),

    /** Appends one event that records no change of its own (a read, a refused attempt), in a transaction of its own. */
    appendAlone: (event: AuditEvent, now: Date): Promise<AuditRow> =>
      db.transaction().execute((trx) => appendAuditEvent(trx, event, now)),

    async head(): Promise<{ seq: number; hash: string }> {
      const head = await db
        .selectFrom('audit_head')
        .select(['seq', 'hash'])
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      return { seq: Number(head.seq), hash: head.hash };
    },

    /** All rows in order, read in pages so a long log does not fill memory at once. */
    async *rows(pageSize = 1000): AsyncGenerator<AuditRow> {
      let after = 0;
      for (;;) {
        const page = await db
          .selectFrom('audit_log')
          .selectAll()
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(pageSize)
          .execute();
        for (const row of page) {
          yield toRow(row);
        }
        if (page.length < pageSize) return;
        after = Number(page.at(-1)!.seq);
      }
    },

    async forObject(objectType: string, objectId: string): Promise<AuditRow[]> {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('object_type', '=', objectType)
        .where('object_id', '=', objectId)
        .orderBy('seq')
        .execute();
      return rows.map(toRow);
    },

    /**
     * The events about the objects of one type whose ids start with `prefix` (e.g. every entry shared into one
     * case by one parent: `<case>/<member>/`), oldest first, filtered in SQL; only `actions` when given.
     */
    async forObjectPrefix(objectType: string, prefix: string, actions?: readonly string[]): Promise<AuditRow[]> {
      const pattern = `${prefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      let query = db
        .selectFrom('audit_log')
        .selectAll()
        .where('object_type', '=', objectType)
        .where(sql<boolean>`object_id like ${pattern} escape '\\'`);
      if (actions !== undefined) {
        if (actions.length === 0) return [];
        query = query.where('action', 'in', actions);
      }
      const rows = await query.orderBy('seq').execute();
      return rows.map(toRow);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
