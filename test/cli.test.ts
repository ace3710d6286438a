import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { projectRoot } from '../src/shared/paths.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nmk-cli-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

test('import-regions loads the reference data and can run again', () => {
  for (let run = 0; run < 2; run += 1) {
    const result = cli('import-regions');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /342 municipalities, 4131 postcode pairs, 25 veiligheidsregio's, 10 police units/);
  }
});

test('import-regions with a folder that lacks the files fails with a clear message', () => {
  const result = cli('import-regions', os.tmpdir());
  assert.equal(result.status, 1);
  assert.match(result.stderr, /politie_eenheden\.csv/);
});

test('import-organisations and seed-content report what they wrote; an unknown command shows the usage', () => {
  const organisations = cli('import-organisations');
  assert.equal(organisations.status, 0, organisations.stderr);
  assert.match(organisations.stdout, /Organisations: \d+ added or changed\./);
  const content = cli('seed-content');
  assert.match(content.stdout, /Content: \d+ created, 0 updated/);
  const unknown = cli('bogus');
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /Unknown command "bogus"/);
});

test('create-admin prints a one-time set-up link, and refuses without a valid e-mail address', () => {
  const created = cli('create-admin', '--email', 'beheer@example.org', '--origin', 'https://nietmijnkind.example');
  assert.equal(created.status, 0, created.stderr);
  assert.match(created.stdout, /https:\/\/nietmijnkind\.example\/beheer\/start\/[A-Za-z0-9_-]{43}/);
  const refused = cli('create-admin', '--email', 'geen-adres');
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /needs --email with a valid e-mail address/);
});
