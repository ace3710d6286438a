// `npm run bench` — how fast and how heavy the public pages, the signals check and the help finder are.
//
//   npm run bench                     measure and report (exit 0 unless something crashed)
//   npm run bench -- --check          also exit 1 when a target is missed
//   npm run bench -- --profile        also write a V8 CPU profile of the app server to bench/results/
//   BENCH_SECONDS=10 npm run bench    seconds per measured run (default 5; each run has a 1 s warm-up)
//   BENCH_ONLY='POST /check' npm run bench -- --profile
//                                     only the entries named (comma-separated labels as in the tables, and
//                                     `lookup` for the in-process lookup), e.g. for a CPU profile of one route
//
// Lookup: the help finder's `help.lookup(anonymous, text)` timed in this process (on the load generator's core)
// on a temporary database, before any server starts (bench/help-lookup.bench.ts, which says what it does and how
// to profile it; target: median ≤ 1 ms).
//
// Throughput: requests/s and p50/p99 latency of `/`, an `/informatie/…` page, the signals check form
// (GET /check), a complete answer set posted to it (POST /check) and the help finder for a postcode
// (GET /hulp?postcode=9711: the lookup, the anonymous count row it writes, and the page), served by the real app
// (bench/app-server.ts, built like src/server.ts on a temporary SQLite database) and by a bare node:http
// server that sends the same bytes (bench/bare-server.ts). Each server runs in its own process, pinned with
// taskset to core 0; this process (the autocannon load generator) is pinned to core 1. Each (entry, server)
// pair is measured 3 times, app and bare alternating, and the medians are compared. All traffic stays on
// 127.0.0.1. Load figures vary ±30 % from run to run, so targets on them are reported, not enforced, unless
// --check is given. Every measured response must be 2xx: any other status stops the bench (exit 2), since
// the figures would then time error pages.
//
// POST /check sends the form as a browser would (application/x-www-form-urlencoded, ~0.5 KB): every question
// of content/check/v1.json answered ("nee", age "13-15", `school` and `somber` "ja", so that the outcome is a
// real `vraag-advies` page), the version, and the CSRF token and cookie from one earlier GET /check (the token
// stays valid for that secret, so all requests reuse it). The app does all the real work on each: CSRF check,
// body parsing, validation, scoring, the anonymous count in the database (one upsert) and rendering. The bare
// server reads and discards the body and answers with the bytes of one real outcome page. Afterwards the
// database count is checked against the POSTs answered.
//
// GET /hulp?postcode=9711 must answer 200 with "Wie helpt er in Groningen?" before anything is measured; the app
// serves the rendered page from its page cache (keyed by the URL) but still does the lookup and writes the count
// row on every request. Afterwards the count rows are checked against the requests answered.
//
// Weight: for each page (the GET entries), the compressed HTML plus every linked stylesheet and script as
// transferred with `accept-encoding: br`, in KB of 1024 bytes; and a check that no web font is loaded.
//
// Results are also written to bench/results/latest.json (git-ignored).

import { generateKeyPairSync } from 'node:crypto';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { brotliCompressSync, brotliDecompressSync, constants as zlibConstants, gunzipSync, gzipSync } from 'node:zlib';
import { benchHelpLookups, formatLookupReport, type LookupReport } from './help-lookup.bench.js';
import { median, percentile, table, verdict } from './report.js';

// ---------------------------------------------------------------------------------------------------------
// Settings and targets

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const HOST = '127.0.0.1';
const CHECK_QUESTIONNAIRE = path.join(ROOT, 'content', 'check', 'v1.json');
const CONNECTIONS = 10;
const RUNS = 3;
const WARMUP_SECONDS = 1;
const SERVER_CORE = 0;
const LOADGEN_CORE = 1;

const TARGETS = {
  /** app ÷ bare req/s for the content pages… */
  minRatio: 0.6,
  /** …and for the signals check, GET and POST… */
  minRatioCheck: 0.5,
  /** …and for the help finder's result page. */
  minRatioHelp: 0.5,
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
  {
    label: '/informatie/over-deze-site',
    method: 'GET',
    path: '/informatie/over-deze-site',
    minRatio: TARGETS.minRatio,
    weighed: true,
  },
  { label: '/check', method: 'GET', path: '/check', minRatio: TARGETS.minRatioCheck, weighed: true },
  { label: 'POST /check', method: 'POST', path: '/check', minRatio: TARGETS.minRatioCheck, weighed: false },
  {
    label: '/hulp?postcode=9711',
    method: 'GET',
    path: '/hulp?postcode=9711',
    minRatio: TARGETS.minRatioHelp,
    weighed: true,
    expect: `Wie helpt er in ${HELP_PLACE}?`,
  },
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
// autocannon 8 ships no types: the part of its API used here.

interface Histogram {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  total: number;
  p50: number;
  p90: number;
  p99: number;
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  latency: Histogram;
  requests: Histogram;
  throughput: Histogram;
}

interface AutocannonOptions {
  url: string;
  connections: number;
  pipelining: number;
  duration: number;
  title?: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

interface AutocannonInstance {
  /** Every completed response: the client, its status code, its size and its latency in (fractional) ms. */
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): unknown;
}

type Autocannon = (
  options: AutocannonOptions,
  callback: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface LoadResult {
  result: AutocannonResult;
  /** Latencies of the 2xx responses in ms, sorted; autocannon's own histogram rounds down to whole ms. */
  latencies: Float64Array;
  /** How many responses came with each status other than 2xx. */
  otherStatuses: Map<number, number>;
}

function runLoad(options: AutocannonOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    let latencies = new Float64Array(1 << 16);
    let count = 0;
    const otherStatuses = new Map<number, number>();
    const instance = autocannon(options, (error, result) => {
      if (error) reject(error);
      else resolve({ result, latencies: latencies.subarray(0, count).sort(), otherStatuses });
    });
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status < 200 || status > 299) {
        otherStatuses.set(status, (otherStatuses.get(status) ?? 0) + 1);
        return;
      }
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count] = ms;
      count += 1;
    });
  });
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
  return { pinned: true, note: `servers on core ${SERVER_CORE}, load generator on core ${LOADGEN_CORE}` };
}

