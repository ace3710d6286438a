// `npm run bench` — how fast and how heavy the public pages, the signals check and the help finder are.
//
//   npm run bench                     measure and report (exit 0 unless something crashed)
//   npm run bench -- --check          also exit 1 when a target is missed
//   npm run bench -- --profile        also write a V8 CPU profile of the app server to bench/results/
//   npm run bench -- --no-build       use the dist/ already built instead of running `npm run build` first
//   BENCH_SECONDS=10 npm run bench    seconds per measured run (default 5; each run has a 1 s warm-up)
//   BENCH_ONLY='POST /check' npm run bench -- --profile
//                                     only the entries named (comma-separated labels as in the tables, and
//                                     `lookup` for the in-process lookup), e.g. for a CPU profile of one route
//
// Lookup: the help finder's `help.lookup(anonymous, text)` timed in this process on a temporary database, before
// any server starts (bench/help-lookup.bench.ts, which says what it does and how to profile it; target: median
// ≤ 1 ms).
//
// Throughput: requests/s and p50/p99 latency of `/`, `/nu`, an `/informatie/…` page, the signals check form
// (GET /check), a complete answer set posted to it (POST /check) and the help finder for a postcode
// (GET /hulp?postcode=9711: the lookup, the anonymous count row it writes, and the page), served by
//   - the app as `npm start` runs it: `npm run build`, then `node dist/src/server.js` with NODE_ENV=production,
//     a throwaway PEPPER and LOG_SIGNING_KEY, a temporary SQLite DATA_DIR, and the access log on (info level,
//     written to a file in the temporary directory, as it would be to a file or a pipe in production); and
//   - a bare node:http server that answers with the exact bytes the app sent: body and headers (bench/bare-server.ts).
// The load generator is wrk (Debian's package; installed with apt-get when missing and running as root), written in
// C and driving many connections from one thread: unlike a load generator in Node it out-runs one Node server, so
// the ratio measures the app's own cost. wrk runs pinned with taskset to core 1 and the server to core 0. Each
// (entry, server) pair is measured 3 times, app and bare alternating, and the medians are compared: the pass/fail
// target is the ratio app req/s ÷ bare req/s (≥ 0.6 for the pages, ≥ 0.5 for POST /check). All traffic stays on
// 127.0.0.1; every wrk run is bounded by its duration and a 10 s request timeout. A ratio counts only when both
// servers used at least 80 % of their core (else it is UNSURE, not met: on a busy machine it drifts towards 1).
// Other load on the machine shows in the table (the busy share of each core, the load average); run it when
// `uptime` shows a load well under 1. Any status ≥ 400 during load stops the bench (exit 2), since the figures
// would then time error pages.
//
// POST /check sends the form as a browser would (application/x-www-form-urlencoded, ~0.7 KB; wrk takes it from a
// Lua script written to the temporary directory): every question of content/check/v<version>.json answered ("nee",
// age "13-15", `school` and `somber` "ja", so that the outcome is a real `vraag-advies` page), the version, and the
// CSRF token and cookie from one earlier GET /check (the token stays valid for that secret, so all requests reuse
// it). The app does all the real work on each: CSRF check, body parsing, validation, scoring, the anonymous count
// and rendering. The bare server reads and discards the body and answers with the bytes of one real outcome page.
// Afterwards the database count is checked against the POSTs answered.
//
// GET /hulp?postcode=9711 must answer 200 with "Wie helpt er in Groningen?" before anything is measured; the app
// serves the rendered page from its page cache (keyed by the place) but still does the lookup and counts it on
// every request. Afterwards the count rows are checked against the requests answered.
//
// Weight: for each page (the GET entries), the compressed HTML plus every linked stylesheet and script as
// transferred with `accept-encoding: br`, in KB of 1024 bytes; and a check that no web font is loaded.
//
// Results are also written to bench/results/latest.json (git-ignored).

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { brotliCompressSync, brotliDecompressSync, constants as zlibConstants, gunzipSync, gzipSync } from 'node:zlib';
import { benchHelpLookups, formatLookupReport, type LookupReport } from './help-lookup.bench.js';
import { median, table, verdict } from './report.js';

// ---------------------------------------------------------------------------------------------------------
// Settings and targets

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const HOST = '127.0.0.1';
const CHECK_QUESTIONNAIRES = path.join(ROOT, 'content', 'check');
const CONNECTIONS = 10;
const RUNS = 3;
const WARMUP_SECONDS = 1;
const SERVER_CORE = 0;
const LOADGEN_CORE = 1;
/** A server below this share of its core was not the limit (other load, or wrk): its req/s ratio is unsure. */
const SATURATED_PERCENT = 80;

const TARGETS = {
  /** app ÷ bare req/s for the pages (GET)… */
  minRatio: 0.6,
  /** …and for a complete answer set posted to the signals check. */
  minRatioPost: 0.5,
  maxPageKB: 40,
  maxJsKB: 8,
} as const;

/** What is measured: each entry against the bare server. */
interface Entry {
  /** Its name in the tables. */
  label: string;
  method: 'GET' | 'POST';
  path: string;
  minRatio: number;
  /** GET pages also have their weight measured. */
  weighed: boolean;
  /** Text the app's first answer must contain, or the bench stops. */
  expect?: string;
}

/** What the app counted in its database for one entry, against the requests it answered. */
interface DatabaseCheck {
  entry: string;
  what: string;
  counted: Map<string, number>;
  answered: number;
  pass: boolean;
}

/** The name BENCH_ONLY gives the in-process lookup (bench/help-lookup.bench.ts). */
const LOOKUP_LABEL = 'lookup';
const HELP_PLACE = 'Groningen';
/** The veiligheidsregio of the municipality Groningen, where the app counts each lookup of postcode 9711. */
const HELP_REGION = 'VR01';

const ALL_ENTRIES: readonly Entry[] = [
  { label: '/', method: 'GET', path: '/', minRatio: TARGETS.minRatio, weighed: true },
  { label: '/nu', method: 'GET', path: '/nu', minRatio: TARGETS.minRatio, weighed: true },
  {
    label: '/informatie/over-deze-site',
    method: 'GET',
    path: '/informatie/over-deze-site',
    minRatio: TARGETS.minRatio,
    weighed: true,
  },
  { label: '/check', method: 'GET', path: '/check', minRatio: TARGETS.minRatio, weighed: true },
  { label: 'POST /check', method: 'POST', path: '/check', minRatio: TARGETS.minRatioPost, weighed: false },
  {
    label: '/hulp?postcode=9711',
    method: 'GET',
    path: '/hulp?postcode=9711',
    minRatio: TARGETS.minRatio,
    weighed: true,
    expect: `Wie helpt er in ${HELP_PLACE}?`,
  },
  // Issue 18: the insights page, whose figures are computed once per publication week, not per request.
  { label: '/inzichten', method: 'GET', path: '/inzichten', minRatio: TARGETS.minRatio, weighed: true },
];

