import type { Kysely } from 'kysely';

/*
 * The request rate limit's counts, kept in the database so that every instance behind the proxy counts the same
 * requests (issue 17, ADR 0041): one row per limit ('' the global one, or a route's own) and client, a fixed
 * window. The client is a keyed hash of its address (as the login throttle keys its rows), never the address.
 * Rows whose window ended are deleted by the store now and then.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('bucket', 'text', (column) => column.notNull())
    .addColumn('key', 'text', (column) => column.notNull())
    .addColumn('count', 'integer', (column) => column.notNull())
    // Epoch milliseconds when the window ends.
    .addColumn('reset_at', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('rate_limits_pkey', ['bucket', 'key'])
    .execute();
  await db.schema.createIndex('rate_limits_reset_at').on('rate_limits').column('reset_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}
