import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // A police professional's unit (a police_units name; no reference, the units are replaced on import-regions):
  // the case space shows police by unit, never by a person's name. Null for every other role.
  await db.schema.alterTable('professional_invitations').addColumn('police_unit', 'text').execute();
  await db.schema.alterTable('professionals').addColumn('police_unit', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('professionals').dropColumn('police_unit').execute();
  await db.schema.alterTable('professional_invitations').dropColumn('police_unit').execute();
}
