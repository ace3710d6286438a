import type { Kysely } from 'kysely';

/*
 * What readers wrote under "what was missing?" on an information page or a knowledge article (issue 16 point 5,
 * ADR 0038). A text is 'pending' until an editor accepts it ('accepted') or discards it (the row is deleted).
 * Only the day it came in is kept: no time of day, no account, no address. The daily job deletes pending texts
 * after 30 days and accepted ones after 12 months.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('page_feedback_texts')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('section', 'text', (column) => column.notNull())
    .addColumn('slug', 'text', (column) => column.notNull())
    .addColumn('lang', 'text', (column) => column.notNull())
    .addColumn('text', 'text', (column) => column.notNull())
    .addColumn('received_on', 'text', (column) => column.notNull())
    .addColumn('state', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('page_feedback_texts_state')
    .on('page_feedback_texts')
    .columns(['state', 'received_on'])
    .execute();
  await db.schema
    .createIndex('page_feedback_texts_page')
    .on('page_feedback_texts')
    .columns(['section', 'slug', 'lang'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('page_feedback_texts').execute();
}
