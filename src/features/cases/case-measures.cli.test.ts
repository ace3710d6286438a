import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { projectRoot } from '../../shared/paths.js';

/* `npm run cli -- measures` as a process on a fresh SQLite database: the stored figures as CSV. */

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nmk-measures-cli-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
    encoding: 'utf8',
  });

test('measures prints the stored weekly figures as CSV; --compute writes this week and the last first', () => {
  const empty = cli('measures');
  assert.equal(empty.status, 0, empty.stderr);
  assert.equal(empty.stdout, 'table,week,category,measure,value\n');
  const computed = cli('measures', '--compute');
  assert.equal(computed.status, 0, computed.stderr);
  const rows = computed.stdout.trim().split('\n');
  assert.equal(rows[0], 'table,week,category,measure,value');
  for (const row of rows.slice(1)) assert.match(row, /^[a-z_]+,\d{4}-W\d{2},[a-z0-9+-]*,[a-z_]+,\d+$/);
  const weeks = new Set(rows.slice(1).map((row) => row.split(',')[1]));
  assert.equal(weeks.size, 2);
  assert.ok(rows.includes(`meetings,${[...weeks][0]},with-parents,parent_took_part,0`));
});
