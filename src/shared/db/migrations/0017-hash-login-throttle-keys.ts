import type { Kysely } from 'kysely';

/*
 * The throttle used to key its rows by what was typed ("account:<name>", "address:<client address>"), kept
 * forever. From now on keys are keyed hashes (src/shared/crypto/keyed-hash.ts) and rows are deleted an hour after
 * their last failure. The old rows are deleted: they hold names and addresses in clear, and they cannot be
 * turned into the new keys in a migration (that needs the pepper). Forgetting them only forgets a few minutes of
 * failed attempts.
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
