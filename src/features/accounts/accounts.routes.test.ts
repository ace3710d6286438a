import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generate } from 'otplib';
import { throttleDelayMs } from './login-throttle.js';
import { appForSuite, buildTestApp, csrfTokenFrom, setCookies, signUpOverHttp } from '../../../test/helpers/app.js';
import { assertNotInDump, databaseDump } from '../../../test/helpers/dump.js';
import { refuseAuditWrites } from '../../../test/helpers/audit-failure.js';
import { dialects } from '../../../test/helpers/databases.js';
import { parseRecoveryCode } from '../../shared/crypto/recovery-code.js';
import { parseSessionCookie } from '../../shared/crypto/session-key.js';
import { signingKey, sharingKey } from '../../shared/crypto/user-keys.js';
import { createAccountsRepository } from './accounts.repo.js';

const goodPassphrase = 'lamp fiets regen appel';

for (const dialect of dialects) {
  describe(`accounts and sessions [${dialect}]`, () => {
    const testApp = appForSuite(dialect, { RATE_LIMIT_MAX: '100000' });

    /** A fresh browser (or one with these cookies): GET a form for the CSRF cookie and token. */
    async function browser(url = '/registreren', jar: Record<string, string> = {}) {
      const page = await testApp.app.inject({ method: 'GET', url, cookies: jar });
      const cookies: Record<string, string> = Object.fromEntries(setCookies(page.headers));
      return { cookies, token: csrfTokenFrom(page.body) };
    }

    const register = (username: string, passphrase = goodPassphrase, again = passphrase) =>
      signUpOverHttp(testApp.app, username, passphrase, { again });

    // Each test logs in from its own address, so the per-address login throttle of one test does not spill
    // into the next (the throttle itself is tested on its own below).
    let address = 0;
    const addresses = new Map<string, string>();
    const addressFor = (username: string) => {
      if (!addresses.has(username)) addresses.set(username, `10.0.${Math.floor(++address / 250)}.${address % 250}`);
      return addresses.get(username)!;
    };

    async function login(username: string, passphrase: string, extraCookies: Record<string, string> = {}) {
      // Form tokens are bound to the session: a browser that has one takes its token from a page of it.
      const { cookies, token } = await browser(
        extraCookies.sessie === undefined ? '/inloggen' : '/account',
        extraCookies,
      );
      const all = { ...cookies, ...extraCookies };
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/inloggen',
        cookies: all,
        remoteAddress: addressFor(username),
        payload: { _csrf: token, gebruikersnaam: username, wachtwoord: passphrase },
      });
      return { response, cookies: { ...all, ...Object.fromEntries(setCookies(response.headers)) } };
    }

    const userCount = async () =>
      Number(
        (
          await testApp.database.handle.db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('sign-up shows the recovery code once, with the fingerprint, and signs the parent in', async () => {
      const { response, cookies } = await register('Moeder');
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      const code = /data-recovery-code="true">([^<]+)</.exec(response.body)?.[1];
      assert.ok(code !== undefined && 'bytes' in parseRecoveryCode(code), 'a valid recovery code is shown');
      assert.match(response.body, /class="app-fingerprint">([0-9a-f]{4} ){15}[0-9a-f]{4}</);
      const sessionCookie = String(response.headers['set-cookie'])
        .split(/,(?=\s*\w+=)/)
        .find((line) => line.trim().startsWith('sessie='));
      assert.ok(sessionCookie !== undefined);
      assert.match(sessionCookie, /HttpOnly/);
      assert.match(sessionCookie, /SameSite=Lax/);
      const account = await testApp.app.inject({ method: 'GET', url: '/account', cookies });
      assert.equal(account.statusCode, 200);
      assert.match(account.body, /Je bent ingelogd als Moeder\./);
      assert.equal((account.body.match(/data-session="/g) ?? []).length, 1);
    });

    test('a username is taken whatever its case or Unicode form', async () => {
      for (const name of ['moeder', 'MOEDER', 'ｍｏｅｄｅｒ']) {
        const { response } = await register(name);
        assert.equal(response.statusCode, 400, name);
        assert.match(response.body, /Deze gebruikersnaam is al in gebruik/);
      }
    });

    test('bad sign-up input gets a 400 with a message per field and creates nothing', async () => {
      const before = await userCount();
      const cases: [string, string, string, RegExp][] = [
        ['', goodPassphrase, goodPassphrase, /Vul een gebruikersnaam in/],
        ['ab', goodPassphrase, goodPassphrase, /3 tot 40 tekens/],
        ['x'.repeat(41), goodPassphrase, goodPassphrase, /3 tot 40 tekens/],
        ['met spatie', goodPassphrase, goodPassphrase, /Geen spaties/],
        ['control\u0007char', goodPassphrase, goodPassphrase, /Geen spaties/],
        ['<script>', goodPassphrase, goodPassphrase, /Geen spaties/],
        ['vader1', 'kort', 'kort', /minstens 12 tekens/],
        ['vader2', 'a'.repeat(10_240), 'a'.repeat(10_240), /te lang/],
        ['vader3', 'password123456', 'password123456', /te makkelijk te raden/],
        ['vader4', goodPassphrase, 'iets anders helemaal', /niet gelijk/],
        ['vader5', '', '', /Vul een wachtwoordzin in/],
      ];
      for (const [name, passphrase, again, message] of cases) {
        const { response } = await register(name, passphrase, again);
        assert.equal(response.statusCode, 400, name.slice(0, 20));
        assert.match(response.body, message, name.slice(0, 20));
        assert.match(response.body, /class="app-error-summary"/);
        assert.doesNotMatch(response.body, /<script>/);
        assert.doesNotMatch(String(response.headers['set-cookie'] ?? ''), /sessie=/);
      }
      assert.equal(await userCount(), before);
    });

    test('hostile account forms (lists, prototype names, control characters, huge values) get a 4xx, never a 500', async () => {
      const before = await userCount();
      /** Posts a raw urlencoded body from a browser that opened `page` (with these cookies) first. */
      const postRaw = async (url: string, body: string, page = url, jar: Record<string, string> = {}) => {
        const { cookies, token } = await browser(page, jar);
        return testApp.app.inject({
          method: 'POST',
          url,
          cookies: { ...jar, ...cookies },
          remoteAddress: '10.9.9.9',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: `_csrf=${encodeURIComponent(token)}&${body}`,
        });
      };
      const good = encodeURIComponent(goodPassphrase);
      const anonymous: [string, string, number, RegExp][] = [
        [
          '/registreren',
          `gebruikersnaam=a&gebruikersnaam=b&wachtwoord=${good}&herhaling=${good}`,
          400,
          /Vul een gebruikersnaam in/,
        ],
        [
          '/registreren',
          `gebruikersnaam=ouder.lijst&wachtwoord=${good}&wachtwoord=${good}&herhaling=${good}`,
          400,
          /Vul een wachtwoordzin in/,
        ],
        ['/registreren', `__proto__=x&constructor=y&toString=z&hasOwnProperty=w`, 400, /Vul een gebruikersnaam in/],
        ['/registreren', `gebruikersnaam=ouder%00nul&wachtwoord=${good}&herhaling=${good}`, 400, /Geen spaties/],
        [
          '/registreren',
          `gebruikersnaam=${'x'.repeat(5_000)}&wachtwoord=${good}&herhaling=${good}`,
          400,
          /3 tot 40 tekens/,
        ],
        // More than a form may carry at all: refused before any handler reads it.
        ['/registreren', `gebruikersnaam=${'x'.repeat(2_000_000)}`, 413, /<h1>/],
        ['/inloggen', `gebruikersnaam=a&gebruikersnaam=b&wachtwoord=${good}`, 400, /app-error-summary/],
        ['/inloggen', `__proto__=x&constructor=y`, 400, /app-error-summary/],
        [
          '/herstellen',
          `gebruikersnaam=a&herstelcode=x&herstelcode=y&wachtwoord=${good}&herhaling=${good}`,
          400,
          /28 tekens/,
        ],
        ['/herstellen', `gebruikersnaam=%01%02&herstelcode=${'A'.repeat(5000)}`, 400, /28 tekens/],
      ];
      for (const [url, body, status, message] of anonymous) {
        const response = await postRaw(url, body);
        assert.equal(response.statusCode, status, `${url} ${body.slice(0, 60)}`);
        assert.match(response.body, message, `${url} ${body.slice(0, 60)}`);
        assert.doesNotMatch(response.body, new RegExp(good), 'a passphrase is never shown again');
        assert.doesNotMatch(
          response.body,
          /form\.problem\.invalid|Dit veld klopt niet/,
          'each field has its own message',
        );
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(response.body, /[\u0000-\u0008]/, 'no control character is put back into the page');
      }
      assert.equal(await userCount(), before);

      // Signed in: the account page's forms and the code of a second factor.
      const { cookies: jar } = await register('ouder.vijandig');
      const signedIn: [string, string, number][] = [
        ['/account/email', 'email=a%40example.org&email=b%40example.org', 400],
        ['/account/email', 'email=a%00b%40example.org', 400],
        ['/account/email', `email=${'a'.repeat(300)}%40example.org`, 400],
        ['/account/wachtwoord', `huidig=${good}&wachtwoord=x&wachtwoord=y&herhaling=x`, 400],
        ['/account/tweede-stap', 'code=123456&code=654321', 400],
        ['/account/sessies/beeindigen', 'sessie=a&sessie=b', 404],
        ['/account/sessies/beeindigen', `sessie=${'0'.repeat(64)}%00`, 404],
        ['/account/gegevens', `wachtwoord=${good}&wachtwoord=${good}`, 400],
      ];
      for (const [url, body, status] of signedIn) {
        const response = await postRaw(url, body, '/account', jar);
        assert.equal(response.statusCode, status, `${url} ${body.slice(0, 60)}`);
      }
      const email = await testApp.app.inject({ method: 'GET', url: '/account', cookies: jar });
      assert.doesNotMatch(email.body, /example\.org/, 'no address was stored');
    });

    test('a passphrase typed with combining accents logs in like the precomposed one', async () => {
      await register('ouder.accent', 'ideeën voor later vandaag');
      const { response } = await login('ouder.accent', 'idee\u0065\u0308n voor later vandaag');
      assert.equal(response.statusCode, 303);
    });

    test('an unknown user and a wrong passphrase get the same answer', async () => {
      const unknown = await login('niemand-hier', goodPassphrase);
      const wrong = await login('Moeder', 'verkeerde zin hier nu');
      assert.equal(unknown.response.statusCode, 400);
      assert.equal(wrong.response.statusCode, 400);
      const strip = (body: string) =>
        body.replace(/name="_csrf" value="[^"]+"/, '').replace(/value="[^"]*" autocomplete="username"/, '');
      assert.equal(strip(unknown.response.body), strip(wrong.response.body));
      assert.match(wrong.response.body, /Deze gebruikersnaam en wachtwoordzin horen niet bij elkaar/);
    });

    test('login gives a new session id, even over an old one, and the session list shows both devices', async () => {
      const first = await login('Moeder', goodPassphrase);
      assert.equal(first.response.statusCode, 303);
      assert.equal(first.response.headers.location, '/account');
      const second = await login('Moeder', goodPassphrase, { sessie: first.cookies.sessie! });
      assert.notEqual(second.cookies.sessie, first.cookies.sessie);
      const oldCookie = await testApp.app.inject({
        method: 'GET',
        url: '/account',
        cookies: { sessie: first.cookies.sessie! },
      });
      assert.equal(oldCookie.statusCode, 404, 'the session from before the login is gone');
      const account = await testApp.app.inject({ method: 'GET', url: '/account', cookies: second.cookies });
      assert.ok((account.body.match(/data-session="/g) ?? []).length >= 2);
    });

    test('a session cookie with a wrong secret or garbage is simply "not logged in"', async () => {
      const { cookies } = await login('Moeder', goodPassphrase);
      const [id] = cookies.sessie!.split('.');
      for (const value of [`${id}.${'A'.repeat(43)}`, 'garbage', `${'x'.repeat(500)}`, '']) {
        const response = await testApp.app.inject({ method: 'GET', url: '/account', cookies: { sessie: value } });
        assert.equal(response.statusCode, 404, value.slice(0, 20));
      }
      const home = await testApp.app.inject({
        method: 'GET',
        url: '/',
        cookies: { sessie: `${id}.${'A'.repeat(43)}` },
      });
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /href="\/inloggen"/);
    });

    test('logout deletes the session: the same cookie later is worth nothing', async () => {
      const { cookies } = await login('Moeder', goodPassphrase);
      const page = await testApp.app.inject({ method: 'GET', url: '/account', cookies });
      const token = csrfTokenFrom(page.body);
      const out = await testApp.app.inject({ method: 'POST', url: '/uitloggen', cookies, payload: { _csrf: token } });
      assert.equal(out.statusCode, 303);
      assert.equal(out.headers['clear-site-data'], '"cookies"');
      const again = await testApp.app.inject({ method: 'GET', url: '/account', cookies });
      assert.equal(again.statusCode, 404);
      const noCsrf = await login('Moeder', goodPassphrase);
      const refused = await testApp.app.inject({
        method: 'POST',
        url: '/uitloggen',
        cookies: noCsrf.cookies,
        payload: {},
      });
      assert.equal(refused.statusCode, 403, 'logging out needs the form token');
    });

    test('quick exit ends the session', async () => {
      const { cookies } = await login('Moeder', goodPassphrase);
      const exit = await testApp.app.inject({ method: 'GET', url: '/weg', cookies });
      assert.equal(exit.statusCode, 303);
      assert.equal((await testApp.app.inject({ method: 'GET', url: '/account', cookies })).statusCode, 404);
    });

    test("people end their own other sessions; another person's session id ends nothing", async () => {
      const mine = await login('Moeder', goodPassphrase);
      const other = await login('Moeder', goodPassphrase);
      await register('andere.ouder');
      const theirs = await login('andere.ouder', goodPassphrase);
      const hashOf = async (cookie: string) => {
        const { sessionIdHash } = await import('../../shared/crypto/session-key.js');
        return sessionIdHash(parseSessionCookie(cookie)!.id);
      };
      const page = await testApp.app.inject({ method: 'GET', url: '/account', cookies: mine.cookies });
      const token = csrfTokenFrom(page.body);
      const foreign = await testApp.app.inject({
        method: 'POST',
        url: '/account/sessies/beeindigen',
        cookies: mine.cookies,
        payload: { _csrf: token, sessie: await hashOf(theirs.cookies.sessie!) },
      });
      assert.equal(foreign.statusCode, 404);
      assert.equal(
        (await testApp.app.inject({ method: 'GET', url: '/account', cookies: theirs.cookies })).statusCode,
        200,
      );
      const bad = await testApp.app.inject({
        method: 'POST',
        url: '/account/sessies/beeindigen',
        cookies: mine.cookies,
        payload: { _csrf: token, sessie: "1' OR '1'='1" },
      });
      assert.equal(bad.statusCode, 404);
      const otherHash = await hashOf(other.cookies.sessie!);
      const end = () =>
        testApp.app.inject({
          method: 'POST',
          url: '/account/sessies/beeindigen',
          cookies: mine.cookies,
          payload: { _csrf: token, sessie: otherHash },
        });
      // When its audit line cannot be written, the session is not ended either.
      const restore = await refuseAuditWrites(testApp.database.handle);
      try {
        assert.equal((await end()).statusCode, 500);
      } finally {
        await restore();
      }
      assert.equal(
        (await testApp.app.inject({ method: 'GET', url: '/account', cookies: other.cookies })).statusCode,
        200,
      );
      const ended = await end();
      assert.equal(ended.statusCode, 303);
      assert.equal(
        (await testApp.app.inject({ method: 'GET', url: '/account', cookies: other.cookies })).statusCode,
        404,
      );
      const all = await testApp.app.inject({
        method: 'POST',
        url: '/account/sessies/anderen-beeindigen',
        cookies: mine.cookies,
        payload: { _csrf: token },
      });
      assert.equal(all.statusCode, 303);
      const left = await createAccountsRepository(testApp.database.handle.db).listSessions(
        (await testApp.services.accounts.currentSession(mine.cookies.sessie))!.userId,
      );
      assert.equal(left.length, 1);
    });

    test('a sign-up whose audit line cannot be written creates no account', async () => {
      const restore = await refuseAuditWrites(testApp.database.handle);
      try {
        assert.equal((await register('zonder.spoor')).response.statusCode, 500);
      } finally {
        await restore();
      }
      const row = await testApp.database.handle.db
        .selectFrom('users')
        .select('id')
        .where('username_key', '=', 'zonder.spoor')
        .executeTakeFirst();
      assert.equal(row, undefined);
      assert.equal((await register('zonder.spoor')).response.statusCode, 200, 'the name is free');
    });

    test('a login whose audit line cannot be written starts no session', async () => {
      await register('login.zonder.spoor');
      const sessionsOf = async () =>
        (
          await testApp.database.handle.db
            .selectFrom('sessions')
            .innerJoin('users', 'users.id', 'sessions.user_id')
            .select('sessions.id_hash')
            .where('users.username_key', '=', 'login.zonder.spoor')
            .execute()
        ).length;
      const before = await sessionsOf();
      const restore = await refuseAuditWrites(testApp.database.handle);
      try {
        const refused = await login('login.zonder.spoor', goodPassphrase);
        assert.equal(refused.response.statusCode, 500);
        assert.equal(refused.cookies.sessie, undefined, 'no session cookie');
      } finally {
        await restore();
      }
      assert.equal(await sessionsOf(), before, 'no session row');
      const signedIn = await login('login.zonder.spoor', goodPassphrase);
      assert.equal(signedIn.response.statusCode, 303);
      assert.equal(await sessionsOf(), before + 1);
    });

    test('logging out signs out even when the audit log cannot be written', async () => {
      await register('uit.zonder.spoor');
      const { cookies } = await login('uit.zonder.spoor', goodPassphrase);
      const session = (await testApp.services.accounts.currentSession(cookies.sessie))!;
      const page = await testApp.app.inject({ method: 'GET', url: '/account', cookies });
      const restore = await refuseAuditWrites(testApp.database.handle);
      let out;
      try {
        out = await testApp.app.inject({
          method: 'POST',
          url: '/uitloggen',
          cookies,
          payload: { _csrf: csrfTokenFrom(page.body) },
        });
      } finally {
        await restore();
      }
      assert.equal(out.statusCode, 303);
      assert.equal(await testApp.services.accounts.currentSession(cookies.sessie), undefined, 'the session ended');
      const lines = await testApp.database.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('object_id', '=', session.userId)
        .where('action', '=', 'logout')
        .execute();
      assert.deepEqual(lines, [], 'without its line');
      // With a working audit log, the line is written with the ending.
      const again = await login('uit.zonder.spoor', goodPassphrase);
      const page2 = await testApp.app.inject({ method: 'GET', url: '/account', cookies: again.cookies });
      const out2 = await testApp.app.inject({
        method: 'POST',
        url: '/uitloggen',
        cookies: again.cookies,
        payload: { _csrf: csrfTokenFrom(page2.body) },
      });
      assert.equal(out2.statusCode, 303);
      const after = await testApp.database.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('object_id', '=', session.userId)
        .where('action', '=', 'logout')
        .execute();
      assert.equal(after.length, 1);
    });

    test('signed-in pages carry the idle warning; "stay logged in" restarts the idle time-out', async () => {
      const { cookies } = await login('Moeder', goodPassphrase);
      const page = await testApp.app.inject({ method: 'GET', url: '/informatie', cookies });
      const until = /data-idle-until="([^"]+)"/.exec(page.body)?.[1];
      assert.ok(until !== undefined && Date.parse(until) > Date.now() + 19 * 60_000, 'about 20 minutes from now');
      assert.match(page.body, /role="alertdialog"/);
      const extended = await testApp.app.inject({
        method: 'POST',
        url: '/account/verlengen',
        cookies,
        headers: { accept: 'application/json', 'x-csrf-token': csrfTokenFrom(page.body) },
      });
      assert.equal(extended.statusCode, 200);
      assert.ok(Date.parse(extended.json<{ idleUntil: string }>().idleUntil) >= Date.parse(until));
      const anonymous = await testApp.app.inject({ method: 'GET', url: '/informatie' });
      assert.doesNotMatch(anonymous.body, /data-idle-until/);
    });

    test('sign-up, logins and logout are in the audit log by account id, never by name or passphrase', async () => {
      const { cookies } = await login('Moeder', goodPassphrase);
      await login('Moeder', 'verkeerde zin hier nu');
      const session = (await testApp.services.accounts.currentSession(cookies.sessie))!;
      const rows = await testApp.database.handle.db
        .selectFrom('audit_log')
        .selectAll()
        .where('object_id', '=', session.userId)
        .execute();
      const actions = new Set(rows.map((row) => row.action));
      for (const action of ['account.created', 'login.succeeded', 'login.failed'])
        assert.ok(actions.has(action), action);
      const text = JSON.stringify(await testApp.database.handle.db.selectFrom('audit_log').selectAll().execute());
      assert.doesNotMatch(text, /Moeder|lamp fiets|verkeerde/);
      assert.equal((await testApp.services.audit.verify()).ok, true);
    });

    test('the recovery code works once: new passphrase, new code, every session ended', async () => {
      const { response } = await register('herstel.ouder', 'eerste zin voor dit account');
      const code = /data-recovery-code="true">([^<]+)</.exec(response.body)![1]!;
      const signedIn = await login('herstel.ouder', 'eerste zin voor dit account');
      const recover = async (recoveryCode: string, passphrase: string) => {
        const { cookies, token } = await browser('/herstellen');
        return testApp.app.inject({
          method: 'POST',
          url: '/herstellen',
          cookies,
          payload: {
            _csrf: token,
            gebruikersnaam: 'herstel.ouder',
            herstelcode: recoveryCode,
            wachtwoord: passphrase,
            herhaling: passphrase,
          },
        });
      };
      const sloppy = code.toLowerCase().replace(/-/g, ' ');
      const recovered = await recover(sloppy, 'tweede zin voor dit account');
      assert.equal(recovered.statusCode, 200);
      const newCode = /data-recovery-code="true">([^<]+)</.exec(recovered.body)?.[1];
      assert.ok(newCode !== undefined && newCode !== code, 'a new code is shown');
      assert.equal(
        (await testApp.app.inject({ method: 'GET', url: '/account', cookies: signedIn.cookies })).statusCode,
        404,
      );
      assert.equal((await login('herstel.ouder', 'eerste zin voor dit account')).response.statusCode, 400);
      assert.equal((await login('herstel.ouder', 'tweede zin voor dit account')).response.statusCode, 303);
      const reused = await recover(code, 'derde zin voor dit account');
      assert.equal(reused.statusCode, 400, 'the old code is used up');
      assert.match(reused.body, /Deze gebruikersnaam en herstelcode horen niet bij elkaar/);
      const typo = await recover(
        `${newCode.slice(0, -1)}${newCode.endsWith('A') ? 'B' : 'A'}`,
        'derde zin voor dit account',
      );
      assert.equal(typo.statusCode, 400);
      assert.match(typo.body, /Deze herstelcode klopt niet|horen niet bij elkaar/);
      const short = await recover('ABCD', 'derde zin voor dit account');
      assert.match(short.body, /Een herstelcode heeft 28 tekens/);
    });

    test('TOTP as a second step: set up with a first code, then asked at login; wrong and reused codes are refused', async () => {
      const { cookies } = await register('twee.stappen', 'eerste stap voor twee stappen');
      const setup = await testApp.app.inject({ method: 'GET', url: '/account/tweede-stap', cookies });
      const secret = /data-totp-secret="true">([^<]+)</.exec(setup.body)![1]!.replace(/ /g, '');
      const token = csrfTokenFrom(setup.body);
      const wrong = await testApp.app.inject({
        method: 'POST',
        url: '/account/tweede-stap',
        cookies,
        payload: { _csrf: token, code: '000000' },
      });
      assert.equal(wrong.statusCode, 400);
      const first = await generate({ secret });
      const confirmed = await testApp.app.inject({
        method: 'POST',
        url: '/account/tweede-stap',
        cookies,
        payload: { _csrf: token, code: first },
      });
      assert.equal(confirmed.statusCode, 303);

      const step1 = await login('twee.stappen', 'eerste stap voor twee stappen');
      assert.equal(step1.response.headers.location, '/inloggen/code');
      assert.equal(
        (await testApp.app.inject({ method: 'GET', url: '/account', cookies: step1.cookies })).statusCode,
        404,
        'nothing before the code',
      );
      const codePage = await testApp.app.inject({ method: 'GET', url: '/inloggen/code', cookies: step1.cookies });
      const codeToken = csrfTokenFrom(codePage.body);
      const post = (code: string, jar = step1.cookies, csrf = codeToken) =>
        testApp.app.inject({ method: 'POST', url: '/inloggen/code', cookies: jar, payload: { _csrf: csrf, code } });
      // The code used to confirm the set-up was accepted once already: it does not work again.
      assert.equal((await post(first)).statusCode, 400, 'a used code is refused');
      for (const bad of ['123456', 'abcdef', '1'.repeat(10_000)]) {
        const refused = await post(bad);
        assert.equal(refused.statusCode, 400, bad.slice(0, 10));
        assert.match(refused.body, /Deze code klopt niet, is verlopen of is al gebruikt/);
      }
      // After a fifth failure in a row the next attempt is throttled.
      assert.equal((await post('')).statusCode, 400);
      assert.equal((await post('')).statusCode, 429);
    });

    test('download and delete need the passphrase again; deleting destroys the account and its sessions', async () => {
      const passphrase = 'kast tafel lamp gordijn';
      const { cookies } = await register('weg.ermee', passphrase);
      const page = await testApp.app.inject({ method: 'GET', url: '/account', cookies });
      const token = csrfTokenFrom(page.body);
      const post = (url: string, wachtwoord: string) =>
        testApp.app.inject({
          method: 'POST',
          url,
          cookies,
          remoteAddress: '10.9.9.9',
          payload: { _csrf: token, wachtwoord },
        });

      const wrong = await post('/account/gegevens', 'niet mijn zin hoor');
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /Deze wachtwoordzin klopt niet/);
      const download = await post('/account/gegevens', passphrase);
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-disposition'], 'attachment; filename="gegevens.json"');
      const data = download.json<{
        account: { username: string };
        sessions: unknown[];
        securityEvents: { action: string }[];
      }>();
      assert.equal(data.account.username, 'weg.ermee');
      assert.equal(data.sessions.length, 1);
      assert.ok(data.securityEvents.some((event) => event.action === 'account.created'));
      assert.doesNotMatch(download.body, new RegExp(passphrase));

      assert.equal((await post('/account/verwijderen', 'ook niet mijn zin')).statusCode, 400);
      assert.equal(
        (await testApp.app.inject({ method: 'GET', url: '/account', cookies })).statusCode,
        200,
        'still there',
      );
      const session = (await testApp.services.accounts.currentSession(cookies.sessie))!;
      const deleted = await post('/account/verwijderen', passphrase);
      assert.equal(deleted.statusCode, 200);
      assert.match(deleted.body, /Je account is verwijderd/);
      assert.equal(deleted.headers['clear-site-data'], '"cookies", "storage"');
      assert.equal((await testApp.app.inject({ method: 'GET', url: '/account', cookies })).statusCode, 404);
      const db = testApp.database.handle.db;
      assert.equal((await db.selectFrom('users').selectAll().where('id', '=', session.userId).execute()).length, 0);
      assert.equal(
        (await db.selectFrom('sessions').selectAll().where('user_id', '=', session.userId).execute()).length,
        0,
      );
      assert.equal((await login('weg.ermee', passphrase)).response.statusCode, 400);
      const events = await testApp.services.audit.forObject('account', session.userId);
      assert.ok(events.some((event) => event.action === 'account.deleted'));
      assert.equal((await testApp.services.audit.verify()).ok, true);
    });

    test('an admin set-up link works once, within its time; the admin holds no rights before a second factor', async () => {
      const token = await testApp.services.accounts.createAdminSetupLink('beheer@example.org');
      assert.equal(
        (await testApp.app.inject({ method: 'GET', url: `/beheer/start/${'A'.repeat(43)}` })).statusCode,
        404,
      );
      assert.equal((await testApp.app.inject({ method: 'GET', url: '/beheer/start/kort' })).statusCode, 404);
      const form = await testApp.app.inject({ method: 'GET', url: `/beheer/start/${token}` });
      assert.equal(form.statusCode, 200);
      const cookies = Object.fromEntries(setCookies(form.headers));
      const payload = {
        _csrf: csrfTokenFrom(form.body),
        gebruikersnaam: 'beheerder',
        wachtwoord: 'beheer zin voor de site',
        herhaling: 'beheer zin voor de site',
      };
      const weak = await testApp.app.inject({
        method: 'POST',
        url: `/beheer/start/${token}`,
        cookies,
        payload: { ...payload, wachtwoord: 'kort', herhaling: 'kort' },
      });
      assert.equal(weak.statusCode, 400, 'a bad form does not use up the link');
      // When its audit line cannot be written, no account is made and the link is not used up.
      const restore = await refuseAuditWrites(testApp.database.handle);
      try {
        const refused = await testApp.app.inject({ method: 'POST', url: `/beheer/start/${token}`, cookies, payload });
        assert.equal(refused.statusCode, 500);
      } finally {
        await restore();
      }
      const none = await testApp.database.handle.db
        .selectFrom('users')
        .select('id')
        .where('username_key', '=', 'beheerder')
        .executeTakeFirst();
      assert.equal(none, undefined, 'no account');
      assert.equal(await testApp.services.accounts.setupLinkUsable(token), true, 'the link still works');
      const created = await testApp.app.inject({ method: 'POST', url: `/beheer/start/${token}`, cookies, payload });
      assert.equal(created.statusCode, 200);
      assert.match(created.body, /data-recovery-code/);
      const adminCookie = Object.fromEntries(setCookies(created.headers)).sessie!;
      const again = await testApp.app.inject({
        method: 'POST',
        url: `/beheer/start/${token}`,
        cookies,
        payload: { ...payload, gebruikersnaam: 'tweede.beheerder' },
      });
      assert.equal(again.statusCode, 404, 'the link is used up');

      const before = (await testApp.services.accounts.currentSession(adminCookie))!;
      assert.deepEqual(
        before.actor.kind === 'user' && before.actor.roles,
        [],
        'no admin rights without a second factor',
      );
      const { secret } = await testApp.services.accounts.startTotp(before);
      assert.equal(await testApp.services.accounts.confirmTotp(before, await generate({ secret })), true);
      const after = (await testApp.services.accounts.currentSession(adminCookie))!;
      assert.deepEqual(after.actor.kind === 'user' && after.actor.roles, ['admin']);

      const { sessionIdHash } = await import('../../shared/crypto/session-key.js');
      const oldToken = 'B'.repeat(43);
      await testApp.database.handle.db
        .insertInto('setup_links')
        .values({
          token_hash: sessionIdHash(Buffer.from(oldToken)),
          role: 'admin',
          email: 'oud@example.org',
          created_at: '2020-01-01T00:00:00Z',
          expires_at: '2020-01-02T00:00:00Z',
        })
        .execute();
      assert.equal(await testApp.services.accounts.setupLinkUsable(oldToken), false, 'an expired link');
      assert.equal((await testApp.app.inject({ method: 'GET', url: `/beheer/start/${oldToken}` })).statusCode, 404);
      await testApp.database.handle.db
        .updateTable('setup_links')
        .set({ expires_at: '2999-01-01T00:00:00Z' })
        .where('email', '=', 'oud@example.org')
        .execute();
      assert.equal(await testApp.services.accounts.setupLinkUsable(oldToken), true, 'the same link within its time');
    });

    test('changing the passphrase re-wraps the same keys, keeps this device and logs out the others', async () => {
      const { cookies } = await register('nieuwe.zin', 'oude zin van deze ouder');
      const other = await login('nieuwe.zin', 'oude zin van deze ouder');
      const page = await testApp.app.inject({ method: 'GET', url: '/account', cookies });
      const token = csrfTokenFrom(page.body);
      const change = (huidig: string, wachtwoord: string) =>
        testApp.app.inject({
          method: 'POST',
          url: '/account/wachtwoord',
          cookies,
          remoteAddress: '10.8.8.8',
          payload: { _csrf: token, huidig, wachtwoord, herhaling: wachtwoord },
        });
      const before = (await testApp.services.accounts.currentSession(cookies.sessie))!;
      const fingerprintBefore = (await testApp.services.accounts.exportData(before, [])).account.signingKeyFingerprint;
      const wrong = await change('niet de oude zin', 'nieuwe zin voor deze ouder');
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /Deze wachtwoordzin klopt niet/);
      const weak = await change('oude zin van deze ouder', 'password123456');
      assert.equal(weak.statusCode, 400);
      assert.match(weak.body, /te makkelijk te raden/);
      // When the audit line cannot be written, the passphrase stays the old one and the other device stays in.
      const restore = await refuseAuditWrites(testApp.database.handle);
      try {
        assert.equal((await change('oude zin van deze ouder', 'nieuwe zin voor deze ouder')).statusCode, 500);
      } finally {
        await restore();
      }
      assert.equal(
        (await testApp.app.inject({ method: 'GET', url: '/account', cookies: other.cookies })).statusCode,
        200,
      );
      const changed = await change('oude zin van deze ouder', 'nieuwe zin voor deze ouder');
      assert.equal(changed.statusCode, 303);
      assert.equal(
        (await testApp.app.inject({ method: 'GET', url: '/account', cookies })).statusCode,
        200,
        'this device stays',
      );
      assert.equal(
        (await testApp.app.inject({ method: 'GET', url: '/account', cookies: other.cookies })).statusCode,
        404,
        'others end',
      );
      assert.equal((await login('nieuwe.zin', 'oude zin van deze ouder')).response.statusCode, 400);
      const fresh = await login('nieuwe.zin', 'nieuwe zin voor deze ouder');
      assert.equal(fresh.response.statusCode, 303);
      const after = (await testApp.services.accounts.currentSession(fresh.cookies.sessie))!;
      assert.equal(
        (await testApp.services.accounts.exportData(after, [])).account.signingKeyFingerprint,
        fingerprintBefore,
      );
    });

    test('a copy of the database holds no passphrase, recovery code, TOTP secret, master key, session secret or private key', async () => {
      const passphrase = 'zonnebloem kapstok vijver marmer';
      const signedUp = await register('dump.test', passphrase);
      const code = /data-recovery-code="true">([^<]+)</.exec(signedUp.response.body)![1]!;
      // A second factor: confirmed with the previous 30-second step's code, so that the login below can use
      // the current one (each step is accepted once).
      const setup = await testApp.app.inject({ method: 'GET', url: '/account/tweede-stap', cookies: signedUp.cookies });
      const totpSecret = /data-totp-secret="true">([^<]+)</.exec(setup.body)![1]!.replace(/ /g, '');
      const previousStep = Math.floor(Date.now() / 1000) - 30;
      const confirmed = await testApp.app.inject({
        method: 'POST',
        url: '/account/tweede-stap',
        cookies: signedUp.cookies,
        payload: {
          _csrf: csrfTokenFrom(setup.body),
          code: await generate({ secret: totpSecret, epoch: previousStep }),
        },
      });
      assert.equal(confirmed.statusCode, 303);
      const { cookies } = await login('dump.test', passphrase);
      const codePage = await testApp.app.inject({ method: 'GET', url: '/inloggen/code', cookies });
      const second = await testApp.app.inject({
        method: 'POST',
        url: '/inloggen/code',
        cookies,
        remoteAddress: '10.7.7.7',
        payload: { _csrf: csrfTokenFrom(codePage.body), code: await generate({ secret: totpSecret }) },
      });
      assert.equal(second.statusCode, 303, 'logged in with both steps');
      const fullCookie = Object.fromEntries(setCookies(second.headers)).sessie!;
      assert.notEqual(fullCookie, cookies.sessie, 'the second step gives a new session id');
      const session = (await testApp.services.accounts.currentSession(fullCookie))!;
      const master = session.keys.masterKey();
      const user = (await createAccountsRepository(testApp.database.handle.db).findUserById(session.userId))!;
      const secrets: [string, Buffer][] = [
        ['passphrase', Buffer.from(passphrase)],
        ['TOTP secret (base32)', Buffer.from(totpSecret)],
        ['recovery code (as shown)', Buffer.from(code)],
        ['recovery code (compact)', Buffer.from(code.replace(/-/g, ''))],
        ['recovery code (bytes)', (parseRecoveryCode(code) as { bytes: Buffer }).bytes],
        ['master key', master.key.export()],
        ['session secret', parseSessionCookie(fullCookie)!.secret],
        ['session id', parseSessionCookie(fullCookie)!.id],
        ['Ed25519 private key', signingKey(session.userId, user.keys, master).export({ type: 'pkcs8', format: 'der' })],
        ['X25519 private key', sharingKey(session.userId, user.keys, master).export({ type: 'pkcs8', format: 'der' })],
      ];
      assertNotInDump(await databaseDump(testApp), secrets);
    });
  });
}

describe('login throttling [sqlite]', () => {
  test('after repeated failures the answer is a 429 with the time to try again, for known and unknown names alike', async () => {
    const testApp = await buildTestApp('sqlite', { RATE_LIMIT_MAX: '100000' });
    try {
      const { app } = testApp;
      const attempt = async (username: string) => {
        const page = await app.inject({ method: 'GET', url: '/inloggen' });
        return app.inject({
          method: 'POST',
          url: '/inloggen',
          cookies: Object.fromEntries(setCookies(page.headers)),
          payload: { _csrf: csrfTokenFrom(page.body), gebruikersnaam: username, wachtwoord: 'verkeerde zin hier nu' },
        });
      };
      const statuses: number[] = [];
      for (let index = 0; index < 6; index += 1) statuses.push((await attempt('bestaat-niet')).statusCode);
      assert.deepEqual(statuses, [400, 400, 400, 400, 400, 429]);
      const blocked = await attempt('bestaat-niet');
      assert.equal(blocked.statusCode, 429);
      assert.match(blocked.body, /Te veel pogingen\. Probeer het opnieuw om \d{2}:\d{2}\./);
      assert.ok(Number(blocked.headers['retry-after']) >= 1);
    } finally {
      await testApp.close();
    }
  });
});

test('throttle delays grow and stop at 15 minutes; the first failures cost nothing', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(throttleDelayMs), [0, 0, 0, 0, 2000, 4000, 8000]);
  assert.equal(throttleDelayMs(40), 15 * 60_000);
});
