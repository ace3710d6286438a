import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { Database, JobsTable } from '../db/schema.js';
import type { JobKind } from './jobs.js';

export interface EnqueueOptions {
  /** Not run before this time (default: now). */
  runAfter?: Date;
  /** At most one job is ever made for a key: enqueueing it again returns the first job's id. */
  idempotencyKey?: string;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  /** This attempt's number, from 1. */
  attempt: number;
  maxAttempts: number;
  /** Proves the claim: completing, failing or releasing the job needs it. */
  token: string;
}

export type JobState = JobsTable['state'];

/**
 * Adds a job inside the caller's transaction (`trx`): it exists only if that transaction commits. The payload is
 * checked against the kind's schema first, so nothing a kind does not allow (personal data) is ever stored.
 */
export async function enqueue<Payload>(
  trx: Kysely<Database>,
  kind: JobKind<Payload>,
  payload: Payload,
  options: EnqueueOptions = {},
): Promise<{ id: string; created: boolean }> {
  const checked = kind.schema.parse(payload);
  const now = new Date().toISOString();
  const id = randomUUID();
  const inserted = await trx
    .insertInto('jobs')
    .values({
      id,
      kind: kind.name,
      payload: JSON.stringify(checked),
      state: 'queued',
      max_attempts: kind.maxAttempts,
      run_after: (options.runAfter ?? new Date()).toISOString(),
      locked_by: null,
      locked_until: null,
      last_error: null,
      idempotency_key: options.idempotencyKey ?? null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { id, created: true };
  const existing = await trx
    .selectFrom('jobs')
    .select('id')
    .where('idempotency_key', '=', options.idempotencyKey ?? '')
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

function toClaimed(row: Selectable<JobsTable>): ClaimedJob {
  return {
    id: row.id,
    kind: row.kind,
    payload: JSON.parse(row.payload) as unknown,
    // PostgreSQL may return integers as strings.
    attempt: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    token: row.locked_by ?? '',
  };
}

export function createJobsRepository(db: Kysely<Database>, dialect: Dialect) {
  return {
    /**
     * Claims the job that is due first — queued and past its run-after time, or running under a claim that ran
     * out (its worker died) — for `leaseMs`, counting an attempt. PostgreSQL: the candidate row is locked with
     * FOR UPDATE SKIP LOCKED, so concurrent workers each take a different row and none waits. SQLite: the
     * transaction's first statement writes, so it holds SQLite's one write lock before it reads; a second worker
     * (in this process or another) waits for it and then sees the row claimed.
     */
    async claim(now: Date, leaseMs: (kind: string) => number): Promise<ClaimedJob | undefined> {
      const at = now.toISOString();
      const token = randomUUID();
      return db.transaction().execute(async (trx) => {
        const candidate = trx
          .selectFrom('jobs')
          .select('id')
          .where((eb) =>
            eb.or([
              eb.and([eb('state', '=', 'queued'), eb('run_after', '<=', at)]),
              eb.and([eb('state', '=', 'running'), eb('locked_until', '<=', at)]),
            ]),
          )
          .orderBy('run_after')
          .orderBy('id')
          .limit(1);
        const row = await trx
          .updateTable('jobs')
          .set((eb) => ({
            state: 'running',
            attempts: eb('attempts', '+', 1),
            locked_by: token,
            // Set for the kind below, once known; a claim without an end would never be reclaimed.
            locked_until: at,
            updated_at: at,
          }))
          .where('id', '=', dialect === 'postgres' ? candidate.forUpdate().skipLocked() : candidate)
          .returningAll()
          .executeTakeFirst();
        if (row === undefined) return undefined;
        const until = new Date(now.getTime() + leaseMs(row.kind)).toISOString();
        await trx.updateTable('jobs').set({ locked_until: until }).where('id', '=', row.id).execute();
        return toClaimed(row);
      });
    },

    /** Marks a claimed job done; false when the claim was lost (it ran out and another worker took the job). */
    async complete(job: ClaimedJob, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('jobs')
        .set({ state: 'done', locked_by: null, locked_until: null, last_error: null, updated_at: now.toISOString() })
        .where('id', '=', job.id)
        .where('locked_by', '=', job.token)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** A failed attempt: queued again to run after `retryAt`, or dead when `retryAt` is undefined. */
    async fail(job: ClaimedJob, error: string, now: Date, retryAt: Date | undefined): Promise<boolean> {
      const result = await db
        .updateTable('jobs')
        .set({
          state: retryAt === undefined ? 'dead' : 'queued',
          run_after: (retryAt ?? now).toISOString(),
          locked_by: null,
          locked_until: null,
          last_error: error.slice(0, 200),
          updated_at: now.toISOString(),
        })
        .where('id', '=', job.id)
        .where('locked_by', '=', job.token)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Gives a claimed job back unfinished (the worker is stopping): queued again at once, the attempt not counted. */
    async release(job: ClaimedJob, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('jobs')
        .set((eb) => ({
          state: 'queued',
          attempts: eb('attempts', '-', 1),
          run_after: now.toISOString(),
          locked_by: null,
          locked_until: null,
          updated_at: now.toISOString(),
        }))
        .where('id', '=', job.id)
        .where('locked_by', '=', job.token)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Deletes finished jobs last changed before `before` (their idempotency keys can then be used again). */
    async purgeDone(before: Date): Promise<number> {
      const result = await db
        .deleteFrom('jobs')
        .where('state', '=', 'done')
        .where('updated_at', '<', before.toISOString())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** One job as operators and tests see it. */
    async find(id: string) {
      const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined
        ? undefined
        : {
            id: row.id,
            kind: row.kind,
            state: row.state,
            attempts: Number(row.attempts),
            runAfter: row.run_after,
            lastError: row.last_error,
          };
    },

    /** How many jobs are in each state. */
    async countByState(): Promise<Record<JobState, number>> {
      const rows = await db
        .selectFrom('jobs')
        .select((eb) => ['state', eb.fn.countAll<number | string>().as('count')])
        .groupBy('state')
        .execute();
      const counts: Record<JobState, number> = { queued: 0, running: 0, done: 0, dead: 0 };
      for (const row of rows) counts[row.state] = Number(row.count);
      return counts;
    },
  };
}

export type JobsRepository = ReturnType<typeof createJobsRepository>;
