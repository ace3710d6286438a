import type { Kysely } from 'kysely';

/*
 * Notifications of a case (issue 15, ADR 0028): e-mail that says only "there is something new". Per member how
 * often (no row: the default for their role), the members waiting for their daily digest, and which due
 * agreements were told about (so the daily scan tells each due date once). No content, no address: the address is
 * the account's notice e-mail, read when the mail is sent.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_notification_settings')
    .addColumn('member_id', 'text', (column) => column.primaryKey().references('case_members.id').onDelete('cascade'))
    // 'now': a mail per event; 'daily': one digest a day; 'never'.
    .addColumn('frequency', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('case_notification_pending')
    .addColumn('member_id', 'text', (column) => column.primaryKey().references('case_members.id').onDelete('cascade'))
    // The first event not yet in a digest; the digest of a day takes the rows from before that day.
    .addColumn('since', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('case_notification_due')
    .addColumn('agreement_id', 'text', (column) =>
      column.primaryKey().references('case_agreements.id').onDelete('cascade'),
    )
    // The due date that was told about: a date moved later is told again when it comes.
    .addColumn('due_on', 'text', (column) => column.notNull())
    .addColumn('told_at', 'text', (column) => column.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_notification_due').execute();
  await db.schema.dropTable('case_notification_pending').execute();
  await db.schema.dropTable('case_notification_settings').execute();
}
