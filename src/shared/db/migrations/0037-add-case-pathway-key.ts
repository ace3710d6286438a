import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Which pathway a case follows (ADR 0037): 'national', or 'region:VRnn' when the case was started at an
  // organisation in a veiligheidsregio with a published regional variant. Fixed at the start; every case made
  // before this column follows the national pathway.
  await db.schema
    .alterTable('cases')
    .addColumn('pathway_key', 'text', (column) => column.notNull().defaultTo('national'))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('pathway_key').execute();
}
