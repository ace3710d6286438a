import type { Kysely } from 'kysely';

/*
 * Parents' own voice (issue 18 point 2): a short optional survey offered to signed-in parents at milestones. The
 * answers and the free texts are stored without any account id and dated by ISO week only ('2026-W49'); what is
 * kept about a parent is only the day before which they are not asked again (survey_schedule), the same whether
 * they answered, skipped or declined.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // One row per answered survey: the four scores (1–5, null when skipped) and the milestone that offered it.
  await db.schema
    .createTable('survey_answers')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('week', 'text', (column) => column.notNull())
    .addColumn('milestone', 'text', (column) => column.notNull())
    .addColumn('care', 'integer')
    .addColumn('police', 'integer')
    .addColumn('understood', 'integer')
    .addColumn('next_step', 'integer')
    .execute();

  // Free texts, not linked to an answer: pending until an editor accepts (kept) or rejects it (deleted).
  await db.schema
    .createTable('survey_texts')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('week', 'text', (column) => column.notNull())
    .addColumn('milestone', 'text', (column) => column.notNull())
    .addColumn('text', 'text', (column) => column.notNull())
    .addColumn('state', 'text', (column) => column.notNull())
    .addColumn('reviewed_on', 'text')
    .addColumn('reviewed_by', 'text')
    .execute();

  // The only trace of a parent: not asked again before this day (YYYY-MM-DD, Europe/Amsterdam).
  await db.schema
    .createTable('survey_schedule')
    .addColumn('user_id', 'text', (column) => column.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('not_before', 'text', (column) => column.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_schedule').execute();
  await db.schema.dropTable('survey_texts').execute();
  await db.schema.dropTable('survey_answers').execute();
}
