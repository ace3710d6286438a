import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { HttpBrowser, httpRequest, multipart } from '../helpers/cluster-client.js';
import { type Cluster, startCluster } from '../helpers/cluster.js';

/*
 * Upgrading without anyone noticing (docs/operations.md § Upgrades): an instance stops gracefully on SIGTERM
 * (no new connections, the requests it has are answered, then it exits 0), and a rolling restart — with an
 * expand-only schema change applied while the old code serves — under steady traffic fails no request and
 * loses no acknowledged journal entry.
 */

const passphrase = 'een lange zin die niemand raadt 42';

/** A raw HTTP request whose body is sent in two parts, so that it is in flight while the test acts. */
function splitRequest(port: number, head: string, body: Buffer) {
  const socket = connect({ host: '127.0.0.1', port });
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
  const ended = new Promise<string>((resolve, reject) => {
    socket.once('end', () => resolve(answer));
    socket.once('error', reject);
  });
  const half = Math.floor(body.length / 2);
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return {
    sendFirstPart: async () => {
      await connected;
      socket.write(Buffer.concat([Buffer.from(`${head}\r\n\r\n`), body.subarray(0, half)]));
    },
    /** Resolves once the server has read everything sent so far (its socket's receive queue is empty). */
    read: async () => {
      const port4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
      const server = `:${port4(port)}`;
      const client = `:${port4(socket.localPort ?? 0)}`;
      for (;;) {
        const line = readFileSync('/proc/net/tcp', 'utf8')
          .split('\n')
          .map((row) => row.trim().split(/\s+/))
          .find((fields) => fields[1]?.endsWith(server) === true && fields[2]?.endsWith(client) === true);
        if (line !== undefined && line[4]?.split(':')[1] === '00000000') return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    sendRest: () => socket.write(body.subarray(half)),
    answer: ended,
  };
}

function refuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

async function signedUpParent(baseUrl: string, username: string): Promise<HttpBrowser> {
  const browser = new HttpBrowser(baseUrl);
  await browser.get('/registreren');
  const response = await browser.post('/registreren', {
    gebruikersnaam: username,
    wachtwoord: passphrase,
    herhaling: passphrase,
  });
  assert.equal(response.status, 200, response.text.slice(0, 300));
  return browser;
}

describe('graceful shutdown and a rolling restart', () => {
  let cluster: Cluster;
  before(async () => {
    cluster = await startCluster({ instances: 2 });
  });
  after(() => cluster?.stop());

  test('on SIGTERM an instance refuses new connections, answers the request it is reading, and exits 0', async () => {
    const instance = cluster.instances[1]!;
    const port = Number(new URL(instance.url).port);
    // A form POST whose body is still arriving when the signal comes: it must be answered, not cut off.
    const browser = await signedUpParent(instance.url, 'sigterm-ouder');
    await browser.get('/logboek/nieuw');
    const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const { body, contentType } = multipart({
      _csrf: browser.csrf,
      datum: '2026-11-20',
      categorie: 'contact',
      regel: 'ja',
      metadata: 'ja',
      tekst: 'Midden in het afsluiten geschreven.',
    });
    const request = splitRequest(
      port,
      [
        'POST /logboek HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        `Cookie: ${cookie}`,
        `Content-Type: ${contentType}`,
        `Content-Length: ${body.length}`,
        'Connection: close',
      ].join('\r\n'),
      body,
    );
    await request.sendFirstPart();
    // The server has read the head (and so routed the request: Node parses as it reads) before the signal.
    await request.read();
    await new Promise((resolve) => setTimeout(resolve, 100));
    instance.child.kill('SIGTERM');
    const deadline = Date.now() + 5_000;
    while (!(await refuses(port))) {
      assert.ok(Date.now() < deadline, 'the instance still accepts connections 5 s after SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(instance.child.exitCode, null, 'still running while a request is open');
    request.sendRest();
    const answer = await request.answer;
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
    assert.equal(status, 303, answer.slice(0, 300));
    const { code } = await instance.exited;
    assert.equal(code, 0, instance.output().slice(-2000));
    assert.match(instance.output(), /"msg":"stopped"/);
    // Back in service; the entry written during the shutdown is there, read through nginx.
    await cluster.restart(1);
    const location = /^location: (\S+)/im.exec(answer)?.[1];
    assert.ok(location !== undefined);
    const through = new HttpBrowser(cluster.url);
    for (const [name, value] of browser.cookies) through.cookies.set(name, value);
    const read = await through.get(location);
    assert.equal(read.status, 200);
    assert.match(read.text, /Midden in het afsluiten/);
  });

  test('a rolling restart with an expand-only migration under load: 0 failed requests, no acknowledged entry lost', async (t) => {
    const writers = await Promise.all([0, 1, 2].map((n) => signedUpParent(cluster.url, `rollend-${n}`)));
    const failures: string[] = [];
    const acknowledged: Array<{ writer: HttpBrowser; location: string; text: string }> = [];
    let requests = 0;
    let running = true;

    const load = async (writer: HttpBrowser, n: number) => {
      for (let i = 0; running; i++) {
        const step = i % 3;
        try {
          if (step === 0) {
            const page = await writer.get(i % 2 === 0 ? '/' : '/informatie');
            if (page.status !== 200) failures.push(`GET public page: ${page.status}`);
          } else if (step === 1) {
            const form = await writer.get('/logboek/nieuw');
            if (form.status !== 200) failures.push(`GET /logboek/nieuw: ${form.status}`);
          } else {
            const text = `Notitie ${n}-${i} tijdens het herstarten.`;
            const saved = await writer.post(
              '/logboek',
              { datum: '2026-11-20', categorie: 'contact', regel: 'ja', metadata: 'ja', tekst: text },
              { multipart: true },
            );
            if (saved.status === 303) acknowledged.push({ writer, location: String(saved.headers.location), text });
            else failures.push(`POST /logboek: ${saved.status} ${saved.text.slice(0, 200)}`);
          }
        } catch (error) {
          failures.push(`step ${step}: ${error instanceof Error ? error.message : String(error)}`);
        }
        requests += 1;
      }
    };
    const loads = writers.map((writer, n) => load(writer, n));
    const waitForRequests = async (more: number) => {
      const target = requests + more;
      while (requests < target) await new Promise((resolve) => setTimeout(resolve, 50));
    };

    try {
      await waitForRequests(15);
      // Expand: what the new version's first migration adds, applied while only the old code serves. It may
      // add (nullable columns, tables, indexes built concurrently); it may not drop, rename or tighten.
      const client = new pg.Client({ connectionString: cluster.env.DATABASE_URL });
      await client.connect();
      try {
        await client.query('ALTER TABLE journal_entries ADD COLUMN rolling_test_note text');
        await client.query('CREATE TABLE rolling_test_extra (id text PRIMARY KEY, created_at text NOT NULL)');
        await client.query('CREATE INDEX CONCURRENTLY rolling_test_index ON journal_entries (rolling_test_note)');
      } finally {
        await client.end();
      }
      await waitForRequests(15);
      const old = [...cluster.instances];
      await cluster.restart(0);
      await waitForRequests(15);
      await cluster.restart(1);
      await waitForRequests(15);
      for (const instance of old) {
        assert.equal((await instance.exited).code, 0, 'the old instance stopped cleanly');
        assert.match(instance.output(), /"msg":"stopped"/);
      }
    } finally {
      running = false;
      await Promise.all(loads);
    }

    t.diagnostic(
      `${requests} requests during the rolling restart, ${failures.length} failed, ${acknowledged.length} entries acknowledged`,
    );
    assert.deepEqual(failures, [], `${failures.length} of ${requests} requests failed`);
    assert.ok(acknowledged.length >= 15, `${acknowledged.length} entries acknowledged`);
    for (const { writer, location, text } of acknowledged) {
      const read = await writer.get(location);
      assert.equal(read.status, 200, location);
      assert.ok(read.text.includes(text), `${location} holds its text`);
    }
    // Both new instances serve: the last requests alternate between them.
    const last = cluster.served().slice(-10);
    assert.deepEqual(new Set(last.map((line) => line.instance)), new Set([0, 1]));
    for (const instance of cluster.instances) assert.equal((await httpRequest(`${instance.url}/readyz`)).status, 200);
  });
});
