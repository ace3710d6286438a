// Several app processes behind nginx on one PostgreSQL database, as production runs them (docs/operations.md):
// Debian's nginx in the foreground with a configuration generated into a temporary directory (its own pid file,
// logs and temp paths), round-robin over N instances started by app-process.ts, no sticky sessions, and an
// upstream without keep-alive so that a refused connection is simply tried on the next instance.
// Not a test file itself: it must not end in .test.ts.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AppDatabase,
  type ServerProcess,
  createAppDatabase,
  processSecrets,
  type ServerEntry,
  startServerProcess,
} from './app-process.js';
import { freePort } from './free-port.js';

/** One app instance of the cluster: a server process, with its address under the name the cluster uses. */
export interface ClusterInstance extends ServerProcess {
  /** e.g. http://127.0.0.1:43567: the instance directly, past nginx. Stays the same across restart(i). */
  url: string;
}

/** One line of nginx's access log: which instance answered what. */
export interface ServedRequest {
  /** The instance's index in `instances`, or -1 when nginx answered itself (e.g. 502 with no instance up). */
  instance: number;
  /** Every instance nginx tried, in order (more than one after a refused connection or a retried 404). */
  tried: number[];
  status: number;
  method: string;
  /** The path without the query string. */
  path: string;
}

export interface Cluster {
  /** nginx's http://127.0.0.1:<port> */
  url: string;
  /** Each also reachable directly at instances[i].url. restart(i) replaces the element in place. */
  instances: ClusterInstance[];
  /** One PostgreSQL database shared by all instances. */
  database: AppDatabase;
  /** The env every instance got (secrets, DATABASE_URL, DATA_DIR, TRUST_PROXY, PUBLIC_ORIGIN, …). */
  env: Record<string, string>;
  /** Sends the signal (default SIGTERM) to instance i and waits until it has exited. nginx is not told. */
  kill(i: number, signal?: NodeJS.Signals): Promise<void>;
  /**
   * A rolling-restart step for instance i: drains it in nginx (marked `down`, configuration reloaded, the old
   * nginx worker gone, so nothing is in flight to it), stops it with SIGTERM (graceful), starts it again on the
   * same port with `extraEnv` added (kept for later restarts), waits until it listens, and puts it back in nginx.
   * The reloads close idle keep-alive connections between a client and nginx, as any nginx reload does (browsers
   * retry a request on such a connection); load generators should open a connection per request.
   */
  restart(i: number, extraEnv?: Record<string, string>): Promise<void>;
  /** Every request nginx logged so far (the last line may lag behind its answer: see servedAtLeast). */
  served(): ServedRequest[];
  /** Stops nginx and every instance, drops the database, removes the temporary directories. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * nginx writes a request's access line just after it has sent the answer, so the client can be quicker: waits (up
 * to 5 s) until at least `count` lines are logged, and returns them all.
 */
export async function servedAtLeast(cluster: Cluster, count: number): Promise<ServedRequest[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const served = cluster.served();
    if (served.length >= count || Date.now() > deadline) return served;
    await sleep(10);
  }
}

const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx'];
const IS_ROOT = process.getuid?.() === 0;

function findNginx(): string | undefined {
  const onPath = (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'nginx'));
  return [...NGINX_CANDIDATES, ...onPath].find((candidate) => existsSync(candidate));
}

/** Path of nginx, installing Debian's package with apt-get as root if it is missing; undefined if impossible. */
export function nginxAvailable(): string | undefined {
  const found = findNginx();
  if (found !== undefined || !IS_ROOT || !existsSync('/usr/bin/apt-get')) return found;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args: string[]) =>
    spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], { env, stdio: ['ignore', 2, 2] }).status === 0;
  // Installing may start Debian's own nginx service on port 80; the harness never uses that one.
  if (!apt('install', '-y', 'nginx')) {
    apt('update');
    apt('install', '-y', 'nginx');
  }
  return findNginx();
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The nginx worker processes: children of the master. */
function childrenOf(pid: number): number[] {
  const listed = `/proc/${pid}/task/${pid}/children`;
  if (existsSync(listed)) {
    return readFileSync(listed, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  }
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command may hold spaces and parentheses: the fields after the last ')' are fixed.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // Gone while we looked.
    }
  }
  return children;
}

