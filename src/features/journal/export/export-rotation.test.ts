import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { appForSuite, csrfTokenFrom, signUpOverHttp, withCookiesOf } from '../../../../test/helpers/app.js';
import { dialects } from '../../../../test/helpers/databases.js';
import { exportJournal } from '../../../../test/helpers/export.js';
import { testObservation } from '../../../../test/helpers/journal.js';
import { formatFingerprint, type LeafData, type Manifest } from '../../../shared/evidence/format.js';
import { verifyBundle } from '../../../shared/evidence/verify.js';
import { type JournalActor, journalActorOf } from '../journal.service.js';

/*
 * End to end: a parent writes entries, renews their keys ("someone may know my passphrase"), writes more and
 * redacts an entry from before the rotation, then exports everything. The bundle carries the key history and
 * verifies with the police's verifier given either fingerprint: the one handed over before the rotation or
 * the new one.
 */

const passphrase = 'houten bootje in de gracht';
const newPassphrase = 'stenen brug over de rivier';

for (const dialect of dialects) {
  describe(`export after a key rotation (${dialect})`, () => {
    const testApp = appForSuite(dialect, { RATE_LIMIT_MAX: '100000' });

    const observation = (text: string) => testObservation({ text });

    async function actorFor(cookies: Record<string, string>): Promise<JournalActor> {
      const session = (await testApp.services.accounts.currentSession(cookies.sessie))!;
      return journalActorOf(session);
    }

    test('entries from before and after the rotation verify with either fingerprint', async () => {
      const { app, services } = testApp;
      const signedUp = await signUpOverHttp(app, 'draai.export', passphrase);
      let cookies = signedUp.cookies;
      const oldFingerprint = /class="app-fingerprint">([0-9a-f ]{79})</.exec(signedUp.response.body)![1]!;

      const before = await actorFor(cookies);
      await services.journal.addObservation(before, observation('Voor het vernieuwen, één'));
      const toRedact = await services.journal.addObservation(before, observation('Voor het vernieuwen, twee'));

      const form = await app.inject({ method: 'GET', url: '/account/sleutels-vernieuwen', cookies });
      const rotated = await app.inject({
        method: 'POST',
        url: '/account/sleutels-vernieuwen',
        cookies,
        payload: {
          _csrf: csrfTokenFrom(form.body),
          huidig: passphrase,
          wachtwoord: newPassphrase,
          herhaling: newPassphrase,
        },
      });
      assert.equal(rotated.statusCode, 200);
      cookies = withCookiesOf(cookies, rotated.headers);
      const newFingerprint = /data-fingerprint="current" class="app-fingerprint">([0-9a-f ]{79})</.exec(
        rotated.body,
      )![1]!;
      assert.notEqual(newFingerprint, oldFingerprint);

      const afterRotation = await actorFor(cookies);
      await services.journal.addObservation(afterRotation, observation('Na het vernieuwen'));
      await services.journal.redact(afterRotation, toRedact.id);
      assert.deepEqual((await services.journal.check(afterRotation)).problems, []);

      const response = await exportJournal(
        app,
        cookies,
        { label: 'S.', keuze: 'alles', wachtwoord: newPassphrase },
        () => services.jobs.runDue(),
      );
      const zip = new Uint8Array(response.rawPayload);
      const manifest = JSON.parse(Buffer.from(unzipSync(zip)['manifest.json']!).toString('utf8')) as Manifest;
      assert.equal(manifest.authorKeyHistory?.length, 1);
      const leafKeys = manifest.entries.map(
        (entry) => (JSON.parse(Buffer.from(entry.leaf, 'base64').toString('utf8')) as LeafData).key,
      );
      const oldId = oldFingerprint.replace(/ /g, '');
      const newId = newFingerprint.replace(/ /g, '');
      assert.deepEqual(leafKeys, [oldId, newId, newId], 'entry 0 by the old key; entries 2 and 3 by the new');
      assert.deepEqual(manifest.redacted, [1]);

      const logKey = services.logKey.publicKey.toString('base64');
      for (const [given, id] of [
        [oldFingerprint, oldId],
        [newFingerprint, newId],
      ] as const) {
        const report = await verifyBundle(zip, { extraLogKey: logKey, authorFingerprint: given });
        assert.deepEqual(report.failures, []);
        assert.equal(report.valid, true);
        assert.equal(report.summary?.authorFingerprintMatchedKey, id);
        assert.deepEqual(report.summary?.authorKeys, [oldId, newId]);
      }
      const stranger = await verifyBundle(zip, {
        extraLogKey: logKey,
        authorFingerprint: formatFingerprint('ab'.repeat(32)),
      });
      assert.equal(stranger.valid, false);
    });
  });
}
