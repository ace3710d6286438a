import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generate } from 'otplib';
import sharp from 'sharp';
import { verifyBundle } from '../../src/shared/evidence/verify.js';
import { newLogKey, runCli } from '../helpers/app-process.js';
import { HttpBrowser, type HttpResponse, httpRequest } from '../helpers/cluster-client.js';
import { type Cluster, startCluster } from '../helpers/cluster.js';

/*
 * Two instances behind nginx on one PostgreSQL, round-robin with no sticky sessions: every consecutive request
 * of one browser lands on the other instance, and every feature still works — a session, a CSRF token, an
 * upload, an export made by whichever instance's job worker took it, the check, the help finder, the admin area.
 */

const passphrase = 'een lange zin die niemand raadt 42';

/** The radio answers of the check's form: "nee" where it is offered, else the first choice; hidden fields too. */
function calmAnswers(html: string): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [input] of html.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(input)?.[1];
    const value = /\bvalue="([^"]*)"/.exec(input)?.[1];
    if (name === undefined || value === undefined || name === '_csrf') continue;
    if (/type="hidden"/.test(input)) answers[name] = value;
    else if (/type="radio"/.test(input) && (answers[name] === undefined || value === 'nee')) answers[name] = value;
  }
  return answers;
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
    const served = cluster.served().slice(before);
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
    const checked = await browser.post('/check', calmAnswers(checkForm.text));
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
