import { type Kysely, sql, SqliteAdapter } from 'kysely';
import type { Database } from './schema.js';

/*
 * The rows a transaction may lock, with their key column and a column the SQLite branch writes back unchanged.
 * Never the primary key: writing a key column, even with its own value, makes SQLite check every child row
 * that refers to it (foreign keys), which grows with the data.
 */
const lockable = {
  users: { key: 'id', touch: 'key_epoch' },
  journals: { key: 'id', touch: 'size' },
  audit_head: { key: 'id', touch: 'seq' },
  professionals: { key: 'user_id', touch: 'status' },
  organisations: { key: 'id', touch: 'verified' },
  cases: { key: 'id', touch: 'mode' },
  editorial_documents: { key: 'id', touch: 'kind' },
} as const satisfies {
  [Table in keyof Database]?: { key: keyof Database[Table] & string; touch: keyof Database[Table] & string };
};

export type LockableTable = keyof typeof lockable;

/**
 * Locks one row until the surrounding transaction ends: another transaction that locks the same row waits
 * until this one has committed or rolled back, and then reads what it wrote. Call it inside a transaction
 * (`trx` must be one: outside, the lock ends with the statement) and before reading what the lock protects.
 * A row that does not exist locks nothing on PostgreSQL.
 *
 * PostgreSQL: `SELECT … FOR UPDATE`. Locks that row only; other rows and plain reads are not held up.
 *
 * SQLite has no row locks; it has one write lock for the whole database. What is guaranteed:
 * - Within one process, Kysely's SQLite driver has a single better-sqlite3 connection behind a mutex: a
 *   transaction holds that connection from `begin` to `commit`, so no other query or transaction of the
 *   process runs in between. Two requests of one server can never interleave inside transactions.
 * - Kysely starts transactions with a plain `begin`, which SQLite treats as DEFERRED: no lock at all until the
 *   first statement; a read then takes a read snapshot, a write takes the write lock (waiting up to
 *   busy_timeout for another connection — another process: the CLI, a second server on the same file — to
 *   finish). In WAL mode, a transaction that *read* first and writes later is not made to wait: if another
 *   connection committed in between, the write fails at once with SQLITE_BUSY (its snapshot is stale), whatever
 *   busy_timeout says. better-sqlite3's own `db.transaction()` (not used by Kysely) is DEFERRED too unless
 *   called as `.immediate()`; it does not allow asynchronous work inside, which is why Kysely does its own.
 * - So on SQLite this helper writes the row back unchanged (`UPDATE … SET c = c`): a write as the first
 *   statement takes the database's write lock at once (like BEGIN IMMEDIATE), waiting for other processes,
 *   and every later read in the transaction sees the latest committed data. It locks even when the row does
 *   not exist. Called after a read in the same transaction, it still locks, but may fail with SQLITE_BUSY when
 *   another process wrote in between — hence "before reading".
 */
export async function lockRow<Table extends LockableTable>(
  trx: Kysely<Database>,
  table: Table,
  id: Database[Table][(typeof lockable)[Table]['key'] & keyof Database[Table]],
): Promise<void> {
  const { key, touch } = lockable[table];
  if (trx.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`UPDATE ${sql.table(table)} SET ${sql.ref(touch)} = ${sql.ref(touch)} WHERE ${sql.ref(key)} = ${id}`.execute(
      trx,
    );
    return;
  }
  await sql`SELECT 1 FROM ${sql.table(table)} WHERE ${sql.ref(key)} = ${id} FOR UPDATE`.execute(trx);
}

/**
 * lockRow for a case's key compartment (its key is two columns: case id and compartment): a write sealed under
 * the compartment's epoch locks the row, then reads the epoch, so a key rotation (which updates the row) either
 * waits for the write or makes it see the new epoch and refuse. Same guarantees as lockRow.
 */
export async function lockCaseCompartment(trx: Kysely<Database>, caseId: string, compartment: string): Promise<void> {
  if (trx.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`UPDATE case_compartments SET epoch = epoch WHERE case_id = ${caseId} AND compartment = ${compartment}`.execute(
      trx,
    );
    return;
  }
  await sql`SELECT 1 FROM case_compartments WHERE case_id = ${caseId} AND compartment = ${compartment} FOR UPDATE`.execute(
    trx,
  );
}