const { entries: ENTRIES, lookup: RUN_LOOKUP } = selectEntries(process.env.BENCH_ONLY);

function selectEntries(value: string | undefined): { entries: readonly Entry[]; lookup: boolean } {
  if (value === undefined || value.trim() === '') return { entries: ALL_ENTRIES, lookup: true };
  const labels = value.split(',').map((label) => label.trim());
  const unknown = labels.filter(
    (label) => label !== LOOKUP_LABEL && !ALL_ENTRIES.some((entry) => entry.label === label),
  );
  if (unknown.length > 0) {
    console.error(
      `BENCH_ONLY names unknown entries: ${unknown.map((label) => JSON.stringify(label)).join(', ')} ` +
        `(known: ${LOOKUP_LABEL}, ${ALL_ENTRIES.map((entry) => entry.label).join(', ')})`,
    );
    process.exit(2);
  }
  return {
    entries: ALL_ENTRIES.filter((entry) => labels.includes(entry.label)),
    lookup: labels.includes(LOOKUP_LABEL),
  };
}

/** Headers and body of one entry's requests (POST /check needs a cookie and a form, known at run time). */
interface RequestParts {
  headers?: Record<string, string>;
  body?: string;
}

const args = new Set(process.argv.slice(2));
const CHECK = args.has('--check');
const PROFILE = args.has('--profile');
const BUILD = !args.has('--no-build');
const MEASURE_SECONDS = parseSeconds(process.env.BENCH_SECONDS);

function parseSeconds(value: string | undefined): number {
  if (value === undefined || value === '') return 5;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 120) {
    console.error(`BENCH_SECONDS must be a whole number of seconds from 1 to 120 (got ${JSON.stringify(value)})`);
    process.exit(2);
  }
  return seconds;
}

// ---------------------------------------------------------------------------------------------------------
// wrk: the load generator (C, one thread, many connections), driven by a small Lua script per entry

const IS_ROOT = process.getuid?.() === 0;

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir !== '' && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** wrk from Debian, installed with apt-get when missing (as root, like the tests install chromium). */
function ensureWrk(): void {
  if (findOnPath('wrk') !== undefined) return;
  const fail = (why: string): never => {
    console.error(`wrk is not installed (${why}): run \`apt-get install -y wrk\` as root, then the bench again`);
    process.exit(2);
  };
  if (!IS_ROOT) fail('and this is not root, so the bench cannot install it');
  if (findOnPath('apt-get') === undefined) fail('and there is no apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  console.error('Installing wrk with apt-get …');
  const run = (aptArgs: string[]): boolean =>
    spawnSync('apt-get', [...lock, ...aptArgs], { stdio: ['ignore', 2, 2], env }).status === 0;
  if (!run(['update']) || !run(['install', '-y', 'wrk']) || findOnPath('wrk') === undefined) {
    fail('apt-get could not install it');
  }
}

/** A Lua string literal in long brackets (no escapes inside), for bodies and header values. */
function luaString(value: string): string {
  let level = '';
  while (value.includes(`]${level}]`)) level += '=';
  return `[${level}[${value}]${level}]`;
}

/** The script wrk runs for one entry: the request to send, and one JSON line with the results when done. */
function wrkScript(method: Entry['method'], parts: RequestParts): string {
  const lines = [`wrk.method = ${luaString(method)}`];
  if (parts.body !== undefined) lines.push(`wrk.body = ${luaString(parts.body)}`);
  for (const [name, value] of Object.entries(parts.headers ?? {})) {
    lines.push(`wrk.headers[ ${luaString(name)} ] = ${luaString(value)}`);
  }
  // Latencies are in µs; errors.status counts responses with a status ≥ 400.
  lines.push(
    'done = function(summary, latency, requests)',
    '  local e = summary.errors',
    '  io.write(string.format(\'\\n{"requests":%d,"durationMicros":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,' +
      '"status":%d,"timeout":%d,"p50":%d,"p99":%d}\\n\', summary.requests, summary.duration, summary.bytes, e.connect, ' +
      'e.read, e.write, e.status, e.timeout, latency:percentile(50), latency:percentile(99)))',
    'end',
  );
  return `${lines.join('\n')}\n`;
}

interface WrkResult {
  requests: number;
  durationMicros: number;
  bytes: number;
  connect: number;
  read: number;
  write: number;
  /** Responses with a status ≥ 400. */
  status: number;
  timeout: number;
  p50: number;
  p99: number;
}

/** One bounded wrk run on the load generator's core; resolves with wrk's summary. */
function runWrk(url: string, script: string, seconds: number, pinning: Pinning): Promise<WrkResult> {
  const wrkArgs = ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, url];
  const [command, commandArgs] = pinning.pinned
    ? ['taskset', ['-c', String(LOADGEN_CORE), 'wrk', ...wrkArgs]]
    : ['wrk', wrkArgs];
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    // wrk stops by itself after `seconds`; this is only a guard against a hang.
    const guard = setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      children.delete(child);
      const line = output.split('\n').find((text) => text.startsWith('{"requests"'));
      if (code !== 0 || line === undefined) {
        reject(new Error(`wrk failed (${signal ?? `exit ${code}`}): ${output.trim()}`));
        return;
      }
      resolve(JSON.parse(line) as WrkResult);
    });
  });
}

/** Busy and total clock ticks per core, from /proc/stat (undefined where there is no /proc). */
function coreTicks(): Map<number, { busy: number; total: number }> | undefined {
  try {
    const ticks = new Map<number, { busy: number; total: number }>();
    for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
      const match = /^cpu(\d+)\s+(.*)$/.exec(line);
      if (match === null) continue;
      const values = (match[2] ?? '').split(/\s+/).map(Number);
      // user nice system idle iowait irq softirq steal …: idle and iowait are not busy.
      const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
      const idle = (values[3] ?? 0) + (values[4] ?? 0);
      ticks.set(Number(match[1]), { busy: total - idle, total });
    }
    return ticks;
  } catch {
    return undefined;
  }
}

/** The busy share (%) of one core between two snapshots. */
function busyPercent(
  before: ReturnType<typeof coreTicks>,
  after: ReturnType<typeof coreTicks>,
  core: number,
): number | undefined {
  const a = before?.get(core);
  const b = after?.get(core);
  if (a === undefined || b === undefined || b.total === a.total) return undefined;
  return (100 * (b.busy - a.busy)) / (b.total - a.total);
}