/** nginx processes still running when this test process exits are stopped: no proxy outlives its test. */
const masters = new Set<ChildProcess>();
process.on('exit', () => {
  // SIGTERM, not SIGKILL: the master then stops its workers too.
  for (const master of masters) master.kill('SIGTERM');
});

function nginxConfig(dir: string, listenPort: number, ports: readonly number[], drained: ReadonlySet<number>): string {
  const servers = ports
    .map((port, i) => `    server 127.0.0.1:${port} max_fails=0${drained.has(i) ? ' down' : ''};`)
    .join('\n');
  return `# Generated by test/helpers/cluster.ts for one test; deploy/nginx.conf is the production configuration.
daemon off;
master_process on;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
${IS_ROOT ? 'user root root;' : ''}

events {
  worker_connections 1024;
}

http {
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  log_format served '$upstream_addr|$status|$request_method|$uri';
  access_log ${dir}/access.log served;
  # Journal entries carry up to 50 MB of files; the app sets its own limits per route.
  client_max_body_size 64m;

  upstream app {
    # Round-robin, no sticky sessions. max_fails=0: an instance that refused a connection is not set aside,
    # every request tries it again (and moves on to the next one, below).
${servers}
  }

  server {
    listen 127.0.0.1:${listenPort};
    # HTTP/1.0 upstream, a connection per request: nothing is in flight on a connection nginx keeps.
    proxy_http_version 1.0;
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    # A connection refused (nothing sent yet) goes to the next instance, POSTs included; a request already
    # sent is retried only when it is idempotent (nginx's default for non_idempotent).
    proxy_next_upstream error timeout;
    proxy_next_upstream_tries 0;
    proxy_connect_timeout 2s;
    proxy_read_timeout 120s;
    # As deploy/nginx.conf: bodies stream to the app, nothing personal in nginx's temp files.
    proxy_request_buffering off;
    proxy_max_temp_file_size 0;
    location / {
      proxy_pass http://app;
    }
    # Fingerprinted files (assets, the verifier's script): during a rolling restart old and new instances know
    # different names, so a 404 is asked of the next instance (GETs only).
    location ~ ^/(assets|verifieer)/ {
      proxy_pass http://app;
      proxy_next_upstream error timeout http_404;
    }
  }
}
`;
}

