import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generate } from 'otplib';
import sharp from 'sharp';
import { verifyBundle } from '../../src/shared/evidence/verify.js';
import { newLogKey, runCli } from '../helpers/app-process.js';
import { calmCheckAnswers, HttpBrowser, type HttpResponse, httpRequest, multipart } from '../helpers/cluster-client.js';
import { freePort } from '../helpers/free-port.js';
import { type Cluster, nginxAvailable, servedAtLeast, startCluster } from '../helpers/cluster.js';
import { projectRoot } from '../../src/shared/paths.js';

/*
 * Two instances behind nginx on one PostgreSQL, round-robin with no sticky sessions: every consecutive request
 * of one browser lands on the other instance, and every feature still works — a session, a CSRF token, an
 * upload, an export made by whichever instance's job worker took it, the check, the help finder, the admin area.
 */

const passphrase = 'een lange zin die niemand raadt 42';

/** One HTTP/2 request over TLS; the answer with the protocol the connection agreed on. */
async function h2Request(
  origin: string,
  ca: string,
  request: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer },
): Promise<{ status: number; headers: http2.IncomingHttpHeaders; text: string; alpn: string | false | undefined }> {
  const session = http2.connect(origin, { ca, servername: 'localhost' });
  try {
    await new Promise<void>((resolve, reject) => {
      session.once('connect', () => resolve());
      session.once('error', reject);
    });
    const stream = session.request({ ':method': request.method ?? 'GET', ':path': request.path, ...request.headers });
    stream.end(request.body);
    const headers = await new Promise<http2.IncomingHttpHeaders>((resolve, reject) => {
      stream.once('response', resolve);
      stream.once('error', reject);
    });
    let text = '';
    stream.setEncoding('utf8');
    for await (const chunk of stream) text += String(chunk);
    return { status: Number(headers[':status']), headers, text, alpn: session.alpnProtocol };
  } finally {
    session.close();
  }
}

