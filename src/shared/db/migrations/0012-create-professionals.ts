import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('professional_invitations')
    .addColumn('id', 'text', (column) => column.primaryKey())
    // SHA-256 of the random token in the link: the database alone cannot be used to claim it.
    .addColumn('token_hash', 'text', (column) => column.notNull().unique())
    .addColumn('email', 'text', (column) => column.notNull())
    .addColumn('organisation_id', 'text', (column) => column.notNull().references('organisations.id'))
    .addColumn('professional_role', 'text', (column) => column.notNull())
    // Account ids, not references: the invitation outlives a deleted admin account as a record.
    .addColumn('invited_by', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .execute();

  await db.schema
    .createTable('professionals')
    .addColumn('user_id', 'text', (column) => column.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (column) => column.notNull().references('organisations.id'))
    .addColumn('professional_role', 'text', (column) => column.notNull())
    .addColumn('invitation_id', 'text', (column) => column.notNull().references('professional_invitations.id'))
    // 'pending' until four eyes approve, then 'active'.
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('activated_at', 'text')
    .execute();
  await db.schema.createIndex('professionals_organisation').on('professionals').column('organisation_id').execute();

  await db.schema
    .createTable('four_eyes_approvals')
    // 'professional' (subject_id = user id) or 'organisation' (subject_id = organisation id).
    .addColumn('subject_type', 'text', (column) => column.notNull())
    .addColumn('subject_id', 'text', (column) => column.notNull())
    // What was approved: for an organisation the hash of its record, so an edit needs new approvals.
    .addColumn('subject_version', 'text', (column) => column.notNull())
    .addColumn('approver_id', 'text', (column) => column.notNull())
    // 'admin' or 'coordinator': in which capacity the approver approved.
    .addColumn('capacity', 'text', (column) => column.notNull())
    .addColumn('approved_at', 'text', (column) => column.notNull())
    // One person approves one version of one subject once, whatever the code does.
    .addPrimaryKeyConstraint('four_eyes_approvals_pk', ['subject_type', 'subject_id', 'subject_version', 'approver_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('four_eyes_approvals').execute();
  await db.schema.dropTable('professionals').execute();
  await db.schema.dropTable('professional_invitations').execute();
}
