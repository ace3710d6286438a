import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createHash, randomUUID } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import sharp from 'sharp';
import { appForSuite, csrfTokenFrom, setCookies, signInOverHttp } from '../../../../test/helpers/app.js';
import { dialects } from '../../../../test/helpers/databases.js';
import { buildAdmin, buildParent } from '../../../../test/helpers/factories.js';
import { entryFormBody } from '../../../../test/helpers/journal.js';
import {
  downloadExport,
  exportJournal,
  holdExport,
  postExportForm,
  waitForExport,
} from '../../../../test/helpers/export.js';
import { allAttachments, ExportTooLarge, journalActorOf } from '../journal.service.js';
import { verifyBundle } from '../../../shared/evidence/verify.js';
import { storedPublicKey } from './sealing.js';

/*
 * The export through HTTP: the parent adds, corrects and redacts entries, exports all or part of the journal
 * after giving the passphrase again, and the bundle verifies with the same verifier the police use — with the
 * app's log key, the author fingerprint handed over, and a checkpoint noted earlier.
 */

const passphrase = 'houten bootje in de gracht';

for (const dialect of dialects) {
  describe(`journal export (${dialect})`, () => {
    const testApp = appForSuite(dialect);
    let cookies: Record<string, string> = {};
    const ids: string[] = [];
    let logKey: string;
    before(async () => {
      logKey = testApp.services.logKey.publicKey.toString('base64');
      const { app } = testApp;
      ({ cookies } = await buildParent(testApp, { username: 'export.ouder', passphrase }));
      const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#16a085' } })
        .jpeg()
        .toBuffer();
      const add = async (url: string, text: string, withPhoto = false) => {
        const token = csrfTokenFrom((await app.inject({ method: 'GET', url: '/logboek/nieuw', cookies })).body);
        const body = await entryFormBody(
          {
            _csrf: token,
            datum: '2026-11-2' + String(ids.length % 9),
            categorie: 'behaviour',
            tekst: text,
            regel: 'ja',
            metadata: 'ja',
          },
          withPhoto ? [{ bytes: photo, name: 'a.jpg' }] : [],
        );
        const response = await app.inject({ method: 'POST', url, cookies, ...body });
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

    const exportWith = (fields: Record<string, string | string[]>) => postExportForm(testApp.app, cookies, fields);
    const runJobs = () => testApp.services.jobs.runDue();
    const exportAndDownload = (fields: Record<string, string | string[]>) =>
      exportJournal(testApp.app, cookies, fields, runJobs);

    test('a full export verifies: entries, the correction, the redaction, the photo and its original', async () => {
      const page = await testApp.app.inject({ method: 'GET', url: '/logboek/export', cookies });
      const fingerprint = /class="app-fingerprint">([0-9a-f ]{79})</.exec(page.body)?.[1];
      assert.ok(fingerprint !== undefined, 'the page shows the account fingerprint');
      const response = await exportAndDownload({ label: 'S.', keuze: 'alles', wachtwoord: passphrase });
      assert.equal(response.headers['content-disposition'], 'attachment; filename="export.zip"');
      assert.equal(response.headers['cache-control'], 'no-store');
      const zip = new Uint8Array(response.rawPayload);
      const report = await verifyBundle(zip, { extraLogKey: logKey, authorFingerprint: fingerprint });
      assert.deepEqual(report.failures, []);
      assert.equal(report.valid, true);
      assert.equal(report.summary?.size, 5);
      // Format 2: the account signed the export itself, the PDF people read included (docs/export-format.md §8).
      assert.equal(report.summary?.formatVersion, 2);
      assert.equal(report.summary?.exportSignature, 'valid');
      const files = unzipSync(zip);
      assert.equal(report.summary?.pdfSha256, createHash('sha256').update(files['journal.pdf']!).digest('hex'));
      assert.equal(report.summary?.label, 'S.');
      // The same bundle with another PDF, or another label, is no longer valid, and says which.
      const otherPdf = zipSync({ ...files, 'journal.pdf': new TextEncoder().encode('%PDF-1.7\n%%EOF\n') });
      const replaced = await verifyBundle(otherPdf, { extraLogKey: logKey });
      assert.deepEqual(
        replaced.failures.map((failure) => failure.check),
        ['export-pdf'],
      );
      const manifestText = Buffer.from(files['manifest.json']!).toString('utf8');
      const relabelled = zipSync({
        ...files,
        'manifest.json': new TextEncoder().encode(manifestText.replace('"label":"S."', '"label":"T."')),
      });
      const renamed = await verifyBundle(relabelled, { extraLogKey: logKey });
      assert.deepEqual(
        renamed.failures.map((failure) => failure.check),
        ['export-label'],
      );
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
      const response = await exportAndDownload({
        label: 'S.',
        keuze: 'deel',
        notitie: [ids[1]!],
        wachtwoord: passphrase,
        bekend: '2',
      });
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

    test('photos and files: all, none, without originals, or only those ticked; what stays out is still committed to', async () => {
      const page = await testApp.app.inject({ method: 'GET', url: '/logboek/export', cookies });
      assert.match(page.body, /Welke foto’s en bestanden\?/);
      assert.match(page.body, /Notitie 1, bijlage 1/);
      const photoId = /name="bijlage" value="([0-9a-f-]{36})"/.exec(page.body)?.[1];
      assert.ok(photoId !== undefined, 'the photo can be ticked');
      const cases: [string, Record<string, string>, string[]][] = [
        ['none', { bijlagen: 'geen' }, []],
        ['without originals', { bijlagen: 'zonder-origineel' }, ['attachments/0-1.jpg']],
        ['ticked', { bijlagen: 'kies', bijlage: photoId }, ['attachments/0-1-original.jpg', 'attachments/0-1.jpg']],
      ];
      for (const [name, fields, attachments] of cases) {
        const response = await exportAndDownload({ label: 'S.', keuze: 'alles', wachtwoord: passphrase, ...fields });
        const zip = new Uint8Array(response.rawPayload);
        assert.deepEqual(
          Object.keys(unzipSync(zip))
            .filter((member) => member.startsWith('attachments/'))
            .sort(),
          attachments,
          name,
        );
        const report = await verifyBundle(zip, { extraLogKey: logKey });
        assert.deepEqual(report.failures, [], name);
        const first = report.entries?.find((entry) => entry.index === 0);
        assert.deepEqual(first?.withheldAttachments, attachments.length === 0 ? [photoId] : [], name);
        assert.deepEqual(first?.withheldOriginals, attachments.length === 1 ? [photoId] : [], name);
        assert.equal(first?.content.attachments?.[0]?.id, photoId, `${name}: the content still names the photo`);
      }
    });

    test('photos and files: an unknown choice or nothing ticked is refused with a message, nothing started', async () => {
      for (const [fields, message] of [
        [{ bijlagen: 'kies' }, /Vink minstens één foto of bestand aan/],
        [{ bijlagen: 'kies', bijlage: 'not-an-id' }, /Vink minstens één foto of bestand aan/],
        [{ bijlagen: 'sommige' }, /Kies welke foto’s en bestanden in de export komen/],
      ] as const) {
        const response = await exportWith({ label: 'S.', keuze: 'alles', wachtwoord: passphrase, ...fields });
        assert.equal(response.statusCode, 400);
        assert.match(response.body, message);
        assert.match(response.body, /href="#bijlagen"/, 'the error summary links to the choice');
      }
    });

    test('a refused export form is drawn again with what was typed and ticked, never the passphrase', async () => {
      const response = await exportWith({
        label: 'Sanne\u0007 voor de zedenpolitie',
        keuze: 'deel',
        notitie: [ids[1]!],
        bijlagen: 'kies',
        wachtwoord: passphrase,
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /value="Sanne voor de zedenpolitie"/, 'the label, without the control character');
      assert.match(response.body, /name="keuze" value="deel" checked/);
      assert.match(response.body, new RegExp(`name="notitie" value="${ids[1]}" checked`));
      assert.doesNotMatch(response.body, new RegExp(`name="notitie" value="${ids[0]}" checked`));
      assert.match(response.body, /name="bijlagen" value="kies" checked/);
      assert.ok(!response.body.includes(passphrase), 'the passphrase is not sent back');
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
      test(`${name}: ${status} with a message, nothing started`, async () => {
        const response = await exportWith(fields);
        assert.equal(response.statusCode, status);
        assert.match(response.body, message);
        assert.match(String(response.headers['content-type']), /text\/html/);
        const progress = await testApp.app.inject({ method: 'GET', url: '/logboek/export/bezig', cookies });
        assert.match(progress.body, /Er wordt nu geen export voor je gemaakt/);
      });
    }

    test("ticked notes, photos or files that are all someone else's choose nothing: 400 in the parent's language, nothing started", async () => {
      // Another parent, with a note and a photo of their own.
      const { app } = testApp;
      const { cookies: other } = await buildParent(testApp, { username: 'export.andere.ouder', passphrase });
      const token = csrfTokenFrom((await app.inject({ method: 'GET', url: '/logboek/nieuw', cookies: other })).body);
      const photo = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#000' } })
        .jpeg()
        .toBuffer();
      const body = await entryFormBody(
        { _csrf: token, datum: '2026-11-20', categorie: 'behaviour', tekst: 'Van iemand anders', regel: 'ja' },
        [{ bytes: photo, name: 'b.jpg' }],
      );
      const added = await app.inject({ method: 'POST', url: '/logboek', cookies: other, ...body });
      assert.equal(added.statusCode, 303);
      const theirEntry = String(added.headers.location).split('/').pop()!;
      const entryPage = await app.inject({ method: 'GET', url: `/logboek/${theirEntry}`, cookies: other });
      const theirPhoto = /\/logboek\/bijlage\/([0-9a-f-]{36})\/voorbeeld/.exec(entryPage.body)?.[1];
      assert.ok(theirPhoto !== undefined);

      const cases: [Record<string, string | string[]>, RegExp, RegExp][] = [
        [{ keuze: 'deel', notitie: [theirEntry] }, /Vink minstens één notitie aan/, /Tick at least one note/],
        [
          { keuze: 'deel', notitie: [theirEntry, '00000000-0000-4000-8000-000000000000'] },
          /Vink minstens één notitie aan/,
          /Tick at least one note/,
        ],
        [
          { keuze: 'alles', bijlagen: 'kies', bijlage: [theirPhoto] },
          /Vink minstens één foto of bestand aan/,
          /Tick at least one photo or file/,
        ],
      ];
      for (const [fields, message, english] of cases) {
        const response = await exportWith({ label: 'S.', wachtwoord: passphrase, ...fields });
        assert.equal(response.statusCode, 400);
        assert.match(response.body, message);
        const inEnglish = await postExportForm(
          testApp.app,
          { ...cookies, taal: 'en' },
          { label: 'S.', wachtwoord: passphrase, ...fields },
        );
        assert.equal(inEnglish.statusCode, 400);
        assert.match(inEnglish.body, english);
        const progress = await testApp.app.inject({ method: 'GET', url: '/logboek/export/bezig', cookies });
        assert.match(progress.body, /Er wordt nu geen export voor je gemaakt/);
      }
    });

    test('within 5 minutes of signing in, the export need not ask the passphrase again', async () => {
      await exportAndDownload({ label: 'S.', keuze: 'reeks', van: '1', tot: '2' });
    });

    /** A new session of the same account, as a second device would have. */
    async function signIn(): Promise<Record<string, string>> {
      const { response, cookies } = await signInOverHttp(testApp.app, 'export.ouder', passphrase);
      assert.equal(response.statusCode, 303);
      return cookies;
    }

    async function sessionOf(jar: Record<string, string>) {
      const cookie = Object.entries(jar).find(([name]) => name.endsWith('sessie'))?.[1];
      const session = await testApp.services.accounts.currentSession(cookie);
      assert.ok(session !== null && session !== undefined);
      return session;
    }

    /** This session's export as its progress page sees it. */
    const statusOf = async (jar: Record<string, string>) => testApp.services.exports.status(await sessionOf(jar));

    /** Queues an export through the form and takes it on as the worker would, at the test's pace. */
    async function heldExport(jar: Record<string, string>) {
      const started = await postExportForm(testApp.app, jar, { label: 'S.', keuze: 'alles', wachtwoord: passphrase });
      assert.equal(started.statusCode, 303);
      return holdExport(testApp.services.exportsRepository, (await sessionOf(jar)).idHash);
    }

    const exportsAudited = async () =>
      (
        await testApp.database.handle.db
          .selectFrom('audit_log')
          .select('seq')
          .where('action', '=', 'journal.export')
          .execute()
      ).length;

    test('while an export is made the page shows how far it is; a second is refused; the file can be taken once', async () => {
      const jar = await signIn();
      const job = await heldExport(jar);
      assert.ok(await job.report({ phase: 'pdf', done: 3, total: 10 }));
      const page = await testApp.app.inject({ method: 'GET', url: '/logboek/export/bezig', cookies: jar });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Je export wordt gemaakt/);
      // PDF step: 40 % for opening the notes, then 3 of 10 of the PDF's 50 %.
      assert.match(page.body, /<progress id="export-voortgang" max="100" value="55">/);
      assert.match(page.body, /Stap 2 van 3: de PDF maken \(3 van 10 notities\)/);
      assert.match(page.body, /href="\/logboek\/export\/bezig">Opnieuw kijken</);
      const state = await testApp.app.inject({ method: 'GET', url: '/logboek/export/stand', cookies: jar });
      assert.equal(state.headers['cache-control'], 'no-store');
      assert.deepEqual(state.json(), {
        state: 'running',
        percent: 55,
        text: 'Stap 2 van 3: de PDF maken (3 van 10 notities)',
      });
      const second = await postExportForm(testApp.app, jar, { label: 'S.', keuze: 'alles', wachtwoord: passphrase });
      assert.equal(second.statusCode, 409);
      assert.match(second.body, /Er wordt al een export voor je gemaakt/);
      const early = await downloadExport(testApp.app, jar, page);
      assert.equal(early.statusCode, 303, 'a download before it is ready goes back to the progress page');
      assert.equal(early.headers.location, '/logboek/export/bezig');

      assert.ok(await job.finish(new Uint8Array([1, 2, 3])));
      const ready = await waitForExport(testApp.app, jar);
      assert.match(ready.body, /Je export is gemaakt/);
      assert.match(ready.body, /versleuteld/);
      assert.equal(
        (await testApp.app.inject({ method: 'GET', url: '/logboek/export/stand', cookies: jar })).json<{
          state: string;
        }>().state,
        'done',
      );
      const before = await exportsAudited();
      const taken = await downloadExport(testApp.app, jar, ready);
      assert.equal(taken.statusCode, 200);
      assert.deepEqual([...taken.rawPayload], [1, 2, 3]);
      assert.equal(await exportsAudited(), before + 1, 'the audit log records the export when it is handed over');
      const again = await downloadExport(testApp.app, jar, ready);
      assert.equal(again.statusCode, 410);
      assert.match(again.body, /Deze export is er niet meer/);
      assert.match(again.body, /href="\/logboek\/export">Een export maken</);
    });

    test("another session of the same account neither sees nor takes this session's export", async () => {
      const mine = await signIn();
      const theirs = await signIn();
      const job = await heldExport(theirs);
      assert.ok(await job.finish(new Uint8Array([9])));
      const page = await testApp.app.inject({ method: 'GET', url: '/logboek/export/bezig', cookies: mine });
      assert.match(page.body, /Er wordt nu geen export voor je gemaakt/);
      const state = await testApp.app.inject({ method: 'GET', url: '/logboek/export/stand', cookies: mine });
      assert.deepEqual(state.json(), { state: 'none' });
      const taken = await downloadExport(testApp.app, mine, page);
      assert.equal(taken.statusCode, 410);
      assert.equal((await statusOf(theirs))?.state, 'done', 'theirs is still there');
      await testApp.services.exports.drop((await sessionOf(theirs)).idHash);
    });

    test('too many exports at once: 503 with Retry-After, the form kept, nothing started', async () => {
      const jar = await signIn();
      const others = [await signIn(), await signIn(), await signIn(), await signIn()];
      for (const other of others) {
        const started = await postExportForm(testApp.app, other, {
          label: 'S.',
          keuze: 'alles',
          wachtwoord: passphrase,
        });
        assert.equal(started.statusCode, 303);
      }
      try {
        const response = await postExportForm(testApp.app, jar, {
          label: 'Sanne',
          keuze: 'alles',
          wachtwoord: passphrase,
        });
        assert.equal(response.statusCode, 503);
        assert.equal(response.headers['retry-after'], '60');
        assert.match(response.body, /veel exports tegelijk/);
        assert.match(response.body, /value="Sanne"/);
        assert.equal(await statusOf(jar), undefined);
      } finally {
        for (const other of others) await testApp.services.exports.drop((await sessionOf(other)).idHash);
      }
    });

    test('a failed export says so, keeps nothing and offers to start again', async () => {
      const jar = await signIn();
      const job = await heldExport(jar);
      assert.ok(await job.fail({ kind: 'error' }));
      const page = await waitForExport(testApp.app, jar);
      assert.match(page.body, /Er ging iets mis bij het maken van je export/);
      assert.match(page.body, /href="\/logboek\/export">Een export maken</);
      assert.equal((await downloadExport(testApp.app, jar, page)).statusCode, 410);
    });

    test('an export past the size limit stops before it holds too much, and says how to make it smaller', async () => {
      const jar = await signIn();
      const who = journalActorOf(await sessionOf(jar));
      // The journal's one photo (and its original) is more than 100 bytes; without photos it fits.
      await assert.rejects(
        testApp.services.journal.disclose(who, () => true, undefined, allAttachments, 100),
        ExportTooLarge,
      );
      const none = { file: () => false, original: () => false };
      assert.ok((await testApp.services.journal.disclose(who, () => true, undefined, none, 100)).entries.length > 0);
      // What the parent then sees.
      const job = await heldExport(jar);
      assert.ok(await job.fail({ kind: 'too-large', maxBytes: 1024 * 1024 * 1024 }));
      const page = await waitForExport(testApp.app, jar);
      assert.match(page.body, /<h1>Deze export wordt te groot<\/h1>/);
      assert.match(page.body, /samen groter dan 1,0 GB/);
      assert.match(page.body, /href="\/logboek\/export">Een export maken</);
    });

    test('an oversized or hostile export form is answered with a page, and starts nothing', async () => {
      const jar = await signIn();
      const huge = await postExportForm(testApp.app, jar, {
        label: 'S.',
        keuze: 'deel',
        notitie: Array.from({ length: 40_000 }, () => '00000000-0000-4000-8000-000000000000'),
        wachtwoord: passphrase,
      });
      assert.equal(huge.statusCode, 413);
      assert.match(String(huge.headers['content-type']), /text\/html/);
      const hostile = await postExportForm(testApp.app, jar, {
        label: '<script>alert(1)</script>',
        keuze: ['alles', 'deel'],
        bijlagen: ['geen', 'kies'],
        bijlage: '../../etc/passwd',
        bekend: '-1e9',
        wachtwoord: passphrase,
      });
      assert.equal(hostile.statusCode, 400);
      assert.doesNotMatch(hostile.body, /<script>alert/);
      assert.match(hostile.body, /Kies welke notities/);
      assert.match(hostile.body, /Kies welke foto’s en bestanden/);
      assert.equal(await statusOf(jar), undefined);
    });

    test('the download needs the form token', async () => {
      const response = await testApp.app.inject({ method: 'POST', url: '/logboek/export/ophalen', cookies });
      assert.equal(response.statusCode, 403);
    });

    test('logging out or the quick exit forgets the export at once: its row, ticket and chunks are gone', async () => {
      for (const leave of ['/uitloggen', '/weg'] as const) {
        const jar = await signIn();
        const session = await sessionOf(jar);
        await exportJournalUntilReady(jar);
        assert.equal((await testApp.services.exports.status(session))?.state, 'done');
        const page = await testApp.app.inject({ method: 'GET', url: '/account', cookies: jar });
        const left = await testApp.app.inject({
          method: 'POST',
          url: leave,
          cookies: jar,
          payload: leave === '/uitloggen' ? { _csrf: csrfTokenFrom(page.body) } : {},
        });
        assert.ok([204, 303].includes(left.statusCode), `${leave}: ${left.statusCode}`);
        assert.equal(await testApp.services.exports.status(session), undefined, leave);
        const rows = await testApp.database.handle.db
          .selectFrom('journal_exports')
          .select('id')
          .where('session_id_hash', '=', session.idHash)
          .execute();
        assert.deepEqual(rows, [], leave);
      }
    });

    async function exportJournalUntilReady(jar: Record<string, string>) {
      const started = await postExportForm(testApp.app, jar, { label: 'S.', keuze: 'alles', wachtwoord: passphrase });
      assert.equal(started.statusCode, 303);
      await waitForExport(testApp.app, jar, runJobs);
    }

    test('an account that is not a parent gets no progress and no file, even with a job under its session', async () => {
      const admin = await buildAdmin(testApp, {
        username: 'beheer.export',
        email: 'beheer.export@example.org',
        passphrase,
        secondFactor: false,
      });
      const session = await testApp.services.accounts.currentSession(admin.session);
      assert.ok(session !== null && session !== undefined);
      // A finished export under the admin's session, as no request of an admin could ever start one.
      assert.equal(
        await testApp.services.exportsRepository.create(
          {
            id: randomUUID(),
            userId: session.userId,
            sessionIdHash: session.idHash,
            bundleKey: storedPublicKey(session.keys.sessionKeyPair('test').publicKey),
            ticket: { enc: '', ciphertext: '' },
            now: new Date(),
            expiresAt: new Date(Date.now() + 60_000),
          },
          { maxPending: 100, maxWaitingBytes: Number.MAX_SAFE_INTEGER, stallMs: 60_000 },
        ),
        'started',
      );
      const job = await holdExport(testApp.services.exportsRepository, session.idHash);
      assert.ok(await job.finish(new Uint8Array([7])));
      const jar = { [Object.keys(cookies).find((name) => name.endsWith('sessie'))!]: admin.session };
      for (const url of ['/logboek/export/bezig', '/logboek/export/stand']) {
        assert.equal((await testApp.app.inject({ method: 'GET', url, cookies: jar })).statusCode, 404, url);
      }
      // A form token of this very session (tokens are bound to the session), from a page it may see.
      const page = await testApp.app.inject({ method: 'GET', url: '/account/tweede-stap', cookies: jar });
      const withToken = { ...jar, ...Object.fromEntries(setCookies(page.headers)) };
      const taken = await testApp.app.inject({
        method: 'POST',
        url: '/logboek/export/ophalen',
        cookies: withToken,
        payload: { _csrf: csrfTokenFrom(page.body) },
      });
      assert.equal(taken.statusCode, 404);
      const row = await testApp.services.exportsRepository.ofSession(session.idHash, new Date());
      assert.equal(row?.state, 'done', 'nothing was handed over');
      await testApp.services.exports.drop(session.idHash);
    });

    test('a stranger gets no export page, no progress and no file', async () => {
      for (const url of ['/logboek/export', '/logboek/export/bezig', '/logboek/export/stand']) {
        assert.equal((await testApp.app.inject({ method: 'GET', url })).statusCode, 404, url);
      }
      // With a valid form token but no session: still nothing.
      const page = await testApp.app.inject({ method: 'GET', url: '/' });
      const jar = Object.fromEntries(setCookies(page.headers));
      const form = await testApp.app.inject({ method: 'GET', url: '/inloggen', cookies: jar });
      const taken = await testApp.app.inject({
        method: 'POST',
        url: '/logboek/export/ophalen',
        cookies: { ...jar, ...Object.fromEntries(setCookies(form.headers)) },
        payload: { _csrf: csrfTokenFrom(form.body) },
      });
      assert.equal(taken.statusCode, 404);
    });
  });
}
