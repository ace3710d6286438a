// Upload memory for `npm run bench` (issue 12, item 9): the app runs in its own process (bench/app-server.ts on a
// temporary SQLite database) and its resident memory is sampled from /proc while parallel entry forms with files
// come in over real connections. Scenarios: three posts with a bogus CSRF token, each announcing 20 files of
// 10 MB (before the fix they took the server from ~170 to ~700 MB); three posts with a valid token and five
// files of 10 MB each plus a sixth (the largest an honest form can make the server hold). Prints the peak growth
// of the server's memory and how much of each body was sent before the server answered. `--check` exits 1
// when the bogus posts grow the server by 64 MB or more, or when the honest ones grow it by more than 3 × 80 MB
// (50 MB of files each, plus one file's copy while it is joined, plus the allocator's slack).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { table, verdict } from './report.js';

const MB = 1024 * 1024;
const check = process.argv.includes('--check');

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kib ?? 0) * 1024;
}

async function startServer(dataDir: string): Promise<{ port: number; pid: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/app-server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_MAX: '1000000',
      ARGON2_MEMORY_KIB: '19456',
      ARGON2_ITERATIONS: '2',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (line: Buffer) => resolve((JSON.parse(line.toString()) as { port: number }).port));
    child.once('exit', () => reject(new Error('the app server stopped')));
  });
  return { port, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

/** Cookies from a response, merged into a jar. */
function remember(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair?.indexOf('=') ?? -1;
    if (pair !== undefined && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
const tokenIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function parent(base: string, name: string): Promise<{ cookie: string; token: string }> {
  const jar = new Map<string, string>();
  const page = await fetch(`${base}/registreren`);
  remember(jar, page);
  const passphrase = 'paarse regenjas op dinsdag';
  const signedUp = await fetch(`${base}/registreren`, {
    method: 'POST',
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: tokenIn(await page.text()),
      gebruikersnaam: name,
      wachtwoord: passphrase,
      herhaling: passphrase,
    }).toString(),
  });
  remember(jar, signedUp);
  const form = await fetch(`${base}/logboek/nieuw`, { headers: { cookie: cookieHeader(jar) } });
  return { cookie: cookieHeader(jar), token: tokenIn(await form.text()) };
}

/**
 * Sends one entry form over a raw connection: the token, then `files` files of `fileBytes` each, a megabyte at
 * a time, until the server answers or everything is sent. Resolves with the bytes sent and the status line.
 */
async function send(
  port: number,
  who: { cookie: string; token: string },
  files: number,
  fileBytes: number,
): Promise<{ sent: number; total: number; status: string }> {
  const boundary = `----bench${randomBytes(6).toString('hex')}`;
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const fileHead = (index: number) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="bijlagen"; filename="${index}.jpg"\r\n` +
    'Content-Type: image/jpeg\r\n\r\n';
  const start = Buffer.from(
    field('_csrf', who.token) + field('datum', '2026-11-20') + field('categorie', 'contact') + field('tekst', 'x'),
  );
  const total = start.length + files * (fileHead(0).length + fileBytes + 2) + boundary.length + 6;
  const socket = connect(port, '127.0.0.1');
  const received: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  let sent = 0;
  const write = (bytes: Buffer) =>
    new Promise<void>((resolve) => {
      sent += bytes.length;
      socket.write(bytes, () => resolve());
    });
  await write(
    Buffer.from(
      `POST /logboek HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\n` +
        `Content-Length: ${total}\r\nCookie: ${who.cookie}\r\nConnection: close\r\n\r\n`,
    ),
  );
  await write(start);
  const chunk = Buffer.alloc(MB, 0x41);
  outer: for (let index = 0; index < files; index += 1) {
    await write(Buffer.from(fileHead(index)));
    for (let done = 0; done < fileBytes; done += MB) {
      if (socket.destroyed || received.length > 0) break outer;
      await write(chunk.subarray(0, Math.min(MB, fileBytes - done)));
    }
    await write(Buffer.from('\r\n'));
  }
  if (!socket.destroyed && received.length === 0) await write(Buffer.from(`--${boundary}--\r\n`));
  await closed;
  const status = Buffer.concat(received).toString('latin1').split('\r\n')[0] ?? '(no answer)';
  return { sent, total, status };
}

async function scenario(
  port: number,
  pid: number,
  posts: { cookie: string; token: string }[],
  files: number,
): Promise<{ growth: number; results: { sent: number; total: number; status: string }[] }> {
  const before = rssOf(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, 10);
  const results = await Promise.all(posts.map((who) => send(port, who, files, 10 * MB)));
  clearInterval(sampler);
  peak = Math.max(peak, rssOf(pid));
  return { growth: peak - before, results };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nmk-bench-uploads-'));
  const server = await startServer(dataDir);
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const parents = [];
    for (let index = 0; index < 3; index += 1) parents.push(await parent(base, `bench.upload${index}`));
    // Warm up: one honest small post, so first-use allocations are not counted.
    await send(server.port, parents[0]!, 1, 1024);
    const bogus = await scenario(
      server.port,
      server.pid,
      parents.map((who) => ({ ...who, token: 'vervalst' })),
      20,
    );
    const honest = await scenario(server.port, server.pid, parents, 6);
    const rows = [
      ['3 × bogus token, 20 × 10 MB announced', bogus],
      ['3 × valid token, 6 × 10 MB (one too many)', honest],
    ] as const;
    process.stdout.write(
      `\nUploads (server process memory, sampled every 10 ms)\n${table(
        ['scenario', 'peak growth', 'sent before the answer (per post)', 'answers'],
        rows.map(([name, result]) => [
          name,
          `${(result.growth / MB).toFixed(0)} MB`,
          result.results.map((r) => `${(r.sent / MB).toFixed(1)}/${(r.total / MB).toFixed(0)} MB`).join(', '),
          [...new Set(result.results.map((r) => r.status.replace('HTTP/1.1 ', '')))].join(', '),
        ]),
      )}\n`,
    );
    const checks = [
      ['bogus-token posts grow the server by less than 64 MB', bogus.growth < 64 * MB],
      ['honest posts stay within 80 MB each', honest.growth < 3 * 80 * MB],
    ] as const;
    for (const [what, ok] of checks) process.stdout.write(`${verdict(ok)} ${what}\n`);
    if (check && checks.some(([, ok]) => !ok)) process.exitCode = 1;
  } finally {
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
