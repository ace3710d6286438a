import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config/config.js';
import type { Database } from './schema.js';

export type Dialect = DatabaseTarget['kind'];

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * Called after personal data was deleted (an account): SQLite copies the write-ahead log into the database
   * file and empties it, so deleted rows do not linger in the -wal file (secure_delete has zeroed them in the
   * pages). PostgreSQL keeps dead rows until (auto)vacuum; nothing is done there.
   */
  forgetDeleted(): Promise<void>;
  close(): Promise<void>;
  /** PostgreSQL: the pool's connections (open, idle) and queries waiting for one, for the metrics (ADR 0042). */
  poolStats?: () => { total: number; idle: number; waiting: number };
}

/**
 * Kysely asks better-sqlite3 to prepare every query anew; preparing costs about as much as running a small
 * query. The same SQL text gets the same prepared statement (parameters are bound per call, so this is safe).
 */
function withStatementCache(sqlite: SqliteDatabase.Database, limit = 500) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (statement === undefined) {
        if (statements.size >= limit) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/** Opens the configured database. SQLite is the embedded default; a postgres:// URL selects PostgreSQL. */
export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  if (target.kind === 'sqlite') {
    const onDisk = target.file !== ':memory:';
    if (onDisk) {
      mkdirSync(path.dirname(target.file), { recursive: true });
      // Readable by the app's user only, like the key files. SQLite gives its -wal and -shm files the mode of
      // the database file, so the file is made (or set) 0600 before SQLite opens it.
      closeSync(openSync(target.file, 'a', 0o600));
      chmodSync(target.file, 0o600);
    }
    const sqlite = new SqliteDatabase(target.file);
    // WAL lets readers go on while one request writes; busy_timeout waits instead of failing on a lock.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Deleted rows are overwritten with zeros instead of left in free space (see forgetDeleted).
    sqlite.pragma('secure_delete = ON');
    if (onDisk) {
      // Files left by an earlier version that created them 0644.
      for (const suffix of ['-wal', '-shm']) {
        if (existsSync(target.file + suffix)) chmodSync(target.file + suffix, 0o600);
      }
    }
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return {
      db,
      dialect: 'sqlite',
      // Through Kysely, so it waits for a transaction in progress on the one connection instead of cutting in.
      forgetDeleted: async () => {
        await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
      },
      close: () => db.destroy(),
    };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client that loses its server must not crash the process; the next query reports the failure.
  pool.on('error', () => undefined);
  // Nor one that is checked out (a transaction between two queries) when the server goes: pg-pool listens only
  // to idle clients, and an 'error' nobody listens to ends the process. The client's next query fails instead
  // ("not queryable": 503), and the pool drops it on release.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    forgetDeleted: () => Promise.resolve(),
    close: () => db.destroy(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}
