import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForSuite, csrfTokenFrom, setCookies } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParent } from '../../../test/helpers/factories.js';
import { parseRecoveryCode } from '../../shared/crypto/recovery-code.js';

const passphrase = 'lamp fiets regen appel';
const newPassphrase = 'groene boot onder de brug';

for (const dialect of dialects) {
  describe(`"someone may know my passphrase" page [${dialect}]`, () => {
    const testApp = appForSuite(dialect, { RATE_LIMIT_MAX: '100000' });

    async function signedUp() {
      const { username, recoveryCode, cookies } = await buildParent(testApp, { passphrase });
      return { username, code: recoveryCode, cookies };
    }

    const userRow = async (username: string) =>
      testApp.database.handle.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirstOrThrow();

    async function post(cookies: Record<string, string>, form: Record<string, string>, withToken = true) {
      const page = await testApp.app.inject({ method: 'GET', url: '/account/sleutels-vernieuwen', cookies });
      assert.equal(page.statusCode, 200);
      return testApp.app.inject({
        method: 'POST',
        url: '/account/sleutels-vernieuwen',
        cookies,
        payload: withToken ? { _csrf: csrfTokenFrom(page.body), ...form } : form,
      });
    }

    test('the account page links to it, and it explains when to use it', async () => {
      const { cookies } = await signedUp();
      const account = await testApp.app.inject({ method: 'GET', url: '/account', cookies });
      assert.match(account.body, /href="\/account\/sleutels-vernieuwen"/);
      const page = await testApp.app.inject({ method: 'GET', url: '/account/sleutels-vernieuwen', cookies });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /herstelcode heeft gezien/);
      assert.equal((await testApp.app.inject({ method: 'GET', url: '/account/sleutels-vernieuwen' })).statusCode, 404);
    });

    test('bad input changes nothing: no form token 403, wrong passphrase 400, weak new passphrase 400', async () => {
      const { username, cookies } = await signedUp();
      const before = await userRow(username);
      const good = { huidig: passphrase, wachtwoord: newPassphrase, herhaling: newPassphrase };
      assert.equal((await post(cookies, good, false)).statusCode, 403);
      const wrong = await post(cookies, { ...good, huidig: 'niet de goede zin hoor' });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /app-error-summary/);
      const weak = await post(cookies, { ...good, wachtwoord: 'password123456', herhaling: 'password123456' });
      assert.equal(weak.statusCode, 400);
      assert.match(weak.body, /te makkelijk te raden/);
      const mismatch = await post(cookies, { ...good, herhaling: 'iets anders helemaal' });
      assert.equal(mismatch.statusCode, 400);
      assert.match(mismatch.body, /niet gelijk/);
      assert.deepEqual(await userRow(username), before);
      const events = await testApp.services.audit.forObject('account', before.id);
      assert.equal(events.filter((event) => event.action === 'account.keys-rotated').length, 0);
    });

    test('rotating shows a new recovery code and both fingerprints once, keeps this browser signed in under a new session, and is audited', async () => {
      const { username, code, cookies } = await signedUp();
      const before = await userRow(username);
      const response = await post(cookies, { huidig: passphrase, wachtwoord: newPassphrase, herhaling: newPassphrase });
      assert.equal(response.statusCode, 200);
      const newCode = /data-recovery-code="true">([^<]+)</.exec(response.body)?.[1];
      assert.ok(newCode !== undefined && 'bytes' in parseRecoveryCode(newCode));
      assert.notEqual(newCode, code);
      const current = /data-fingerprint="current" class="app-fingerprint">([^<]+)</.exec(response.body)?.[1];
      const previous = /data-fingerprint="previous" class="app-fingerprint">([^<]+)</.exec(response.body)?.[1];
      assert.ok(current !== undefined && previous !== undefined && current !== previous);
      const after = await userRow(username);
      assert.equal(Number(after.key_epoch), Number(before.key_epoch) + 1);
      assert.notEqual(after.ed25519_public, before.ed25519_public);

      // The old cookie is worth nothing; the new one (another session id) works.
      const next = { ...cookies, ...Object.fromEntries(setCookies(response.headers)) };
      assert.notEqual(next.sessie, cookies.sessie);
      assert.equal((await testApp.app.inject({ method: 'GET', url: '/account', cookies })).statusCode, 404);
      assert.equal((await testApp.app.inject({ method: 'GET', url: '/account', cookies: next })).statusCode, 200);

      const events = await testApp.services.audit.forObject('account', before.id);
      assert.equal(events.filter((event) => event.action === 'account.keys-rotated').length, 1);
      assert.equal((await testApp.services.audit.verify()).ok, true);
    });
  });
}