// ---------------------------------------------------------------------------------------------------------
// Cleanup: servers and the temporary directory go away on every way out.

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

// ---------------------------------------------------------------------------------------------------------
// CPU pinning

interface Pinning {
  pinned: boolean;
  note: string;
}

function hasTaskset(): boolean {
  return spawnSync('sh', ['-c', 'command -v taskset'], { stdio: 'ignore' }).status === 0;
}

function pinSelf(): Pinning {
  if (!hasTaskset()) return { pinned: false, note: 'taskset not found: processes not pinned' };
  if (availableParallelism() < 2) return { pinned: false, note: 'fewer than 2 CPUs: processes not pinned' };
  // -a: every thread of this process (libuv and V8 threads too), not only the main one.
  const result = spawnSync('taskset', ['-a', '-cp', String(LOADGEN_CORE), String(process.pid)], { encoding: 'utf8' });
  if (result.status !== 0) {
    return { pinned: false, note: `taskset failed (${result.stderr.trim()}): processes not pinned` };
  }
  return {
    pinned: true,
    note: `servers on core ${SERVER_CORE}, wrk (and this process) on core ${LOADGEN_CORE}`,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Server processes

interface Server {
  name: 'app' | 'bare';
  child: ChildProcess;
  port: number;
}

/** Starts the bare server (bench/bare-server.ts), which prints { "port": n } once it listens. */
function startBareServer(fixtureFile: string, pinning: Pinning): Promise<Server> {
  const nodeArgs = ['--import', 'tsx', 'bench/bare-server.ts', fixtureFile];
  const [command, commandArgs] = pinned(pinning, process.execPath, nodeArgs);
  const child = spawn(command, commandArgs, { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);

  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => fail(new Error('bare server did not start within 60 s')), 60_000);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      reject(new Error(`${error.message}${stderr.trim() === '' ? '' : `\n${stderr.trim()}`}`));
    };
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      try {
        const { port } = JSON.parse(stdout.slice(0, newline)) as { port: unknown };
        if (typeof port !== 'number') throw new Error('no port');
        resolve({ name: 'bare', child, port });
      } catch {
        fail(new Error(`bare server printed an unexpected line: ${stdout.slice(0, newline)}`));
      }
    });
    child.on('error', (error) => fail(error));
    child.on('exit', (code, signal) => fail(new Error(`bare server exited early (${signal ?? `code ${code}`})`)));
  });
}

function pinned(pinning: Pinning, command: string, commandArgs: string[]): [string, string[]] {
  return pinning.pinned ? ['taskset', ['-c', String(SERVER_CORE), command, ...commandArgs]] : [command, commandArgs];
}

/** A free port on the loopback address (the app is started with PORT set, as in production). */
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

/**
 * The app as `npm start` runs it: `node dist/src/server.js` (built first unless --no-build), its JSON log lines
 * (the access log included) written to a file, as they would be to a file or a pipe in production.
 */
async function startApp(
  env: NodeJS.ProcessEnv,
  logFile: string,
  pinning: Pinning,
  nodeFlags: string[],
): Promise<Server> {
  const port = await freePort();
  const log = openSync(logFile, 'a');
  const [command, commandArgs] = pinned(pinning, process.execPath, [...nodeFlags, 'dist/src/server.js']);
  const child = spawn(command, commandArgs, {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', log, 'pipe'],
  });
  closeSync(log);
  children.add(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the app exited early (${child.signalCode ?? `code ${child.exitCode}`}): ${stderr.trim()}`);
    }
    try {
      const health = await get(`http://${HOST}:${port}/healthz`);
      if (health.status === 200) return { name: 'app', child, port };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the app did not answer /healthz within 60 s: ${stderr.trim()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `npm run build`, the first half of `npm start`. */
function buildApp(): void {
  console.log('Building the app (npm run build) …');
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    console.error('npm run build failed: the bench measures the built app (or pass --no-build to use dist/ as it is)');
    process.exit(2);
  }
}

async function stopServer(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) {
    children.delete(child);
    return;
  }
  await new Promise<void>((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
  children.delete(child);
}

/** CPU seconds (user + system) a process has used so far, from /proc; undefined where there is no /proc. */
function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 (clock ticks of 1/100 s).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / 100 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU seconds used by this process's finished children (wrk runs), from /proc/self/stat (cutime + cstime). */
function childrenCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cutime = Number(fields[13]);
    const cstime = Number(fields[14]);
    return Number.isFinite(cutime) && Number.isFinite(cstime) ? (cutime + cstime) / 100 : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Plain HTTP fetches (node:http, so that nothing decodes or rewrites the bytes)

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return send('GET', url, headers);
}

function send(
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
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
    request.setTimeout(10_000, () => request.destroy(new Error(`timeout fetching ${url}`)));
    request.on('error', reject);
    request.end(body);
  });
}

function decoded(response: RawResponse): Buffer {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.body);
  if (encoding === 'gzip') return gunzipSync(response.body);
  return response.body;
}

// ---------------------------------------------------------------------------------------------------------
// Page weight

interface Resource {
  url: string;
  kind: 'css' | 'js';
  status: number;
  contentEncoding: string;
  transferredBytes: number;
  uncompressedBytes: number;
}

interface PageWeight {
  page: string;
  html: {
    uncompressedBytes: number;
    transferredBytes: number;
    /** How the HTML size was obtained: sent compressed by the server, or compressed here. */
    method: string;
    gzip6Bytes: number;
  };
  resources: Resource[];
  cssBytes: number;
  jsBytes: number;
  totalBytes: number;
  fonts: string[];
  external: string[];
}

