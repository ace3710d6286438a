import type { Kysely } from 'kysely';

/*
 * Journal exports made by the job queue (ADR 0025): one row per export, belonging to the session that asked for
 * it, and the finished ZIP in chunks sealed to a key pair only that session can derive. Nothing here is readable
 * without a key the database does not hold: the options and the master key travel in a ticket sealed to the
 * server's job key (destroyed when the job ends), the bundle in HPKE chunks. Both go with the session row.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('journal_exports')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    // One export per session; ending the session deletes it.
    .addColumn('session_id_hash', 'text', (column) =>
      column.notNull().unique().references('sessions.id_hash').onDelete('cascade'),
    )
    // queued → running → done (→ taken while it is handed over) or failed.
    .addColumn('state', 'text', (column) => column.notNull())
    .addColumn('phase', 'text', (column) => column.notNull())
    .addColumn('done', 'integer', (column) => column.notNull())
    .addColumn('total', 'integer', (column) => column.notNull())
    // The running attempt's token: progress and the result are only written under it.
    .addColumn('run', 'text')
    // HPKE to the job key: the master key and the parent's choices (label, entries, photos). Null once the job ended.
    .addColumn('ticket_enc', 'text')
    .addColumn('ticket', 'text')
    // The session's public key the bundle is sealed to, and the bundle's HPKE `enc` once it is made.
    .addColumn('bundle_key', 'text', (column) => column.notNull())
    .addColumn('bundle_enc', 'text')
    .addColumn('bundle_bytes', 'integer')
    // The journal it was made from, for the audit line of the download.
    .addColumn('journal_id', 'text')
    .addColumn('chunks', 'integer')
    // Why it failed: 'too-large' (with the limit) or 'error'; never a message.
    .addColumn('failure', 'text')
    .addColumn('max_bytes', 'integer')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('journal_exports_state').on('journal_exports').columns(['state', 'expires_at']).execute();
  await db.schema.createIndex('journal_exports_user').on('journal_exports').column('user_id').execute();
  await db.schema
    .createTable('journal_export_chunks')
    .addColumn('export_id', 'text', (column) => column.notNull().references('journal_exports.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (column) => column.notNull())
    // base64 of one HPKE ciphertext (1 MiB of ZIP and its tag).
    .addColumn('data', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('journal_export_chunks_pk', ['export_id', 'idx'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('journal_export_chunks').execute();
  await db.schema.dropTable('journal_exports').execute();
}
