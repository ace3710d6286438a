import type { Kysely } from 'kysely';

/*
 * Measures for policy (issue 15 point 5, ADR 0032): weekly figures of the case space, for the insights page.
 * Counts by ISO week ('2026-W49') and a few categories only: no column holds an id of a case, a member, a user or
 * an organisation, and nothing is counted by a period smaller than a week. A daily task writes the current and the
 * previous week; older weeks are never written again, so a case deleted later does not change a published figure.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Which weeks have figures, and up to which day they count ('through' is the week's Sunday once complete).
  await db.schema
    .createTable('measure_weeks')
    .addColumn('week', 'text', (column) => column.primaryKey())
    .addColumn('through', 'text', (column) => column.notNull())
    .addColumn('complete', 'integer', (column) => column.notNull())
    .execute();

  // Cases by mode ('with-parents' | 'professional-only'): started and closed in the week; open and, of those with
  // parents, still without a first help contact at its end.
  await db.schema
    .createTable('measure_cases_weekly')
    .addColumn('week', 'text', (column) => column.notNull())
    .addColumn('mode', 'text', (column) => column.notNull())
    .addColumn('started', 'integer', (column) => column.notNull())
    .addColumn('closed', 'integer', (column) => column.notNull())
    .addColumn('open', 'integer', (column) => column.notNull())
    .addColumn('waiting_for_help', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('measure_cases_weekly_pk', ['week', 'mode'])
    .execute();

  // Meetings recorded in the week, by case mode: how many, the parent invited, the parent took part.
  await db.schema
    .createTable('measure_meetings_weekly')
    .addColumn('week', 'text', (column) => column.notNull())
    .addColumn('mode', 'text', (column) => column.notNull())
    .addColumn('meetings', 'integer', (column) => column.notNull())
    .addColumn('parent_invited', 'integer', (column) => column.notNull())
    .addColumn('parent_took_part', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('measure_meetings_weekly_pk', ['week', 'mode'])
    .execute();

  // Cases whose first help contact fell in the week, by the band of days it took ('0', '1-7', … '91+').
  await db.schema
    .createTable('measure_first_help_weekly')
    .addColumn('week', 'text', (column) => column.notNull())
    .addColumn('days_bucket', 'text', (column) => column.notNull())
    .addColumn('cases', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('measure_first_help_weekly_pk', ['week', 'days_bucket'])
    .execute();

  // Agreements of open cases at the end of the week: open, and of those past their due day.
  await db.schema
    .createTable('measure_agreements_weekly')
    .addColumn('week', 'text', (column) => column.primaryKey())
    .addColumn('open', 'integer', (column) => column.notNull())
    .addColumn('overdue', 'integer', (column) => column.notNull())
    .execute();

  // Open cases with a step in progress on a pathway track (an id of content/pathway) at the end of the week.
  await db.schema
    .createTable('measure_tracks_weekly')
    .addColumn('week', 'text', (column) => column.notNull())
    .addColumn('track', 'text', (column) => column.notNull())
    .addColumn('cases', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('measure_tracks_weekly_pk', ['week', 'track'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'measure_tracks_weekly',
    'measure_agreements_weekly',
    'measure_first_help_weekly',
    'measure_meetings_weekly',
    'measure_cases_weekly',
    'measure_weeks',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
