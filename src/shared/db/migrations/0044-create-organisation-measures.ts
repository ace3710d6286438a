import type { Kysely } from 'kysely';

/*
 * Measures per organisation and region (issue 18 point 4): the weekly case-space figures of migration 0029 again,
 * counted for each organisation over the cases it takes part in, by the case's safety region ('VR01'…'VR25', or
 * 'unknown'). Long format: one row per week, organisation, region and measure name (for example 'meetings',
 * 'meetings.parent_invited', 'first_help.1-7', 'tracks.<track>'). Still no id of a case, a member or a user, and
 * nothing by a period smaller than a week; the organisation's id is public (the help finder lists it).
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('measure_organisation_weekly')
    .addColumn('week', 'text', (column) => column.notNull())
    .addColumn('organisation_id', 'text', (column) => column.notNull())
    .addColumn('region', 'text', (column) => column.notNull())
    .addColumn('measure', 'text', (column) => column.notNull())
    .addColumn('count', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('measure_organisation_weekly_pk', ['week', 'organisation_id', 'region', 'measure'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('measure_organisation_weekly').execute();
}
