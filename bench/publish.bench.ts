// A public page after a publish through the CMS (issue 16): still within its throughput, because the publish
// empties the page cache and the next visitor fills it again (the cache is invalidated, not bypassed).
//
//   BENCH_FILES=publish npm run bench [-- --no-build] [-- --check]
//   node --import tsx bench/publish.bench.ts [--no-build] [--check]
//
// The method is that of bench/pages.bench.ts (ADR 0022/0026): the app as `npm start` runs it (`npm run build`, then
// `node dist/src/server.js` with NODE_ENV=production, a throwaway PEPPER and LOG_SIGNING_KEY, a temporary SQLite
// DATA_DIR, the access log on), against a bare node:http server that answers with the exact bytes (body and headers)
// the app sent; wrk (one thread, 10 connections) pinned to core 1, the servers to core 0; each (phase, server) pair
// measured 3 times, app and bare alternating, medians compared.
//
//   1. Before the app starts, two set-up links are made in its database as `npm run cli -- create-editor` makes them
//      (the same SQLite file migrated, then the accounts service): one for an editor, one for a reviewer.
//   2. /informatie/over-deze-site is measured (before).
//   3. A real publish over HTTP through the running app, as two people in a browser without JavaScript would do it:
//      each opens their set-up link, makes the account, sets up TOTP on /account/tweede-stap; the editor starts a
//      draft of the page (page:nl/over-deze-site), adds a sentence to its text, saves and sends it for review; the
//      reviewer (not the author: four eyes) publishes it. Every step must answer as the CMS does (303), or the bench
//      stops.
//   4. An anonymous visitor's GET of the page must show the new sentence (the first one fills the page cache again).
//      The bare server is restarted with the new bytes.
//   5. The page is measured again (after). Then, as a reference, the same page for the signed-in editor (the cookie
//      in wrk's requests): the page cache keeps anonymous pages only, so the app renders it on every request.
//      The app's access log must hold exactly one 303 of the publish route.
//
// Target: the app's throughput after the publish within the noise of before: before ÷ after app CPU µs per
// response ≥ 0.8 (CPU time, since on a busy machine req/s mostly measures the other processes; the req/s ratio is
// shown beside it). A cache that the publish had turned off would cost about what the signed-in reference costs per
// response (the app offers no header or log field that tells an early answer from Fastify's: by design the bytes and
// the access line are the same, ADR 0026), so the CPU per response is the evidence that the cache was refilled. The ratios to the bare server (req/s and CPU) are shown per phase as in the pages
// bench (its target 0.6 for pages). `--check` exits 1 when the target is missed.

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';
import { migrateDatabase } from '../src/bootstrap.js';
import { createServices } from '../src/services.js';
import { loadConfig } from '../src/shared/config/config.js';
import { openDatabase } from '../src/shared/db/database.js';
import { median, table, verdict } from './report.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';
const PAGE = '/informatie/over-deze-site';
const DOCUMENT = 'page:nl/over-deze-site';
const ADDED = 'Deze zin is toegevoegd door de meting van een publicatie (bench/publish.bench.ts).';
const CONNECTIONS = 10;
const RUNS = 3;
const WARMUP_SECONDS = 1;
const MEASURE_SECONDS = 5;
const SERVER_CORE = 0;
const LOADGEN_CORE = 1;
const MIN_AFTER_BEFORE = 0.8;
const PAGES_MIN_RATIO = 0.6;
const PASSPHRASE = 'meting van een publicatie';

const args = new Set(process.argv.slice(2));
const CHECK = args.has('--check');
const BUILD = !args.has('--no-build');

// ---------------------------------------------------------------------------------------------------------
// Processes, cleanup, pinning

const children = new Set<ChildProcess>();
let tempDir: string | undefined;

function cleanUp(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
  if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

function onPath(name: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, name)));
}

