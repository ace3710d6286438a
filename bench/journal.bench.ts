// Journal costs for `npm run bench`: the latency of appending an entry, and of rendering the journal list
// (decrypting the index, filtering, sorting, rendering one page) at 100, 10,000 and 100,000 entries.
// In-process on a temporary SQLite database, through the real services and the real app (app.inject).
// Sizes can be overridden: BENCH_JOURNAL_SIZES=100,1000. `--check` exits 1 when the append median at the
// largest size is more than 3× the one at the smallest (appends must stay flat).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app.js';
import { prepareDatabase } from '../src/bootstrap.js';
import type { JournalActor } from '../src/features/journal/journal.service.js';
import type { Observation } from '../src/features/journal/journal.schema.js';
import { createServices } from '../src/services.js';
import { loadConfig } from '../src/shared/config/config.js';
import { openDatabase } from '../src/shared/db/database.js';
import { median, table, verdict } from './report.js';

const categories = [
  'behaviour',
  'absence',
  'contact',
  'online',
  'money',
  'health',
  'school',
  'agencies',
  'other',
] as const;

function observation(index: number): Observation {
  const day = new Date(Date.UTC(2024, 0, 1) + (index % 900) * 86_400_000).toISOString().slice(0, 10);
  return {
    date: day,
    time: `${String(index % 24).padStart(2, '0')}:15`,
    approximate: index % 7 === 0,
    category: categories[index % categories.length]!,
    text: `Notitie ${index}: kwam laat thuis, had een nieuwe telefoon en wilde niet zeggen van wie. Ze zei dat een vriend hem had gegeven.`,
    people: index % 3 === 0 ? [{ name: 'Rico', description: 'ouder, zwarte jas' }] : [],
    online: index % 5 === 0 ? ['snap: rico_0612'] : [],
    phones: [],
    plates: index % 4 === 0 ? [{ value: 'GB-123-X', recognised: true }] : [],
    places: [],
    agencies: [],
  };
}

interface Row {
  size: number;
  seedPerEntry: number;
  append: number;
  list: number;
  filtered: number;
}

async function measure(size: number): Promise<Row> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'nmk-bench-journal-'));
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: directory,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_MAX: '1000000',
      ARGON2_MEMORY_KIB: '19456',
      ARGON2_ITERATIONS: '2',
      // A throwaway log key for the throwaway database.
      LOG_SIGNING_KEY: generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'der' })
        .toString('base64'),
    });
    config.pepper ??= randomBytes(32);
    const database = openDatabase(config.database);
    const services = createServices(database, config);
    const app = await createApp(services, { logger: false });
    await prepareDatabase(database, services);

    const passphrase = 'meetlint onder de trap';
    const signUp = await services.accounts.register(
      { gebruikersnaam: 'bench.ouder', wachtwoord: passphrase, herhaling: passphrase },
      undefined,
    );
    if (!signUp.ok) throw new Error('sign-up failed');
    const session = (await services.accounts.currentSession(signUp.cookie))!;
    const who: JournalActor = {
      actor: session.actor,
      userId: session.userId,
      keyEpoch: session.keyEpoch,
      masterKey: session.masterKey,
      signingKey: session.signingKey,
    };

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

    const cookies = { [config.secureCookies ? '__Host-sessie' : 'sessie']: signUp.cookie };
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
    await database.close();
    return { size, seedPerEntry, append: median(appends), list: median(list), filtered: median(filtered) };
  } finally {
    rmSync(directory, { recursive: true, force: true });
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
