import type { Kysely } from 'kysely';

/*
 * Deletes the throttle's rows keyed by what was typed ("account:<name>", "address:<client address>"): the
 * throttle keys its rows by keyed hashes (src/shared/crypto/keyed-hash.ts) and deletes them an hour after their
 * last failure. Rows keyed the other way hold names and addresses in clear, and cannot be turned into hashed keys
 * in a migration (that needs the pepper). Deleting them forgets only a few minutes of failed attempts.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('login_throttle').execute();
  // Stale rows are found by the time of their last failure.
  await db.schema.createIndex('login_throttle_updated_at').on('login_throttle').column('updated_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('login_throttle_updated_at').execute();
}