describe('two instances behind nginx', () => {
  let cluster: Cluster;
  const logKey = newLogKey();
  before(async () => {
    cluster = await startCluster({ instances: 2, env: { LOG_SIGNING_KEY: logKey.signingKey } });
  });
  after(() => cluster?.stop());

  test('consecutive requests land on alternating instances, each also reachable directly', async () => {
    const before = cluster.served().length;
    for (let i = 0; i < 6; i++) {
      const response = await httpRequest(`${cluster.url}/healthz`);
      assert.equal(response.status, 200);
    }
    const served = (await servedAtLeast(cluster, before + 6)).slice(before);
    assert.deepEqual(
      served.map((line) => line.path),
      Array(6).fill('/healthz'),
    );
    const instances = served.map((line) => line.instance);
    for (let i = 1; i < instances.length; i++) assert.notEqual(instances[i], instances[i - 1], instances.join(','));
    assert.deepEqual(new Set(instances), new Set([0, 1]));
    for (const instance of cluster.instances) {
      assert.equal((await httpRequest(`${instance.url}/readyz`)).status, 200);
    }
  });

  test('a fingerprinted file one instance does not know is asked of the other (rolling restarts), a page is not', async () => {
    const home = await httpRequest(`${cluster.url}/`);
    const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec(home.text)?.[1];
    assert.ok(stylesheet !== undefined);
    const before = cluster.served().length;
    assert.equal((await httpRequest(`${cluster.url}${stylesheet}`)).status, 200);
    // As an old instance would answer for a new release's file name (and the other way round).
    const unknown = stylesheet.replace(/\.[0-9a-f]{12}\.css$/, '.000000000000.css');
    assert.equal((await httpRequest(`${cluster.url}${unknown}`)).status, 404);
    assert.equal((await httpRequest(`${cluster.url}/verifieer/verifier.000000000000.js`)).status, 404);
    assert.equal((await httpRequest(`${cluster.url}/informatie/bestaat-niet`)).status, 404);
    const served = (await servedAtLeast(cluster, before + 4)).slice(Math.max(0, before - 1));
    const line = (path: string) => served.find((candidate) => candidate.path === path);
    const [found, missing, script, page] = [
      stylesheet,
      unknown,
      '/verifieer/verifier.000000000000.js',
      '/informatie/bestaat-niet',
    ].map(line);
    assert.equal(found?.tried.length, 1);
    assert.deepEqual(new Set(missing?.tried), new Set([0, 1]), 'both instances asked for the unknown file');
    assert.deepEqual(new Set(script?.tried), new Set([0, 1]));
    assert.equal(page?.tried.length, 1, 'a page that does not exist is not asked twice');
  });

  test('deploy/nginx.conf as shipped: TLS, HTTP/2, HTTP sent to HTTPS, the app sees HTTPS, an upload streams through', async () => {
    const nginx = nginxAvailable()!;
    const dir = mkdtempSync(path.join('/tmp', 'nmk-deploy-nginx-'));
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    const made = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(made.status, 0, made.stderr);
    const [httpPort, httpsPort] = [await freePort(), await freePort()];
    const [first, second] = cluster.instances.map((instance) => new URL(instance.url).port);
    // The shipped file, with only addresses, ports and paths changed for a test.
    const shipped = readFileSync(path.join(projectRoot, 'deploy', 'nginx.conf'), 'utf8');
    const adapted = shipped
      .replace('127.0.0.1:3001', `127.0.0.1:${first}`)
      .replace('127.0.0.1:3002', `127.0.0.1:${second}`)
      .replace(/^\s*listen \[::\].*$/gm, '')
      .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
      .replace('listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`)
      .replace(/ssl_certificate \S+;/, `ssl_certificate ${cert};`)
      .replace(/ssl_certificate_key \S+;/, `ssl_certificate_key ${key};`)
      .replace('/var/log/nginx/niet-mijn-kind.log', path.join(dir, 'access.log'))
      .replace('/var/www/acme', dir);
    writeFileSync(path.join(dir, 'site.conf'), adapted);
    writeFileSync(
      path.join(dir, 'nginx.conf'),
      [
        'daemon off;',
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/error.log warn;`,
        process.getuid?.() === 0 ? 'user root root;' : '',
        'events { worker_connections 256; }',
        'http {',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${name}_temp_path ${dir}/${name};`),
        `  include ${dir}/site.conf;`,
        '}',
      ].join('\n'),
    );
    const args = ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')];
    const checked = spawnSync(nginx, ['-t', ...args], { encoding: 'utf8' });
    assert.equal(checked.status, 0, checked.stderr);
    const master = spawn(nginx, args, { stdio: 'ignore' });
    try {
      const origin = `https://127.0.0.1:${httpsPort}`;
      const ca = readFileSync(cert, 'utf8');
      for (let tries = 0; ; tries++) {
        try {
          await h2Request(origin, ca, { path: '/healthz' });
          break;
        } catch (error) {
          if (tries > 200) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      const home = await h2Request(origin, ca, { path: '/' });
      assert.equal(home.alpn, 'h2');
      assert.equal(home.status, 200);
      assert.match(String(home.headers['strict-transport-security']), /max-age=\d+/, 'the app saw HTTPS');

      const redirect = await httpRequest(`http://127.0.0.1:${httpPort}/informatie?x=1`, {
        headers: { host: 'logboek.example.org' },
      });
      assert.equal(redirect.status, 301);
      assert.equal(redirect.headers.location, 'https://logboek.example.org/informatie?x=1');

      // A parent signs up and writes an entry with a photo over HTTP/2 (the body streams to the app).
      const form = await h2Request(origin, ca, { path: '/registreren' });
      const cookieOf = (headers: http2.IncomingHttpHeaders) =>
        [headers['set-cookie'] ?? []]
          .flat()
          .map((line) => line.split(';')[0])
          .join('; ');
      let cookie = cookieOf(form.headers);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
      const signedUp = await h2Request(origin, ca, {
        method: 'POST',
        path: '/registreren',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: Buffer.from(
          new URLSearchParams({
            _csrf: csrf,
            gebruikersnaam: 'h2-ouder',
            wachtwoord: passphrase,
            herhaling: passphrase,
          }).toString(),
        ),
      });
      assert.equal(signedUp.status, 200, signedUp.text.slice(0, 300));
      cookie = [cookie, cookieOf(signedUp.headers)].filter(Boolean).join('; ');
      const entryForm = await h2Request(origin, ca, { path: '/logboek/nieuw', headers: { cookie } });
      assert.equal(entryForm.status, 200);
      const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#1abc9c' } })
        .jpeg()
        .toBuffer();
      const entry = multipart({
        _csrf: /name="_csrf" value="([^"]+)"/.exec(entryForm.text)?.[1],
        datum: '2026-11-21',
        categorie: 'contact',
        regel: 'ja',
        metadata: 'ja',
        tekst: 'Over HTTP/2 geschreven.',
        bijlagen: { filename: 'foto.jpg', contentType: 'image/jpeg', data: photo },
      });
      const saved = await h2Request(origin, ca, {
        method: 'POST',
        path: '/logboek',
        headers: { 'content-type': entry.contentType, cookie },
        body: entry.body,
      });
      assert.equal(saved.status, 303, saved.text.slice(0, 300));

      // The proxy's access log holds no client address, path or query string.
      const log = readFileSync(path.join(dir, 'access.log'), 'utf8').trim().split('\n');
      assert.ok(log.length >= 5);
      for (const line of log) assert.match(line, /^\S+ \d{3} (GET|POST) 127\.0\.0\.1:\d+ [\d.]+$/);
      assert.doesNotMatch(log.join('\n'), /registreren|logboek|informatie/);
    } finally {
      const exited = new Promise((resolve) => master.once('exit', resolve));
      master.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('every feature, one request per instance in turn', async () => {
    const first = cluster.served().length;
    const browser = new HttpBrowser(cluster.url);
    const ok = (response: HttpResponse, status = 200) =>
      assert.equal(response.status, status, `${response.status}: ${response.text.slice(0, 400)}`);

    // Public pages, search, the check and the help finder.
    ok(await browser.get('/'));
    ok(await browser.get('/informatie'));
    ok(await browser.get('/zoeken?q=loverboy'));
    const checkForm = await browser.get('/check');
    ok(checkForm);
    const checked = await browser.post('/check', calmCheckAnswers(checkForm.text));
    ok(checked);
    const help = await browser.get('/hulp?postcode=9711');
    ok(help);
    assert.match(help.text, /Groningen/);

    // A parent signs up, signs out, signs in again.
    ok(await browser.get('/registreren'));
    ok(
      await browser.post('/registreren', {
        gebruikersnaam: 'cluster-ouder',
        wachtwoord: passphrase,
        herhaling: passphrase,
      }),
    );
    ok(await browser.post('/uitloggen', {}, { tokenFrom: '/account' }), 303);
    ok(await browser.get('/account'), 404);
    ok(await browser.get('/inloggen'));
    const signedIn = await browser.post('/inloggen', { gebruikersnaam: 'cluster-ouder', wachtwoord: passphrase });
    ok(signedIn, 303);
    ok(await browser.get('/account'));

    // Journal entries, one with a photo, read back with the photo.
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2e86c1' } })
      .jpeg()
      .toBuffer();
    const entry = { datum: '2026-11-20', categorie: 'contact', regel: 'ja', metadata: 'ja' };
    ok(await browser.get('/logboek/nieuw'));
    const withPhoto = await browser.post('/logboek', {
      ...entry,
      tekst: 'Een blauwe auto stond weer bij school.',
      bijlagen: { filename: 'foto.jpg', contentType: 'image/jpeg', data: photo },
    });
    ok(withPhoto, 303);
    const location = String(withPhoto.headers.location);
    assert.match(location, /^\/logboek\/[0-9a-f-]{36}$/);
    ok(await browser.get('/logboek/nieuw'));
    ok(
      await browser.post('/logboek', { ...entry, tekst: 'Ze kwam pas om middernacht thuis.' }, { multipart: true }),
      303,
    );
    const read = await browser.get(location);
    ok(read);
    assert.match(read.text, /blauwe auto/);
    const thumbnail = /src="(\/logboek\/bijlage\/[0-9a-f-]{36}\/voorbeeld)"/.exec(read.text)?.[1];
    assert.ok(thumbnail !== undefined, 'the entry shows its photo');
    const full = await browser.get(thumbnail.replace('/voorbeeld', ''));
    ok(full);
    assert.equal(full.body.subarray(0, 2).toString('hex'), 'ffd8', 'a JPEG');
    const list = await browser.get('/logboek');
    ok(list);
    assert.match(list.text, /middernacht/);

    // An export: started on one instance, made by whichever job worker takes it, downloaded through the other.
    ok(await browser.get('/logboek/export'));
    const started = await browser.post('/logboek/export', { label: 'C.', keuze: 'alles', wachtwoord: passphrase });
    ok(started, 303);
    let state = 'running';
    for (let tries = 0; state === 'running' && tries < 600; tries++) {
      const stand = await browser.get('/logboek/export/stand');
      ok(stand);
      state = (JSON.parse(stand.text) as { state: string }).state;
      if (state === 'running') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(state, 'done');
    ok(await browser.get('/logboek/export/bezig'));
    const zip = await browser.post('/logboek/export/ophalen', {});
    ok(zip);
    assert.equal(zip.headers['content-type'], 'application/zip');
    const report = await verifyBundle(new Uint8Array(zip.body), { extraLogKey: logKey.publicKey });
    assert.deepEqual(report.failures, []);
    assert.equal(report.valid, true);

    // An admin from a set-up link (the CLI), with TOTP as second factor, reaches the admin area.
    const cli = await runCli(['create-admin', '--email', 'beheer@example.org'], cluster.env);
    assert.equal(cli.status, 0, cli.stderr);
    const setupPath = /\/beheer\/start\/[A-Za-z0-9_-]+/.exec(cli.stdout)?.[0];
    assert.ok(setupPath !== undefined, cli.stdout);
    const admin = new HttpBrowser(cluster.url);
    ok(await admin.get(setupPath));
    ok(await admin.post(setupPath, { gebruikersnaam: 'beheerder', wachtwoord: passphrase, herhaling: passphrase }));
    ok(await admin.get('/beheer'), 404);
    const setup = await admin.get('/account/tweede-stap');
    ok(setup);
    const secret = /data-totp-secret="true">([^<]+)</.exec(setup.text)?.[1]?.replace(/ /g, '');
    assert.ok(secret !== undefined);
    ok(await admin.post('/account/tweede-stap', { code: await generate({ secret }) }), 303);
    ok(await admin.get('/beheer'));
    ok(await admin.get('/beheer/uitnodigingen/nieuw'));

    // Every request of the walk went to the other instance than the one before it; both served GETs and POSTs.
    const served = cluster.served().slice(first);
    assert.ok(served.length >= 30, `${served.length} requests`);
    const instances = served.map((line) => line.instance);
    const repeats = instances.flatMap((instance, i) => (i > 0 && instance === instances[i - 1] ? [i] : []));
    assert.deepEqual(repeats, [], 'no two consecutive requests on the same instance');
    for (const instance of [0, 1]) {
      for (const method of ['GET', 'POST']) {
        assert.ok(
          served.some((line) => line.instance === instance && line.method === method),
          `instance ${instance} served a ${method}`,
        );
      }
    }
    assert.deepEqual(
      served.filter((line) => line.status >= 500),
      [],
    );
  });
});
