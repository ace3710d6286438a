import type { Transaction } from 'kysely';
import type { Database } from './schema.js';

/**
 * A transaction a repository opened, handed to its service so the audit line of a change is written in it
 * (features/audit): services pass it on, never query with it.
 */
export type Trx = Transaction<Database>;

/** Work a service adds to a repository's transaction, run last before the commit: the change's audit line. */
export type AlsoInTransaction = (trx: Trx) => Promise<unknown>;
