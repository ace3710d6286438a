import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { csrfTokenFrom } from './helpers/app.js';
import {
  type AppDatabase,
  createAppDatabase,
  processSecrets,
  runCli,
  type ServerProcess,
  startServerProcess,
} from './helpers/app-process.js';
import { assertNotInDump } from './helpers/dump.js';
import { type CookieJar, send, signUp, submitLogIn } from './helpers/form-browser.js';
import { createPostgresDatabase, type PostgresTestDatabase } from './helpers/postgres.js';
import { type Dialect, openDatabase } from '../src/shared/db/database.js';
import { migrateToLatest } from '../src/shared/db/migrate.js';

/*
 * Issue 17, point 3: backups that restore. On SQLite `npm run cli -- backup <file>` copies the database while a
 * server process keeps acknowledging journal entries; on PostgreSQL `pg_dump -Fc` runs under the same load and
 * `pg_restore` loads it into a new database. Each copy is then started as a fresh instance with the same keys
 * (PEPPER and LOG_SIGNING_KEY, kept apart from the copy): the parent logs in and reads their journal — every
 * entry acknowledged before the backup began, the attachment byte for byte, nothing sent after it ended — and
 * `verify-journals` and `verify-audit` pass on the restored database.
 */

const run = promisify(execFile);
const passphrase = 'groene paraplu in de gang';
const username = 'ouder.backup';
const WRITERS = 3;
/** Generous: the machine may be busy with other test runs (tsx compiles the app at every start). */
const START_TIMEOUT_MS = 120_000;
const CLI_TIMEOUT_MS = 120_000;

/** A small PDF as a parent would attach a letter (kept byte for byte by the journal). */
const letter = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

async function logIn(server: ServerProcess): Promise<{ status: number; jar: CookieJar }> {
  const { answer, jar } = await submitLogIn(server.baseUrl, username, passphrase);
  return { status: answer.status, jar };
}

/** Posts one entry (optionally with the letter); the id when the server acknowledged it (303 to the entry). */
async function addEntry(server: ServerProcess, jar: CookieJar, token: string, text: string, withLetter = false) {
  const form = new FormData();
  form.append('_csrf', token);
  form.append('datum', '2026-12-01');
  form.append('categorie', 'behaviour');
  form.append('tekst', text);
  // A file needs the parent's confirmation that it holds no sexual image of a child.
  if (withLetter) form.append('regel', 'ja');
  if (withLetter) form.append('bijlagen', new Blob([new Uint8Array(letter)], { type: 'application/pdf' }), 'brief.pdf');
  const answer = await send(server.baseUrl, jar, '/logboek', form);
  const id = /^\/logboek\/([0-9a-f-]{36})$/.exec(answer.location ?? '')?.[1];
  return { status: answer.status, id, text: answer.text };
}

interface Write {
  text: string;
  sentAt: number;
  answeredAt: number;
  status: number;
}

/** WRITERS loops appending entries until stopped: the load a backup must not interrupt. */
function keepWriting(server: ServerProcess, jar: CookieJar, token: string) {
  const writes: Write[] = [];
  let stopped = false;
  let sent = 0;
  const worker = async () => {
    while (!stopped) {
      const text = `backup-load-${sent++}-${randomBytes(6).toString('hex')}`;
      const sentAt = performance.now();
      const { status } = await addEntry(server, jar, token, text).catch(() => ({ status: 0 }));
      writes.push({ text, sentAt, answeredAt: performance.now(), status });
    }
  };
  const workers = Promise.all(Array.from({ length: WRITERS }, worker));
  return {
    writes,
    acknowledged: () => writes.filter((write) => write.status === 303).length,
    async until(condition: () => boolean): Promise<void> {
      while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    async stop(): Promise<Write[]> {
      stopped = true;
      await workers;
      return writes;
    },
  };
}

/** The PostgreSQL client programs next to the test cluster's server: Debian's newest, else the PATH. */
function postgresProgram(name: 'pg_dump' | 'pg_restore'): string {
  const debianRoot = '/usr/lib/postgresql';
  const versions = existsSync(debianRoot)
    ? readdirSync(debianRoot).sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
    : [];
  const dirs = [
    ...(process.env.PG_BIN === undefined ? [] : [process.env.PG_BIN]),
    ...versions.map((version) => path.join(debianRoot, version, 'bin')),
    ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean),
  ];
  const found = dirs.map((dir) => path.join(dir, name)).find((file) => existsSync(file));
  if (found === undefined) throw new Error(`${name} was not found (apt-get install postgresql-client)`);
  return found;
}

