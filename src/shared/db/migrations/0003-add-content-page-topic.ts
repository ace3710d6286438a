import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('content_pages')
    .addColumn('topic', 'text', (column) => column.notNull().defaultTo('begrijpen'))
    .execute();
  // Pages imported before topics existed get theirs on the next import: make sure it is not skipped.
  await db.updateTable('content_pages').set({ source_hash: '' }).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('content_pages').dropColumn('topic').execute();
}
