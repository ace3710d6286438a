import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // An account's earlier Ed25519 public keys, kept after a key rotation ("someone may know my passphrase"): leaves
  // signed before the rotation still verify with them, and each one signed the hand-over to its successor, so an
  // export can carry the chain (docs/export-format.md §5). Public values only.
  await db.schema
    .createTable('retired_signing_keys')
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    // The key epoch this key belonged to.
    .addColumn('epoch', 'integer', (column) => column.notNull())
    // SPKI DER, base64.
    .addColumn('public_key', 'text', (column) => column.notNull())
    .addColumn('retired_at', 'text', (column) => column.notNull())
    // JCS text of the rotation statement {v, old, new, time} and this key's signature over it (base64).
    .addColumn('rotation_bytes', 'text', (column) => column.notNull())
    .addColumn('rotation_signature', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('retired_signing_keys_pk', ['user_id', 'epoch'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('retired_signing_keys').execute();
}
