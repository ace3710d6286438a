// Search over every page, timed in process: `services.search.search(actor, query, locale)` as POST /zoeken calls
// it (ADR 0034). Run by `npm run bench` (or `BENCH_FILES=search npm run bench`), or on its own:
//
//   node --import tsx bench/search.bench.ts [--check]
//
// The app is prepared as at start: a temporary SQLite database, migrated, content/ imported through the editorial
// store (information pages and knowledge articles, nl and en), then the index built from content_pages. The search
// itself reads no database (the index is in memory), so PostgreSQL would measure the same code: it is not repeated.
//
// Queries rotate through a fixed list: single words that stem ("kind", "uitgebuit"), typos ("sextorsion"),
// questions of several words, words no page has, markup and regex characters, in Dutch and English, as a visitor
// and as a professional (who also searches the professionals-only articles). Each search is timed alone with
// performance.now() around the awaited call (ranking and snippets included); the CPU time the process spent on
// it (process.cpuUsage) is shown beside it, since on a shared machine the wall-clock tail is mostly other processes. After WARMUP searches, at least
// MIN_SEARCHES are measured, for at least MIN_SECONDS.
//
// Target: median and p99 ≤ 5 ms. `--check` exits 1 when either is over.

import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareDatabase } from '../src/bootstrap.js';
import { createServices } from '../src/services.js';
import { openDatabase } from '../src/shared/db/database.js';
import type { Locale } from '../src/shared/i18n/messages.js';
import { type Actor, anonymous } from '../src/shared/policy/actor.js';
import { benchConfig } from './databases.js';
import { percentile, table, verdict } from './report.js';

const TARGET_MS = 5;
const WARMUP = 2_000;
const MIN_SEARCHES = 10_000;
const MIN_SECONDS = 3;
const MAX_SECONDS = 20;

const professional: Actor = {
  kind: 'user',
  userId: 'bench-professional',
  roles: ['professional'],
  membership: { organisationId: 'bench', roles: ['care'] },
};

type Kind = 'one word' | 'typo' | 'several words' | 'no match' | 'markup, regex';
const queries: readonly { kind: Kind; lang: Locale; text: string }[] = [
  { kind: 'one word', lang: 'nl', text: 'kind' },
  { kind: 'one word', lang: 'nl', text: 'uitgebuit' },
  { kind: 'one word', lang: 'nl', text: 'meldcode' },
  { kind: 'one word', lang: 'nl', text: 'signalen' },
  { kind: 'one word', lang: 'en', text: 'children' },
  { kind: 'one word', lang: 'en', text: 'exploited' },
  { kind: 'typo', lang: 'nl', text: 'sextorsion' },
  { kind: 'typo', lang: 'nl', text: 'loverbooy' },
  { kind: 'typo', lang: 'nl', text: 'afwegingskadr' },
  { kind: 'typo', lang: 'en', text: 'sextorsion' },
  { kind: 'several words', lang: 'nl', text: 'wat kan ik doen als mijn kind wordt uitgebuit' },
  { kind: 'several words', lang: 'nl', text: 'aangifte doen bij de politie' },
  { kind: 'several words', lang: 'nl', text: 'veilig thuis melden school huisarts' },
  { kind: 'several words', lang: 'en', text: 'how do I talk with my child about nude images' },
  { kind: 'no match', lang: 'nl', text: 'xylofoonles' },
  { kind: 'no match', lang: 'en', text: 'zzqv' },
  { kind: 'markup, regex', lang: 'nl', text: '<script>alert(1)</script>' },
  { kind: 'markup, regex', lang: 'nl', text: '.*(a+)+$ [kind]' },
];

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const directory = mkdtempSync(path.join(tmpdir(), 'nmk-bench-search-'));
  const config = benchConfig(directory);
  const database = openDatabase(config.database);
  try {
    const services = createServices(database, config, () => undefined);
    await prepareDatabase(database, services);
    const started = performance.now();
    await services.search.rebuild();
    const buildMs = performance.now() - started;

    const run = async (index: number): Promise<{ kind: Kind; ms: number; cpuMs: number }> => {
      const query = queries[index % queries.length]!;
      const actor = Math.floor(index / queries.length) % 2 === 0 ? anonymous : professional;
      const cpuBefore = process.cpuUsage();
      const before = performance.now();
      await services.search.search(actor, query.text, query.lang);
      const ms = performance.now() - before;
      const cpu = process.cpuUsage(cpuBefore);
      return { kind: query.kind, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
    };
    for (let index = 0; index < WARMUP; index += 1) await run(index);

    const byKind = new Map<Kind, number[]>();
    const all: number[] = [];
    const allCpu: number[] = [];
    const begin = performance.now();
    let index = 0;
    while (
      (all.length < MIN_SEARCHES || performance.now() - begin < MIN_SECONDS * 1000) &&
      performance.now() - begin < MAX_SECONDS * 1000
    ) {
      const { kind, ms, cpuMs } = await run(index);
      index += 1;
      all.push(ms);
      allCpu.push(cpuMs);
      const list = byKind.get(kind) ?? [];
      list.push(ms);
      byKind.set(kind, list);
    }

    const row = (name: string, values: number[]) => {
      const sorted = Float64Array.from(values).sort();
      return [
        name,
        String(values.length),
        percentile(sorted, 0.5).toFixed(3),
        percentile(sorted, 0.99).toFixed(3),
        (sorted[sorted.length - 1] ?? Number.NaN).toFixed(3),
      ];
    };
    const sortedAll = Float64Array.from(all).sort();
    const medianMs = percentile(sortedAll, 0.5);
    const p99Ms = percentile(sortedAll, 0.99);
    const pass = medianMs <= TARGET_MS && p99Ms <= TARGET_MS;
    console.log(`\nSearch in process (SQLite-prepared index; build of the index ${buildMs.toFixed(0)} ms)`);
    const size = services.search.size();
    console.log(`Pages in the index (both sections): nl ${size.nl}, en ${size.en}`);
    console.log(
      table(
        ['queries', 'searches', 'median ms', 'p99 ms', 'max ms'],
        [...[...byKind.entries()].map(([kind, values]) => row(kind, values)), row('all', all)],
      ),
    );
    const sortedCpu = Float64Array.from(allCpu).sort();
    console.log(
      `CPU time of this process per search (all threads, GC included; not the time others' processes took the core):` +
        ` median ${percentile(sortedCpu, 0.5).toFixed(3)} ms, p99 ${percentile(sortedCpu, 0.99).toFixed(3)} ms`,
    );
    console.log(`Load average while measuring: ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
    console.log(
      `median ${medianMs.toFixed(3)} ms, p99 ${p99Ms.toFixed(3)} ms: ${verdict(pass)} (both ≤ ${TARGET_MS} ms)`,
    );
    if (check && !pass) process.exitCode = 1;
  } finally {
    await database.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

await main();
