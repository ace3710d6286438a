import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Passkeys (WebAuthn credentials) as a second factor. Nothing here lets anyone log in: the private key never
  // leaves the authenticator, and the passphrase is still needed first (docs/adr/0009-passkeys.md).
  await db.schema
    .createTable('passkeys')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    // The credential id the authenticator chose (base64url); unique across all users.
    .addColumn('credential_id', 'text', (column) => column.notNull().unique())
    // The COSE public key (base64url): checks signatures, cannot make them.
    .addColumn('public_key', 'text', (column) => column.notNull())
    // The authenticator's signature counter (unsigned 32 bits, beyond PostgreSQL's integer): a clone shows up as
    // a counter that does not increase.
    .addColumn('counter', 'bigint', (column) => column.notNull())
    .addColumn('transports', 'text', (column) => column.notNull())
    // The name the user gave it, sealed under the master key.
    .addColumn('nickname', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('passkeys_user').on('passkeys').column('user_id').execute();

  // One row per ceremony in progress: random, single use, five minutes, bound to the session that asked for it.
  // In the database (not in memory) so that any app instance can finish a ceremony another one started.
  await db.schema
    .createTable('webauthn_challenges')
    // SHA-256 of the challenge: a copy of the database holds nothing a browser could answer.
    .addColumn('challenge_hash', 'text', (column) => column.primaryKey())
    .addColumn('purpose', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('session_id_hash', 'text', (column) =>
      column.notNull().references('sessions.id_hash').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('webauthn_challenges_expires').on('webauthn_challenges').column('expires_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webauthn_challenges').execute();
  await db.schema.dropTable('passkeys').execute();
}