// ---------------------------------------------------------------------------------------------------------
// Server processes

interface Server {
  name: 'app' | 'bare';
  child: ChildProcess;
  port: number;
}

function startServer(
  name: Server['name'],
  script: string,
  scriptArgs: string[],
  env: NodeJS.ProcessEnv,
  pinning: Pinning,
  nodeFlags: string[] = [],
): Promise<Server> {
  const nodeArgs = [...nodeFlags, '--import', 'tsx', script, ...scriptArgs];
  const [command, commandArgs] = pinning.pinned
    ? ['taskset', ['-c', String(SERVER_CORE), process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  const child = spawn(command, commandArgs, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);

  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => fail(new Error(`${name} server did not start within 60 s`)), 60_000);
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
        resolve({ name, child, port });
      } catch {
        fail(new Error(`${name} server printed an unexpected line: ${stdout.slice(0, newline)}`));
      }
    });
    child.on('error', (error) => fail(error));
    child.on('exit', (code, signal) => fail(new Error(`${name} server exited early (${signal ?? `code ${code}`})`)));
  });
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

  const questionnaire = JSON.parse(readFileSync(CHECK_QUESTIONNAIRE, 'utf8')) as {
    version: number;
    groups: Array<{ questions: Array<{ id: string }> }>;
  };
  const version = String(questionnaire.version);
  if (hidden('versie') !== version) {
    throw new Error(
      `the form asks version ${hidden('versie') ?? '?'}, ${path.relative(ROOT, CHECK_QUESTIONNAIRE)} is version ${version}`,
    );
  }
  const ids = questionnaire.groups.flatMap((group) => group.questions.map((question) => question.id));
  for (const id of Object.keys(CHECK_ANSWERS)) {
    if (!ids.includes(id)) throw new Error(`${path.relative(ROOT, CHECK_QUESTIONNAIRE)} has no question ${id}`);
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
  /** Latency percentiles in ms, from every 2xx response of the run. */
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Share of one core the server used; well below 100 % means it waited (e.g. on another busy process). */
  serverCpuPercent: number | undefined;
  /** Server CPU time per response, in µs: unlike req/s, hardly affected by other load on the machine. */
  serverCpuMicrosPerRequest: number | undefined;
  loadGeneratorCpuPercent: number;
  /** 2xx responses of the warm-up and the measured run together. */
  responses2xx: number;
}

/** Every response of a load run must be 2xx: otherwise the figures would time error pages. */
function assertAll2xx(load: LoadResult, what: string): void {
  const { result, otherStatuses } = load;
  if (result.non2xx === 0 && otherStatuses.size === 0) return;
  const statuses = [...otherStatuses].map(([status, count]) => `${count} × ${status}`).join(', ');
  throw new Error(
    `${what}: ${result.non2xx} of ${result.requests.total} responses were not 2xx (${statuses || 'statuses unknown'}); ` +
      'the figures would measure error pages, so the bench stops here',
  );
}