export async function startCluster(options: {
  instances: number;
  env?: Record<string, string>;
  /** 'built': the instances run dist/ as production does (the caller builds first); default from source. */
  entry?: ServerEntry;
}): Promise<Cluster> {
  const nginx = nginxAvailable();
  if (nginx === undefined) {
    throw new Error('the cluster tests need nginx: run "apt-get install -y nginx" as root');
  }
  if (options.instances < 1) throw new Error('a cluster needs at least one instance');

  const dir = mkdtempSync(path.join(IS_ROOT ? '/tmp' : os.tmpdir(), 'nmk-nginx-'));
  // nginx's workers may run as another user than the master: let them reach their temp paths.
  chmodSync(dir, 0o755);
  const database = await createAppDatabase('postgres');
  const ports: number[] = [];
  for (let i = 0; i < options.instances; i++) ports.push(await freePort());
  const nginxPort = await freePort();
  const url = `http://127.0.0.1:${nginxPort}`;

  const env: Record<string, string> = {
    ...processSecrets(),
    ...database.env,
    TRUST_PROXY: '127.0.0.1',
    PUBLIC_ORIGIN: `http://localhost:${nginxPort}`,
    // Every request comes from 127.0.0.1: the per-address limit would be shared by the whole test.
    RATE_LIMIT_MAX: '100000',
    ...options.env,
  };
  const instanceEnv: Record<string, string>[] = ports.map(() => ({}));
  const start = async (i: number): Promise<ClusterInstance> => {
    // A loaded test machine (two test files at once, each with its instances) can take long over the first start.
    const server = await startServerProcess(
      { ...env, ...instanceEnv[i], PORT: String(ports[i]) },
      120_000,
      options.entry,
    );
    return Object.assign(server, { url: server.baseUrl });
  };

  const instances: ClusterInstance[] = [];
  let master: ChildProcess | undefined;
  let nginxOutput = '';
  const drained = new Set<number>();
  const confFile = path.join(dir, 'nginx.conf');
  let stopped = false;

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const running = master;
    if (running !== undefined && running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    }
    await Promise.all(instances.map((instance) => instance.stop('SIGTERM')));
    try {
      await database.cleanup();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  const reload = async () => {
    const running = master;
    if (running?.pid === undefined) throw new Error('nginx is not running');
    writeFileSync(confFile, nginxConfig(dir, nginxPort, ports, drained));
    const before = childrenOf(running.pid);
    running.kill('SIGHUP');
    // Reloaded once the old workers (with the old upstream list) have finished their requests and exited.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const now = childrenOf(running.pid);
      if (before.every((pid) => !alive(pid) || !now.includes(pid)) && now.length > 0) return;
      if (Date.now() > deadline) throw new Error(`nginx did not reload within 30 s:\n${nginxOutput}`);
      await sleep(20);
    }
  };

  try {
    // The first instance migrates and seeds the empty database alone; the others then start together.
    instances.push(await start(0));
    instances.push(...(await Promise.all(ports.slice(1).map((_, k) => start(k + 1)))));

    writeFileSync(confFile, nginxConfig(dir, nginxPort, ports, drained));
    const check = spawnSync(nginx, ['-t', '-p', dir, '-c', confFile, '-e', path.join(dir, 'error.log')], {
      encoding: 'utf8',
    });
    if (check.status !== 0) throw new Error(`nginx refused the generated configuration:\n${check.stderr}`);
    const started = spawn(nginx, ['-p', dir, '-c', confFile, '-e', path.join(dir, 'error.log')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    master = started;
    masters.add(started);
    started.once('exit', () => masters.delete(started));
    started.stdout.on('data', (chunk: Buffer) => (nginxOutput += chunk.toString('utf8')));
    started.stderr.on('data', (chunk: Buffer) => (nginxOutput += chunk.toString('utf8')));
    const deadline = Date.now() + 15_000;
    while (!(await canConnect(nginxPort))) {
      if (started.exitCode !== null || Date.now() > deadline) {
        const log = existsSync(path.join(dir, 'error.log')) ? readFileSync(path.join(dir, 'error.log'), 'utf8') : '';
        throw new Error(`nginx did not start:\n${nginxOutput}${log}`);
      }
      await sleep(20);
    }
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }

  const byAddress = new Map(ports.map((port, i) => [`127.0.0.1:${port}`, i]));
  return {
    url,
    instances,
    database,
    env,
    async kill(i, signal = 'SIGTERM') {
      const instance = instances[i];
      if (instance === undefined) throw new Error(`no instance ${i}`);
      await instance.stop(signal);
    },
    async restart(i, extraEnv = {}) {
      const instance = instances[i];
      if (instance === undefined) throw new Error(`no instance ${i}`);
      instanceEnv[i] = { ...instanceEnv[i], ...extraEnv };
      drained.add(i);
      await reload();
      const wasRunning = instance.child.exitCode === null && instance.child.signalCode === null;
      const { code, signal } = await instance.stop('SIGTERM');
      // An instance a test killed before (kill -9, a crash) is simply started again.
      if (wasRunning && code !== 0 && signal === null) {
        throw new Error(`instance ${i} did not stop cleanly (exit ${code}):\n${instance.output().slice(-4000)}`);
      }
      instances[i] = await start(i);
      drained.delete(i);
      await reload();
    },
    served() {
      const file = path.join(dir, 'access.log');
      if (!existsSync(file)) return [];
      return readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => {
          const [upstream = '-', status = '0', method = '', ...uri] = line.split('|');
          // After a retry nginx lists every instance tried ("a, b"); the last one answered.
          const tried = upstream.split(', ').map((address) => byAddress.get(address) ?? -1);
          const instance = tried.at(-1) ?? -1;
          return { instance, tried, status: Number(status), method, path: uri.join('|') };
        });
    },
    stop,
  };
}
