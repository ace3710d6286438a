import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForSuite, csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParent } from '../../../test/helpers/factories.js';

const passphrase = 'wolk fiets tegel zomer';

for (const dialect of dialects) {
  describe(`CSRF tokens are bound to the session [${dialect}]`, () => {
    const testApp = appForSuite(dialect, { RATE_LIMIT_MAX: '100000' });

    type Jar = Record<string, string>;
    const page = async (url: string, jar: Jar) => {
      const response = await testApp.app.inject({ method: 'GET', url, cookies: jar });
      return { jar: withCookiesOf(jar, response.headers), token: csrfTokenFrom(response.body) };
    };
    /** "Stay logged in": a form on every signed-in page; 303 when the token is accepted, 403 when not. */
    const stayLoggedIn = (jar: Jar, token: string) =>
      testApp.app.inject({ method: 'POST', url: '/account/verlengen', cookies: jar, payload: { _csrf: token } });

    const signUp = async (username: string, jar: Jar = {}): Promise<Jar> =>
      (await buildParent(testApp, { username, passphrase, cookies: jar })).cookies;

    async function logIn(username: string, jar: Jar): Promise<Jar> {
      const form = await page('/inloggen', jar);
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/inloggen',
        cookies: form.jar,
        payload: { _csrf: form.token, gebruikersnaam: username, wachtwoord: passphrase },
      });
      assert.equal(response.statusCode, 303);
      return withCookiesOf(form.jar, response.headers);
    }

    test('a token from before the login does not work after it; one from a signed-in page does', async () => {
      const before = await page('/inloggen', {});
      const signedIn = await signUp('csrf.voor.na', before.jar);
      assert.equal(signedIn.csrf, before.jar.csrf, 'the same CSRF cookie throughout');
      const stale = await stayLoggedIn(signedIn, before.token);
      assert.equal(stale.statusCode, 403);
      assert.match(stale.body, /Het formulier is verlopen/);
      const fresh = await page('/account', signedIn);
      assert.equal((await stayLoggedIn(signedIn, fresh.token)).statusCode, 303);
    });

    test("a token from one session does not work in another, not even in the same browser or with the other's cookie", async () => {
      const first = await signUp('csrf.eerste');
      const firstToken = (await page('/account', first)).token;
      // Log out and in again in the same browser (same CSRF cookie): a new session, so the old token is void.
      const loggedOut = await testApp.app.inject({
        method: 'POST',
        url: '/uitloggen',
        cookies: first,
        payload: { _csrf: firstToken },
      });
      assert.equal(loggedOut.statusCode, 303);
      const { sessie: _gone, ...anonymousJar } = withCookiesOf(first, loggedOut.headers);
      const again = await logIn('csrf.eerste', anonymousJar);
      assert.equal(again.csrf, first.csrf);
      assert.notEqual(again.sessie, first.sessie);
      assert.equal((await stayLoggedIn(again, firstToken)).statusCode, 403, 'a token of the ended session');

      // Another person's session cookie with this browser's CSRF cookie and token (cookie tossing): refused.
      const other = await signUp('csrf.tweede');
      const ownToken = (await page('/account', again)).token;
      assert.equal((await stayLoggedIn({ ...again, sessie: other.sessie! }, ownToken)).statusCode, 403);
      assert.equal((await stayLoggedIn(again, ownToken)).statusCode, 303);
    });

    test('a token made while signed in does not work once signed out', async () => {
      const jar = await signUp('csrf.uitgelogd');
      const token = (await page('/account', jar)).token;
      const { sessie: _gone, ...withoutSession } = jar;
      const refused = await testApp.app.inject({
        method: 'POST',
        url: '/inloggen',
        cookies: withoutSession,
        payload: { _csrf: token, gebruikersnaam: 'csrf.uitgelogd', wachtwoord: passphrase },
      });
      assert.equal(refused.statusCode, 403);
    });

    test('cached anonymous pages still give every visitor a token that works for them only', async () => {
      const visitors = [await page('/check', {}), await page('/check', {})];
      assert.notEqual(visitors[0]!.token, visitors[1]!.token);
      const post = (jar: Jar, token: string) =>
        testApp.app.inject({
          method: 'POST',
          url: '/inloggen',
          cookies: jar,
          payload: { _csrf: token, gebruikersnaam: 'niemand.hier', wachtwoord: 'geen goede zin' },
        });
      for (const visitor of visitors) assert.equal((await post(visitor.jar, visitor.token)).statusCode, 400);
      assert.equal((await post(visitors[0]!.jar, visitors[1]!.token)).statusCode, 403);
    });

    test('the CSRF cookie carries nothing but its secret', async () => {
      const response = await testApp.app.inject({ method: 'GET', url: '/inloggen' });
      const raw = response.headers['set-cookie'];
      const line = (Array.isArray(raw) ? raw : [String(raw)]).find((cookie) => cookie.startsWith('csrf='));
      assert.ok(line !== undefined);
      assert.doesNotMatch(line, /userInfo|anonymous|session/i);
      assert.match(line, /HttpOnly/);
      assert.match(line, /SameSite=Strict/);
    });
  });
}
