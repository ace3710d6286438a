import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestApp } from './app.js';

const run = promisify(execFile);

/**
 * What a copy of the database would hold, as a backup takes it: the raw SQLite files (WAL included), or the
 * output of pg_dump for PostgreSQL.
 */
export async function databaseDump(testApp: Pick<TestApp, 'database'>): Promise<string> {
  if (testApp.database.handle.dialect === 'sqlite') {
    const directory = testApp.database.env.DATA_DIR!;
    return Buffer.concat(readdirSync(directory).map((name) => readFileSync(path.join(directory, name)))).toString(
      'latin1',
    );
  }
  const pgDump = process.env.PG_BIN === undefined ? 'pg_dump' : path.join(process.env.PG_BIN, 'pg_dump');
  const candidates = [pgDump, '/usr/lib/postgresql/15/bin/pg_dump'];
  for (const binary of candidates) {
    try {
      const { stdout } = await run(binary, ['--no-owner', '--dbname', testApp.database.env.DATABASE_URL!], {
        maxBuffer: 512 * 1024 * 1024,
        encoding: 'latin1',
      });
      return stdout;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error('pg_dump was not found');
}

/** Fails when any of the values is in the dump raw, as hex, base64 or base64url. */
export function assertNotInDump(dump: string, values: readonly [string, Buffer][]): void {
  for (const [what, value] of values) {
    for (const [encoding, text] of [
      ['raw', value.toString('latin1')],
      ['hex', value.toString('hex')],
      ['base64', value.toString('base64')],
      ['base64url', value.toString('base64url')],
    ] as const) {
      assert.equal(dump.includes(text), false, `${what} found in the dump as ${encoding}`);
    }
  }
}
