import type { Kysely } from 'kysely';

/*
 * The job queue (src/shared/jobs/, ADR 0020): work that runs after the request that asked for it, on any
 * instance. A payload holds ids only, never personal data; the job's handler loads what it needs when it runs.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('kind', 'text', (column) => column.notNull())
    // JSON text, validated per kind on enqueue and again when claimed.
    .addColumn('payload', 'text', (column) => column.notNull())
    // queued → running → done, or back to queued after a failure, or dead after the last attempt.
    .addColumn('state', 'text', (column) => column.notNull())
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (column) => column.notNull())
    // ISO-8601 UTC: not claimed before this time.
    .addColumn('run_after', 'text', (column) => column.notNull())
    // While running: the claiming worker's token and until when its claim holds (a crashed worker's job is
    // claimed again after that).
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    // Only the error's name and code, never its message (which may quote an address).
    .addColumn('last_error', 'text')
    // At most one job per key, ever (kept while the finished job is kept).
    .addColumn('idempotency_key', 'text', (column) => column.unique())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('jobs_state_run_after').on('jobs').columns(['state', 'run_after']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}
