// `BENCH_FILES=cluster npm run bench` — the app as several instances (issue 17, "Figures"): one and two app
// instances behind nginx on one PostgreSQL (test/helpers/cluster.ts starts them: round-robin, no sticky sessions,
// a connection per request to the instances), under the same mixed load, side by side:
//
//   - requests per second and p50/p99 latency, over all requests and per kind: public pages (/, /informatie, /nu,
//     /hulp?postcode=9711), check posts (POST /check with every question answered), logins (POST /inloggen with
//     the passphrase: Argon2 at the lowest cost the config allows, as the test harness sets it) and journal appends
//     (POST /logboek, a multipart form as the browser sends it, answered 303 once stored and signed);
//   - each instance's resident memory (VmRSS, sampled every 250 ms) at its highest under that load, against the
//     target of 150 MB per instance without exports running;
//   - a rolling restart of the two instances under the same load (cluster.restart(0), then restart(1): drained in
//     nginx, SIGTERM, started again), with the count of failed requests (target 0) and a check that every journal
//     entry acknowledged with a 303 is in the database.
//
// The load is closed-loop: BENCH_USERS (default 12) simulated visitors, each with its own cookies, each cycling
// through 10 requests (4 public pages, 2 check posts, 1 login, 3 journal appends) for BENCH_SECONDS (default 15)
// per configuration after a 3 s warm-up. The load generator is this Node process, on the same two cores as nginx,
// PostgreSQL and the instances: the figures are ratios between the configurations of one run, not capacity. The
// machine's load average is printed with them; compare runs only at a similar load. A failed request is a
// connection error or a status other than the one expected (200, or 303 for logins and appends).
//
// PostgreSQL: the server TEST_DATABASE_URL names (a database per configuration is made and dropped on it), else
// a throwaway server started here with Debian's binaries (initdb/pg_ctl, as the postgres user when run as root) and
// PostgreSQL's default durability (fsync and synchronous commit on, unlike the test suite's throwaway server).
//
//   BENCH_INSTANCE_ENV='A=1 B=2'   extra environment for every instance (e.g. MALLOC_ARENA_MAX=2), printed with
//                                  the figures
//   --check   exit 1 when the rolling restart failed a request or lost an entry, or an instance went over 150 MB
//   --no-build   use the dist/ already built instead of running `npm run build` first
//
// The instances run as production does: `node <the systemd unit's flags> dist/src/server.js` (through tsx they
// took about 50 MB more, which overstated the RSS figure).

import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { calmCheckAnswers, HttpBrowser } from '../test/helpers/cluster-client.js';
import { freePort } from '../test/helpers/free-port.js';
import { type Cluster, nginxAvailable, startCluster } from '../test/helpers/cluster.js';
import { percentile, table, verdict } from './report.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const users = Number(process.env.BENCH_USERS ?? 12);
const warmUpSeconds = 3;
const instanceEnv = Object.fromEntries(
  (process.env.BENCH_INSTANCE_ENV ?? '')
    .split(/\s+/)
    .filter((pair) => pair.includes('='))
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);
const rssTargetMb = 150;
const passphrase = 'een lange zin die niemand raadt 42';

type Kind = 'page' | 'check' | 'login' | 'append';
const kinds: Kind[] = ['page', 'check', 'login', 'append'];
const cycle: Kind[] = ['page', 'append', 'check', 'page', 'login', 'append', 'page', 'check', 'append', 'page'];
const pages = ['/', '/informatie', '/nu', '/hulp?postcode=9711'];

interface Tally {
  latencies: Record<Kind, number[]>;
  failures: Record<Kind, number>;
  /** Appends the upload gate turned away (503 with Retry-After: 60, body unread): load shedding, counted apart. */
  shed: number;
  /** The first few failures, to say what went wrong. */
  examples: string[];
  /** Texts of journal entries acknowledged with a 303. */
  acknowledged: string[];
}

const newTally = (): Tally => ({
  latencies: { page: [], check: [], login: [], append: [] },
  failures: { page: 0, check: 0, login: 0, append: 0 },
  shed: 0,
  examples: [],
  acknowledged: [],
});

/** One simulated visitor: a parent account (signed up before the load), a check form, a login form. */
interface Visitor {
  number: number;
  username: string;
  parent: HttpBrowser;
  checker: HttpBrowser;
  answers: Record<string, string>;
  /** Cookies and CSRF token of an anonymous visit to /inloggen, reused by every login (a fresh jar each time). */
  loginCookies: Map<string, string>;
  loginToken: string | undefined;
  step: number;
  appended: number;
  /** Appends answered 303, warm-up included (each must be in the database). */
  acknowledged: number;
}

