// Journal costs for `npm run bench`: the latency of appending an entry, and of rendering the journal list
// (decrypting the index, filtering, sorting, rendering one page) at 100, 10,000 and 100,000 entries.
// In-process on a temporary SQLite database, through the real services and the real app (app.inject).
// Sizes can be overridden: BENCH_JOURNAL_SIZES=100,1000. `--check` exits 1 when the append median at the
// largest size is more than 3× the one at the smallest (appends must stay flat).
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app.js';
import { observation, openBenchJournal } from './journal-fixture.js';
import { median, table, verdict } from './report.js';

interface Row {
  size: number;
  seedPerEntry: number;
  append: number;
  list: number;
  filtered: number;
}

async function measure(size: number): Promise<Row> {
  const fixture = await openBenchJournal('journal');
  try {
    const { config, services, who } = fixture;
    const app = await createApp(services, { logger: false });

    // Every append is timed; the figure is the median of the last 512 (two whole index segments, so the cost
    // of rewriting a fuller or emptier segment is averaged in).
    const seedStart = performance.now();
    const appends: number[] = [];
    for (let index = 0; index < size; index += 1) {
      const start = performance.now();
      await services.journal.addObservation(who, observation(index));
      appends.push(performance.now() - start);
    }
    const seedPerEntry = (performance.now() - seedStart) / Math.max(1, size);
    appends.splice(0, Math.max(0, appends.length - 512));

    const cookies = { [config.secureCookies ? '__Host-sessie' : 'sessie']: fixture.cookie };
    const render = async (url: string): Promise<number[]> => {
      const times: number[] = [];
      for (let index = 0; index < (size >= 100_000 ? 5 : 15); index += 1) {
        const start = performance.now();
        const response = await app.inject({ method: 'GET', url, cookies });
        times.push(performance.now() - start);
        if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
      }
      return times;
    };
    const list = await render('/logboek');
    const filtered = await render('/logboek?c=5&van=2024-06-01&tot=2024-12-31');
    await app.close();
    return { size, seedPerEntry, append: median(appends), list: median(list), filtered: median(filtered) };
  } finally {
    await fixture.close();
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const sizes = (process.env.BENCH_JOURNAL_SIZES ?? '100,10000,100000').split(',').map(Number);
  const rows: Row[] = [];
  for (const size of sizes) rows.push(await measure(size));
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const flat = last.append <= first.append * 3;
  process.stdout.write(
    `\nJournal (SQLite, in-process; medians)\n${table(
      ['entries', 'append (ms)', 'list page 1 (ms)', 'list filtered (ms)', 'seeding (ms/entry)'],
      rows.map((row) => [
        row.size.toLocaleString('en'),
        row.append.toFixed(2),
        row.list.toFixed(1),
        row.filtered.toFixed(1),
        row.seedPerEntry.toFixed(2),
      ]),
    )}\n  append at ${last.size.toLocaleString('en')} vs ${first.size.toLocaleString('en')} entries: ${(last.append / first.append).toFixed(2)}× — ${verdict(flat)} (flat: ≤ 3×)\n`,
  );
  if (check && !flat) process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(`journal bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
