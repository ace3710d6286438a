import type { Kysely } from 'kysely';

/*
 * Journal entries a parent shared into a case (issue 14, DESIGN §4): for each shared entry, and each of its
 * attachments, the record's data key wrapped (AES-256-GCM, purpose 'case/entry-key') under that parent's share
 * compartment key at its current epoch. The entry itself stays in the journal, sealed as it was; nothing here is
 * readable without a compartment key, which the database never holds in the clear. Deleting a row is unsharing.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_shared_entries')
    .addColumn('case_id', 'text', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    // The parent member who shared it: the share compartment is 'share:<parent_member_id>'.
    .addColumn('parent_member_id', 'text', (column) =>
      column.notNull().references('case_members.id').onDelete('cascade'),
    )
    .addColumn('entry_id', 'text', (column) => column.notNull().references('journal_entries.id').onDelete('cascade'))
    .addColumn('journal_id', 'text', (column) => column.notNull())
    // The share compartment's epoch the key is wrapped at (always its current one: a rotation re-wraps).
    .addColumn('epoch', 'integer', (column) => column.notNull())
    .addColumn('key_id', 'text', (column) => column.notNull())
    .addColumn('wrapped_key', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('case_shared_entries_pk', ['case_id', 'entry_id'])
    .execute();
  await db.schema
    .createIndex('case_shared_entries_parent')
    .on('case_shared_entries')
    .columns(['case_id', 'parent_member_id'])
    .execute();
  await db.schema.createIndex('case_shared_entries_entry').on('case_shared_entries').column('entry_id').execute();

  await db.schema
    .createTable('case_shared_attachments')
    .addColumn('case_id', 'text', (column) => column.notNull())
    .addColumn('attachment_id', 'text', (column) =>
      column.notNull().references('journal_attachments.id').onDelete('cascade'),
    )
    .addColumn('entry_id', 'text', (column) => column.notNull())
    .addColumn('parent_member_id', 'text', (column) => column.notNull())
    .addColumn('epoch', 'integer', (column) => column.notNull())
    .addColumn('key_id', 'text', (column) => column.notNull())
    .addColumn('wrapped_key', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('case_shared_attachments_pk', ['case_id', 'attachment_id'])
    // An attachment is shared only with its entry: unsharing the entry takes its attachments along.
    .addForeignKeyConstraint(
      'case_shared_attachments_entry',
      ['case_id', 'entry_id'],
      'case_shared_entries',
      ['case_id', 'entry_id'],
      (constraint) => constraint.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('case_shared_attachments_entry')
    .on('case_shared_attachments')
    .columns(['case_id', 'entry_id'])
    .execute();
  await db.schema
    .createIndex('case_shared_attachments_attachment')
    .on('case_shared_attachments')
    .column('attachment_id')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_shared_attachments').execute();
  await db.schema.dropTable('case_shared_entries').execute();
}
