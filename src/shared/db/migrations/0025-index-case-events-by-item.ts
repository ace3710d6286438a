import type { Kysely } from 'kysely';

/*
 * A case's timeline events found by the item they are about: a message channel is read in the order of its
 * messages' events (two messages can share a millisecond), which without this index scans the case's timeline.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('case_events_case_ref').on('case_events').columns(['case_id', 'ref_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('case_events_case_ref').execute();
}