/** How a backup is taken and loaded into a fresh database, per dialect, exactly as docs/operations.md says. */
interface BackupWay {
  take(database: AppDatabase, file: string): Promise<void>;
  /** A fresh, empty database holding the copy: the env that points an instance at it. */
  restore(file: string): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }>;
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'nmk-backup-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const ways: Record<Dialect, BackupWay> = {
  sqlite: {
    async take(database, file) {
      // The CLI gets the database's location only: it needs none of the keys to copy it.
      const result = await runCli(['backup', file], { DATA_DIR: database.env.DATA_DIR! }, CLI_TIMEOUT_MS);
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /^Backup written: .+ \(\d+ pages, \d+ bytes, integrity ok, mode 0600\)\.$/m);
    },
    restore(file) {
      const dataDir = mkdtempSync(path.join(scratch, 'restored-'));
      copyFileSync(file, path.join(dataDir, 'niet-mijn-kind.sqlite'));
      return Promise.resolve({ env: { DATA_DIR: dataDir }, cleanup: () => Promise.resolve() });
    },
  },
  postgres: {
    async take(database, file) {
      await run(postgresProgram('pg_dump'), ['--format=custom', `--file=${file}`, database.env.DATABASE_URL!]);
    },
    async restore(file) {
      const fresh: PostgresTestDatabase = await createPostgresDatabase();
      await run(postgresProgram('pg_restore'), [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        `--dbname=${fresh.url}`,
        file,
      ]);
      const dataDir = mkdtempSync(path.join(scratch, 'restored-'));
      return { env: { DATABASE_URL: fresh.url, DATA_DIR: dataDir }, cleanup: () => fresh.drop() };
    },
  },
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`a backup taken while the server serves writes, restored into a fresh instance [${dialect}]`, () => {
    const running: ServerProcess[] = [];
    const cleanups: (() => Promise<void>)[] = [];
    after(async () => {
      for (const server of running) await server.stop('SIGKILL');
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    test(
      'the parent logs in and reads their journal; verify-journals and verify-audit pass',
      { timeout: 600_000 },
      async (t) => {
        const database = await createAppDatabase(dialect);
        cleanups.push(() => database.cleanup());
        const secrets = processSecrets();
        // Every request comes from one address and one account: neither the rate limit nor the upload gate may
        // answer instead of the journal.
        const limits = {
          RATE_LIMIT_MAX: '100000',
          UPLOADS_IN_FLIGHT_MAX: String(WRITERS + 1),
          UPLOADS_PER_ACCOUNT_MAX: String(WRITERS + 1),
        };
        const server = await startServerProcess({ ...database.env, ...secrets, ...limits }, START_TIMEOUT_MS);
        running.push(server);

        const parent = await signUp(server.baseUrl, username, passphrase);
        const form = await send(server.baseUrl, parent, '/logboek/nieuw');
        assert.equal(form.status, 200);
        const token = csrfTokenFrom(form.text);
        const first = await addEntry(server, parent, token, 'Brief van school over verzuim.', true);
        assert.equal(
          first.status,
          303,
          first.text
            .replace(/<[^>]+>/g, ' ')
            .replace(/\s+/g, ' ')
            .slice(0, 3000),
        );
        const entryPage = await send(server.baseUrl, parent, `/logboek/${first.id}`);
        const attachmentUrl = /href="(\/logboek\/bijlage\/[0-9a-f-]{36})"/.exec(entryPage.text)?.[1];
        assert.ok(attachmentUrl !== undefined, 'the entry links its attachment');
        const attachment = await send(server.baseUrl, parent, attachmentUrl);
        assert.equal(attachment.status, 200);

        const load = keepWriting(server, parent, token);
        await load.until(() => load.acknowledged() >= 5);
        const file = path.join(scratch, `${dialect}-${randomBytes(4).toString('hex')}.backup`);
        const backupStarted = performance.now();
        await ways[dialect].take(database, file);
        const backupEnded = performance.now();
        const acknowledgedAtEnd = load.acknowledged();
        await load.until(() => load.acknowledged() >= acknowledgedAtEnd + 5);
        const writes = await load.stop();

        assert.deepEqual(
          writes.filter((write) => write.status !== 303).map((write) => write.status),
          [],
          'every write was acknowledged, before, during and after the backup',
        );
        // Every write was acknowledged and WRITERS were always in flight, so some overlap the backup; the CLI (a
        // process of its own) runs long enough that writes also start and end wholly inside it.
        const overlapping = writes.filter((write) => write.sentAt < backupEnded && write.answeredAt > backupStarted);
        const during = writes.filter((write) => write.sentAt > backupStarted && write.answeredAt < backupEnded);
        assert.ok(overlapping.length > 0, 'the server was acknowledging writes while the backup ran');
        if (dialect === 'sqlite') assert.ok(during.length > 0, 'writes were sent and acknowledged during the backup');
        if (dialect === 'sqlite')
          assert.equal(statSync(file).mode & 0o777, 0o600, 'the backup is readable by its owner only');
        assertNotInDump(readFileSync(file).toString('latin1'), [
          ['PEPPER', Buffer.from(secrets.PEPPER!, 'base64')],
          ['LOG_SIGNING_KEY', Buffer.from(secrets.LOG_SIGNING_KEY!, 'base64')],
        ]);
        await server.stop('SIGTERM');

        const restored = await ways[dialect].restore(file);
        cleanups.push(() => restored.cleanup());
        const env = { ...restored.env, ...secrets, ...limits };
        const instance = await startServerProcess(env, START_TIMEOUT_MS);
        running.push(instance);
        const login = await logIn(instance);
        assert.equal(login.status, 303, 'the parent logs in on the restored instance');
        const journal = await send(instance.baseUrl, login.jar, '/logboek/afdrukken');
        assert.equal(journal.status, 200);
        const before = writes.filter((write) => write.answeredAt < backupStarted);
        const afterwards = writes.filter((write) => write.sentAt > backupEnded);
        assert.ok(journal.text.includes('Brief van school over verzuim.'));
        for (const write of before) assert.ok(journal.text.includes(write.text), `${write.text}, acknowledged before`);
        for (const write of afterwards) assert.ok(!journal.text.includes(write.text), `${write.text}, sent after`);
        const again = await send(instance.baseUrl, login.jar, attachmentUrl);
        assert.equal(again.status, 200);
        assert.equal(sha256(again.body), sha256(attachment.body), 'the attachment, byte for byte');
        await instance.stop('SIGTERM');

        const journals = await runCli(['verify-journals'], env, CLI_TIMEOUT_MS);
        assert.equal(journals.status, 0, journals.stdout + journals.stderr);
        assert.match(journals.stdout, /: ok \(\d+ entries\)$/m);
        const audit = await runCli(['verify-audit'], env, CLI_TIMEOUT_MS);
        assert.equal(audit.status, 0, audit.stdout + audit.stderr);
        assert.match(audit.stdout, /^Audit log intact/m);

        // The pepper is not in the backup and cannot be replaced: the same copy with another one opens nothing.
        const otherPepper = await startServerProcess({ ...env, PEPPER: processSecrets().PEPPER! }, START_TIMEOUT_MS);
        running.push(otherPepper);
        const refused = await logIn(otherPepper);
        assert.notEqual(refused.status, 303, 'without the original pepper the parent cannot log in');
        await otherPepper.stop('SIGTERM');
        t.diagnostic(
          `${writes.length} writes, ${during.length} acknowledged while the backup ran, ${before.length} before it`,
        );
      },
    );
  });
}

