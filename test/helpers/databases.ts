import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { type DatabaseHandle, type Dialect, openDatabase } from '../../src/shared/db/database.js';
import { migrateToLatest } from '../../src/shared/db/migrate.js';
import { createPostgresDatabase } from './postgres.js';

/** Every repository and integration test runs on both databases the app supports. */
export const dialects: readonly Dialect[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The DATABASE_URL / DATA_DIR environment that points the app at this database. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

/** A fresh, empty database of the given kind: a temporary SQLite file, or a new database in the test cluster. */
export async function openTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'nmk-test-'));
    const handle = openDatabase({ kind: 'sqlite', file: path.join(directory, 'test.sqlite') });
    return {
      handle,
      env: { DATA_DIR: directory },
      cleanup: async () => {
        await handle.close();
        rmSync(directory, { recursive: true, force: true });
      },
    };
  }
  const database = await createPostgresDatabase();
  const handle = openDatabase({ kind: 'postgres', url: database.url });
  const directory = mkdtempSync(path.join(os.tmpdir(), 'nmk-test-'));
  return {
    handle,
    env: { DATABASE_URL: database.url, DATA_DIR: directory },
    cleanup: async () => {
      await handle.close();
      await database.drop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Declares the same suite once per dialect, each on its own migrated database. The callback receives a getter,
 * because the database exists only once the suite's before() hook has run.
 */
export function describeEachDialect(
  name: string,
  suite: (database: () => TestDatabase, dialect: Dialect) => void,
): void {
  for (const dialect of dialects) {
    void describe(`${name} [${dialect}]`, () => {
      let database: TestDatabase | undefined;
      before(async () => {
        database = await openTestDatabase(dialect);
        await migrateToLatest(database.handle.db);
      });
      after(async () => {
        await database?.cleanup();
      });
      suite(() => {
        if (database === undefined) throw new Error('the test database is not open yet');
        return database;
      }, dialect);
    });
  }
}