async function measure(server: Server, entry: Entry, parts: RequestParts, round: number): Promise<RunResult> {
  const options = {
    url: `http://${HOST}:${server.port}${entry.path}`,
    method: entry.method,
    ...parts,
    connections: CONNECTIONS,
    pipelining: 1,
  };
  const what = `round ${round}, ${server.name} ${entry.label}`;
  const warmup = await runLoad({ ...options, duration: WARMUP_SECONDS });
  assertAll2xx(warmup, `${what} (warm-up)`);

  const serverCpuBefore = cpuSecondsOf(server.child.pid);
  const selfCpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const load = await runLoad({ ...options, duration: MEASURE_SECONDS });
  const { result, latencies } = load;
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const selfCpu = process.cpuUsage(selfCpuBefore);
  const serverCpuAfter = cpuSecondsOf(server.child.pid);
  const serverCpuSeconds =
    serverCpuBefore === undefined || serverCpuAfter === undefined ? undefined : serverCpuAfter - serverCpuBefore;
  const responses = result.requests.total;
  assertAll2xx(load, what);

  return {
    round,
    requestsPerSecond: responses / result.duration,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    requests: responses,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    serverCpuPercent: serverCpuSeconds === undefined ? undefined : (100 * serverCpuSeconds) / wallSeconds,
    serverCpuMicrosPerRequest:
      serverCpuSeconds === undefined || responses === 0 ? undefined : (serverCpuSeconds * 1e6) / responses,
    loadGeneratorCpuPercent: (100 * (selfCpu.user + selfCpu.system)) / 1e6 / wallSeconds,
    responses2xx: warmup.result['2xx'] + result['2xx'],
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
  loadGeneratorCpuPercent: number;
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
    loadGeneratorCpuPercent: median(runs.map((run) => run.loadGeneratorCpuPercent)),
    runs,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Output

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const startedAt = Date.now();
  const pinning = pinSelf();
  tempDir = mkdtempSync(path.join(tmpdir(), 'nmk-bench-'));

  console.log(
    `Niet mijn kind — page benchmark: ${RUNS} runs × ${MEASURE_SECONDS} s (+${WARMUP_SECONDS} s warm-up) per entry and ` +
      `server, ${CONNECTIONS} connections, Node ${process.version}`,
  );
  console.log(`CPU pinning: ${pinning.note}`);

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
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    HOST,
    PORT: '0',
    DATA_DIR: path.join(workDir, 'data'),
    DATABASE_URL: '',
    // The highest value the configuration accepts, per 1 s window: the limiter runs on every request as in
    // production, but never answers 429 during the benchmark.
    RATE_LIMIT_MAX: '1000000',
    RATE_LIMIT_WINDOW_SECONDS: '1',
    // Production requires a log key; the benchmark's database is temporary, and so is its key.
    LOG_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'der' })
      .toString('base64'),
  };
  const profileFlags = PROFILE ? ['--cpu-prof', '--cpu-prof-dir', RESULTS_DIR] : [];
  if (PROFILE) mkdirSync(RESULTS_DIR, { recursive: true });
  const app = await startServer('app', 'bench/app-server.ts', [], appEnv, pinning, profileFlags);
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
  const bare = await startServer('bare', 'bench/bare-server.ts', [fixtureFile], { ...process.env }, pinning);
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
        const result = await measure(server, entry, requestParts.get(entry.label) ?? {}, round);
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
    return { page: entry.label, ratio, cpuRatio, target: entry.minRatio, pass: ratio >= entry.minRatio };
  });
  const failedRequests = [...runs.values()].flat().reduce((total, run) => total + run.non2xx + run.errors, 0);
  const unsaturated = summaries.filter(
    (summary) => summary.serverCpuPercent !== undefined && summary.serverCpuPercent < 80,
  );

  console.log(`\nThroughput (median of ${RUNS} runs)`);
  console.log(
    table(
      ['page', 'server', 'req/s', 'p50 ms', 'p99 ms', 'server CPU', 'CPU µs/req', 'loadgen CPU'],
      summaries.map((summary) => [
        summary.page,
        summary.server,
        summary.requestsPerSecond.toFixed(0),
        summary.p50.toFixed(2),
        summary.p99.toFixed(2),
        summary.serverCpuPercent === undefined ? '?' : `${summary.serverCpuPercent.toFixed(0)} %`,
        summary.serverCpuMicrosPerRequest === undefined ? '?' : summary.serverCpuMicrosPerRequest.toFixed(0),
        `${summary.loadGeneratorCpuPercent.toFixed(0)} %`,
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
        verdict(entry.pass),
        entry.cpuRatio === undefined ? '?' : entry.cpuRatio.toFixed(2),
      ]),
    ),
  );
  console.log(
    '  req/s ratio: median app req/s ÷ median bare req/s (the target). CPU-time ratio: bare ÷ app server CPU µs per\n' +
      '  response, which other load on the machine hardly changes.',
  );
  // A server below ~80 % of a core was waiting: on the load generator (autocannon is single-threaded and tops out
  // near one core), or on other processes sharing its core.
  const loadgenBound = unsaturated.filter((summary) => summary.loadGeneratorCpuPercent >= 75);
  const crowded = unsaturated.filter((summary) => summary.loadGeneratorCpuPercent < 75);
  const describe = (list: Summary[]): string =>
    list
      .map(
        (summary) =>
          `${summary.server} ${summary.page} (server ${summary.serverCpuPercent?.toFixed(0)} %, ` +
          `load generator ${summary.loadGeneratorCpuPercent.toFixed(0)} %)`,
      )
      .join(', ');
  if (loadgenBound.length > 0) {
    console.log(
      `\nNOTE: the load generator was near its limit in ${describe(loadgenBound)}: those req/s are a lower bound, ` +
        'so the req/s ratio flatters the app; the CPU-time ratio does not.',
    );
  }
  if (crowded.length > 0) {
    console.log(
      `\nNOTE: the server used well under one core in ${describe(crowded)}: something else was probably running ` +
        `on core ${SERVER_CORE} (load average ${loadavg()
          .map((value) => value.toFixed(2))
          .join(' ')}). Treat those req/s as a lower bound and rerun on a quiet machine.`,
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
