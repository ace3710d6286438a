import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // RFC 3161 timestamps on global roots (ADR 0043): one per root, the TSA's token (base64 DER) as it came, checked
  // before it is kept; its time (genTime) and the TSA certificate's fingerprint for reading without parsing.
  await db.schema
    .createTable('global_root_timestamps')
    .addColumn('seq', 'integer', (column) => column.primaryKey().references('global_roots.seq').onDelete('cascade'))
    .addColumn('token', 'text', (column) => column.notNull())
    .addColumn('time_ms', 'bigint', (column) => column.notNull())
    .addColumn('tsa', 'text', (column) => column.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('global_root_timestamps').execute();
}