describe('npm run cli -- backup refuses', () => {
  test('to overwrite a file, leaving it as it was, and without a file name', async (t) => {
    const database = await createAppDatabase('sqlite');
    t.after(() => database.cleanup());
    const handle = openDatabase({ kind: 'sqlite', file: path.join(database.env.DATA_DIR!, 'niet-mijn-kind.sqlite') });
    await migrateToLatest(handle.db);
    await handle.close();
    const file = path.join(scratch, 'taken.sqlite');
    const made = await runCli(['backup', file], database.env, CLI_TIMEOUT_MS);
    assert.equal(made.status, 0, made.stderr);
    const before = sha256(readFileSync(file));
    const again = await runCli(['backup', file], database.env, CLI_TIMEOUT_MS);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already exists; a backup never overwrites a file/);
    assert.equal(sha256(readFileSync(file)), before);
    assert.deepEqual(
      readdirSync(scratch).filter((name) => name.endsWith('.partial')),
      [],
      'no half-made copy is left behind',
    );
    const bare = await runCli(['backup'], database.env, CLI_TIMEOUT_MS);
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /backup needs exactly one file/);
  });

  test('on PostgreSQL, pointing to pg_dump without printing the database URL', async () => {
    const file = path.join(scratch, 'postgres.sqlite');
    const refused = await runCli(
      ['backup', file],
      {
        DATABASE_URL: 'postgres://nmk:hemelsblauw-wachtwoord@127.0.0.1:9/nmk',
        DATA_DIR: scratch,
      },
      CLI_TIMEOUT_MS,
    );
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /PostgreSQL/);
    assert.match(refused.stderr, /pg_dump --format=custom/);
    assert.doesNotMatch(refused.stdout + refused.stderr, /hemelsblauw/);
    assert.equal(existsSync(file), false);
  });
});
