import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The TOTP secret, sealed under the user's master key; a pending one until the first code confirms it.
  await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_pending', 'text').execute();
  // The last accepted time step: a code is accepted once (no replay within its 30 seconds).
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
  // A session that passed the passphrase but still owes its second factor grants nothing.
  await db.schema
    .alterTable('sessions')
    .addColumn('second_factor_pending', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('second_factor_pending').execute();
  for (const column of ['totp_last_step', 'totp_pending', 'totp_secret']) {
    await db.schema.alterTable('users').dropColumn(column).execute();
  }
}
