import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The language of the neutral notices ('nl' or 'en'): the one the page was in when the account gave its notice
  // e-mail address. Null (Dutch) for addresses given before this column, and when there is no address.
  await db.schema.alterTable('users').addColumn('notice_language', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('notice_language').execute();
}
