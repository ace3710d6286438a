// `npm test`: prepares everything the tests need, then runs them all with node:test.
//
//   npm test                      every *.test.ts(x) under src/ and test/
//   npm test -- test/db src/x.test.ts --test-name-pattern=login
//                                 only these files/directories; arguments that start
//                                 with "-" are passed on to `node --test`
//   npm run test:reliability      the slow, destructive reliability suite in test/reliability
//                                 (kill -9, PostgreSQL stopped, full disks, fuzzing), which
//                                 plain `npm test` leaves out
//
// Nothing is skipped silently: a missing chromium, PostgreSQL or poppler-utils is installed with apt-get
// (as root), and where that is impossible the command fails with one line saying what to
// install. TEST_DATABASE_URL (an admin URL of a server where the tests may CREATE/DROP
// DATABASE) replaces the throwaway PostgreSQL cluster.

import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants, tmpdir } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const TEST_DIRS = ['src', 'test'];
const TEST_FILE = /\.test\.tsx?$/;
/** Walked only when named (`npm run test:reliability` names it): too slow for every `npm test`. */
const ONLY_WHEN_NAMED = [join(ROOT, 'test', 'reliability')];
const IS_ROOT = process.getuid?.() === 0;

/** A failure we explain in one line (the message) instead of a stack trace. */
class SetupError extends Error {}

// ---------------------------------------------------------------------------------------
// Cleanup: the throwaway cluster must go away on every way out, including Ctrl-C, SIGTERM
// and uncaught exceptions. Cleanups are synchronous so that they also work in 'exit'.

const cleanups: Array<() => void> = [];

function runCleanups(): void {
  for (let fn = cleanups.pop(); fn; fn = cleanups.pop()) {
    try {
      fn();
    } catch (error) {
      console.error(`cleanup failed: ${String(error)}`);
    }
  }
}

process.on('exit', runCleanups);

let testRunner: ChildProcess | undefined;
let interrupted: NodeJS.Signals | undefined;

function onSignal(signal: NodeJS.Signals): void {
  if (testRunner && testRunner.exitCode === null && testRunner.signalCode === null) {
    // The runner is its own process group (see runTests): signal the whole group so the
    // per-file test processes and any servers they started stop too. A second signal, or
    // a runner still busy after a grace period, means "now".
    const runner = testRunner;
    killGroup(runner, interrupted ? 'SIGKILL' : signal);
    if (!interrupted) setTimeout(() => killGroup(runner, 'SIGKILL'), 10_000).unref();
    interrupted = signal;
    return;
  }
  runCleanups();
  process.exit(128 + constants.signals[signal]);
}

process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

// ---------------------------------------------------------------------------------------
// Small process helpers. Setup runs synchronously: it is a sequence of steps with nothing
// to overlap, and sync code keeps the failure paths simple.

/** Runs a command with its output on our stderr (stdout stays clean for the TAP report). */
function runVisible(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  const result = spawnSync(command, args, { stdio: ['ignore', 2, 2], env });
  return result.status === 0;
}

/** Runs a command and captures its output, to show only when something goes wrong. */
function runQuiet(command: string, args: string[], cwd?: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function output(result: SpawnSyncReturns<string>): string {
  return `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`.trim();
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// apt-get: allowed here (we run as root on Debian); anything else gets a one-line message.

let aptUpdated = false;

function aptInstall(packageName: string): boolean {
  if (!IS_ROOT || !findOnPath('apt-get')) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt run (e.g. unattended-upgrades) may hold the lock: wait for it instead of failing.
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  if (!aptUpdated) {
    console.error('Running apt-get update …');
    aptUpdated = runVisible('apt-get', [...lock, 'update'], env);
  }
  console.error(`Installing ${packageName} with apt-get …`);
  return runVisible('apt-get', [...lock, 'install', '-y', packageName], env);
}

// ---------------------------------------------------------------------------------------
// Chromium

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  aptInstall('chromium');
  if (!existsSync(CHROMIUM)) {
    throw new SetupError(`npm test needs Debian's chromium: run "apt-get install -y chromium" as root`);
  }
}

function chromiumVersion(): string {
  const result = runQuiet(CHROMIUM, ['--version']);
  return result.status === 0 ? result.stdout.trim() : `${CHROMIUM} (version unknown)`;
}

// ---------------------------------------------------------------------------------------
// Poppler: the PDF tests read generated PDFs back with pdftotext, pdfinfo, pdffonts and pdfimages

const PDFTOTEXT = '/usr/bin/pdftotext';

function ensurePoppler(): void {
  if (existsSync(PDFTOTEXT)) return;
  aptInstall('poppler-utils');
  if (!existsSync(PDFTOTEXT)) {
    throw new SetupError(`npm test needs poppler-utils (pdftotext): run "apt-get install -y poppler-utils" as root`);
  }
}

// ---------------------------------------------------------------------------------------
// PostgreSQL binaries

interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
}

