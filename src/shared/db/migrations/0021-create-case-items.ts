import { type Kysely, SqliteAdapter } from 'kysely';

/*
 * What members of a case post (issue 14, point 8): agreements with their history, meetings, appointments and
 * next steps, messages, pathway step moves, and the one timeline of everything (case_events). Every text a
 * member typed is sealed under a compartment key of the case ('members' or 'professionals') at the epoch named
 * in the row (aead.ts, purpose 'case/item', owner the case, record the row); dates, roles, statuses and ids are
 * clear so the server can sort, page and check versions. Nothing here is readable without a member's key.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  await db.schema
    .createTable('case_agreements')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('case_id', 'text', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('compartment', 'text', (column) => column.notNull())
    .addColumn('epoch', 'integer', (column) => column.notNull())
    // Optimistic concurrency: an edit names the version it was made on; a write under another version is refused.
    .addColumn('version', 'integer', (column) => column.notNull())
    // 'open' | 'done' | 'dropped'
    .addColumn('status', 'text', (column) => column.notNull())
    // A calendar day (YYYY-MM-DD) or null.
    .addColumn('due_on', 'text')
    // Who: a case role, or a member (then the role is the member's), or nobody named yet.
    .addColumn('assignee_role', 'text')
    .addColumn('assignee_member_id', 'text')
    // The meeting whose decision it is, if any.
    .addColumn('meeting_id', 'text')
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('created_by_member_id', 'text', (column) => column.notNull())
    .addColumn('updated_by_member_id', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('case_agreements_case').on('case_agreements').columns(['case_id', 'status']).execute();

  // Every version of an agreement as it was written (version 1 is its creation), its text sealed again per row.
  await db.schema
    .createTable('case_agreement_changes')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('agreement_id', 'text', (column) =>
      column.notNull().references('case_agreements.id').onDelete('cascade'),
    )
    .addColumn('case_id', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('compartment', 'text', (column) => column.notNull())
    .addColumn('epoch', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('due_on', 'text')
    .addColumn('assignee_role', 'text')
    .addColumn('assignee_member_id', 'text')
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('changed_by_member_id', 'text', (column) => column.notNull())
    .addColumn('changed_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('case_agreement_changes_version', ['agreement_id', 'version'])
    .execute();

  await db.schema
    .createTable('case_meetings')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('case_id', 'text', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('compartment', 'text', (column) => column.notNull())
    .addColumn('epoch', 'integer', (column) => column.notNull())
    .addColumn('held_on', 'text', (column) => column.notNull())
    .addColumn('parent_invited', 'integer', (column) => column.notNull())
    .addColumn('parent_took_part', 'integer', (column) => column.notNull())
    // JSON array of case roles.
    .addColumn('roles_present', 'text', (column) => column.notNull())
    .addColumn('summary', 'text', (column) => column.notNull())
    .addColumn('created_by_member_id', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('case_meetings_case').on('case_meetings').column('case_id').execute();

  // An appointment (a date, perhaps a time) or a next step (perhaps a date): what and where are sealed.
  await db.schema
    .createTable('case_appointments')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('case_id', 'text', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('compartment', 'text', (column) => column.notNull())
    .addColumn('epoch', 'integer', (column) => column.notNull())
    // 'appointment' | 'next-step'
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('on_date', 'text')
    .addColumn('at_time', 'text')
    .addColumn('assignee_role', 'text')
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('created_by_member_id', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('case_appointments_case').on('case_appointments').column('case_id').execute();

  await db.schema
    .createTable('case_messages')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('case_id', 'text', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    // 'members' (everyone) or 'professionals' (the professionals-only channel).
    .addColumn('compartment', 'text', (column) => column.notNull())
    .addColumn('epoch', 'integer', (column) => column.notNull())
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('author_member_id', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('case_messages_case').on('case_messages').columns(['case_id', 'compartment']).execute();

  // A pathway step move: the track and step are ids of content/pathway; the note is sealed (may be empty).
  await db.schema
    .createTable('case_step_moves')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('case_id', 'text', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('compartment', 'text', (column) => column.notNull())
    .addColumn('epoch', 'integer', (column) => column.notNull())
    // The pathway version the ids are of (content/pathway/vN.json).
    .addColumn('pathway_version', 'integer', (column) => column.notNull())
    .addColumn('track', 'text', (column) => column.notNull())
    // A step id, or '' when the track was marked finished.
    .addColumn('step', 'text', (column) => column.notNull())
    .addColumn('note', 'text', (column) => column.notNull())
    .addColumn('moved_by_member_id', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('case_step_moves_case').on('case_step_moves').columns(['case_id', 'track']).execute();

  // The one timeline: ids only, never content. seq orders it (newest first) and is the keyset cursor.
  await db.schema
    .createTable('case_events')
    .addColumn('seq', 'integer', (column) =>
      sqlite ? column.primaryKey().autoIncrement() : column.primaryKey().generatedAlwaysAsIdentity(),
    )
    .addColumn('case_id', 'text', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    // Who may see the event: the readers of this compartment.
    .addColumn('compartment', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    // The item (agreement, meeting, …) or null.
    .addColumn('ref_id', 'text')
    .addColumn('actor_member_id', 'text')
    // The member an event is about (joined, removed, …) or null.
    .addColumn('subject_member_id', 'text')
    // 1: hidden from parents while "risk in the family" is confirmed (police or Veilig Thuis joining, …).
    .addColumn('hide_on_risk', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('case_events_case_seq').on('case_events').columns(['case_id', 'seq']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'case_events',
    'case_step_moves',
    'case_messages',
    'case_appointments',
    'case_meetings',
    'case_agreement_changes',
    'case_agreements',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
