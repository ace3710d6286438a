import type { Kysely } from 'kysely';
import type { Database } from '../../shared/db/schema.js';

/**
 * A compartment's current epoch (case_compartments, migration 0020), or undefined when the case has no such
 * compartment: read by the items' and the shares' repositories, in or outside a transaction.
 */
export async function readCompartmentEpoch(
  executor: Kysely<Database>,
  caseId: string,
  compartment: string,
): Promise<number | undefined> {
  const row = await executor
    .selectFrom('case_compartments')
    .select('epoch')
    .where('case_id', '=', caseId)
    .where('compartment', '=', compartment)
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.epoch);
}