function findPostgresBinaries(): PostgresBinaries | undefined {
  const debianRoot = '/usr/lib/postgresql';
  // Debian keeps each major version in /usr/lib/postgresql/<version>/bin: take the highest.
  const versions = existsSync(debianRoot)
    ? readdirSync(debianRoot).sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
    : [];
  const dirs = [
    ...versions.map((version) => join(debianRoot, version, 'bin')),
    ...(process.env.PATH ?? '').split(delimiter).filter(Boolean),
  ];
  for (const dir of dirs) {
    const initdb = join(dir, 'initdb');
    const pgCtl = join(dir, 'pg_ctl');
    if (existsSync(initdb) && existsSync(pgCtl)) return { initdb, pgCtl };
  }
  return undefined;
}

function ensurePostgresBinaries(): PostgresBinaries {
  const found = findPostgresBinaries();
  if (found) return found;
  if (!aptInstall('postgresql-15')) aptInstall('postgresql');
  const installed = findPostgresBinaries();
  if (!installed) {
    throw new SetupError(
      `npm test needs PostgreSQL's server binaries (initdb, pg_ctl): run "apt-get install -y postgresql-15" as root, or set TEST_DATABASE_URL`,
    );
  }
  return installed;
}

// ---------------------------------------------------------------------------------------
// Throwaway cluster

interface Cluster {
  url: string;
  port: number;
  version: string;
}

/** PostgreSQL refuses to run as root, so as root every server command runs as `postgres`. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  return IS_ROOT ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function runServerCommand(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const [cmd, cmdArgs] = asServerUser(command, args);
  return runQuiet(cmd, cmdArgs, cwd);
}

interface UserIds {
  uid: number;
  gid: number;
}

function postgresUser(): UserIds {
  const lookup = (): SpawnSyncReturns<string> => runQuiet('getent', ['passwd', 'postgres']);
  let entry = lookup();
  if (entry.status !== 0) {
    // Only when missing: apt's postgresql packages normally create this user.
    const created = runQuiet('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--home-dir',
      '/var/lib/postgresql',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    if (created.status !== 0) throw new SetupError(`could not create the postgres system user: ${output(created)}`);
    entry = lookup();
  }
  const [, , uid, gid] = entry.stdout.trim().split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** A fresh directory the server user owns (mode 700), removed again on the way out. */
function makeClusterDir(): string {
  const user = IS_ROOT ? postgresUser() : undefined;
  // $TMPDIR may sit under a directory `postgres` cannot enter (e.g. /root): fall back to /tmp.
  for (const base of [...new Set([tmpdir(), '/tmp'])]) {
    const dir = mkdtempSync(join(base, 'nmk-pg-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    chmodSync(dir, 0o700);
    if (!user) return dir;
    chownSync(dir, user.uid, user.gid);
    if (runServerCommand('test', ['-w', dir], '/').status === 0) return dir;
  }
  throw new SetupError(`the postgres user cannot write to a temporary directory (tried $TMPDIR and /tmp)`);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error('no free port'))));
    });
  });
}

