import type { Kysely } from 'kysely';

/*
 * A trusted person as a way back in (issue 19 point 3, ADR 0049). A parent (the owner) names one other parent
 * account as trusted; the owner's master key is stored wrapped for that account (HPKE to its X25519 key, inside a
 * seal under a key the server derives from its pepper), and is released to the trusted person's session only after
 * a request has waited `waiting_days` without being refused. One trusted person per owner. An offer is the one-time
 * code the would-be trusted person hands over in person (stored as a keyed hash), so naming needs their consent and
 * a typed name alone tells nobody whether an account exists.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('trusted_persons')
    .addColumn('owner_id', 'text', (column) => column.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('trusted_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('waiting_days', 'integer', (column) => column.notNull())
    // The owner's key epoch the wrap holds, and the id of the trusted person's X25519 key it was sealed to.
    .addColumn('owner_epoch', 'integer', (column) => column.notNull())
    .addColumn('recipient_key_id', 'text', (column) => column.notNull())
    // Null once the trusted person's keys changed (their key rotation): the owner must confirm them again.
    .addColumn('wrap', 'text')
    .addColumn('named_at', 'text', (column) => column.notNull())
    .addColumn('requested_at', 'text')
    .addColumn('grant_after', 'text')
    .addColumn('refused_at', 'text')
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('trusted_persons_trusted').on('trusted_persons').column('trusted_id').execute();
  await db.schema
    .createTable('trusted_person_offers')
    .addColumn('user_id', 'text', (column) => column.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('trusted_person_offers').execute();
  await db.schema.dropTable('trusted_persons').execute();
}
