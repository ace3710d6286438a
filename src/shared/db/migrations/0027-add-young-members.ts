import { type Kysely, sql } from 'kysely';

/*
 * The child's own voice (issue 15, ADR 0030): a young member's month of birth ('YYYY-MM', the only fact about the
 * child the age rules need: 12 to be invited, 16 to be asked for consent), and whether a consent record gives or
 * refuses its flow (a young member of 16 or older may say no; every earlier record gave). The young member's
 * channel reuses case_messages and case_events under the compartment 'young:<member id>'.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_members').addColumn('birth_month', 'text').execute();
  await db.schema
    .alterTable('case_consents')
    .addColumn('decision', 'text', (column) => column.notNull().defaultTo(sql`'given'`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_consents').dropColumn('decision').execute();
  await db.schema.alterTable('case_members').dropColumn('birth_month').execute();
}
