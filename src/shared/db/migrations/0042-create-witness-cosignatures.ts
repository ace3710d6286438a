import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Witnesses' cosignatures on the checkpoints of the log of global roots (issue 17, ADR 0044): one per witness
  // and tree size, kept as the signature line the witness returned (c2sp.org/tlog-cosignature), with its time.
  await db.schema
    .createTable('witness_cosignatures')
    .addColumn('witness', 'text', (column) => column.notNull())
    .addColumn('size', 'bigint', (column) => column.notNull())
    .addColumn('time_s', 'bigint', (column) => column.notNull())
    .addColumn('line', 'text', (column) => column.notNull())
    .addColumn('received_ms', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('witness_cosignatures_pk', ['witness', 'size'])
    .execute();
  // The size each witness last cosigned (or said it holds, in a 409 answer): the "old" size of the next push.
  await db.schema
    .createTable('witness_sizes')
    .addColumn('witness', 'text', (column) => column.primaryKey())
    .addColumn('size', 'bigint', (column) => column.notNull())
    .addColumn('updated_ms', 'bigint', (column) => column.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('witness_sizes').execute();
  await db.schema.dropTable('witness_cosignatures').execute();
}
