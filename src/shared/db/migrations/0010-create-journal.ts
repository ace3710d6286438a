import type { Kysely } from 'kysely';

/*
 * The parent's journal. Nothing here is readable without the owner's master key: every entry, index
 * segment, attachment and diary note is sealed under its own data key, wrapped by the master key. The clear
 * columns are what the server needs to keep order and place: ids, the entry's position, its receipt time, and
 * whether it was redacted (its content is then gone).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('journals')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('owner_id', 'text', (column) => column.notNull().unique().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    // The number of entries, which is also the next entry's index; updated under a row lock when appending.
    .addColumn('size', 'integer', (column) => column.notNull().defaultTo(0))
    // Receipt times never go backwards: a new entry gets the later of now and this.
    .addColumn('last_received_at', 'text')
    // The key of the encrypted per-journal index (category, dates, links of every entry).
    .addColumn('index_key_id', 'text', (column) => column.notNull())
    .addColumn('index_key', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('journal_index_segments')
    .addColumn('journal_id', 'text', (column) => column.notNull().references('journals.id').onDelete('cascade'))
    .addColumn('segment', 'integer', (column) => column.notNull())
    .addColumn('payload', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('journal_index_segments_pk', ['journal_id', 'segment'])
    .execute();

  await db.schema
    .createTable('journal_entries')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('journal_id', 'text', (column) => column.notNull().references('journals.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (column) => column.notNull())
    .addColumn('received_at', 'text', (column) => column.notNull())
    .addColumn('key_id', 'text', (column) => column.notNull())
    // Both null once the entry is redacted: the content, its salt and its key are destroyed.
    .addColumn('wrapped_key', 'text')
    .addColumn('payload', 'text')
    .addColumn('redacted_at', 'text')
    .addUniqueConstraint('journal_entries_position', ['journal_id', 'idx'])
    .execute();

  await db.schema
    .createTable('journal_attachments')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('journal_id', 'text', (column) => column.notNull().references('journals.id').onDelete('cascade'))
    .addColumn('entry_id', 'text', (column) => column.notNull().references('journal_entries.id').onDelete('cascade'))
    .addColumn('position', 'integer', (column) => column.notNull())
    .addColumn('key_id', 'text', (column) => column.notNull())
    .addColumn('wrapped_key', 'text', (column) => column.notNull())
    .addColumn('content', 'text', (column) => column.notNull())
    .addColumn('thumbnail', 'text')
    .addColumn('original', 'text')
    .execute();
  await db.schema.createIndex('journal_attachments_entry').on('journal_attachments').column('entry_id').execute();

  // The private diary: its own table and key purposes, so no journal query, share or export can reach it.
  await db.schema
    .createTable('diary_notes')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('owner_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('key_id', 'text', (column) => column.notNull())
    .addColumn('wrapped_key', 'text', (column) => column.notNull())
    .addColumn('payload', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('diary_notes_owner').on('diary_notes').columns(['owner_id', 'created_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['diary_notes', 'journal_attachments', 'journal_entries', 'journal_index_segments', 'journals']) {
    await db.schema.dropTable(table).execute();
  }
}
