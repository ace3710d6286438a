import { type Kysely, sql } from 'kysely';

/*
 * The tamper-evident journal (docs/export-format.md): each entry's leaf (its JCS bytes, hash and the
 * account's signature) in clear — a leaf holds ids, a time, a key id and a salted commitment, never content —;
 * the journal's Merkle frontier for O(log n) appends; every signed checkpoint; and the signed global roots.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const written = await sql<{ n: number | string }>`select count(*) as n from journal_entries`.execute(db);
  if (Number(written.rows[0]?.n ?? 0) > 0) {
    throw new Error(
      'This database has journal entries from before the tamper-evident log; they cannot be signed afterwards. Only development databases from before this migration have them: start with an empty DATA_DIR or database.',
    );
  }
  await db.schema
    .alterTable('journals')
    .addColumn('frontier', 'text', (column) => column.notNull().defaultTo('{"size":0,"nodes":[]}'))
    .execute();
  await db.schema
    .alterTable('journals')
    .addColumn('last_checkpoint_ms', 'bigint', (column) => column.notNull().defaultTo(0))
    .execute();
  for (const column of ['leaf_data', 'leaf_hash', 'signature']) {
    await db.schema.alterTable('journal_entries').addColumn(column, 'text').execute();
  }
  await db.schema
    .createTable('journal_checkpoints')
    .addColumn('journal_id', 'text', (column) => column.notNull().references('journals.id').onDelete('cascade'))
    .addColumn('size', 'integer', (column) => column.notNull())
    .addColumn('time_ms', 'bigint', (column) => column.notNull())
    .addColumn('bytes', 'text', (column) => column.notNull())
    .addColumn('signature', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('journal_checkpoints_pk', ['journal_id', 'size'])
    .execute();
  await db.schema
    .createTable('global_roots')
    .addColumn('seq', 'integer', (column) => column.primaryKey())
    .addColumn('time_ms', 'bigint', (column) => column.notNull())
    .addColumn('size', 'integer', (column) => column.notNull())
    .addColumn('bytes', 'text', (column) => column.notNull())
    .addColumn('signature', 'text', (column) => column.notNull())
    // The tree's leaves in order, as [journal id, checkpoint size] pairs: enough to give any journal its proof.
    .addColumn('leaves', 'text', (column) => column.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('global_roots').execute();
  await db.schema.dropTable('journal_checkpoints').execute();
  for (const column of ['signature', 'leaf_hash', 'leaf_data']) {
    await db.schema.alterTable('journal_entries').dropColumn(column).execute();
  }
  await db.schema.alterTable('journals').dropColumn('last_checkpoint_ms').execute();
  await db.schema.alterTable('journals').dropColumn('frontier').execute();
}
