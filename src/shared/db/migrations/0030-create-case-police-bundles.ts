import type { Kysely } from 'kysely';

/*
 * The police bundle of a parent's shared entries (issue 15, ADR 0029): one row per parent member of a case, made by
 * the job queue when the parent shares or unshares. While it is being made the row holds a ticket sealed to the
 * server's job key (the parent's master key, the share key, the label and the entries, as a journal export's ticket,
 * ADR 0025); once made it holds the version-2 bundle sealed under the parent's share compartment key at `epoch`, and
 * no ticket. `entries_hash` says which set of shared entries it is of (a hash of their ids, nothing readable), so a
 * bundle of an earlier set is never handed over.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_police_bundles')
    .addColumn('case_id', 'text', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('parent_member_id', 'text', (column) =>
      column.notNull().references('case_members.id').onDelete('cascade'),
    )
    // This making's id: a job for another id finds the row moved on and stores nothing.
    .addColumn('id', 'text', (column) => column.notNull())
    .addColumn('state', 'text', (column) => column.notNull())
    .addColumn('entries_hash', 'text', (column) => column.notNull())
    .addColumn('epoch', 'integer', (column) => column.notNull())
    .addColumn('ticket_enc', 'text')
    .addColumn('ticket', 'text')
    .addColumn('bundle', 'text')
    .addColumn('bundle_bytes', 'integer')
    .addColumn('failure', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('case_police_bundles_pk', ['case_id', 'parent_member_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_police_bundles').execute();
}
