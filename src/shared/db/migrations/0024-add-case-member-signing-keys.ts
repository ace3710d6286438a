import type { Kysely } from 'kysely';

/*
 * The signing keys of a case member whose account was deleted (base64 SPKI DER, JSON array): the wraps that member
 * granted are checked against these, so the remaining members keep opening what that member once granted them.
 * Null while the account exists (its keys are read from users and retired_signing_keys).
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_members').addColumn('former_signing_keys', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_members').dropColumn('former_signing_keys').execute();
}
