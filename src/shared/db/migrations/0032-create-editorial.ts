import type { Kysely } from 'kysely';

/*
 * The editorial system (issue 16, ADR 0033): every piece of content an editor can change is a document of one kind,
 * kept as a list of revisions (src/features/editorial/editorial.types.ts). A revision's text is exactly the file
 * `content/` holds for it. Only src/features/editorial/editorial.repo.ts touches these tables.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('editorial_documents')
    .addColumn('id', 'text', (column) => column.primaryKey())
    // 'page' | 'article' | 'questionnaire' | 'pathway' | 'organisation'
    .addColumn('kind', 'text', (column) => column.notNull())
    // Per kind: 'nl/<slug>', 'check', 'national', 'region:<code>', an organisation id.
    .addColumn('key', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    // Not a foreign key: the two tables point at each other; the repository keeps them in step in one transaction.
    .addColumn('published_revision_id', 'text')
    // SHA-256 of the texts last imported from files, so an unchanged directory is skipped quickly.
    .addColumn('file_hash', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('editorial_documents_kind_key', ['kind', 'key'])
    .execute();

  await db.schema
    .createTable('editorial_revisions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('document_id', 'text', (column) =>
      column.notNull().references('editorial_documents.id').onDelete('cascade'),
    )
    // 1, 2, … per document.
    .addColumn('number', 'integer', (column) => column.notNull())
    // 'draft' | 'in_review' | 'published' | 'retired' | 'withdrawn'
    .addColumn('state', 'text', (column) => column.notNull())
    .addColumn('text', 'text', (column) => column.notNull())
    // The author's "what changed and why".
    .addColumn('note', 'text', (column) => column.notNull())
    // A user id, or 'import:files'. Not a reference: the history outlives a deleted account.
    .addColumn('author_id', 'text', (column) => column.notNull())
    // +1 per save: the optimistic lock of the editing form.
    .addColumn('edit_number', 'integer', (column) => column.notNull())
    // The published revision number the draft started from (null for a new document).
    .addColumn('based_on_number', 'integer')
    .addColumn('submitted_at', 'text')
    .addColumn('reviewer_id', 'text')
    .addColumn('review_note', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('editorial_revisions_document_number', ['document_id', 'number'])
    .execute();
  await db.schema
    .createIndex('editorial_revisions_state')
    .on('editorial_revisions')
    .columns(['state', 'document_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('editorial_revisions').execute();
  await db.schema.dropTable('editorial_documents').execute();
}
