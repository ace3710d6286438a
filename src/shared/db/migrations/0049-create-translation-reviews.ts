import type { Kysely } from 'kysely';

/*
 * The reviewers' marks on translations (issue 19, ADR 0053): a language's page a native speaker has checked.
 * `page` is 'frame', a route pattern ('/nu') or an information page's path ('/informatie/<slug>'). A row is the
 * mark; withdrawing it deletes the row (the audit log keeps who marked and withdrew what, and when). `marked_by`
 * is the reviewer's account id: a deleted account leaves the mark standing, named by an id that is gone.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('translation_reviews')
    .addColumn('language', 'text', (column) => column.notNull())
    .addColumn('page', 'text', (column) => column.notNull())
    .addColumn('marked_by', 'text', (column) => column.notNull())
    .addColumn('marked_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('translation_reviews_pk', ['language', 'page'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('translation_reviews').execute();
}
