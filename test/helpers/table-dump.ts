import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../../src/shared/db/database.js';

/** Columns left out of a comparison, per table, with the reason in the caller. */
export type IgnoredColumns = Readonly<Record<string, readonly string[]>>;

/**
 * Tables every comparison leaves out: `rate_limits` holds the shared request counts on PostgreSQL (ADR 0041), a
 * keyed hash of the address and a number that every request changes, never anything a route was asked to do.
 */
const counters = new Set(['rate_limits']);

/**
 * Every row of every table, as sorted JSON lines per table (bytes as hex): two dumps are equal exactly when no
 * table changed, apart from the columns named in `ignore` and the request counters above. Found from the
 * database's own catalogue, so a new table is included without anyone listing it.
 */
export async function tableDump(
  db: Kysely<unknown>,
  dialect: Dialect,
  ignore: IgnoredColumns = {},
): Promise<Record<string, string[]>> {
  const names =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(db)
      : await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  const dump: Record<string, string[]> = {};
  for (const { name } of names.rows) {
    if (counters.has(name)) continue;
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(db);
    const left = new Set(ignore[name] ?? []);
    dump[name] = rows.rows
      .map((row) =>
        JSON.stringify(
          Object.entries(row)
            .filter(([column]) => !left.has(column))
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([column, value]) => [
              column,
              value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value,
            ]),
          (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
        ),
      )
      .sort();
  }
  return dump;
}

/** The tables whose rows differ between two dumps, with what was added and removed (for a readable failure). */
export function changedTables(
  before: Record<string, string[]>,
  after: Record<string, string[]>,
): Record<string, { added: string[]; removed: string[] }> {
  const changed: Record<string, { added: string[]; removed: string[] }> = {};
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = new Set(before[table] ?? []);
    const is = new Set(after[table] ?? []);
    const added = [...is].filter((row) => !was.has(row));
    const removed = [...was].filter((row) => !is.has(row));
    if (added.length > 0 || removed.length > 0) changed[table] = { added, removed };
  }
  return changed;
}