async function expect(status: number, label: string, response: Promise<{ status: number; text: string }>) {
  const answer = await response;
  if (answer.status !== status) {
    throw new Error(`${label}: expected ${status}, got ${answer.status}: ${answer.text.slice(0, 200)}`);
  }
  return answer;
}

async function prepareVisitor(url: string, number: number, run: string): Promise<Visitor> {
  const username = `bench-${run}-${number}`;
  const parent = new HttpBrowser(url);
  await expect(200, 'GET /registreren', parent.get('/registreren'));
  await expect(
    200,
    'POST /registreren',
    parent.post('/registreren', { gebruikersnaam: username, wachtwoord: passphrase, herhaling: passphrase }),
  );
  await expect(200, 'GET /logboek/nieuw', parent.get('/logboek/nieuw'));
  const checker = new HttpBrowser(url);
  const form = await expect(200, 'GET /check', checker.get('/check'));
  const login = new HttpBrowser(url);
  await expect(200, 'GET /inloggen', login.get('/inloggen'));
  return {
    number,
    username,
    parent,
    checker,
    answers: calmCheckAnswers(form.text),
    loginCookies: new Map(login.cookies),
    loginToken: login.csrf,
    step: number, // visitors start at different points of the cycle
    appended: 0,
    acknowledged: 0,
  };
}

