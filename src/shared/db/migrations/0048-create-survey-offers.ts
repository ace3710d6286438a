import type { Kysely } from 'kysely';

/*
 * The parents' survey (issue 18 point 2, ADR 0047): an offer that is open in the session it was made in. The card on
 * the account page and the survey page need to know that this session may still answer (once); survey_schedule
 * cannot say so without telling whether the parent answered. A row lives only as long as its session (deleted with
 * it) and is deleted when the parent answers or declines, so what stays afterwards is survey_schedule alone.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('survey_offers')
    .addColumn('session_id_hash', 'text', (column) =>
      column.primaryKey().references('sessions.id_hash').onDelete('cascade'),
    )
    .addColumn('milestone', 'text', (column) => column.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_offers').execute();
}
