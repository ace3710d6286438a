/*
 * CONTRACT (issue 17, written first by the lead; implemented by the shared-state work): how one instance tells
 * every instance, itself included, that something they keep in memory changed in the database.
 *
 * On PostgreSQL it is LISTEN/NOTIFY: `announce` runs `pg_notify(channel, payload)` inside the caller's
 * transaction (so the message goes out only when the change commits), and each instance holds one dedicated
 * connection that LISTENs and reconnects (then tells every subscriber with `{ missed: true }`, since messages
 * sent while it was away are lost). On SQLite there is one instance per database file: the bus is in process,
 * and a message is delivered after the transaction that announced it commits.
 *
 * Payloads name what changed (a kind, a key), never personal data; at most 1,000 bytes.
 */
import type { Kysely, Transaction } from 'kysely';
import { createPostgresChangeBus } from './change-bus-postgres.js';
import { createSqliteChangeBus } from './change-bus-sqlite.js';
import type { DatabaseHandle } from './database.js';
export { changeChannels, maxChangePayloadBytes } from './change-bus-common.js';
import type { Database } from './schema.js';

/** The channels in use; one per kind of in-memory state that another instance may hold stale. */
export type ChangeChannel = 'content_published' | 'translation_reviewed';

export interface ChangeMessage {
  channel: ChangeChannel;
  /** What changed, e.g. the editorial kind. */
  payload: string;
  /** True when the listening connection was lost and re-established: reload everything of this channel. */
  missed?: boolean;
  /**
   * True when this instance announced it (it has done its own reloading already, synchronously, after its
   * commit). Messages of other instances, and `missed`, have it false.
   */
  fromHere?: boolean;
}

export interface ChangeBus {
  /** Announces a change inside `trx` (delivered to every instance, this one too, once `trx` commits). */
  announce(trx: Kysely<Database> | Transaction<Database>, channel: ChangeChannel, payload: string): Promise<void>;
  /** Runs `listener` for every message on `channel`; returns a function that stops it. */
  subscribe(channel: ChangeChannel, listener: (message: ChangeMessage) => void): () => void;
  /** Starts listening (PostgreSQL: opens the LISTEN connection). Resolves once messages will be delivered. */
  start(): Promise<void>;
  /** Stops listening and closes the dedicated connection. */
  close(): Promise<void>;
}

/**
 * The bus for this database: LISTEN/NOTIFY on its own connection to `url` (PostgreSQL; DATABASE_URL), or in
 * process (SQLite).
 */
export function createChangeBus(
  database: DatabaseHandle,
  options: { url?: string | undefined; onError?: (error: unknown) => void } = {},
): ChangeBus {
  if (database.dialect === 'sqlite') return createSqliteChangeBus(database.db);
  if (options.url === undefined) throw new Error('The change bus on PostgreSQL needs the database URL');
  return createPostgresChangeBus(options.url, options.onError);
}
