// Shared pieces of the reliability suite (not a test file): a browser without JavaScript over real HTTP, a parent
// signed up through the forms, journal entries posted as the form does, and a PostgreSQL cluster of the test's
// own that it may stop and start.

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { csrfTokenFrom } from '../helpers/app.js';
import {
  type Answer,
  type CookieJar,
  send,
  signUp as signUpThroughForm,
  submitLogIn,
} from '../helpers/form-browser.js';
import { freePort } from '../helpers/free-port.js';
import { withAdmin } from '../helpers/postgres.js';

export { type Answer, CookieJar, send } from '../helpers/form-browser.js';

export const passphrase = 'paarse regenjas op dinsdag';

/** Signs up through the form; the jar then holds the new session. */
export const signUp = (baseUrl: string, username: string): Promise<CookieJar> =>
  signUpThroughForm(baseUrl, username, passphrase);

/** Logs in through the form in a fresh browser. */
export async function logIn(baseUrl: string, username: string): Promise<CookieJar> {
  const { answer, jar } = await submitLogIn(baseUrl, username, passphrase);
  if (answer.status !== 303) throw new Error(`login answered ${answer.status}: ${answer.text.slice(0, 500)}`);
  return jar;
}

/** The CSRF token of the jar's session, from the new-entry form. */
export async function entryToken(baseUrl: string, jar: CookieJar): Promise<string> {
  const form = await send(baseUrl, jar, '/logboek/nieuw');
  if (form.status !== 200) throw new Error(`GET /logboek/nieuw: ${form.status}`);
  return csrfTokenFrom(form.text);
}

/** Posts one journal entry as the form does; the id when it was acknowledged (303 to /logboek/<id>). */
export async function postEntry(
  baseUrl: string,
  jar: CookieJar,
  token: string,
  text: string,
  attachment?: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> },
): Promise<{ answer: Answer; id: string | undefined }> {
  const form = new FormData();
  form.append('_csrf', token);
  form.append('datum', '2026-11-20');
  form.append('categorie', 'behaviour');
  form.append('tekst', text);
  if (attachment !== undefined) {
    form.append('regel', 'ja');
    form.append('bijlagen', new Blob([attachment.bytes], { type: attachment.type }), attachment.name);
  }
  const answer = await send(baseUrl, jar, '/logboek', form);
  const id = /^\/logboek\/([0-9a-f-]{36})$/.exec(answer.location ?? '')?.[1];
  return { answer, id: answer.status === 303 ? id : undefined };
}

export const uniqueText = (label: string): string => `${label}-${randomBytes(6).toString('hex')}`;

/** Whether an answer is the app's "briefly unavailable" page in Dutch (503), as a visitor sees it. */
export function isDutchUnavailablePage(answer: Answer): boolean {
  return (
    answer.status === 503 &&
    answer.type.startsWith('text/html') &&
    /<html[^>]*lang="nl"/.test(answer.text) &&
    answer.text.includes('Even niet bereikbaar')
  );
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it is true or `timeoutMs` has passed; resolves with whether it became true. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if (await check()) return true;
    } catch {
      // Not yet.
    }
    await sleep(everyMs);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// A PostgreSQL cluster of the test's own (scripts/test.ts's cluster is shared by every test file: never stopped).

const isRoot = process.getuid?.() === 0;

function postgresBinDir(): string {
  const debianRoot = '/usr/lib/postgresql';
  const versions = existsSync(debianRoot)
    ? readdirSync(debianRoot).sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
    : [];
  for (const version of versions) {
    const dir = path.join(debianRoot, version, 'bin');
    if (existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  throw new Error('PostgreSQL server binaries not found (npm test installs them: run the suite through npm)');
}

function asServerUser(command: string, args: string[]): SpawnSyncReturns<string> {
  const [cmd, cmdArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return spawnSync(cmd, cmdArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: '/' });
}

export interface OwnPostgres {
  /** postgres://postgres@127.0.0.1:<port>/<database> of a database made for the test. */
  url: string;
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  /** Stops the server and removes its files. */
  remove(): void;
}

/** A throwaway cluster (initdb, pg_ctl) on a free port with one empty database, durable settings left on. */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(path.join('/tmp', 'nmk-rel-pg-'));
  chmodSync(dir, 0o700);
  if (isRoot) {
    const entry = spawnSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).stdout.split(':');
    chownSync(dir, Number(entry[2]), Number(entry[3]));
  }
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'log');
  const init = asServerUser(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8']);
  if (init.status !== 0) throw new Error(`initdb: ${init.stdout}${init.stderr}`);
  const port = await freePort();
  const options = `-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c max_connections=100 -c fsync=off`;
  const start = () => {
    const result = asServerUser(path.join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      log,
      '-w',
      '-t',
      '60',
      'start',
      '-o',
      options,
    ]);
    if (result.status !== 0) throw new Error(`pg_ctl start: ${result.stdout}${result.stderr}`);
  };
  const stop = (mode: 'fast' | 'immediate' = 'fast') => {
    if (!existsSync(path.join(data, 'postmaster.pid'))) return;
    const result = asServerUser(path.join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
    if (result.status !== 0) throw new Error(`pg_ctl stop: ${result.stdout}${result.stderr}`);
  };
  start();
  await withAdmin(`postgres://postgres@127.0.0.1:${port}/postgres`, (client) => client.query('CREATE DATABASE nmk'));
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    try {
      stop('immediate');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', remove);
  return { url: `postgres://postgres@127.0.0.1:${port}/nmk`, stop, start, remove };
}
