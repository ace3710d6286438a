import type { Kysely } from 'kysely';

/*
 * Checks by region (issue 18 point 1): the check itself asks no place, so a check is counted by safety region only
 * when the parent looked up help from its result page. Anonymous counts per day, advice level and region, like
 * help_lookups: no answers, no visitor data, no time finer than a day.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('check_lookups')
    .addColumn('day', 'text', (column) => column.notNull())
    .addColumn('level', 'text', (column) => column.notNull())
    .addColumn('safety_region_code', 'text', (column) => column.notNull())
    .addColumn('count', 'integer', (column) => column.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('check_lookups_pk', ['day', 'level', 'safety_region_code'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('check_lookups').execute();
}
