import type { Kysely } from 'kysely';

/*
 * A trusted person as a way back in (issue 19 point 3). Placeholder registered ahead of the work so that the
 * migration list does not change under parallel work; its tables are added by the change that builds the feature.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(_db: Kysely<any>): Promise<void> {}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(_db: Kysely<any>): Promise<void> {}
