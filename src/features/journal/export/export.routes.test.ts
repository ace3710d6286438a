import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { buildTestApp, csrfTokenFrom, setCookies, type TestApp } from '../../../../test/helpers/app.js';
import { dialects } from '../../../../test/helpers/databases.js';
import { verifyBundle } from '../../../shared/evidence/verify.js';

/*
 * The export through HTTP: the parent adds, corrects and redacts entries, exports all or part of the journal
 * after giving the passphrase again, and the bundle verifies with the same verifier the police use — with the
 * app's log key, the author fingerprint handed over, and a checkpoint noted earlier.
 */

const passphrase = 'houten bootje in de gracht';

for (const dialect of dialects) {
  describe(`journal export (${dialect})`, () => {
    let testApp: TestApp;
    let cookies: Record<string, string> = {};
    const ids: string[] = [];
    let logKey: string;
    before(async () => {
      testApp = await buildTestApp(dialect);
      logKey = testApp.services.logKey.publicKey.toString('base64');
      const { app } = testApp;
      const page = await app.inject({ method: 'GET', url: '/registreren' });
      cookies = Object.fromEntries(setCookies(page.headers));
      const signedUp = await app.inject({
        method: 'POST',
        url: '/registreren',
        cookies,
        payload: {
          _csrf: csrfTokenFrom(page.body),
          gebruikersnaam: 'export.ouder',
          wachtwoord: passphrase,
          herhaling: passphrase,
        },
      });
      cookies = { ...cookies, ...Object.fromEntries(setCookies(signedUp.headers)) };
      const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#16a085' } })
        .jpeg()
        .toBuffer();
      const add = async (url: string, text: string, withPhoto = false) => {
        const form = new FormData();
        const token = csrfTokenFrom((await app.inject({ method: 'GET', url: '/logboek/nieuw', cookies })).body);
        for (const [name, value] of Object.entries({
          _csrf: token,
          datum: '2026-11-2' + String(ids.length % 9),
          categorie: 'behaviour',
          tekst: text,
          regel: 'ja',
          metadata: 'ja',
        })) {
          form.append(name, value);
        }
        if (withPhoto) form.append('bijlagen', new Blob([new Uint8Array(photo)]), 'a.jpg');
        const request = new Request('http://localhost/', { method: 'POST', body: form });
        const response = await app.inject({
          method: 'POST',
          url,
          cookies,
          payload: Buffer.from(await request.arrayBuffer()),
          headers: { 'content-type': request.headers.get('content-type')! },
        });
        assert.equal(response.statusCode, 303);
        return String(response.headers.location).split('/').pop()!;
      };
      ids.push(await add('/logboek', 'Ëerste notitie met foto', true));
      ids.push(await add('/logboek', 'Tweede notitie'));
      ids.push(await add(`/logboek/${ids[0]}/corrigeren`, 'Verbetering van de eerste'));
      ids.push(await add('/logboek', 'Vierde, wordt gewist'));
      const confirm = await app.inject({ method: 'GET', url: `/logboek/${ids[3]}/wissen`, cookies });
      const redacted = await app.inject({
        method: 'POST',
        url: `/logboek/${ids[3]}/wissen`,
        cookies,
        payload: { _csrf: csrfTokenFrom(confirm.body) },
      });
      assert.equal(redacted.statusCode, 303);
    });
    after(async () => testApp.close());

    async function exportWith(fields: Record<string, string | string[]>) {
      const page = await testApp.app.inject({ method: 'GET', url: '/logboek/export', cookies });
      assert.equal(page.statusCode, 200);
      return testApp.app.inject({
        method: 'POST',
        url: '/logboek/export',
        cookies,
        payload: new URLSearchParams([
          ['_csrf', csrfTokenFrom(page.body)],
          ...Object.entries(fields).flatMap(([name, value]) =>
            Array.isArray(value) ? value.map((item) => [name, item]) : [[name, value]],
          ),
        ]).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    }

    test('a full export verifies: entries, the correction, the redaction, the photo and its original', async () => {
      const page = await testApp.app.inject({ method: 'GET', url: '/logboek/export', cookies });
      const fingerprint = /class="app-fingerprint">([0-9a-f ]{79})</.exec(page.body)?.[1];
      assert.ok(fingerprint !== undefined, 'the page shows the account fingerprint');
      const response = await exportWith({ label: 'S.', keuze: 'alles', wachtwoord: passphrase });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-disposition'], 'attachment; filename="export.zip"');
      const zip = new Uint8Array(response.rawPayload);
      const report = await verifyBundle(zip, { extraLogKey: logKey, authorFingerprint: fingerprint });
      assert.deepEqual(report.failures, []);
      assert.equal(report.valid, true);
      assert.equal(report.summary?.size, 5);
      const members = Object.keys(unzipSync(zip)).sort();
      assert.deepEqual(members, [
        'attachments/0-1-original.jpg',
        'attachments/0-1.jpg',
        'journal.pdf',
        'manifest.json',
      ]);
      const manifest = JSON.parse(Buffer.from(unzipSync(zip)['manifest.json']!).toString('utf8')) as {
        redacted: number[];
        withheld: number[];
      };
      assert.deepEqual(manifest.redacted, [3]);
      assert.deepEqual(manifest.withheld, []);
      assert.ok(
        !Buffer.from(zip).includes(Buffer.from('Vierde, wordt gewist')),
        'redacted content is not in the bundle',
      );
    });

    test('a partial export declares what it withholds and still verifies; the diary is never in it', async () => {
      const diary = await testApp.app.inject({ method: 'GET', url: '/dagboek', cookies });
      await testApp.app.inject({
        method: 'POST',
        url: '/dagboek',
        cookies,
        payload: { _csrf: csrfTokenFrom(diary.body), tekst: 'Mijn eigen gedachten, geheim' },
      });
      const response = await exportWith({
        label: 'S.',
        keuze: 'deel',
        notitie: [ids[1]!],
        wachtwoord: passphrase,
        bekend: '2',
      });
      assert.equal(response.statusCode, 200);
      const zip = new Uint8Array(response.rawPayload);
      const report = await verifyBundle(zip, {
        extraLogKey: logKey,
        knownCheckpoint: { size: 2, root: await rootAt(2) },
      });
      assert.deepEqual(report.failures, []);
      const manifest = JSON.parse(Buffer.from(unzipSync(zip)['manifest.json']!).toString('utf8')) as {
        entries: { index: number }[];
        withheld: number[];
        redacted: number[];
      };
      // Entry 2 (index 1) as chosen, and the redaction entry (index 4) that a verifier needs for index 3.
      assert.deepEqual(
        manifest.entries.map((entry) => entry.index),
        [1, 4],
      );
      assert.deepEqual(manifest.withheld, [0, 2]);
      assert.deepEqual(manifest.redacted, [3]);
      assert.ok(!Buffer.from(zip).includes(Buffer.from('geheim')));
      assert.ok(!Buffer.from(zip).includes(Buffer.from('Ëerste')), 'withheld text is not in the bundle');
      // A root noted earlier that this log does not extend is refused.
      const wrong = await verifyBundle(zip, {
        extraLogKey: logKey,
        knownCheckpoint: { size: 2, root: 'ab'.repeat(32) },
      });
      assert.equal(wrong.valid, false);
    });

    async function rootAt(size: number): Promise<string> {
      const row = await testApp.database.handle.db
        .selectFrom('journal_checkpoints')
        .select('bytes')
        .where('size', '=', size)
        .executeTakeFirstOrThrow();
      return (JSON.parse(row.bytes) as { root: string }).root;
    }

    test('the global root is published and includes the exported checkpoint', async () => {
      const root = await testApp.app.inject({ method: 'GET', url: '/api/v1/log/root' });
      assert.equal(root.statusCode, 200);
      const body = root.json<{ size: number; root: string; key: string; signature: string }>();
      assert.equal(body.key, testApp.services.logKey.id);
      assert.ok(body.size >= 1);
      const keys = await testApp.app.inject({ method: 'GET', url: '/api/v1/log/keys' });
      assert.equal(keys.json<{ current: { publicKey: string } }>().current.publicKey, logKey);
    });

    const bad: [string, Record<string, string | string[]>, number, RegExp][] = [
      ['no label', { label: '', keuze: 'alles', wachtwoord: passphrase }, 400, /hoe je je kind in deze export noemt/],
      [
        'a wrong passphrase',
        { label: 'S.', keuze: 'alles', wachtwoord: 'dit is hem niet' },
        400,
        /wachtwoordzin klopt niet/,
      ],
      ['nothing ticked', { label: 'S.', keuze: 'deel', wachtwoord: passphrase }, 400, /minstens één notitie/],
      [
        'a range beyond the journal',
        { label: 'S.', keuze: 'reeks', van: '2', tot: '99', wachtwoord: passphrase },
        400,
        /twee nummers/,
      ],
      [
        'a known size that never was',
        { label: 'S.', keuze: 'alles', bekend: '999', wachtwoord: passphrase },
        400,
        /aantal notities/,
      ],
      ['no choice', { label: 'S.', wachtwoord: passphrase }, 400, /Kies welke notities/],
    ];
    for (const [name, fields, status, message] of bad) {
      test(`${name}: ${status} with a message, no download`, async () => {
        const response = await exportWith(fields);
        assert.equal(response.statusCode, status);
        assert.match(response.body, message);
        assert.match(String(response.headers['content-type']), /text\/html/);
      });
    }

    test('within 5 minutes of signing in, the export need not ask the passphrase again', async () => {
      const response = await exportWith({ label: 'S.', keuze: 'reeks', van: '1', tot: '2' });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'application/zip');
    });

    test('a stranger gets no export page', async () => {
      assert.equal((await testApp.app.inject({ method: 'GET', url: '/logboek/export' })).statusCode, 404);
    });
  });
}