function logTail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function startCluster(binaries: PostgresBinaries): Promise<Cluster> {
  const dir = makeClusterDir();
  const data = join(dir, 'data');
  const log = join(dir, 'log');

  const init = runServerCommand(
    binaries.initdb,
    ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
    dir,
  );
  if (init.status !== 0) throw new SetupError(`initdb failed:\n${output(init)}`);

  const port = await freePort();
  // Durability settings are off: the cluster lives for one test run.
  const serverOptions = [
    `-p ${port}`,
    `-k '${dir}'`, // pg_ctl hands -o to a shell
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  // Registered before starting: a half-started server must be stopped too. The stop runs
  // before the directory removal because cleanups run last-in, first-out.
  cleanups.push(() => {
    if (existsSync(join(data, 'postmaster.pid'))) {
      runServerCommand(binaries.pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop'], dir);
    }
  });
  const start = runServerCommand(
    binaries.pgCtl,
    ['-D', data, '-l', log, '-w', '-t', '60', 'start', '-o', serverOptions],
    dir,
  );
  if (start.status !== 0) {
    throw new SetupError(`PostgreSQL did not start:\n${output(start)}\n--- ${log} ---\n${logTail(log)}`);
  }

  const version = runQuiet(binaries.initdb, ['--version'])
    .stdout.trim()
    .replace(/^initdb \(PostgreSQL\) /, '');
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, version };
}

function maskPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

// ---------------------------------------------------------------------------------------
// Test files

function collectTestFiles(dir: string, into: string[], skip: readonly string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory() && skip.includes(path)) continue;
    if (entry.isDirectory()) collectTestFiles(path, into, skip);
    else if (entry.isFile() && TEST_FILE.test(entry.name)) into.push(path);
  }
}

/** Node 20's `--test` does not expand globs, so the files are listed here. */
function testFiles(paths: string[]): string[] {
  // npm runs scripts from the package root; INIT_CWD is where `npm test -- <path>` was typed.
  const base = process.env.INIT_CWD ?? process.cwd();
  const targets = paths.length > 0 ? paths.map((p) => resolve(base, p)) : TEST_DIRS.map((d) => join(ROOT, d));
  const files: string[] = [];
  for (const target of targets) {
    if (!existsSync(target)) {
      if (paths.length > 0) throw new SetupError(`no such test file or directory: ${relative(ROOT, target)}`);
      continue;
    }
    // A directory left out of the whole run is still walked when it is named itself.
    if (statSync(target).isDirectory())
      collectTestFiles(
        target,
        files,
        ONLY_WHEN_NAMED.filter((dir) => dir !== target),
      );
    else files.push(target);
  }
  return [...new Set(files.map((file) => relative(ROOT, file)))].sort();
}

// ---------------------------------------------------------------------------------------
// Running

function runTests(files: string[], nodeOptions: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolveCode) => {
    // Keep node's default reporter: TAP when not a TTY, whose closing `# pass N` / `# fail N`
    // lines are what CI reads. `detached` makes the runner a process group we can stop whole.
    testRunner = spawn(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-concurrency=2', ...nodeOptions, ...files],
      { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true },
    );
    testRunner.once('error', (error) => {
      console.error(`could not start the test runner: ${error.message}`);
      resolveCode(1);
    });
    testRunner.once('close', (code, signal) => {
      resolveCode(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

async function main(argv: string[]): Promise<number> {
  const nodeOptions = argv.filter((arg) => arg.startsWith('-'));
  const files = testFiles(argv.filter((arg) => !arg.startsWith('-')));
  if (files.length === 0) {
    throw new SetupError(`no test files found (*.test.ts / *.test.tsx under ${TEST_DIRS.join(', ')})`);
  }

  ensureChromium();
  ensurePoppler();

  let databaseUrl = process.env.TEST_DATABASE_URL;
  let postgresLine: string;
  if (databaseUrl) {
    postgresLine = `TEST_DATABASE_URL ${maskPassword(databaseUrl)}`;
  } else {
    const cluster = await startCluster(ensurePostgresBinaries());
    databaseUrl = cluster.url;
    postgresLine = `throwaway PostgreSQL ${cluster.version} at 127.0.0.1:${cluster.port}`;
  }
  // "#" makes this a TAP comment, so it cannot confuse a TAP reader.
  console.log(`# ${files.length} test files · ${postgresLine} · ${chromiumVersion()}`);

  const code = await runTests(files, nodeOptions, {
    ...process.env,
    NODE_ENV: 'test',
    TEST_DATABASE_URL: databaseUrl,
    CHROMIUM_PATH: CHROMIUM,
  });
  return interrupted ? 128 + constants.signals[interrupted] : code;
}

main(process.argv.slice(2)).then(
  (code) => {
    runCleanups();
    process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof SetupError ? error.message : error);
    runCleanups();
    process.exit(1);
  },
);
