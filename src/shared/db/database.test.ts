import assert from 'node:assert/strict';
import { chmodSync, closeSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from './database.js';

/* The SQLite files hold everything the server keeps: only the app's own user may read them, like the key files. */

describe('SQLite database files', () => {
  const directories: string[] = [];
  const directory = () => {
    const made = mkdtempSync(path.join(os.tmpdir(), 'nmk-db-'));
    directories.push(made);
    return made;
  };
  after(() => {
    for (const made of directories) rmSync(made, { recursive: true, force: true });
  });
  const modeOf = (file: string) => statSync(file).mode & 0o777;

  test('a new database and its -wal and -shm files are created 0600, whatever the umask', async () => {
    const file = path.join(directory(), 'nieuw.sqlite');
    const previous = process.umask(0o022);
    try {
      const handle = openDatabase({ kind: 'sqlite', file });
      await sql`CREATE TABLE t (x TEXT)`.execute(handle.db);
      await sql`INSERT INTO t VALUES ('iets')`.execute(handle.db);
      for (const name of [file, `${file}-wal`, `${file}-shm`]) assert.equal(modeOf(name), 0o600, name);
      await handle.close();
    } finally {
      process.umask(previous);
    }
  });

  test('files an earlier version left readable for everyone are set to 0600 when opened', async () => {
    const file = path.join(directory(), 'oud.sqlite');
    const first = openDatabase({ kind: 'sqlite', file });
    await sql`CREATE TABLE t (x TEXT)`.execute(first.db);
    await first.close();
    for (const name of [file, `${file}-wal`, `${file}-shm`]) {
      closeSync(openSync(name, 'a'));
      chmodSync(name, 0o644);
    }
    const again = openDatabase({ kind: 'sqlite', file });
    for (const name of [file, `${file}-wal`, `${file}-shm`]) assert.equal(modeOf(name), 0o600, name);
    assert.deepEqual((await sql<{ x: string }>`SELECT count(*) AS x FROM t`.execute(again.db)).rows, [{ x: 0 }]);
    await again.close();
  });
});
