// The help finder's lookup, timed in-process: `help.lookup(anonymous, text)` as the /hulp route calls it.
// Run by `npm run bench` (bench/pages.bench.ts), or on its own:
//
//   node --import tsx bench/help-lookup.bench.ts [--check]
//   node --cpu-prof --cpu-prof-dir bench/results --import tsx bench/help-lookup.bench.ts   (a CPU profile)
//
// The database is built as the app builds it at start: a temporary SQLite file opened with openDatabase,
// migrateToLatest, then the reference data (reference-data/) and content/organisations.json imported through
// createServices(...).help. When TEST_DATABASE_URL or DATABASE_URL is set (TEST_DATABASE_URL first), the same
// is done on PostgreSQL, in a throwaway database created on that server for the run and dropped afterwards (the
// database the URL names is never written to); without either, PostgreSQL is skipped.
//
// Inputs rotate through a fixed, shuffled list of real queries: 200 distinct 4-digit postcodes spread evenly
// over reference-data/pc4_gemeente.csv (a few lie in two municipalities: "choose"), full postcodes in several
// spellings ("9711 AB", "1012JS", "3511 aa"), municipality names (official names sampled from
// reference-data/gemeenten_2025.csv, plus "Den Haag", "súdwest-fryslân", "Den Bosch", "Bergen"…), and names
// that are no municipality ("Atlantis"). Everything the service really does stays in: its 60 s cache of the
// organisations (filled by the first, untimed lookup; the measurement ends well within 60 s of it, so it sees no
// refill, as nearly every request in production does not), the opening states computed per lookup, and the
// anonymous count row (one upsert) written by every lookup that finds a place. Each lookup is timed
// alone with performance.now() around the awaited call. After a warm-up of WARMUP_LOOKUPS lookups, at least
// MIN_LOOKUPS are measured, for at least MIN_SECONDS and at most MAX_SECONDS.
//
// Target: median ≤ 1 ms. Afterwards the count rows are checked against the lookups that found a place.

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import type { HelpResult } from '../src/features/help/help.service.js';
import { createServices } from '../src/services.js';
import { loadConfig } from '../src/shared/config/config.js';
import { type DatabaseHandle, type Dialect, openDatabase } from '../src/shared/db/database.js';
import { migrateToLatest } from '../src/shared/db/migrate.js';
import { organisationsFile, referenceDataDir } from '../src/shared/paths.js';
import { anonymous } from '../src/shared/policy/actor.js';
import { percentile, table, verdict } from './report.js';

export const LOOKUP_TARGET_MS = 1;
const WARMUP_LOOKUPS = 2_000;
const MIN_LOOKUPS = 5_000;
const MIN_SECONDS = 3;
const MAX_SECONDS = 15;
const MAX_LOOKUPS = 200_000;
const SAMPLED_POSTCODES = 200;
const SAMPLED_NAMES = 30;

// ---------------------------------------------------------------------------------------------------------
// Inputs

export type InputKind = 'postcode (4 digits)' | 'postcode (full)' | 'municipality name' | 'unknown name';
const INPUT_KINDS: readonly InputKind[] = [
  'postcode (4 digits)',
  'postcode (full)',
  'municipality name',
  'unknown name',
];

interface Input {
  kind: InputKind;
  text: string;
}

const FULL_POSTCODES = [
  '9711 AB',
  '1012JS',
  '3511 aa',
  '2511 CV',
  '6211AB',
  '5611  AA',
  '7511 jj',
  '8011 CW',
  '4811 AA',
  '6511AA',
  '1811 KH',
  ' 2311 EZ ',
];

/** Names as visitors type them: common names, aliases, other spellings, a name shared by two municipalities. */
const TYPED_NAMES = [
  'Groningen',
  'Amsterdam',
  'Rotterdam',
  'Den Haag',
  'súdwest-fryslân',
  'Den Bosch',
  "'s-Hertogenbosch",
  'utrecht',
  'Maastricht',
  'Bergen',
  'Hengelo',
  'de fryske marren',
  'Nijmegen',
  'Ede',
];

const UNKNOWN_NAMES = ['Atlantis', 'Lutjebroek', 'Springfield', 'Gotham City', 'Xyzzy', 'Ankh-Morpork'];

