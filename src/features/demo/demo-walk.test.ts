import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generate } from 'otplib';
import { appForSuite, csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { seedDemo } from './seed-demo.js';

/*
 * What the README promises a newcomer after `seed-demo`: the demo parent starts a case, invites the demo police
 * and care worker, each joins with the code, and the parent confirms them after the safety number; the police
 * show by unit and never by name.
 */

for (const dialect of dialects) {
  describe(`the demo accounts walk the lijn [${dialect}]`, () => {
    const testApp = appForSuite(dialect, { RATE_LIMIT_MAX: '100000' });

    test('parent, police and care worker of the demo join one case', async () => {
      const seeded = await seedDemo(testApp.app, testApp.services, testApp.database.handle.db);
      if (!seeded.ok) throw new Error(seeded.message);
      const { accounts } = seeded;
      const { app } = testApp;

      /** A browser signed in as a demo account, with its passphrase and a TOTP code. */
      async function signIn(username: string) {
        const account = accounts.find((candidate) => candidate.username === username)!;
        let jar: Record<string, string> = {};
        const get = async (url: string) => {
          const response = await app.inject({ method: 'GET', url, cookies: jar });
          jar = withCookiesOf(jar, response.headers);
          return response;
        };
        const post = async (formUrl: string, url: string, fields: Record<string, string>) => {
          const form = await get(formUrl);
          const payload = { _csrf: csrfTokenFrom(form.body), ...fields };
          const response = await app.inject({ method: 'POST', url, cookies: jar, payload });
          jar = withCookiesOf(jar, response.headers);
          return response;
        };
        const login = await post('/inloggen', '/inloggen', {
          gebruikersnaam: username,
          wachtwoord: account.passphrase,
        });
        assert.equal(login.headers.location, '/inloggen/code');
        const code = await post('/inloggen/code', '/inloggen/code', {
          code: await generate({ secret: account.totpSecret }),
        });
        assert.equal(code.headers.location, '/account', `${username} is signed in`);
        return { get, post, passphrase: account.passphrase };
      }

      const parent = await signIn('demo-ouder');
      const started = await parent.post('/samenwerken/nieuw', '/samenwerken', {
        naam: 'Sam',
        grondslag: 'parent',
        kindWeet: 'yes',
      });
      assert.equal(started.statusCode, 303);
      const caseId = /^\/samenwerken\/([0-9a-f-]{36})\?/.exec(String(started.headers.location))?.[1];
      assert.ok(caseId !== undefined);

      for (const [username, role] of [
        ['demo-politie', 'police'],
        ['demo-hulpverlener', 'care'],
      ] as const) {
        const invited = await parent.post(`/samenwerken/${caseId}/uitnodigen`, `/samenwerken/${caseId}/uitnodigen`, {
          rol: role,
        });
        assert.equal(invited.statusCode, 200);
        const code = /data-invitation-code="true">([^<]+)</.exec(invited.body)?.[1]?.trim();
        assert.ok(code !== undefined, 'the invitation shows its code');

        const professional = await signIn(username);
        const joined = await professional.post('/samenwerken/aansluiten', '/samenwerken/aansluiten', { code });
        assert.equal(joined.statusCode, 303, `${username} joins with the code`);

        const casePage = await parent.get(`/samenwerken/${caseId}`);
        const confirmUrl = /href="(\/samenwerken\/[^"]+\/bevestigen)"/.exec(casePage.body)?.[1];
        assert.ok(confirmUrl !== undefined, 'the parent is offered to confirm');
        const confirmPage = await parent.get(confirmUrl);
        assert.match(confirmPage.body, /data-safety-number/);
        const key = /name="sleutel" value="([0-9a-f]{64})"/.exec(confirmPage.body)?.[1];
        const confirmed = await parent.post(confirmUrl, confirmUrl, {
          sleutel: key!,
          grondslag: 'parent',
          kindWeet: 'yes',
          wachtwoord: parent.passphrase,
        });
        assert.equal(confirmed.statusCode, 303, `the parent confirms ${username}`);
        assert.equal((await professional.get(`/samenwerken/${caseId}`)).statusCode, 200, `${username} is in`);
      }
      const seen = await parent.get(`/samenwerken/${caseId}`);
      assert.match(seen.body, /Midden-Nederland/, 'the police by their unit');
      assert.doesNotMatch(seen.body, /demo-politie/, 'never by name');
    });
  });
}