/** The attributes of each tag with the given name, lower-cased names, entity-free values (our HTML has none). */
function tagsOf(html: string, tag: string): Array<Map<string, string>> {
  const tags: Array<Map<string, string>> = [];
  const tagPattern = new RegExp(`<${tag}\\b([^>]*)>`, 'gi');
  for (const match of html.matchAll(tagPattern)) {
    const attributes = new Map<string, string>();
    const attributePattern = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
    for (const attribute of (match[1] ?? '').matchAll(attributePattern)) {
      const name = attribute[1]?.toLowerCase();
      if (name !== undefined) attributes.set(name, attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
    }
    tags.push(attributes);
  }
  return tags;
}

const fontFile = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;

function fontReferencesIn(text: string, where: string): string[] {
  const found: string[] = [];
  if (/@font-face/i.test(text)) found.push(`@font-face in ${where}`);
  if (/\bnew\s+FontFace\s*\(/.test(text)) found.push(`FontFace API in ${where}`);
  for (const match of text.matchAll(/[^\s"'()]+\.(?:woff2?|ttf|otf|eot)\b/gi)) found.push(`${match[0]} in ${where}`);
  for (const match of text.matchAll(/fonts\.(?:googleapis|gstatic)\.com/gi)) found.push(`${match[0]} in ${where}`);
  return found;
}

async function measureWeight(base: string, page: string): Promise<PageWeight> {
  const pageUrl = new URL(page, base);
  const response = await get(pageUrl.href, { 'accept-encoding': 'br, gzip' });
  if (response.status !== 200) throw new Error(`GET ${page} answered ${response.status}`);
  const htmlBytes = decoded(response);
  const html = htmlBytes.toString('utf8');
  const serverEncoding = response.headers['content-encoding'];
  const htmlTransferred =
    serverEncoding === undefined
      ? brotliCompressSync(htmlBytes, {
          params: {
            [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
            [zlibConstants.BROTLI_PARAM_SIZE_HINT]: htmlBytes.length,
          },
        }).length
      : response.body.length;
  const method =
    serverEncoding === undefined
      ? 'server sends HTML uncompressed; compressed here with brotli q11'
      : `sent by the server with content-encoding ${serverEncoding}`;

  const fonts = fontReferencesIn(html, `${page} HTML`);
  const external: string[] = [];
  const wanted: Array<{ url: URL; kind: Resource['kind'] }> = [];
  const want = (href: string | undefined, kind: Resource['kind']): void => {
    if (href === undefined || href === '') return;
    const url = new URL(href, pageUrl);
    if (url.origin !== pageUrl.origin) external.push(url.href);
    else if (!wanted.some((item) => item.url.href === url.href)) wanted.push({ url, kind });
  };
  for (const link of tagsOf(html, 'link')) {
    const rel = (link.get('rel') ?? '').toLowerCase().split(/\s+/);
    const href = link.get('href');
    if (rel.includes('stylesheet')) want(href, 'css');
    if ((rel.includes('preload') || rel.includes('prefetch')) && link.get('as') === 'font') {
      fonts.push(`preloaded font ${href ?? '?'}`);
    }
    if (href !== undefined && fontFile.test(href)) fonts.push(`linked font ${href}`);
  }
  for (const script of tagsOf(html, 'script')) want(script.get('src'), 'js');

  const resources: Resource[] = [];
  for (let index = 0; index < wanted.length; index += 1) {
    const item = wanted[index];
    if (item === undefined) continue;
    const asset = await get(item.url.href, { 'accept-encoding': 'br' });
    const body = decoded(asset);
    const text = body.toString('utf8');
    const contentType = String(asset.headers['content-type'] ?? '');
    if (contentType.startsWith('font/') || fontFile.test(item.url.pathname)) fonts.push(`font file ${item.url.href}`);
    fonts.push(...fontReferencesIn(text, item.url.pathname));
    if (item.kind === 'css') {
      // Stylesheets imported by stylesheets count too.
      for (const match of text.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/gi)) want(match[1], 'css');
    }
    resources.push({
      url: item.url.pathname,
      kind: item.kind,
      status: asset.status,
      contentEncoding: String(asset.headers['content-encoding'] ?? 'identity'),
      transferredBytes: asset.body.length,
      uncompressedBytes: body.length,
    });
  }

  const sum = (kind: Resource['kind']): number =>
    resources
      .filter((resource) => resource.kind === kind)
      .reduce((total, resource) => total + resource.transferredBytes, 0);
  const cssBytes = sum('css');
  const jsBytes = sum('js');
  return {
    page,
    html: {
      uncompressedBytes: htmlBytes.length,
      transferredBytes: htmlTransferred,
      method,
      gzip6Bytes: gzipSync(htmlBytes, { level: 6 }).length,
    },
    resources,
    cssBytes,
    jsBytes,
    totalBytes: htmlTransferred + cssBytes + jsBytes,
    fonts,
    external,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The signals check: a complete answer set, posted as the form does

/** Answers that make the outcome a real advice page (two signal categories: `vraag-advies`); all else "nee". */
const CHECK_ANSWERS: Readonly<Record<string, string>> = { leeftijd: '13-15', school: 'ja', somber: 'ja' };
const CHECK_LEVEL = 'vraag-advies';

interface CheckPost {
  parts: RequestParts;
  /** The app's answer to the first POST: the bytes the bare server sends. */
  response: RawResponse;
  questions: number;
}

/** The value of each cookie set by a response, as `name=value` pairs for a Cookie header. */
function cookiesFrom(headers: IncomingHttpHeaders): string[] {
  return (headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]?.trim() ?? '').filter(Boolean);
}

/**
 * Gets the form once for its CSRF cookie and token, builds a complete answer set from the questionnaire file,
 * and posts it once: the app must answer 200 with the expected advice level before anything is measured.
 */
async function prepareCheckPost(base: string): Promise<CheckPost> {
  const form = await get(`${base}/check`);
  if (form.status !== 200) throw new Error(`the app answered ${form.status} to GET /check`);
  const cookies = cookiesFrom(form.headers);
  if (!cookies.some((cookie) => /csrf=/.test(cookie))) throw new Error('GET /check set no CSRF cookie');
  const inputs = tagsOf(form.body.toString('utf8'), 'input');
  const hidden = (name: string): string | undefined => inputs.find((input) => input.get('name') === name)?.get('value');
  const token = hidden('_csrf');
  if (token === undefined || token === '') throw new Error('GET /check has no _csrf field');

  // The questionnaire of the version the form asks (content/check/v<version>.json).
  const version = hidden('versie') ?? '';
  if (!/^\d+$/.test(version)) throw new Error(`GET /check asks no questionnaire version (versie=${version})`);
  const questionnaireFile = path.join(CHECK_QUESTIONNAIRES, `v${version}.json`);
  const questionnaire = JSON.parse(readFileSync(questionnaireFile, 'utf8')) as {
    version: number;
    groups: Array<{ questions: Array<{ id: string }> }>;
  };
  if (String(questionnaire.version) !== version) {
    throw new Error(`${path.relative(ROOT, questionnaireFile)} says it is version ${questionnaire.version}`);
  }
  const ids = questionnaire.groups.flatMap((group) => group.questions.map((question) => question.id));
  for (const id of Object.keys(CHECK_ANSWERS)) {
    if (!ids.includes(id)) throw new Error(`${path.relative(ROOT, questionnaireFile)} has no question ${id}`);
  }
  const fields = new URLSearchParams({ _csrf: token, versie: version });
  for (const id of ids) fields.append(id, CHECK_ANSWERS[id] ?? 'nee');
  const body = fields.toString();
  const contentType = { 'content-type': 'application/x-www-form-urlencoded' };
  const parts: RequestParts = { headers: { ...contentType, cookie: cookies.join('; ') }, body };

  // The token must matter: without the cookie the same form is refused.
  const forged = await send('POST', `${base}/check`, contentType, body);
  if (forged.status < 400) throw new Error(`POST /check without the CSRF cookie answered ${forged.status}`);

  const response = await send('POST', `${base}/check`, parts.headers ?? {}, body);
  const html = response.body.toString('utf8');
  if (response.status !== 200 || !html.includes(`data-advice-level="${CHECK_LEVEL}"`)) {
    const level = /data-advice-level="([^"]*)"/.exec(html)?.[1];
    throw new Error(
      `POST /check answered ${response.status}` +
        (level === undefined ? ' without an advice level' : ` with advice level ${level}`) +
        `; expected 200 with ${CHECK_LEVEL}`,
    );
  }
  return { parts, response, questions: ids.length };
}

/** How many help lookups the app counted in its database, per veiligheidsregio. */
function countedHelpLookups(databaseFile: string): Map<string, number> {
  const database = new SqliteDatabase(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const rows = database
      .prepare('SELECT safety_region_code AS region, SUM(count) AS total FROM help_lookups GROUP BY safety_region_code')
      .all() as Array<{ region: string; total: number }>;
    return new Map(rows.map((row) => [row.region, Number(row.total)]));
  } finally {
    database.close();
  }
}

/** How many completed checks the app counted in its database, per advice level. */
function countedChecks(databaseFile: string): Map<string, number> {
  const database = new SqliteDatabase(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const rows = database
      .prepare('SELECT level, SUM(count) AS total FROM check_outcomes GROUP BY level')
      .all() as Array<{ level: string; total: number }>;
    return new Map(rows.map((row) => [row.level, Number(row.total)]));
  } finally {
    database.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Load

interface RunResult {
  round: number;
  requestsPerSecond: number;
  /** Latency percentiles in ms, as wrk measured them. */
  p50: number;
  p99: number;
  requests: number;
  /** Responses with a status ≥ 400, and socket errors and timeouts. */
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Share of one core the server used; well below 100 % means it waited (e.g. on another busy process). */
  serverCpuPercent: number | undefined;
  /** Server CPU time per response, in µs: unlike req/s, hardly affected by other load on the machine. */
  serverCpuMicrosPerRequest: number | undefined;
  /** How busy the server's core and wrk's core were, whoever used them (other processes too). */
  serverCoreBusyPercent: number | undefined;
  loadGeneratorCoreBusyPercent: number | undefined;
  /** Share of one core wrk itself used (its CPU time, from this process's waited-for children). */
  wrkCpuPercent: number | undefined;
  /** Responses of the warm-up and the measured run together (all 2xx, or the bench stops). */
  responses2xx: number;
}

/** Every response of a load run must be 2xx: otherwise the figures would time error pages. */
function assertAll2xx(result: WrkResult, what: string): void {
  const errors = result.connect + result.read + result.write + result.timeout;
  if (result.status === 0 && errors === 0) return;
  throw new Error(
    `${what}: ${result.status} of ${result.requests} responses had a status ≥ 400 and ${errors} requests failed ` +
      `(connect ${result.connect}, read ${result.read}, write ${result.write}, timeout ${result.timeout}); ` +
      'the figures would measure error pages, so the bench stops here',
  );
}

async function measure(
  server: Server,
  entry: Entry,
  script: string,
  round: number,
  pinning: Pinning,
): Promise<RunResult> {
  const url = `http://${HOST}:${server.port}${entry.path}`;
  const what = `round ${round}, ${server.name} ${entry.label}`;
  const warmup = await runWrk(url, script, WARMUP_SECONDS, pinning);
  assertAll2xx(warmup, `${what} (warm-up)`);

  const serverCpuBefore = cpuSecondsOf(server.child.pid);
  const wrkCpuBefore = childrenCpuSeconds();
  const coresBefore = coreTicks();
  const started = process.hrtime.bigint();
  const result = await runWrk(url, script, MEASURE_SECONDS, pinning);
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const coresAfter = coreTicks();
  const wrkCpuAfter = childrenCpuSeconds();
  const serverCpuAfter = cpuSecondsOf(server.child.pid);
  const serverCpuSeconds =
    serverCpuBefore === undefined || serverCpuAfter === undefined ? undefined : serverCpuAfter - serverCpuBefore;
  assertAll2xx(result, what);

  const responses = result.requests;
  return {
    round,
    requestsPerSecond: responses / (result.durationMicros / 1e6),
    p50: result.p50 / 1000,
    p99: result.p99 / 1000,
    requests: responses,
    non2xx: result.status,
    errors: result.connect + result.read + result.write,
    timeouts: result.timeout,
    serverCpuPercent: serverCpuSeconds === undefined ? undefined : (100 * serverCpuSeconds) / wallSeconds,
    serverCpuMicrosPerRequest:
      serverCpuSeconds === undefined || responses === 0 ? undefined : (serverCpuSeconds * 1e6) / responses,
    serverCoreBusyPercent: pinning.pinned ? busyPercent(coresBefore, coresAfter, SERVER_CORE) : undefined,
    loadGeneratorCoreBusyPercent: pinning.pinned ? busyPercent(coresBefore, coresAfter, LOADGEN_CORE) : undefined,
    wrkCpuPercent:
      wrkCpuBefore === undefined || wrkCpuAfter === undefined
        ? undefined
        : (100 * (wrkCpuAfter - wrkCpuBefore)) / wallSeconds,
    responses2xx: warmup.requests + result.requests,
  };
}

function medianOfDefined(values: Array<number | undefined>): number | undefined {
  const defined = values.filter((value): value is number => value !== undefined);
  return defined.length === values.length && defined.length > 0 ? median(defined) : undefined;
}

interface Summary {
  page: string;
  server: Server['name'];
  requestsPerSecond: number;
  p50: number;
  p99: number;
  serverCpuPercent: number | undefined;
  serverCpuMicrosPerRequest: number | undefined;
  serverCoreBusyPercent: number | undefined;
  loadGeneratorCoreBusyPercent: number | undefined;
  wrkCpuPercent: number | undefined;
  runs: RunResult[];
}

function summarise(page: string, server: Server['name'], runs: RunResult[]): Summary {
  return {
    page,
    server,
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    serverCpuPercent: medianOfDefined(runs.map((run) => run.serverCpuPercent)),
    serverCpuMicrosPerRequest: medianOfDefined(runs.map((run) => run.serverCpuMicrosPerRequest)),
    serverCoreBusyPercent: medianOfDefined(runs.map((run) => run.serverCoreBusyPercent)),
    loadGeneratorCoreBusyPercent: medianOfDefined(runs.map((run) => run.loadGeneratorCoreBusyPercent)),
    wrkCpuPercent: medianOfDefined(runs.map((run) => run.wrkCpuPercent)),
    runs,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Output

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const startedAt = Date.now();
  if (ENTRIES.length > 0) ensureWrk();
  const pinning = pinSelf();
  tempDir = mkdtempSync(path.join(tmpdir(), 'nmk-bench-'));

  console.log(
    `Niet mijn kind — page benchmark: ${RUNS} runs × ${MEASURE_SECONDS} s (+${WARMUP_SECONDS} s warm-up) per entry and ` +
      `server, ${CONNECTIONS} connections, Node ${process.version}`,
  );
  console.log(`CPU pinning: ${pinning.note}`);
  const loadAtStart = loadavg();
  console.log(`Load average at start: ${loadAtStart.map((value) => value.toFixed(2)).join(' ')} (1, 5, 15 min)`);

  // The in-process lookup first, while no server runs.
  let lookup: LookupReport | undefined;
  if (RUN_LOOKUP) {
    const directory = path.join(tempDir, 'lookup');
    mkdirSync(directory);
    lookup = await benchHelpLookups(directory, (line) => console.log(line));
    console.log(`\n${formatLookupReport(lookup)}`);
    if (ENTRIES.length > 0) console.log('');
  }

  const http = ENTRIES.length > 0 ? await benchHttp(tempDir, pinning) : undefined;

  const allPass = (lookup?.pass ?? true) && (http?.allPass ?? true);
  const elapsed = (Date.now() - startedAt) / 1000;
  console.log(`\nOverall: ${allPass ? 'all targets met' : 'some targets missed'} (${elapsed.toFixed(0)} s)`);
  console.log(
    `Load average at the end: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  if (!CHECK && !allPass) console.log('Load figures vary ±30 % between runs; pass --check to enforce the targets.');

  mkdirSync(RESULTS_DIR, { recursive: true });
  const resultsFile = path.join(RESULTS_DIR, 'latest.json');
  writeFileSync(
    resultsFile,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        settings: {
          connections: CONNECTIONS,
          runs: RUNS,
          measureSeconds: MEASURE_SECONDS,
          warmupSeconds: WARMUP_SECONDS,
          only:
            ENTRIES === ALL_ENTRIES && RUN_LOOKUP
              ? undefined
              : [...(RUN_LOOKUP ? [LOOKUP_LABEL] : []), ...ENTRIES.map((entry) => entry.label)],
        },
        pinning,
        loadAverage: { start: loadAtStart, end: loadavg() },
        lookup,
        ...http?.results,
        allPass,
        elapsedSeconds: elapsed,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Results written to ${path.relative(ROOT, resultsFile)}`);
  if (PROFILE && http !== undefined) {
    console.log(`CPU profile of the app server written to ${path.relative(ROOT, RESULTS_DIR)}/*.cpuprofile`);
  }

  cleanUp();
  if (CHECK && !allPass) process.exitCode = 1;
}

/** Throughput and weight of the entries, app against bare; prints its tables. */
async function benchHttp(
  workDir: string,
  pinning: Pinning,
): Promise<{ allPass: boolean; results: Record<string, unknown> }> {
  // The production configuration: NODE_ENV=production requires a PEPPER and a LOG_SIGNING_KEY (throwaway ones:
  // the database is temporary too) and turns on Secure cookies; the log level stays at its default (info), so
  // every response writes its access line.
  const { LOG_LEVEL: _logLevel, ...inherited } = process.env;
  const appEnv: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'production',
    HOST,
    DATA_DIR: path.join(workDir, 'data'),
    DATABASE_URL: '',
    // The highest value the configuration accepts, per 1 s window: the limiter runs on every request as in
    // production, but never answers 429 during the benchmark.
    RATE_LIMIT_MAX: '1000000',
    RATE_LIMIT_WINDOW_SECONDS: '1',
    PEPPER: randomBytes(32).toString('base64'),
    LOG_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'der' })
      .toString('base64'),
  };
  const profileFlags = PROFILE ? ['--cpu-prof', '--cpu-prof-dir', RESULTS_DIR] : [];
  if (PROFILE) mkdirSync(RESULTS_DIR, { recursive: true });
  if (BUILD) buildApp();
  const logFile = path.join(workDir, 'app.log');
  const app = await startApp(appEnv, logFile, pinning, profileFlags);
  const appBase = `http://${HOST}:${app.port}`;

  // The bytes the app sends for each entry, handed to the bare server.
  const fixtures: Record<
    string,
    { contentType: string; bodyBase64: string; headers: Record<string, string | string[]> }
  > = {};
  const appBodies = new Map<string, Buffer>();
  const requestParts = new Map<string, RequestParts>();
  const keep = (entry: Entry, response: RawResponse, parts: RequestParts): void => {
    appBodies.set(entry.label, response.body);
    requestParts.set(entry.label, parts);
    // The same bytes means the same headers too (security headers, cookies, Vary): only what node:http adds
    // by itself per response is left out.
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (
        value === undefined ||
        ['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name)
      ) {
        continue;
      }
      headers[name] = value;
    }
    fixtures[`${entry.method} ${entry.path}`] = {
      contentType: String(response.headers['content-type'] ?? 'text/html; charset=utf-8'),
      bodyBase64: response.body.toString('base64'),
      headers,
    };
  };
  let checkPost: CheckPost | undefined;
  for (const entry of ENTRIES) {
    if (entry.method === 'POST') {
      if (entry.path !== '/check') throw new Error(`no request body known for POST ${entry.path}`);
      checkPost = await prepareCheckPost(appBase);
      keep(entry, checkPost.response, checkPost.parts);
      continue;
    }
    const response = await get(`${appBase}${entry.path}`);
    if (response.status !== 200) throw new Error(`the app answered ${response.status} to GET ${entry.path}`);
    if (entry.expect !== undefined && !response.body.toString('utf8').includes(entry.expect)) {
      throw new Error(`the app's answer to GET ${entry.path} does not contain ${JSON.stringify(entry.expect)}`);
    }
    keep(entry, response, {});
  }
  const fixtureFile = path.join(workDir, 'fixtures.json');
  writeFileSync(fixtureFile, JSON.stringify(fixtures));
  const bare = await startBareServer(fixtureFile, pinning);
  const scripts = new Map<string, string>();
  for (const [index, entry] of ENTRIES.entries()) {
    const script = path.join(workDir, `wrk-${index}.lua`);
    writeFileSync(script, wrkScript(entry.method, requestParts.get(entry.label) ?? {}));
    scripts.set(entry.label, script);
  }
  for (const entry of ENTRIES) {
    const parts = requestParts.get(entry.label) ?? {};
    const response = await send(
      entry.method,
      `http://${HOST}:${bare.port}${entry.path}`,
      parts.headers ?? {},
      parts.body,
    );
    if (response.status !== 200 || !response.body.equals(appBodies.get(entry.label) ?? Buffer.alloc(0))) {
      throw new Error(`the bare server does not send the app's bytes for ${entry.label}`);
    }
  }
  for (const entry of ENTRIES) {
    if (entry.expect === undefined) continue;
    console.log(
      `${entry.label}: the first answered 200 with "${entry.expect}" ` +
        `(${kb(appBodies.get(entry.label)?.length ?? 0)} KB of HTML)`,
    );
  }
  if (checkPost !== undefined) {
    console.log(
      `POST /check: ${checkPost.questions} answers, ${checkPost.parts.body?.length ?? 0} bytes form-encoded, one CSRF ` +
        `token and cookie for all requests; the first answered 200 with ${CHECK_LEVEL} ` +
        `(${kb(checkPost.response.body.length)} KB of HTML)`,
    );
  }

  const weights: PageWeight[] = [];
  for (const entry of ENTRIES) if (entry.weighed) weights.push(await measureWeight(appBase, entry.path));

  // Load: per round, per entry, app and bare alternate (and swap who goes first each round).
  const runs = new Map<string, RunResult[]>();
  const key = (label: string, server: Server['name']): string => `${server} ${label}`;
  for (let round = 1; round <= RUNS; round += 1) {
    for (const entry of ENTRIES) {
      const order = round % 2 === 1 ? [app, bare] : [bare, app];
      for (const server of order) {
        const result = await measure(server, entry, scripts.get(entry.label) ?? '', round, pinning);
        const list = runs.get(key(entry.label, server.name)) ?? [];
        list.push(result);
        runs.set(key(entry.label, server.name), list);
        process.stdout.write(
          `  round ${round}  ${server.name.padEnd(4)}  ${entry.label.padEnd(28)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s` +
            `  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms` +
            (result.non2xx + result.errors > 0 ? `  (${result.non2xx} non-2xx, ${result.errors} errors)` : '') +
            '\n',
        );
      }
    }
  }

  await stopServer(bare);
  await stopServer(app);

  // Every request the app answered 2xx was counted in its database (one upsert each), and nothing else was: each
  // POST /check as a completed check at CHECK_LEVEL, each GET /hulp?postcode=9711 as a lookup in its veiligheidsregio.
  const databaseFile = path.join(workDir, 'data', 'niet-mijn-kind.sqlite');
  // Requests still in flight when a run (warm-up or measured) ends are counted by the app but never answered.
  const inFlight = 2 * RUNS * CONNECTIONS;
  const answeredByApp = (entry: Entry): number =>
    (runs.get(key(entry.label, 'app')) ?? []).reduce((sum, run) => sum + run.responses2xx, 0);
  const databaseChecks: DatabaseCheck[] = [];
  const countCheck = (entry: Entry, what: string, counted: Map<string, number>, expected: string, extra: number) => {
    const answered = extra + answeredByApp(entry);
    const total = [...counted.values()].reduce((sum, count) => sum + count, 0);
    const expectedCount = counted.get(expected) ?? 0;
    databaseChecks.push({
      entry: entry.label,
      what,
      counted,
      answered,
      pass: total === expectedCount && expectedCount >= answered && expectedCount <= answered + inFlight,
    });
  };
  const postEntry = ENTRIES.find((entry) => entry.method === 'POST' && entry.path === '/check');
  // +1: the POST that made the fixture.
  if (postEntry !== undefined) {
    countCheck(postEntry, 'completed checks', countedChecks(databaseFile), CHECK_LEVEL, 1);
  }
  const helpEntry = ENTRIES.find((entry) => entry.path.startsWith('/hulp?'));
  if (helpEntry !== undefined) {
    // +1 for the GET that made the fixture, +1 for the page weight's.
    const region = countedHelpLookups(databaseFile);
    countCheck(
      helpEntry,
      `help lookups (${HELP_PLACE} lies in ${HELP_REGION})`,
      region,
      HELP_REGION,
      helpEntry.weighed ? 2 : 1,
    );
  }

  // Summaries
  const summaries: Summary[] = [];
  for (const entry of ENTRIES) {
    for (const server of ['app', 'bare'] as const)
      summaries.push(summarise(entry.label, server, runs.get(key(entry.label, server)) ?? []));
  }
  const ratios = ENTRIES.map((entry) => {
    const appSummary = summaries.find((summary) => summary.page === entry.label && summary.server === 'app');
    const bareSummary = summaries.find((summary) => summary.page === entry.label && summary.server === 'bare');
    const ratio = (appSummary?.requestsPerSecond ?? 0) / (bareSummary?.requestsPerSecond ?? Number.POSITIVE_INFINITY);
    const appCpu = appSummary?.serverCpuMicrosPerRequest;
    const bareCpu = bareSummary?.serverCpuMicrosPerRequest;
    // The same comparison by CPU time per response: what the ratio would be with both servers saturating a core.
    const cpuRatio = appCpu === undefined || bareCpu === undefined ? undefined : bareCpu / appCpu;
    // A req/s ratio means something only when both servers had their core: otherwise both got what the scheduler
    // left them and the ratio drifts towards 1. Such a run neither passes nor fails; it is unsure (not met).
    const saturated = [appSummary, bareSummary].every(
      (summary) => summary?.serverCpuPercent === undefined || summary.serverCpuPercent >= SATURATED_PERCENT,
    );
    return {
      page: entry.label,
      ratio,
      cpuRatio,
      target: entry.minRatio,
      saturated,
      pass: saturated && ratio >= entry.minRatio,
    };
  });
  const failedRequests = [...runs.values()].flat().reduce((total, run) => total + run.non2xx + run.errors, 0);
  const unsaturated = summaries.filter(
    (summary) => summary.serverCpuPercent !== undefined && summary.serverCpuPercent < 80,
  );

  const percent = (value: number | undefined): string => (value === undefined ? '?' : `${value.toFixed(0)} %`);
  console.log(`\nThroughput (median of ${RUNS} runs)`);
  console.log(
    table(
      ['page', 'server', 'req/s', 'p50 ms', 'p99 ms', 'server CPU', 'CPU µs/req', 'wrk CPU', 'server core', 'wrk core'],
      summaries.map((summary) => [
        summary.page,
        summary.server,
        summary.requestsPerSecond.toFixed(0),
        summary.p50.toFixed(2),
        summary.p99.toFixed(2),
        summary.serverCpuPercent === undefined ? '?' : `${summary.serverCpuPercent.toFixed(0)} %`,
        summary.serverCpuMicrosPerRequest === undefined ? '?' : summary.serverCpuMicrosPerRequest.toFixed(0),
        percent(summary.wrkCpuPercent),
        percent(summary.serverCoreBusyPercent),
        percent(summary.loadGeneratorCoreBusyPercent),
      ]),
      [0, 1],
    ),
  );
  console.log('\nRatio app / bare');
  console.log(
    table(
      ['page', 'req/s ratio', 'target', '', 'CPU-time ratio'],
      ratios.map((entry) => [
        entry.page,
        entry.ratio.toFixed(2),
        `≥ ${entry.target}`,
        entry.saturated ? verdict(entry.pass) : 'UNSURE',
        entry.cpuRatio === undefined ? '?' : entry.cpuRatio.toFixed(2),
      ]),
    ),
  );
  console.log(
    '  req/s ratio: median app req/s ÷ median bare req/s (the target). CPU-time ratio: bare ÷ app server CPU µs per\n' +
      '  response, which other load on the machine hardly changes.',
  );
  console.log(
    `  UNSURE: app or bare used under ${SATURATED_PERCENT} % of its core, so neither was the limit; counts as not met.\n` +
      '  server CPU / wrk CPU: share of one core the server process / wrk used; server core / wrk core: how busy each\n' +
      '  pinned core was, whoever used it. wrk out-runs the server when the server is near 100 % and wrk is not.',
  );
  // A server below ~80 % of a core was waiting: on wrk (wrk itself near a full core), or on other processes.
  const loadgenBound = unsaturated.filter((summary) => (summary.wrkCpuPercent ?? 0) >= 90);
  const crowded = unsaturated.filter((summary) => (summary.wrkCpuPercent ?? 0) < 90);
  const describe = (list: Summary[]): string =>
    list
      .map(
        (summary) =>
          `${summary.server} ${summary.page} (server ${percent(summary.serverCpuPercent)}, ` +
          `wrk ${percent(summary.wrkCpuPercent)}, server core ${percent(summary.serverCoreBusyPercent)})`,
      )
      .join(', ');
  if (loadgenBound.length > 0) {
    console.log(
      `\nNOTE: wrk used nearly a full core in ${describe(loadgenBound)}: those req/s are a lower bound, ` +
        'so the req/s ratio flatters the app; the CPU-time ratio does not.',
    );
  }
  if (crowded.length > 0) {
    console.log(
      `\nNOTE: the server used well under one core in ${describe(crowded)}, and wrk was not the limit: other ` +
        `processes were running (load average ${loadavg()
          .map((value) => value.toFixed(2))
          .join(' ')}). The req/s and their ratio are then unreliable (both servers get what the scheduler leaves ` +
        'them); the CPU-time ratio is the better estimate. Rerun when `uptime` shows a load well under 1.',
    );
  }
  if (failedRequests > 0) console.log(`\nWARNING: ${failedRequests} requests failed or were not 2xx during load.`);
  for (const check of databaseChecks) {
    const counted = [...check.counted].map(([name, count]) => `${count} ${name}`).join(', ') || 'none';
    console.log(
      `\nDatabase, ${check.entry}: ${verdict(check.pass)}: the app counted ${counted} ${check.what}; it answered ` +
        `${check.answered} with 2xx (warm-ups and set-up requests included; up to ${CONNECTIONS} more per run may be ` +
        'counted but cut off when the run ends).',
    );
  }

  const weightRows = weights.map((weight) => {
    const pagePass = weight.totalBytes <= TARGETS.maxPageKB * 1024;
    const jsPass = weight.jsBytes <= TARGETS.maxJsKB * 1024;
    const fontsPass = weight.fonts.length === 0;
    return {
      weight,
      pagePass,
      jsPass,
      fontsPass,
      row: [
        weight.page,
        kb(weight.html.transferredBytes),
        kb(weight.cssBytes),
        kb(weight.jsBytes),
        kb(weight.totalBytes),
        `${verdict(pagePass)} (≤ ${TARGETS.maxPageKB})`,
        `${verdict(jsPass)} (≤ ${TARGETS.maxJsKB})`,
        fontsPass ? 'PASS (none)' : `FAIL (${weight.fonts.length})`,
      ],
    };
  });
  // Nothing to show when BENCH_ONLY left only POST entries.
  if (weights.length > 0) {
    console.log('\nPage weight (compressed, KB = 1024 bytes)');
    console.log(
      table(
        ['page', 'HTML', 'CSS', 'JS', 'total', 'page target', 'JS target', 'web fonts'],
        weightRows.map((entry) => entry.row),
      ),
    );
  }
  for (const weight of weights) {
    console.log(
      `  ${weight.page}: HTML ${kb(weight.html.uncompressedBytes)} KB uncompressed (gzip -6 ${kb(weight.html.gzip6Bytes)} KB) — ` +
        `${weight.html.method}`,
    );
    for (const resource of weight.resources) {
      console.log(
        `    ${resource.kind.padEnd(3)} ${resource.url}: ${kb(resource.transferredBytes)} KB ${resource.contentEncoding}` +
          ` (${kb(resource.uncompressedBytes)} KB uncompressed)${resource.status === 200 ? '' : ` — status ${resource.status}`}`,
      );
    }
    for (const font of weight.fonts) console.log(`    web font: ${font}`);
    for (const url of weight.external) console.log(`    external resource (not counted): ${url}`);
  }

  const allPass =
    ratios.every((entry) => entry.pass) &&
    weightRows.every((entry) => entry.pagePass && entry.jsPass && entry.fontsPass) &&
    failedRequests === 0 &&
    databaseChecks.every((check) => check.pass);
  return {
    allPass,
    results: {
      entries: ENTRIES,
      targets: TARGETS,
      throughput: summaries,
      ratios,
      failedRequests,
      checkPost:
        checkPost === undefined
          ? undefined
          : { questions: checkPost.questions, formBytes: checkPost.parts.body?.length, level: CHECK_LEVEL },
      database: databaseChecks.map((check) => ({ ...check, counted: Object.fromEntries(check.counted) })),
      weights,
    },
  };
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  cleanUp();
  process.exit(2);
});