/** One request of the visitor's cycle; resolves with the kind and whether it got the expected answer. */
async function visit(visitor: Visitor, url: string, tally: Tally | undefined): Promise<void> {
  const kind = cycle[visitor.step % cycle.length]!;
  const started = performance.now();
  let ok = false;
  let shed = false;
  let detail = '';
  let acknowledgedText: string | undefined;
  try {
    if (kind === 'page') {
      const path = pages[Math.floor(visitor.step / cycle.length + visitor.step) % pages.length]!;
      const response = await new HttpBrowser(url).get(path);
      ok = response.status === 200;
      detail = `GET ${path} ${response.status}`;
    } else if (kind === 'check') {
      const response = await visitor.checker.post('/check', visitor.answers);
      ok = response.status === 200;
      detail = `POST /check ${response.status}`;
    } else if (kind === 'login') {
      const browser = new HttpBrowser(url);
      for (const [name, value] of visitor.loginCookies) browser.cookies.set(name, value);
      browser.csrf = visitor.loginToken;
      const response = await browser.post('/inloggen', { gebruikersnaam: visitor.username, wachtwoord: passphrase });
      ok = response.status === 303;
      detail = `POST /inloggen ${response.status}`;
    } else {
      visitor.appended += 1;
      const text = `Bench ${visitor.username} melding ${visitor.appended}: de auto stond weer bij school.`;
      const response = await visitor.parent.post(
        '/logboek',
        { datum: '2026-11-20', categorie: 'contact', regel: 'ja', metadata: 'ja', tekst: text },
        { multipart: true },
      );
      ok = response.status === 303;
      // The upload gate's answer when every place for a multipart body is taken (UPLOADS_IN_FLIGHT_MAX).
      shed = response.status === 503 && response.headers['retry-after'] === '60';
      if (ok) {
        acknowledgedText = text;
        visitor.acknowledged += 1;
      }
      detail = `POST /logboek ${response.status}`;
    }
  } catch (error) {
    detail = `${kind}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const elapsed = performance.now() - started;
  visitor.step += 1;
  if (tally === undefined) return;
  if (ok) tally.latencies[kind].push(elapsed);
  else if (shed) tally.shed += 1;
  else {
    tally.failures[kind] += 1;
    if (tally.examples.length < 5) tally.examples.push(detail);
  }
  if (acknowledgedText !== undefined) tally.acknowledged.push(acknowledgedText);
}

/** Resident memory of a process in MB (VmRSS), or NaN when it is gone. */
function rssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? Number.NaN : Number(match[1]) / 1024;
  } catch {
    return Number.NaN;
  }
}

interface Measured {
  tally: Tally;
  seconds: number;
  /** Highest RSS seen per instance, MB. */
  rss: number[];
}

/**
 * Runs the visitors against `url` for `duration` seconds (after the warm-up, not counted), or until `until`
 * resolves when it is given; samples each instance's RSS meanwhile.
 */
async function load(
  cluster: Cluster,
  visitors: Visitor[],
  options: { duration: number; until?: Promise<unknown> },
): Promise<Measured> {
  const warmUpEnd = performance.now() + warmUpSeconds * 1000;
  await Promise.all(
    visitors.map(async (visitor) => {
      while (performance.now() < warmUpEnd) await visit(visitor, cluster.url, undefined);
    }),
  );
  const tally = newTally();
  const rss = cluster.instances.map(() => 0);
  const sampler = setInterval(() => {
    cluster.instances.forEach((instance, i) => {
      const value = rssMb(instance.child.pid);
      if (value > rss[i]!) rss[i] = value;
    });
  }, 250);
  let done = false;
  const started = performance.now();
  const stopAt = started + options.duration * 1000;
  void options.until?.finally(() => (done = true));
  await Promise.all(
    visitors.map(async (visitor) => {
      while (options.until === undefined ? performance.now() < stopAt : !done) {
        await visit(visitor, cluster.url, tally);
      }
    }),
  );
  clearInterval(sampler);
  return { tally, seconds: (performance.now() - started) / 1000, rss };
}

function summary(measured: Measured) {
  const all = kinds.flatMap((kind) => measured.tally.latencies[kind]);
  const failed = kinds.reduce((sum, kind) => sum + measured.tally.failures[kind], 0);
  const p = (values: number[], fraction: number) => percentile(Float64Array.from(values).sort(), fraction);
  return {
    requests: all.length + failed + measured.tally.shed,
    failed,
    shed: measured.tally.shed,
    rate: all.length / measured.seconds,
    p50: p(all, 0.5),
    p99: p(all, 0.99),
    byKind: Object.fromEntries(
      kinds.map((kind) => {
        const values = measured.tally.latencies[kind];
        return [kind, { rate: values.length / measured.seconds, p99: p(values, 0.99) }];
      }),
    ) as Record<Kind, { rate: number; p99: number }>,
  };
}

/** How many acknowledged entries are not in the database (entries are encrypted: counted by row). */
async function missingEntries(cluster: Cluster, acknowledged: number): Promise<number> {
  const client = new pg.Client({ connectionString: cluster.env.DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>('SELECT count(*) AS count FROM journal_entries');
    return Math.max(0, acknowledged - Number(result.rows[0]?.count ?? 0));
  } finally {
    await client.end();
  }
}

async function measureCluster(instances: number, run: string) {
  const cluster = await startCluster({ instances, env: instanceEnv, entry: 'built' });
  try {
    const visitors: Visitor[] = [];
    for (let i = 0; i < users; i += 1) visitors.push(await prepareVisitor(cluster.url, i, run));
    const idleRss = cluster.instances.map((instance) => rssMb(instance.child.pid));
    const measured = await load(cluster, visitors, { duration: seconds });
    const result = {
      instances,
      idleRss,
      measured,
      summary: summary(measured),
      load: loadavg()[0]!,
      restart: undefined as
        | undefined
        | {
            measured: Measured;
            summary: ReturnType<typeof summary>;
            missing: number;
            acknowledged: number;
            seconds: number;
          },
    };
    if (instances >= 2) {
      // A rolling restart under the same load: every instance in turn, then the load stops.
      const restartStarted = performance.now();
      const restarting = (async () => {
        for (let i = 0; i < instances; i += 1) await cluster.restart(i);
      })();
      const during = await load(cluster, visitors, { duration: 0, until: restarting });
      await restarting;
      const restartSeconds = (performance.now() - restartStarted) / 1000;
      const acknowledged = visitors.reduce((sum, visitor) => sum + visitor.acknowledged, 0);
      const missing = await missingEntries(cluster, acknowledged);
      result.restart = { measured: during, summary: summary(during), missing, acknowledged, seconds: restartSeconds };
    }
    return result;
  } finally {
    await cluster.stop();
  }
}

/** A throwaway PostgreSQL server for this run: its admin URL and how to stop it (undefined: no binaries). */
async function throwawayPostgres(): Promise<{ url: string; stop: () => void } | undefined> {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root)
    ? readdirSync(root).sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))[0]
    : undefined;
  if (version === undefined) return undefined;
  const bin = path.join(root, version, 'bin');
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync('/tmp/nmk-bench-pg-');
  const run = (command: string, args: string[]) => {
    const [cmd, cmdArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    return spawnSync(cmd, cmdArgs, { encoding: 'utf8', cwd: dir });
  };
  if (asRoot) {
    const [, , uid, gid] = spawnSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).stdout.split(':');
    chownSync(dir, Number(uid), Number(gid));
  }
  const data = path.join(dir, 'data');
  const init = run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const options = `-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const started = run(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-w',
    'start',
    '-o',
    options,
  ]);
  if (started.status !== 0) throw new Error(`PostgreSQL did not start: ${started.stderr}`);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  if (!process.argv.includes('--no-build')) buildApp();
  if (nginxAvailable() === undefined) {
    process.stdout.write('Cluster: skipped (no nginx; as root: apt-get install -y nginx)\n');
    return;
  }
  let postgres: { url: string; stop: () => void } | undefined;
  if (!process.env.TEST_DATABASE_URL) {
    postgres = await throwawayPostgres();
    if (postgres === undefined) {
      process.stdout.write('Cluster: skipped (no PostgreSQL server binaries and no TEST_DATABASE_URL)\n');
      return;
    }
    process.env.TEST_DATABASE_URL = postgres.url;
  }
  const run = Date.now().toString(36);
  let one: Awaited<ReturnType<typeof measureCluster>>;
  let two: Awaited<ReturnType<typeof measureCluster>>;
  try {
    one = await measureCluster(1, run);
    two = await measureCluster(2, run);
  } finally {
    postgres?.stop();
  }
  const fmt = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
  const rows: string[][] = [];
  const row = (label: string, a: string, b: string, ratio?: string) => rows.push([label, a, b, ratio ?? '']);
  row(
    'requests/s (all)',
    fmt(one.summary.rate, 1),
    fmt(two.summary.rate, 1),
    `${fmt(two.summary.rate / one.summary.rate, 2)}×`,
  );
  row('p50 ms (all)', fmt(one.summary.p50), fmt(two.summary.p50), `${fmt(two.summary.p50 / one.summary.p50, 2)}×`);
  row('p99 ms (all)', fmt(one.summary.p99), fmt(two.summary.p99), `${fmt(two.summary.p99 / one.summary.p99, 2)}×`);
  for (const kind of kinds) {
    const a = one.summary.byKind[kind];
    const b = two.summary.byKind[kind];
    row(`  ${kind}: req/s · p99 ms`, `${fmt(a.rate, 1)} · ${fmt(a.p99)}`, `${fmt(b.rate, 1)} · ${fmt(b.p99)}`);
  }
  row('failed requests', String(one.summary.failed), String(two.summary.failed));
  row('appends shed by the upload gate (503)', String(one.summary.shed), String(two.summary.shed));
  row(
    'RSS per instance after sign-ups, MB',
    one.idleRss.map((value) => fmt(value)).join(' · '),
    two.idleRss.map((value) => fmt(value)).join(' · '),
  );
  row(
    `max RSS per instance, MB (≤ ${rssTargetMb})`,
    one.measured.rss.map((value) => fmt(value)).join(' · '),
    two.measured.rss.map((value) => fmt(value)).join(' · '),
  );
  row('load average (1 min) after', fmt(one.load, 1), fmt(two.load, 1));
  const rssOk = [...one.measured.rss, ...two.measured.rss].every((value) => value <= rssTargetMb);
  let out =
    `Cluster: mixed load, ${users} visitors, ${seconds} s per configuration, one PostgreSQL, nginx round-robin` +
    `${Object.keys(instanceEnv).length === 0 ? '' : `, instances with ${process.env.BENCH_INSTANCE_ENV}`}\n` +
    `${table(['', '1 instance', '2 instances', '2 ÷ 1'], rows, [0])}\n` +
    `  RSS target: ${verdict(rssOk)}\n`;
  const restart = two.restart;
  let restartOk = true;
  if (restart !== undefined) {
    restartOk = restart.summary.failed === 0 && restart.missing === 0;
    out +=
      `Rolling restart of both instances under the same load: ${fmt(restart.seconds, 1)} s, ` +
      `${restart.summary.requests} requests, ${restart.summary.failed} failed, ${restart.summary.shed} shed by the ` +
      `upload gate, ` +
      `${fmt(restart.summary.rate, 1)} req/s, p99 ${fmt(restart.summary.p99)} ms; ` +
      `${restart.acknowledged} appends acknowledged, ${restart.missing} missing — ${verdict(restartOk)}\n`;
    for (const example of restart.measured.tally.examples) out += `  failed: ${example}\n`;
  }
  for (const example of [...one.measured.tally.examples, ...two.measured.tally.examples])
    out += `  failed under load: ${example}\n`;
  process.stdout.write(out);
  if (check && (!restartOk || !rssOk)) process.exitCode = 1;
}

/** `npm run build`, the first half of `npm start`: the instances run dist/. */
function buildApp(): void {
  console.log('Building the app (npm run build) …');
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error('npm run build failed: the bench measures the built app (or pass --no-build to use dist/ as it is)');
    process.exit(2);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`cluster bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
});