const pinned =
  onPath('taskset') &&
  availableParallelism() >= 2 &&
  spawnSync('taskset', ['-a', '-cp', String(LOADGEN_CORE), String(process.pid)]).status === 0;

const onCore = (core: number, command: string, commandArgs: string[]): [string, string[]] =>
  pinned ? ['taskset', ['-c', String(core), command, ...commandArgs]] : [command, commandArgs];

interface Server {
  name: 'app' | 'bare';
  child: ChildProcess;
  port: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.on('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() =>
        address !== null && typeof address === 'object' ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

async function startApp(env: NodeJS.ProcessEnv, logFile: string): Promise<Server> {
  const port = await freePort();
  const log = openSync(logFile, 'a');
  const [command, commandArgs] = onCore(SERVER_CORE, process.execPath, ['dist/src/server.js']);
  const child = spawn(command, commandArgs, {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', log, 'pipe'],
  });
  closeSync(log);
  children.add(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the app exited early (${child.signalCode ?? `code ${child.exitCode}`}): ${stderr.trim()}`);
    }
    try {
      if ((await send('GET', `http://${HOST}:${port}/healthz`)).status === 200) return { name: 'app', child, port };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the app did not answer /healthz within 60 s: ${stderr.trim()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function startBare(fixtureFile: string): Promise<Server> {
  const [command, commandArgs] = onCore(SERVER_CORE, process.execPath, [
    '--import',
    'tsx',
    'bench/bare-server.ts',
    fixtureFile,
  ]);
  const child = spawn(command, commandArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline >= 0)
        resolve({ name: 'bare', child, port: (JSON.parse(stdout.slice(0, newline)) as { port: number }).port });
    });
    child.on('exit', (code) => reject(new Error(`bare server exited early (code ${code})`)));
  });
}

async function stop(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null) {
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
  children.delete(child);
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// HTTP as a browser without JavaScript: a cookie jar, forms with their CSRF token

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function send(
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    request.setTimeout(30_000, () => request.destroy(new Error(`timeout fetching ${url}`)));
    request.on('error', reject);
    request.end(body);
  });
}

const unescape = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&#x27;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = match[1]?.toLowerCase();
    if (name !== undefined) attributes.set(name, unescape(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

/** A browser's session: its cookies, and what it posts. */
class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(
    private readonly base: string,
    readonly name: string,
  ) {}

  private keep(response: RawResponse): RawResponse {
    for (const cookie of response.headers['set-cookie'] ?? []) {
      const [pair] = cookie.split(';');
      const equals = pair?.indexOf('=') ?? -1;
      if (pair === undefined || equals < 0) continue;
      const value = pair.slice(equals + 1).trim();
      if (value === '' || /max-age=0/i.test(cookie)) this.cookies.delete(pair.slice(0, equals).trim());
      else this.cookies.set(pair.slice(0, equals).trim(), value);
    }
    return response;
  }

  /** The Cookie header this browser sends. */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private headers(): Record<string, string> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return { 'accept-language': 'nl', ...(cookie === '' ? {} : { cookie }) };
  }

  async get(url: string, status = 200): Promise<string> {
    const response = this.keep(await send('GET', `${this.base}${url}`, this.headers()));
    if (response.status !== status)
      throw new Error(`${this.name}: GET ${url} answered ${response.status} (expected ${status})`);
    return response.body.toString('utf8');
  }

  async post(url: string, fields: URLSearchParams, status: number): Promise<RawResponse> {
    const headers = { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' };
    const response = this.keep(await send('POST', `${this.base}${url}`, headers, fields.toString()));
    if (response.status !== status) {
      const main = /<main[\s\S]*?<\/main>/.exec(response.body.toString('utf8'))?.[0]?.replace(/<[^>]+>/g, ' ');
      throw new Error(
        `${this.name}: POST ${url} answered ${response.status} (expected ${status}): ${main?.replace(/\s+/g, ' ').slice(0, 400) ?? ''}`,
      );
    }
    return response;
  }
}

/** The fields a browser would send with the form whose action is `action` (its default button not included). */
function formFields(html: string, action: string): URLSearchParams {
  const form = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].find(
    (match) => attributesOf(match[1] ?? '').get('action') === action,
  );
  if (form === undefined) throw new Error(`no form with action ${action}`);
  const inner = form[2] ?? '';
  const fields = new URLSearchParams();
  for (const match of inner.matchAll(/<input\b([^>]*)>/g)) {
    const input = attributesOf(match[1] ?? '');
    const name = input.get('name');
    const type = (input.get('type') ?? 'text').toLowerCase();
    if (name === undefined || ['submit', 'button', 'image', 'file'].includes(type)) continue;
    if ((type === 'checkbox' || type === 'radio') && !input.has('checked')) continue;
    fields.append(name, input.get('value') ?? (type === 'checkbox' ? 'on' : ''));
  }
  for (const match of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attributesOf(match[1] ?? '').get('name');
    // A browser drops the one line break right after the opening tag.
    if (name !== undefined) fields.append(name, unescape(match[2] ?? '').replace(/^\r?\n/, ''));
  }
  for (const match of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attributesOf(match[1] ?? '').get('name');
    if (name === undefined) continue;
    const options = [...(match[2] ?? '').matchAll(/<option\b([^>]*)>([^<]*)/g)];
    const chosen = options.find((option) => attributesOf(option[1] ?? '').has('selected')) ?? options[0];
    if (chosen !== undefined)
      fields.append(name, attributesOf(chosen[1] ?? '').get('value') ?? unescape(chosen[2] ?? ''));
  }
  return fields;
}