/** Every n-th of the sorted values, n chosen so that `count` are taken, spread over the whole list. */
function spread<T>(values: readonly T[], count: number): T[] {
  if (values.length <= count) return [...values];
  return Array.from({ length: count }, (_, index) => values[Math.floor((index * values.length) / count)]!);
}

/** A fixed shuffle (mulberry32 seeded with a constant), so every run sees the inputs in the same order. */
function shuffled<T>(values: readonly T[]): T[] {
  let seed = 0x6e6d6b;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const result = [...values];
  for (let index = result.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

function readCsv(file: string): Array<Record<string, string>> {
  return parse(readFileSync(path.join(referenceDataDir, file), 'utf8'), { columns: true, skip_empty_lines: true });
}

export function lookupInputs(): Input[] {
  const postcodes = [...new Set(readCsv('pc4_gemeente.csv').map((row) => row.pc4 ?? ''))]
    .filter((pc4) => /^[1-9]\d{3}$/.test(pc4))
    .sort();
  const officialNames = readCsv('gemeenten_2025.csv')
    .map((row) => row.gemeentenaam ?? '')
    // Official names with a character the finder does not take (the comma of "Nuenen, Gerwen en Nederwetten")
    // would time the "invalid" answer, which is no lookup.
    .filter((name) => /^[\p{L}\p{M}'’.()\- ]+$/u.test(name))
    .sort((a, b) => a.localeCompare(b, 'nl'));
  if (postcodes.length < SAMPLED_POSTCODES) throw new Error('pc4_gemeente.csv holds too few postcodes');
  const names = [...new Set([...TYPED_NAMES, ...spread(officialNames, SAMPLED_NAMES)])];
  return shuffled<Input>([
    ...spread(postcodes, SAMPLED_POSTCODES).map((text) => ({ kind: 'postcode (4 digits)' as const, text })),
    ...FULL_POSTCODES.map((text) => ({ kind: 'postcode (full)' as const, text })),
    ...names.map((text) => ({ kind: 'municipality name' as const, text })),
    ...UNKNOWN_NAMES.map((text) => ({ kind: 'unknown name' as const, text })),
  ]);
}

/** Answers the finder must give before anything is timed: a benchmark of wrong answers would be worthless. */
const EXPECTED: ReadonlyArray<{ text: string; kind: HelpResult['kind']; place?: string }> = [
  { text: '9711', kind: 'found', place: 'Groningen' },
  { text: '9711 AB', kind: 'found', place: 'Groningen' },
  { text: 'Den Haag', kind: 'found', place: "'s-Gravenhage" },
  { text: 'súdwest-fryslân', kind: 'found', place: 'Súdwest-Fryslân' },
  { text: 'Bergen', kind: 'choose' },
  { text: 'Atlantis', kind: 'unknown' },
];

// ---------------------------------------------------------------------------------------------------------
// Databases

interface BenchDatabase {
  dialect: Dialect;
  handle: DatabaseHandle;
  cleanup(): Promise<void>;
}

function openSqlite(directory: string): BenchDatabase {
  const handle = openDatabase({ kind: 'sqlite', file: path.join(directory, 'lookup.sqlite') });
  return { dialect: 'sqlite', handle, cleanup: () => handle.close() };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A throwaway database on the server `adminUrl` points at; the URL's own database is only used to connect. */
async function openPostgres(adminUrl: string): Promise<BenchDatabase> {
  // Random hex: safe to quote as an identifier.
  const name = `nmk_bench_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ kind: 'postgres', url: url.toString() });
  return {
    dialect: 'postgres',
    handle,
    cleanup: async () => {
      await handle.close();
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}"`));
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Measuring

export interface LookupStats {
  lookups: number;
  medianMs: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

export type LookupResult =
  | {
      dialect: Dialect;
      measured: true;
      /** Migrating and importing the reference data and organisations, in ms. */
      setupMs: number;
      /** The first lookup: empty caches, unprepared statements, code not yet optimised. */
      firstLookupMs: number;
      warmupLookups: number;
      seconds: number;
      all: LookupStats;
      byKind: Record<InputKind, LookupStats>;
      /** How the measured lookups were answered. */
      outcomes: Partial<Record<HelpResult['kind'], number>>;
      /** Count rows written, against the lookups (all of them: checks, warm-up, measured) that found a place. */
      counted: { rows: number; found: number; pass: boolean };
      timeBound: boolean;
      pass: boolean;
    }
  | { dialect: Dialect; measured: false; reason: string };

export interface LookupReport {
  inputs: Record<InputKind, number>;
  targetMs: number;
  results: LookupResult[];
  pass: boolean;
}

function statsOf(samples: Float64Array): LookupStats {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    lookups: sorted.length,
    medianMs: percentile(sorted, 0.5),
    p90Ms: percentile(sorted, 0.9),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
    meanMs: sorted.length === 0 ? Number.NaN : sum / sorted.length,
  };
}

async function countedLookups(handle: DatabaseHandle): Promise<number> {
  const row = await handle.db
    .selectFrom('help_lookups')
    .select((eb) => eb.fn.sum<number | string | null>('count').as('total'))
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

async function measureOn(database: BenchDatabase, inputs: readonly Input[]): Promise<LookupResult> {
  const { handle, dialect } = database;
  const setupStarted = performance.now();
  await migrateToLatest(handle.db);
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATA_DIR: tmpdir() });
  // createServices wants a pepper and a log key, which the lookup never uses: throwaway ones.
  config.pepper ??= randomBytes(32);
  config.logSigningKey ??= generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' });
  const { help } = createServices(handle, config);
  await help.importReferenceData(referenceDataDir);
  await help.importOrganisations(organisationsFile);
  const setupMs = performance.now() - setupStarted;

  let found = 0;
  const lookup = async (text: string): Promise<HelpResult> => {
    const result = await help.lookup(anonymous, text);
    if (result.kind === 'found') found += 1;
    return result;
  };

  const firstStarted = performance.now();
  await lookup(EXPECTED[0]!.text);
  const firstLookupMs = performance.now() - firstStarted;
  for (const expected of EXPECTED) {
    const result = await lookup(expected.text);
    const place = result.kind === 'found' ? result.place.name : undefined;
    if (result.kind !== expected.kind || (expected.place !== undefined && place !== expected.place)) {
      throw new Error(
        `[${dialect}] lookup ${JSON.stringify(expected.text)} answered ${result.kind}${place === undefined ? '' : ` ${place}`}; ` +
          `expected ${expected.kind}${expected.place === undefined ? '' : ` ${expected.place}`}`,
      );
    }
  }

  let next = 0;
  for (let index = 0; index < WARMUP_LOOKUPS; index += 1) {
    await lookup(inputs[next % inputs.length]!.text);
    next += 1;
  }

  const samples = new Float64Array(MAX_LOOKUPS);
  const kindOf = new Uint8Array(MAX_LOOKUPS);
  const outcomes: Partial<Record<HelpResult['kind'], number>> = {};
  let count = 0;
  let timeBound = false;
  const started = performance.now();
  for (;;) {
    const elapsed = performance.now() - started;
    if (count >= MAX_LOOKUPS || (count >= MIN_LOOKUPS && elapsed >= MIN_SECONDS * 1000)) break;
    if (elapsed >= MAX_SECONDS * 1000) {
      timeBound = true;
      break;
    }
    const input = inputs[next % inputs.length]!;
    next += 1;
    const before = performance.now();
    const result = await lookup(input.text);
    samples[count] = performance.now() - before;
    kindOf[count] = INPUT_KINDS.indexOf(input.kind);
    outcomes[result.kind] = (outcomes[result.kind] ?? 0) + 1;
    count += 1;
  }
  const seconds = (performance.now() - started) / 1000;

  const measured = samples.subarray(0, count);
  const byKind = Object.fromEntries(
    INPUT_KINDS.map((kind, index) => [kind, statsOf(measured.filter((_, sample) => kindOf[sample] === index))]),
  ) as Record<InputKind, LookupStats>;
  const all = statsOf(measured);
  // Counts are written in batches (every 2 s and on close): write what is pending before comparing.
  await help.close();
  const rows = await countedLookups(handle);
  return {
    dialect,
    measured: true,
    setupMs,
    firstLookupMs,
    warmupLookups: WARMUP_LOOKUPS,
    seconds,
    all,
    byKind,
    outcomes,
    counted: { rows, found, pass: rows === found },
    timeBound,
    pass: all.medianMs <= LOOKUP_TARGET_MS && count >= MIN_LOOKUPS && rows === found,
  };
}

/**
 * Times the lookup on SQLite (in `directory`) and, when a PostgreSQL URL is set, on PostgreSQL. `log` receives a
 * line as each database starts.
 */
export async function benchHelpLookups(directory: string, log: (line: string) => void): Promise<LookupReport> {
  const inputs = lookupInputs();
  const results: LookupResult[] = [];

  const sqlite = openSqlite(directory);
  try {
    log('  lookup  sqlite  …');
    results.push(await measureOn(sqlite, inputs));
  } finally {
    await sqlite.cleanup();
  }

  const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const source = process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : 'DATABASE_URL';
  if (postgresUrl === undefined || postgresUrl === '') {
    results.push({ dialect: 'postgres', measured: false, reason: 'neither TEST_DATABASE_URL nor DATABASE_URL is set' });
  } else {
    let postgres: BenchDatabase | undefined;
    try {
      postgres = await openPostgres(postgresUrl);
    } catch (error) {
      // The message, never the URL: it may hold a password.
      const reason = `could not create a throwaway database with ${source}: ${error instanceof Error ? error.message : String(error)}`;
      results.push({ dialect: 'postgres', measured: false, reason });
    }
    if (postgres !== undefined) {
      try {
        log(`  lookup  postgres (a throwaway database on the server of ${source})  …`);
        results.push(await measureOn(postgres, inputs));
      } finally {
        await postgres.cleanup();
      }
    }
  }

  const inputCounts = Object.fromEntries(
    INPUT_KINDS.map((kind) => [kind, inputs.filter((input) => input.kind === kind).length]),
  ) as Record<InputKind, number>;
  return {
    inputs: inputCounts,
    targetMs: LOOKUP_TARGET_MS,
    results,
    pass: results.every((result) => !result.measured || result.pass),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Output

const ms = (value: number): string => value.toFixed(3);

export function formatLookupReport(report: LookupReport): string {
  const total = Object.values(report.inputs).reduce((sum, count) => sum + count, 0);
  const lines = [
    `In-process help lookup: help.lookup(anonymous, text), ${total} inputs in rotation ` +
      `(${INPUT_KINDS.map((kind) => `${report.inputs[kind]} ${kind}`).join(', ')})`,
  ];
  const rows: string[][] = [];
  for (const result of report.results) {
    if (!result.measured) continue;
    const row = (label: string, stats: LookupStats, target: string): string[] => [
      label === 'all' ? result.dialect : '',
      label,
      String(stats.lookups),
      ms(stats.medianMs),
      ms(stats.p90Ms),
      ms(stats.p99Ms),
      ms(stats.maxMs),
      target,
    ];
    rows.push(
      row('all', result.all, `${verdict(result.all.medianMs <= report.targetMs)} (median ≤ ${report.targetMs})`),
    );
    for (const kind of INPUT_KINDS) rows.push(row(`  ${kind}`, result.byKind[kind], ''));
  }
  if (rows.length > 0) {
    lines.push(
      table(['database', 'inputs', 'lookups', 'median ms', 'p90 ms', 'p99 ms', 'max ms', 'target'], rows, [0, 1, 7]),
    );
  }
  for (const result of report.results) {
    if (!result.measured) {
      lines.push(`  ${result.dialect}: not measured (${result.reason})`);
      continue;
    }
    const outcomes = Object.entries(result.outcomes)
      .map(([kind, count]) => `${count} ${kind}`)
      .join(', ');
    lines.push(
      `  ${result.dialect}: ${result.all.lookups} lookups in ${result.seconds.toFixed(1)} s after ${result.warmupLookups} ` +
        `warm-up (mean ${ms(result.all.meanMs)} ms); answered ${outcomes}. First lookup, cold: ` +
        `${result.firstLookupMs.toFixed(1)} ms; migrate + import ${(result.setupMs / 1000).toFixed(1)} s.`,
    );
    lines.push(
      `  ${result.dialect}: count rows: ${verdict(result.counted.pass)}: ${result.counted.rows} counted for ` +
        `${result.counted.found} lookups that found a place.` +
        (result.timeBound ? ` Stopped after ${MAX_SECONDS} s with fewer than ${MIN_LOOKUPS} lookups: FAIL.` : ''),
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// On its own

async function main(): Promise<void> {
  const directory = mkdtempSync(path.join(tmpdir(), 'nmk-lookup-bench-'));
  try {
    const report = await benchHelpLookups(directory, (line) => console.log(line));
    console.log(formatLookupReport(report));
    if (process.argv.includes('--check') && !report.pass) process.exitCode = 1;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`lookup bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
