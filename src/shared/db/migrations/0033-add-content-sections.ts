import type { Kysely } from 'kysely';

/*
 * Information pages and knowledge articles share content_pages (issue 16): `section` says which ('informatie' or
 * 'kennisbank'), `visibility` whether everyone may read it ('public') or only signed-in professionals
 * ('professionals'), `reviewed_by` who checked it (null: nobody named). Slugs stay unique per language across both
 * sections (the constraint of 0001 is kept).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('content_pages')
    .addColumn('section', 'text', (column) => column.notNull().defaultTo('informatie'))
    .execute();
  await db.schema
    .alterTable('content_pages')
    .addColumn('visibility', 'text', (column) => column.notNull().defaultTo('public'))
    .execute();
  await db.schema.alterTable('content_pages').addColumn('reviewed_by', 'text').execute();
  await db.schema.createIndex('content_pages_section_lang').on('content_pages').columns(['section', 'lang']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('content_pages_section_lang').execute();
  await db.schema.alterTable('content_pages').dropColumn('reviewed_by').execute();
  await db.schema.alterTable('content_pages').dropColumn('visibility').execute();
  await db.schema.alterTable('content_pages').dropColumn('section').execute();
}