/** An editorial account made from its set-up link, as a person does it: account form, then TOTP. */
async function accountFromLink(base: string, name: string, token: string): Promise<Browser> {
  const browser = new Browser(base, name);
  const start = `/beheer/start/${token}`;
  const form = await browser.get(start);
  const fields = formFields(form, start);
  fields.set('gebruikersnaam', name);
  fields.set('wachtwoord', PASSPHRASE);
  fields.set('herhaling', PASSPHRASE);
  await browser.post(start, fields, 200);
  const second = await browser.get('/account/tweede-stap');
  const secret = /data-totp-secret="true">([^<]+)</.exec(second)?.[1]?.replace(/\s/g, '');
  if (secret === undefined) throw new Error(`${name}: /account/tweede-stap shows no TOTP secret`);
  const confirm = formFields(second, '/account/tweede-stap');
  confirm.set('code', await generate({ secret }));
  await browser.post('/account/tweede-stap', confirm, 303);
  return browser;
}

/** The publish: the editor changes the page's text and sends it for review, the reviewer publishes it. */
async function publishThroughCms(
  base: string,
  tokens: { editor: string; reviewer: string },
): Promise<{ documentUrl: string; editor: Browser }> {
  const editor = await accountFromLink(base, 'bench.redacteur', tokens.editor);
  const reviewer = await accountFromLink(base, 'bench.controleur', tokens.reviewer);

  const list = await editor.get('/beheer/inhoud?soort=page');
  const row = new RegExp(`data-document="${DOCUMENT}"[^>]*>[\\s\\S]*?href="(/beheer/inhoud/[^"/?]+)"`).exec(list);
  const documentUrl = row?.[1];
  if (documentUrl === undefined) throw new Error(`the CMS lists no document ${DOCUMENT}`);

  const documentPage = await editor.get(documentUrl);
  await editor.post(`${documentUrl}/nieuw-concept`, formFields(documentPage, `${documentUrl}/nieuw-concept`), 303);
  const edit = await editor.get(`${documentUrl}/bewerken`);
  const fields = formFields(edit, `${documentUrl}/bewerken`);
  const body = fields.get('body');
  if (body === null || body === '') throw new Error('the edit form has no text (body)');
  fields.set('body', `${ADDED}\n\n${body}`);
  fields.set('_note', 'Een zin toegevoegd om de publicatie te meten.');
  fields.delete('_action');
  await editor.post(`${documentUrl}/bewerken`, fields, 303);
  const saved = await editor.get(documentUrl);
  await editor.post(`${documentUrl}/indienen`, formFields(saved, `${documentUrl}/indienen`), 303);

  const review = await reviewer.get(`${documentUrl}/beoordelen`);
  if (!review.includes('<ins')) throw new Error('the review page shows no added words');
  await reviewer.post(`${documentUrl}/publiceren`, formFields(review, `${documentUrl}/publiceren`), 303);
  return { documentUrl, editor };
}

