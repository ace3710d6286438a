import type { Kysely } from 'kysely';
import type { Database } from '../../shared/db/schema.js';

/** What seed-demo reads of the database: whether it is a demo database, and the demo organisations' state. */
export function createDemoRepository(db: Kysely<Database>) {
  return {
    /** Every account's username (a demo database has only demo accounts). */
    async usernames(): Promise<string[]> {
      return (await db.selectFrom('users').select('username').execute()).map((row) => row.username);
    },

    /** The ids of the organisations with these slugs, by slug. */
    async organisationIds(slugs: readonly string[]): Promise<Map<string, string>> {
      if (slugs.length === 0) return new Map();
      const rows = await db.selectFrom('organisations').select(['id', 'slug']).where('slug', 'in', slugs).execute();
      return new Map(rows.map((row) => [row.slug, row.id]));
    },

    async isVerified(organisationId: string): Promise<boolean> {
      const row = await db
        .selectFrom('organisations')
        .select('verified')
        .where('id', '=', organisationId)
        .executeTakeFirst();
      return Number(row?.verified) === 1;
    },
  };
}
