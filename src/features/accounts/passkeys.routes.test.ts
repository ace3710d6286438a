import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForSuite, csrfTokenFrom, setCookies } from '../../../test/helpers/app.js';
import { buildParent } from '../../../test/helpers/factories.js';
import { refuseAuditWrites } from '../../../test/helpers/audit-failure.js';
import { dialects } from '../../../test/helpers/databases.js';
import { createSoftAuthenticator } from '../../../test/helpers/soft-authenticator.js';

const passphrase = 'vlinder kompas haven regen';

for (const dialect of dialects) {
  describe(`passkey routes [${dialect}]`, () => {
    const testApp = appForSuite(dialect, { RATE_LIMIT_MAX: '100000', PUBLIC_ORIGIN: 'https://logboek.example' });

    const relyingParty = () => testApp.config.publicOrigin;
    let address = 0;
    const nextAddress = () => `10.3.0.${++address}`;
    type Jar = Record<string, string>;

    const signUp = async (username: string): Promise<Jar> =>
      (await buildParent(testApp, { username, passphrase })).cookies;

    /** Adds a passkey the way the page's script does: options as JSON, then the answer in a form post. */
    async function addPasskey(cookies: Jar, nickname = 'laptop') {
      const page = await testApp.app.inject({ method: 'GET', url: '/account/toegangssleutels', cookies });
      assert.equal(page.statusCode, 200);
      const token = csrfTokenFrom(page.body);
      const options = await testApp.app.inject({
        method: 'POST',
        url: '/account/toegangssleutels/opties',
        cookies,
        headers: { accept: 'application/json', 'x-csrf-token': token },
      });
      assert.equal(options.statusCode, 200);
      const authenticator = createSoftAuthenticator(relyingParty());
      const added = await testApp.app.inject({
        method: 'POST',
        url: '/account/toegangssleutels',
        cookies,
        payload: {
          _csrf: token,
          bijnaam: nickname,
          antwoord: JSON.stringify(authenticator.register(options.json<{ challenge: string }>())),
        },
      });
      return { authenticator, added, token };
    }

    async function passphraseStep(username: string) {
      const form = await testApp.app.inject({ method: 'GET', url: '/inloggen' });
      const cookies: Jar = Object.fromEntries(setCookies(form.headers));
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/inloggen',
        cookies,
        remoteAddress: nextAddress(),
        payload: { _csrf: csrfTokenFrom(form.body), gebruikersnaam: username, wachtwoord: passphrase },
      });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/inloggen/code');
      const jar = { ...cookies, ...Object.fromEntries(setCookies(response.headers)) };
      const page = await testApp.app.inject({ method: 'GET', url: '/inloggen/code', cookies: jar });
      return { cookies: jar, page, token: csrfTokenFrom(page.body) };
    }

    const loginOptions = async (cookies: Jar, token: string) =>
      testApp.app.inject({
        method: 'POST',
        url: '/inloggen/toegangssleutel/opties',
        cookies,
        headers: { accept: 'application/json', 'x-csrf-token': token },
      });

    const postAnswer = (cookies: Jar, token: string, antwoord: unknown, remoteAddress = nextAddress()) =>
      testApp.app.inject({
        method: 'POST',
        url: '/inloggen/toegangssleutel',
        cookies,
        remoteAddress,
        payload: { _csrf: token, antwoord: antwoord as string },
      });

    const auditActions = async (userId: string) =>
      (await testApp.services.audit.forObject('account', userId)).map((event) => event.action);

    test('a passkey is added from the account page and listed by name; the page works without the script', async () => {
      const cookies = await signUp('sleutel.pagina');
      const empty = await testApp.app.inject({ method: 'GET', url: '/account/toegangssleutels', cookies });
      assert.match(empty.body, /Je hebt nog geen toegangssleutel\./);
      assert.match(empty.body, /Voor een toegangssleutel is JavaScript nodig/, 'without the script the page says why');
      assert.match(empty.body, /<script src="\/assets\/passkey\.[0-9a-f]{12}\.js" defer>/);
      assert.doesNotMatch(empty.body, /<script>/, 'no inline script');
      const { added } = await addPasskey(cookies, 'werk <laptop>');
      assert.equal(added.statusCode, 303);
      assert.equal(added.headers.location, '/account/toegangssleutels');
      const page = await testApp.app.inject({ method: 'GET', url: '/account/toegangssleutels', cookies });
      assert.match(page.body, /<strong>werk &lt;laptop><\/strong>/, 'the name is shown escaped');
      assert.match(page.body, /Nog niet gebruikt/);
      const session = (await testApp.services.accounts.currentSession(cookies.sessie))!;
      assert.ok((await auditActions(session.userId)).includes('passkey.added'));
      const account = await testApp.app.inject({ method: 'GET', url: '/account', cookies });
      assert.match(account.body, /href="\/account\/toegangssleutels"/);
    });

    test('login: passphrase, then the passkey; the session gets a new id and the old one is worth nothing', async () => {
      const cookies = await signUp('sleutel.login');
      const { authenticator } = await addPasskey(cookies);
      const step = await passphraseStep('sleutel.login');
      assert.match(step.page.body, /data-module="app-passkey"/);
      assert.doesNotMatch(step.page.body, /name="code"/, 'no code form for an account without TOTP');
      assert.equal(
        (await testApp.app.inject({ method: 'GET', url: '/account', cookies: step.cookies })).statusCode,
        404,
      );
      const options = await loginOptions(step.cookies, step.token);
      assert.equal(options.statusCode, 200);
      assert.equal(options.headers['cache-control'], 'no-store');
      const answer = JSON.stringify(authenticator.authenticate(options.json<{ challenge: string }>()));
      const done = await postAnswer(step.cookies, step.token, answer);
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/account');
      const full = Object.fromEntries(setCookies(done.headers)).sessie!;
      assert.notEqual(full, step.cookies.sessie);
      assert.equal(
        (await testApp.app.inject({ method: 'GET', url: '/account', cookies: { sessie: full } })).statusCode,
        200,
      );
      assert.equal(
        (await testApp.app.inject({ method: 'GET', url: '/account', cookies: step.cookies })).statusCode,
        404,
      );

      // The same answer again, from a new login: refused with a message, the new session still waits.
      const again = await passphraseStep('sleutel.login');
      const replayed = await postAnswer(again.cookies, again.token, answer);
      assert.equal(replayed.statusCode, 400);
      assert.match(replayed.body, /Deze toegangssleutel is niet geaccepteerd/);
      assert.match(replayed.body, /class="app-error-summary"/);
      assert.doesNotMatch(String(replayed.headers['set-cookie'] ?? ''), /sessie=/);
      assert.equal(
        (await testApp.app.inject({ method: 'GET', url: '/account', cookies: again.cookies })).statusCode,
        404,
      );
      const session = (await testApp.services.accounts.currentSession(full))!;
      const actions = await auditActions(session.userId);
      assert.ok(actions.includes('login.second-factor') && actions.includes('passkey.failed'));
    });

    test('a login with TOTP and a passkey offers both; either completes it', async () => {
      const cookies = await signUp('sleutel.beide');
      const setup = await testApp.app.inject({ method: 'GET', url: '/account/tweede-stap', cookies });
      assert.match(setup.body, /data-totp-secret/, 'a passkey does not count as TOTP on the TOTP page');
      const { generate } = await import('otplib');
      const secret = /data-totp-secret="true">([^<]+)</.exec(setup.body)![1]!.replace(/ /g, '');
      const confirmed = await testApp.app.inject({
        method: 'POST',
        url: '/account/tweede-stap',
        cookies,
        payload: { _csrf: csrfTokenFrom(setup.body), code: await generate({ secret, epoch: Date.now() / 1000 - 30 }) },
      });
      assert.equal(confirmed.statusCode, 303);
      await addPasskey(cookies);
      const step = await passphraseStep('sleutel.beide');
      assert.match(step.page.body, /data-module="app-passkey"/);
      assert.match(step.page.body, /name="code"/);
      const code = await testApp.app.inject({
        method: 'POST',
        url: '/inloggen/code',
        cookies: step.cookies,
        remoteAddress: nextAddress(),
        payload: { _csrf: step.token, code: await generate({ secret }) },
      });
      assert.equal(code.statusCode, 303);
      assert.notEqual(Object.fromEntries(setCookies(code.headers)).sessie, step.cookies.sessie);
    });

    test('malformed answers get a 400 with a message, never a 500; so does broken JSON', async () => {
      const cookies = await signUp('sleutel.rommel');
      const { token } = await addPasskey(cookies);
      const step = await passphraseStep('sleutel.rommel');
      await loginOptions(step.cookies, step.token);
      const from = nextAddress();
      // Four, because the fifth failure in a row is throttled (429), like wrong codes.
      for (const antwoord of ['', '{', '[]', '{"id":"a","type":"public-key"}']) {
        const response = await postAnswer(step.cookies, step.token, antwoord, `10.4.0.${address++}`);
        assert.equal(response.statusCode, 400, antwoord);
        assert.match(response.body, /We konden het antwoord van je toegangssleutel niet lezen/, antwoord);
      }
      const asJson = await testApp.app.inject({
        method: 'POST',
        url: '/inloggen/toegangssleutel',
        cookies: step.cookies,
        remoteAddress: from,
        headers: { 'content-type': 'application/json' },
        payload: '{"_csrf": "' + step.token + '", "antwoord": ',
      });
      assert.equal(asJson.statusCode, 400);
      const registration = await testApp.app.inject({
        method: 'POST',
        url: '/account/toegangssleutels',
        cookies,
        payload: { _csrf: token, antwoord: '{"response": 5}' },
      });
      assert.equal(registration.statusCode, 400);
      assert.match(registration.body, /We konden het antwoord van je toegangssleutel niet lezen/);
      const tooLong = await testApp.app.inject({
        method: 'POST',
        url: '/account/toegangssleutels',
        cookies,
        payload: { _csrf: token, bijnaam: 'x'.repeat(51), antwoord: '{}' },
      });
      assert.equal(tooLong.statusCode, 400);
      assert.match(tooLong.body, /Een naam heeft hoogstens 50 tekens/);
    });

    test('every passkey form post and options request without the CSRF token is refused', async () => {
      const cookies = await signUp('sleutel.csrf');
      const { authenticator } = await addPasskey(cookies);
      const step = await passphraseStep('sleutel.csrf');
      const posts: [string, Jar][] = [
        ['/account/toegangssleutels/opties', cookies],
        ['/account/toegangssleutels', cookies],
        ['/account/toegangssleutels/verwijderen', cookies],
        ['/inloggen/toegangssleutel/opties', step.cookies],
        ['/inloggen/toegangssleutel', step.cookies],
      ];
      for (const [url, jar] of posts) {
        const response = await testApp.app.inject({ method: 'POST', url, cookies: jar, payload: { antwoord: '{}' } });
        assert.equal(response.statusCode, 403, url);
      }
      // Nothing changed: the login still completes with the passkey.
      const options = await loginOptions(step.cookies, step.token);
      const answer = JSON.stringify(authenticator.authenticate(options.json<{ challenge: string }>()));
      assert.equal((await postAnswer(step.cookies, step.token, answer)).statusCode, 303);
    });

    test("removing a passkey asks for the passphrase; another person's passkey id is a 404", async () => {
      const mine = await signUp('sleutel.weg');
      await addPasskey(mine, 'oude telefoon');
      const theirs = await signUp('sleutel.ander');
      await addPasskey(theirs, 'van een ander');
      const idOf = async (cookies: Jar) =>
        /name="sleutel" value="([0-9a-f-]{36})"/.exec(
          (await testApp.app.inject({ method: 'GET', url: '/account/toegangssleutels', cookies })).body,
        )![1]!;
      const myId = await idOf(mine);
      const theirId = await idOf(theirs);
      const page = await testApp.app.inject({ method: 'GET', url: '/account/toegangssleutels', cookies: mine });
      assert.doesNotMatch(page.body, /van een ander/);
      const remove = (sleutel: string, wachtwoord: string) =>
        testApp.app.inject({
          method: 'POST',
          url: '/account/toegangssleutels/verwijderen',
          cookies: mine,
          remoteAddress: '10.5.5.5',
          payload: { _csrf: csrfTokenFrom(page.body), sleutel, wachtwoord },
        });
      assert.equal((await remove(theirId, passphrase)).statusCode, 404);
      assert.equal((await remove('niet-een-id', passphrase)).statusCode, 404);
      assert.equal((await remove('00000000-0000-4000-8000-000000000000', passphrase)).statusCode, 404);
      const wrong = await remove(myId, 'niet de goede zin');
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /Deze wachtwoordzin klopt niet/);
      assert.match(wrong.body, new RegExp(`href="#wachtwoord-${myId}"`));
      const removed = await remove(myId, passphrase);
      assert.equal(removed.statusCode, 303);
      const after = await testApp.app.inject({ method: 'GET', url: '/account/toegangssleutels', cookies: mine });
      assert.match(after.body, /Je hebt nog geen toegangssleutel\./);
      assert.match(
        (await testApp.app.inject({ method: 'GET', url: '/account/toegangssleutels', cookies: theirs })).body,
        /van een ander/,
        "the other person's passkey is still there",
      );
      const session = (await testApp.services.accounts.currentSession(mine.sessie))!;
      assert.ok((await auditActions(session.userId)).includes('passkey.removed'));
      // Without a passkey (and without TOTP) the login is one step again.
      const form = await testApp.app.inject({ method: 'GET', url: '/inloggen' });
      const login = await testApp.app.inject({
        method: 'POST',
        url: '/inloggen',
        cookies: Object.fromEntries(setCookies(form.headers)),
        remoteAddress: nextAddress(),
        payload: { _csrf: csrfTokenFrom(form.body), gebruikersnaam: 'sleutel.weg', wachtwoord: passphrase },
      });
      assert.equal(login.headers.location, '/account');
    });

    test('without a pending session the login options are a 404 and the passkey pages need a session', async () => {
      const form = await testApp.app.inject({ method: 'GET', url: '/inloggen' });
      const cookies: Jar = Object.fromEntries(setCookies(form.headers));
      const token = csrfTokenFrom(form.body);
      assert.equal((await loginOptions(cookies, token)).statusCode, 404);
      assert.equal((await testApp.app.inject({ method: 'GET', url: '/account/toegangssleutels' })).statusCode, 404);
      const signedUp = await signUp('sleutel.zonder');
      const fullSession = await loginOptions(
        signedUp,
        csrfTokenFrom((await testApp.app.inject({ method: 'GET', url: '/account', cookies: signedUp })).body),
      );
      assert.equal(fullSession.statusCode, 404, 'a full session has no second step to take');
    });

    test('a passkey whose audit line cannot be written is not added, and the answer is an error', async () => {
      const cookies = await signUp('sleutel.audit');
      const session = (await testApp.services.accounts.currentSession(cookies.sessie))!;
      const restore = await refuseAuditWrites(testApp.database.handle);
      try {
        const { added } = await addPasskey(cookies, 'telefoon');
        assert.equal(added.statusCode, 500);
      } finally {
        await restore();
      }
      assert.deepEqual(await testApp.services.passkeys.list(session), []);
      assert.ok(!(await auditActions(session.userId)).includes('passkey.added'));
    });
  });
}