// ---------------------------------------------------------------------------------------------------------
// wrk

function wrkScript(file: string, cookie?: string): string {
  writeFileSync(
    file,
    [
      "wrk.method = 'GET'",
      ...(cookie === undefined ? [] : [`wrk.headers['Cookie'] = [[${cookie}]]`]),
      'done = function(summary, latency, requests)',
      '  local e = summary.errors',
      '  io.write(string.format(\'\\n{"requests":%d,"durationMicros":%d,"status":%d,"errors":%d,"p50":%d,"p99":%d}\\n\',' +
        ' summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,' +
        ' latency:percentile(50), latency:percentile(99)))',
      'end',
      '',
    ].join('\n'),
  );
  return file;
}

interface WrkResult {
  requests: number;
  durationMicros: number;
  status: number;
  errors: number;
  p50: number;
  p99: number;
}

function runWrk(url: string, script: string, seconds: number): Promise<WrkResult> {
  const wrkArgs = ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, url];
  const [command, commandArgs] = onCore(LOADGEN_CORE, 'wrk', wrkArgs);
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const guard = setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      children.delete(child);
      const line = output.split('\n').find((text) => text.startsWith('{"requests"'));
      if (code !== 0 || line === undefined)
        reject(new Error(`wrk failed (${signal ?? `exit ${code}`}): ${output.trim()}`));
      else {
        const result = JSON.parse(line) as WrkResult;
        if (result.status > 0 || result.errors > 0) {
          reject(
            new Error(`${url}: ${result.status} responses ≥ 400 and ${result.errors} failed requests; the bench stops`),
          );
        } else resolve(result);
      }
    });
  });
}

interface Run {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  cpuPercent: number;
  cpuMicros: number;
}

async function measure(server: Server, script: string): Promise<Run> {
  const url = `http://${HOST}:${server.port}${PAGE}`;
  await runWrk(url, script, WARMUP_SECONDS);
  const cpuBefore = cpuSecondsOf(server.child.pid) ?? Number.NaN;
  const started = process.hrtime.bigint();
  const result = await runWrk(url, script, MEASURE_SECONDS);
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = (cpuSecondsOf(server.child.pid) ?? Number.NaN) - cpuBefore;
  return {
    requestsPerSecond: result.requests / (result.durationMicros / 1e6),
    p50: result.p50 / 1000,
    p99: result.p99 / 1000,
    cpuPercent: (100 * cpu) / wall,
    cpuMicros: (cpu * 1e6) / result.requests,
  };
}

interface Summary {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  cpuPercent: number;
  cpuMicros: number;
  runs: Run[];
}

const summarise = (runs: Run[]): Summary => ({
  requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
  p50: median(runs.map((run) => run.p50)),
  p99: median(runs.map((run) => run.p99)),
  cpuPercent: median(runs.map((run) => run.cpuPercent)),
  cpuMicros: median(runs.map((run) => run.cpuMicros)),
  runs,
});

/** The page's bytes and headers for the bare server (without what node:http adds by itself per response). */
function fixtureOf(response: RawResponse, file: string): string {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (
      value === undefined ||
      ['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name)
    )
      continue;
    headers[name] = value;
  }
  writeFileSync(
    file,
    JSON.stringify({
      [`GET ${PAGE}`]: {
        contentType: String(response.headers['content-type'] ?? 'text/html; charset=utf-8'),
        bodyBase64: response.body.toString('base64'),
        headers,
      },
    }),
  );
  return file;
}

