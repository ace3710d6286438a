// The app as its own process, configured only by environment variables as `npm start` and `npm run cli` are:
// a database the process and the test can both open, fresh secrets, the server started with
// `node --import tsx src/server.ts` (so the PID we hold is the server itself), and the CLI.
// Not a test file itself: it must not end in .test.ts.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/shared/paths.js';
import type { Dialect } from '../../src/shared/db/database.js';
import { createPostgresDatabase } from './postgres.js';

/** Every child still running when this test process exits is killed: no server outlives its test. */
const children = new Set<ChildProcessWithoutNullStreams>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function track(child: ChildProcessWithoutNullStreams): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/** A new Ed25519 log key: the private key as LOG_SIGNING_KEY wants it, the public key as SPKI DER base64. */
export function newLogKey(): { signingKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signingKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

/** Configuration every process of one test shares: fixed secrets and the lowest Argon2 cost allowed. */
export function processSecrets(logSigningKey = newLogKey().signingKey): Record<string, string> {
  return {
    PEPPER: randomBytes(32).toString('base64'),
    LOG_SIGNING_KEY: logSigningKey,
    ARGON2_MEMORY_KIB: '19456',
    ARGON2_ITERATIONS: '2',
  };
}

export interface AppDatabase {
  dialect: Dialect;
  /** DATA_DIR, and DATABASE_URL for PostgreSQL: what points a process (or loadConfig) at this database. */
  env: Record<string, string>;
  /** Drops the database and removes DATA_DIR. Safe to call twice; close your own handles first. */
  cleanup(): Promise<void>;
}

/**
 * An empty database as the app's own configuration finds it: SQLite in DATA_DIR (niet-mijn-kind.sqlite, made
 * by the first process), or a new database in the test cluster.
 */
export async function createAppDatabase(dialect: Dialect): Promise<AppDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `nmk-proc-${dialect}-`));
  const postgres = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
  return {
    dialect,
    env: { DATA_DIR: dataDir, ...(postgres === undefined ? {} : { DATABASE_URL: postgres.url }) },
    cleanup: async () => {
      try {
        await postgres?.drop();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

const baseEnv = (): Record<string, string> => ({ PATH: process.env.PATH ?? '', NODE_ENV: 'test' });

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run cli -- <args>` (without npm) and resolves when it exits; killed after `timeoutMs`. */
export function runCli(args: readonly string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: projectRoot,
    env: { ...baseEnv(), ...env },
  });
  track(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cli ${args.join(' ')} took longer than ${timeoutMs} ms:\n${stdout}${stderr}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  /** e.g. http://127.0.0.1:43567 */
  baseUrl: string;
  /** Everything the process wrote so far (JSON log lines). */
  output(): string;
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends the signal (unless the process is gone) and waits until it has exited. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * How to run the server: from source through tsx (tests), or as production runs it — the built
 * `dist/src/server.js` with the Node flags of deploy/niet-mijn-kind@.service (benchmarks; `npm run build` first).
 */
export type ServerEntry = 'source' | 'built';

/** The Node flags production starts the server with: those of the systemd unit's ExecStart, read from it. */
export function productionNodeFlags(): string[] {
  const unit = readFileSync(path.join(projectRoot, 'deploy', 'niet-mijn-kind@.service'), 'utf8');
  const execStart = /^ExecStart=\S+\s+(.*)\bdist\/src\/server\.js\s*$/m.exec(unit);
  if (execStart?.[1] === undefined)
    throw new Error('deploy/niet-mijn-kind@.service has no ExecStart running dist/src/server.js');
  return execStart[1].split(/\s+/).filter((flag) => flag !== '');
}

/** Starts the server on 127.0.0.1 and a free port; resolves once it listens (rejects if it exits or hangs). */
export function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 45_000,
  entry: ServerEntry = 'source',
): Promise<ServerProcess> {
  const args =
    entry === 'built' ? [...productionNodeFlags(), 'dist/src/server.js'] : ['--import', 'tsx', 'src/server.ts'];
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...baseEnv(), HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
  });
  track(child);
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        // Keep collecting for output(), without matching again.
        const collect = (more: Buffer) => (output += more.toString('utf8'));
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        resolve({ child, baseUrl: match[1], output: () => output, exited, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before it listened:\n${output}`));
    });
  });
}
