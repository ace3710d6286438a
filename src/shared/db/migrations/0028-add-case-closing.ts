import type { Kysely } from 'kysely';

/*
 * Closing and keeping a case (issue 15, ADR 0031). The coordinator closes a case when aftercare is done: it is
 * read-only from then on (closed_at, already there since 0020), with why and by whom. It is deleted by
 * crypto-shredding at delete_after (closed_at + CASE_RETENTION_MONTHS, fixed when it is closed); the members are
 * told a month before (deletion_notice_at: once). shredded_at marks a case whose keys are destroyed: its row and
 * its member rows stay as a tombstone, nothing of it can be opened.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // 'aftercare-done' (the one reason the issue names; a code, never free text).
  await db.schema.alterTable('cases').addColumn('close_reason', 'text').execute();
  await db.schema.alterTable('cases').addColumn('closed_by_member_id', 'text').execute();
  await db.schema.alterTable('cases').addColumn('delete_after', 'text').execute();
  await db.schema.alterTable('cases').addColumn('deletion_notice_at', 'text').execute();
  await db.schema.alterTable('cases').addColumn('shredded_at', 'text').execute();
  // The daily task looks for closed cases that are due for their notice or their deletion.
  await db.schema.createIndex('cases_delete_after').on('cases').column('delete_after').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_delete_after').execute();
  for (const column of ['shredded_at', 'deletion_notice_at', 'delete_after', 'closed_by_member_id', 'close_reason']) {
    await db.schema.alterTable('cases').dropColumn(column).execute();
  }
}