/** Measures app and bare RUNS times each, alternating. */
async function phase(app: Server, bare: Server, script: string): Promise<{ app: Summary; bare: Summary }> {
  const appRuns: Run[] = [];
  const bareRuns: Run[] = [];
  for (let round = 0; round < RUNS; round += 1) {
    appRuns.push(await measure(app, script));
    bareRuns.push(await measure(bare, script));
  }
  return { app: summarise(appRuns), bare: summarise(bareRuns) };
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!onPath('wrk')) {
    console.error(
      'wrk is not installed: run `apt-get install -y wrk` as root (or `npm run bench` once, which installs it)',
    );
    process.exit(2);
  }
  tempDir = mkdtempSync(path.join(tmpdir(), 'nmk-bench-publish-'));
  const workDir = tempDir;
  console.log(
    `\nNiet mijn kind — a page after a publish through the CMS: ${RUNS} runs × ${MEASURE_SECONDS} s (+${WARMUP_SECONDS} s warm-up) ` +
      `per phase and server, ${CONNECTIONS} connections, Node ${process.version}`,
  );
  console.log(
    pinned ? `CPU pinning: servers on core ${SERVER_CORE}, wrk on core ${LOADGEN_CORE}` : 'CPU pinning: none',
  );
  console.log(
    `Load average at start: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );

  const { LOG_LEVEL: _logLevel, ...inherited } = process.env;
  const appEnv: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'production',
    HOST,
    DATA_DIR: path.join(workDir, 'data'),
    DATABASE_URL: '',
    RATE_LIMIT_MAX: '1000000',
    RATE_LIMIT_WINDOW_SECONDS: '1',
    PEPPER: randomBytes(32).toString('base64'),
    LOG_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'der' })
      .toString('base64'),
  };

  // 1. The set-up links, in the app's own database before it starts, as `npm run cli -- create-editor` makes them:
  // the database migrated, then the accounts service (the app imports content/ itself when it starts).
  const config = loadConfig(appEnv);
  const database = openDatabase(config.database);
  let tokens: { editor: string; reviewer: string };
  try {
    await migrateDatabase(database, config);
    const services = createServices(database, config, () => undefined);
    tokens = {
      editor: await services.accounts.createAdminSetupLink('redacteur@example.org', 'editor'),
      reviewer: await services.accounts.createAdminSetupLink('controleur@example.org', 'reviewer'),
    };
  } finally {
    await database.close();
  }

  if (BUILD) {
    console.log('Building the app (npm run build) …');
    if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' }).status !== 0)
      process.exit(2);
  }
  const logFile = path.join(workDir, 'app.log');
  const app = await startApp(appEnv, logFile);
  const base = `http://${HOST}:${app.port}`;
  const script = wrkScript(path.join(workDir, 'page.lua'));

  // 2. Before.
  const first = await send('GET', `${base}${PAGE}`);
  if (first.status !== 200) throw new Error(`GET ${PAGE} answered ${first.status}`);
  if (first.body.toString('utf8').includes(ADDED)) throw new Error('the page already has the sentence');
  let bare = await startBare(fixtureOf(first, path.join(workDir, 'before.json')));
  const before = await phase(app, bare, script);
  await stop(bare);

  // 3. The publish, 4. the public page shows it (the first visitor fills the cache again).
  const published = Date.now();
  const { documentUrl, editor } = await publishThroughCms(base, tokens);
  const publishMs = Date.now() - published;
  const fresh = await send('GET', `${base}${PAGE}`);
  if (fresh.status !== 200 || !fresh.body.toString('utf8').includes(ADDED)) {
    throw new Error(`after the publish GET ${PAGE} answered ${fresh.status} without the new sentence`);
  }
  const again = await send('GET', `${base}${PAGE}`);
  // Each visitor without a CSRF cookie gets a token of their own (the page has a form): the rest is the same.
  const withoutToken = (response: RawResponse): string =>
    response.body.toString('utf8').replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');
  if (withoutToken(again) !== withoutToken(fresh)) {
    throw new Error('two anonymous GETs after the publish answered different pages');
  }
  console.log(
    `Published through the CMS (${documentUrl}: editor's draft, review, the reviewer's publish; accounts and TOTP ` +
      `included: ${(publishMs / 1000).toFixed(1)} s); GET ${PAGE} shows the new sentence.`,
  );

  // 5. After.
  bare = await startBare(fixtureOf(fresh, path.join(workDir, 'after.json')));
  const after = await phase(app, bare, script);
  // A reference: the same page for a signed-in editor, which the app renders on every request (the page cache
  // stores and answers anonymous pages only). A publish that left the cache off would cost about this per response.
  const signedInPage = await editor.get(PAGE);
  if (!signedInPage.includes(ADDED)) throw new Error('the signed-in page does not show the new sentence');
  const signedInScript = wrkScript(path.join(workDir, 'signed-in.lua'), editor.cookieHeader());
  const rendered: Run[] = [];
  for (let round = 0; round < RUNS; round += 1) rendered.push(await measure(app, signedInScript));
  const renderedSummary = summarise(rendered);
  await stop(bare);
  await stop(app);
  // The app's access log (flushed when it stops) has the reviewer's publish: one 303 of the CMS's publish route.
  const publishLines = readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(
      (line) => line.includes('"route":"/beheer/inhoud/:documentId/publiceren"') && line.includes('"status":303'),
    );
  if (publishLines.length !== 1)
    throw new Error(`the access log has ${publishLines.length} publish lines (expected 1)`);

  const row = (name: string, server: string, summary: Summary): string[] => [
    name,
    server,
    summary.requestsPerSecond.toFixed(0),
    summary.p50.toFixed(2),
    summary.p99.toFixed(2),
    `${summary.cpuPercent.toFixed(0)} %`,
    summary.cpuMicros.toFixed(0),
  ];
  console.log(`\nGET ${PAGE} (medians of ${RUNS} runs)`);
  console.log(
    table(
      ['phase', 'server', 'req/s', 'p50 ms', 'p99 ms', 'server CPU', 'CPU µs/req'],
      [
        row('before publish', 'app', before.app),
        row('before publish', 'bare', before.bare),
        row('after publish', 'app', after.app),
        row('after publish', 'bare', after.bare),
        row('after, signed in (rendered)', 'app', renderedSummary),
      ],
      [0, 1],
    ),
  );
  const cpuAfterBefore = before.app.cpuMicros / after.app.cpuMicros;
  const rpsAfterBefore = after.app.requestsPerSecond / before.app.requestsPerSecond;
  const toBare = (phaseResult: { app: Summary; bare: Summary }): string =>
    `req/s ${(phaseResult.app.requestsPerSecond / phaseResult.bare.requestsPerSecond).toFixed(2)}, ` +
    `CPU ${(phaseResult.bare.cpuMicros / phaseResult.app.cpuMicros).toFixed(2)}`;
  console.log(
    `app ÷ bare before the publish: ${toBare(before)}; after: ${toBare(after)} (pages target ${PAGES_MIN_RATIO})`,
  );
  console.log(`app after ÷ before: req/s ${rpsAfterBefore.toFixed(2)} (load-sensitive, shown only)`);
  const pass = cpuAfterBefore >= MIN_AFTER_BEFORE;
  console.log(
    `app after ÷ before by CPU time (before µs ÷ after µs per response): ${cpuAfterBefore.toFixed(2)}: ${verdict(pass)} ` +
      `(≥ ${MIN_AFTER_BEFORE})`,
  );
  console.log(
    `Load average at the end: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  cleanUp();
  if (CHECK && !pass) process.exitCode = 1;
}

await main();
