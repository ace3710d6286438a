// Parent accounts in a real browser: sign-up with its one-time recovery code, login and logout, the session
// list ("log out everywhere else"), quick exit ending the session, the idle time-out warning (WCAG 2.2.1), and
// getting back in with the recovery code. Flows that are plain forms run with JavaScript off too; axe only runs
// where JavaScript is on (it hangs otherwise, see STACK.md).
//
// Failed logins are throttled per client address (127.0.0.1 for every test): this file fails exactly one login
// per app, well under the 4 that cost nothing.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page, Response } from 'playwright-core';
import {
  AppPage,
  type AppServer,
  type E2E,
  axeViolations,
  neutralTitle,
  originOf,
  startAppServer,
  startE2E,
  submitForm as submit,
} from './support.js';

const recoveryCodePattern = /^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/;
/** SHA-256 of the signing key, in 16 groups of 4 hex digits (src/shared/crypto/user-keys.ts). */
const fingerprintPattern = /^([0-9a-f]{4} ){15}[0-9a-f]{4}$/;
const passphrase = 'lamp fiets regen appel';
const signedInText = 'Je bent ingelogd als';
const loginFailedText = 'Deze gebruikersnaam en wachtwoordzin horen niet bij elkaar';

let e2e: E2E | undefined;
const contexts: BrowserContext[] = [];

before(async () => {
  // Page loads fetch CSS, script, icons and the service worker: stay clear of the per-address rate limit.
  e2e = await startE2E({ RATE_LIMIT_MAX: '100000' });
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await e2e?.close();
});

function ready(): E2E {
  if (e2e === undefined) throw new Error('the app did not start');
  return e2e;
}

/** A fresh browser context ("device") on an app, closed after the file. */
async function device(
  baseUrl: string,
  options: { javaScript: boolean; fakeClock?: boolean },
): Promise<{ context: BrowserContext; app: AppPage }> {
  const context = await ready().browser.newContext({ locale: 'nl-NL', javaScriptEnabled: options.javaScript });
  contexts.push(context);
  if (options.fakeClock === true) await context.clock.install();
  const page = await context.newPage();
  return { context, app: new AppPage(page, baseUrl) };
}

/** A unique, valid username per call, so tests never share an account. */
let accountCount = 0;
function newUsername(purpose: string): string {
  accountCount += 1;
  return `ouder-${purpose}-${accountCount}`;
}

interface SignedUp {
  response: Response;
  code: string;
  fingerprint: string;
}

/** Signs up through the form on /registreren; the page then shows the recovery code (or the form's errors). */
async function signUp(app: AppPage, username: string, phrase: string, again = phrase): Promise<SignedUp> {
  await app.open('/registreren');
  await app.page.getByLabel('Gebruikersnaam', { exact: true }).fill(username);
  await app.page.getByLabel('Wachtwoordzin', { exact: true }).fill(phrase);
  await app.page.getByLabel('Wachtwoordzin nog een keer', { exact: true }).fill(again);
  const response = await submit(app.page, 'Account maken', '/registreren');
  const code = response.ok() ? (await app.page.locator('[data-recovery-code]').innerText()).trim() : '';
  const fingerprint = response.ok() ? (await app.page.locator('.app-fingerprint').innerText()).trim() : '';
  return { response, code, fingerprint };
}

/** Logs in through the form on /inloggen; returns the POST's response (303 to /account, or 400 with errors). */
async function logIn(app: AppPage, username: string, phrase: string): Promise<Response> {
  await app.open('/inloggen');
  await app.page.getByLabel('Gebruikersnaam', { exact: true }).fill(username);
  await app.page.getByLabel('Wachtwoordzin', { exact: true }).fill(phrase);
  return submit(app.page, 'Inloggen', '/inloggen');
}

/**
 * An account made over plain HTTP (faster than a browser, and not what these tests are about), logged out again
 * so that its sign-up session does not show up in anyone's session list. Returns the recovery code.
 */
async function createAccount(baseUrl: string, username: string, phrase = passphrase): Promise<string> {
  const jar = new Map<string, string>();
  const remember = (response: globalThis.Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const separator = pair.indexOf('=');
      if (separator > 0) jar.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
  };
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const post = async (path: string, fields: Record<string, string>) => {
    const response = await fetch(new URL(path, baseUrl), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader() },
      body: new URLSearchParams(fields).toString(),
    });
    remember(response);
    return response;
  };

  const form = await fetch(new URL('/registreren', baseUrl));
  remember(form);
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  assert.ok(token !== undefined, 'the sign-up form has a CSRF field');
  const created = await post('/registreren', {
    _csrf: token,
    gebruikersnaam: username,
    wachtwoord: phrase,
    herhaling: phrase,
  });
  const html = await created.text();
  assert.equal(created.status, 200, `sign-up of ${username} over HTTP`);
  const code = /data-recovery-code[^>]*>([^<]+)</.exec(html)?.[1]?.trim();
  assert.ok(code !== undefined && recoveryCodePattern.test(code), 'the sign-up answer shows a recovery code');
  // Form tokens are bound to the session: logging out takes the token from the signed-in answer.
  const signedInToken = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(signedInToken !== undefined, 'the signed-in answer has a form token');
  assert.equal((await post('/uitloggen', { _csrf: signedInToken })).status, 303, 'the sign-up session is logged out');
  return code;
}

/** The account page as the browser shows it now: who is signed in, and the session list. */
async function sessionList(page: Page): Promise<{ current: number; other: number; currentText: string }> {
  const current = page.locator('.app-sessions__item[data-session="current"]');
  return {
    current: await current.count(),
    other: await page.locator('.app-sessions__item[data-session="other"]').count(),
    currentText: (await current.count()) === 1 ? await current.innerText() : '',
  };
}

async function assertAxeClean(page: Page, what: string): Promise<void> {
  const { count, description } = await axeViolations(page);
  assert.equal(count, 0, `axe violations on ${what}:\n${description}`);
}

void describe('sign-up', () => {
  test('a strong passphrase gives the one-time recovery code page: code, fingerprint, title, no axe violations', async () => {
    const { app } = await device(ready().baseUrl, { javaScript: true });
    const { response, code, fingerprint } = await signUp(app, newUsername('aanmelden'), passphrase);
    assert.equal(response.status(), 200);
    assert.equal(await app.page.title(), 'Je herstelcode – Niet mijn kind');
    assert.equal(await app.heading(), 'Je herstelcode');
    assert.match(code, recoveryCodePattern);
    assert.match(fingerprint, fingerprintPattern);
    await assertAxeClean(app.page, 'the recovery code page');

    // The new parent is signed in from this answer on (it sets the session cookie), so the page is a signed-in
    // page: it carries the idle warning, hidden until it is due, and the footer links to the account.
    const dialog = app.page.getByRole('alertdialog', { includeHidden: true });
    assert.deepEqual(
      {
        idleWarnings: await dialog.count(),
        footerAccountLinks: await app.footer.getByRole('link', { name: 'Account', exact: true }).count(),
      },
      { idleWarnings: 1, footerAccountLinks: 1 },
      'the recovery code page is rendered as a signed-in page',
    );
    assert.ok(await dialog.isHidden(), 'the idle warning is hidden');
    assert.equal(await dialog.getByRole('button', { name: 'Ingelogd blijven', includeHidden: true }).count(), 1);
  });

  test('without JavaScript the sign-up form works too and leads on to the account', async () => {
    const { app } = await device(ready().baseUrl, { javaScript: false });
    const username = newUsername('zonder-js');
    const { response, code, fingerprint } = await signUp(app, username, passphrase);
    assert.equal(response.status(), 200);
    assert.match(code, recoveryCodePattern);
    assert.match(fingerprint, fingerprintPattern);
    assert.equal(await app.page.locator('body.js-enabled').count(), 0, 'the context really runs without JavaScript');

    await app.page.getByRole('link', { name: 'Ik heb de code bewaard, ga verder' }).click();
    await app.page.waitForURL(`${ready().baseUrl}/account`);
    assert.ok((await app.page.locator('main').innerText()).includes(`${signedInText} ${username}.`));
  });

  test('a weak passphrase shows the error summary, whose link moves focus to the field; no axe violations', async () => {
    const { app } = await device(ready().baseUrl, { javaScript: true });
    const username = newUsername('zwak');
    const { response } = await signUp(app, username, 'password123456');
    assert.equal(response.status(), 400);
    assert.equal(await app.page.title(), 'Er ging iets mis: Account maken – Niet mijn kind');

    const summary = app.page.locator('.app-error-summary');
    assert.ok(await summary.isVisible(), 'the error summary is shown');
    assert.equal(await summary.getAttribute('role'), 'alert');
    assert.equal(
      await app.page.evaluate(() => document.activeElement?.classList.contains('app-error-summary') ?? false),
      true,
      'the error summary has focus when the page loads',
    );
    const link = summary.locator('a[href="#wachtwoord"]');
    assert.equal(await link.count(), 1, 'the summary links to the passphrase field');
    const fieldError = app.page.locator('#wachtwoord-error');
    assert.ok((await fieldError.innerText()).includes((await link.innerText()).trim()), 'same message at the field');
    assert.equal(await app.page.locator('#wachtwoord').getAttribute('aria-invalid'), 'true');
    assert.match((await app.page.locator('#wachtwoord').getAttribute('aria-describedby')) ?? '', /wachtwoord-error/);
    assert.equal(await app.page.getByLabel('Gebruikersnaam', { exact: true }).inputValue(), username, 'name kept');
    assert.equal(await app.page.locator('[data-recovery-code]').count(), 0, 'no account was made');

    await link.click();
    await app.page.waitForURL((url) => url.hash === '#wachtwoord');
    assert.equal(
      await app.page.evaluate(() => document.activeElement?.id ?? null),
      'wachtwoord',
      'focus is on the passphrase field',
    );
    await assertAxeClean(app.page, 'the sign-up form with errors');
  });
});

for (const javaScript of [true, false]) {
  void describe(`login and logout with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('logging in shows the account page with this device as the only session; logging out ends it', async () => {
      const { baseUrl } = ready();
      const username = newUsername(javaScript ? 'login-js' : 'login-zonder-js');
      await createAccount(baseUrl, username);
      const { app } = await device(baseUrl, { javaScript });

      const response = await logIn(app, username, passphrase);
      assert.equal(response.status(), 303, 'the login answers with a redirect');
      assert.equal(app.page.url(), `${baseUrl}/account`);
      assert.equal(await app.heading(), 'Mijn account');
      assert.ok((await app.page.locator('main').innerText()).includes(`${signedInText} ${username}.`));
      const sessions = await sessionList(app.page);
      assert.deepEqual([sessions.current, sessions.other], [1, 0], 'one session: this one');
      assert.ok(sessions.currentText.includes('Dit apparaat'), 'it is marked "Dit apparaat"');
      assert.equal(await app.footer.getByRole('link', { name: 'Account', exact: true }).count(), 1);
      assert.equal(await app.footer.getByRole('link', { name: 'Inloggen', exact: true }).count(), 0);
      // With the default 20-minute time-out the idle warning is on the page but not due yet.
      const idleWarning = app.page.getByRole('alertdialog', { includeHidden: true });
      assert.equal(await idleWarning.count(), 1, 'the account page has the idle warning');
      assert.ok(await idleWarning.isHidden(), 'the idle warning is hidden');
      if (javaScript) await assertAxeClean(app.page, 'the account page');

      await submit(app.page, 'Uitloggen', '/uitloggen');
      assert.equal(app.page.url(), `${baseUrl}/`, 'back on the home page');
      assert.equal(await app.heading(), 'Zorgen over je kind?');
      assert.equal(await app.footer.getByRole('link', { name: 'Inloggen', exact: true }).count(), 1);
      assert.equal(await app.footer.getByRole('link', { name: 'Account', exact: true }).count(), 0);
      await app.open('/account', 404);
      assert.ok(!(await app.page.locator('body').innerText()).includes(signedInText));
    });
  });
}

void describe('the session list', () => {
  test('"Overal anders uitloggen" on one device ends the session on the other', async () => {
    const { baseUrl } = ready();
    const username = newUsername('twee-apparaten');
    await createAccount(baseUrl, username);
    // The first device is the one without JavaScript: ending other sessions is a plain form.
    const first = await device(baseUrl, { javaScript: false });
    const second = await device(baseUrl, { javaScript: true });
    assert.equal((await logIn(first.app, username, passphrase)).status(), 303);
    assert.equal((await logIn(second.app, username, passphrase)).status(), 303);

    await first.app.open('/account');
    const both = await sessionList(first.app.page);
    assert.deepEqual([both.current, both.other], [1, 1], 'this device and one other');
    assert.ok(both.currentText.includes('Dit apparaat'));

    await submit(first.app.page, 'Overal anders uitloggen', '/account/sessies/anderen-beeindigen');
    assert.equal(first.app.page.url(), `${baseUrl}/account`);
    const one = await sessionList(first.app.page);
    assert.deepEqual([one.current, one.other], [1, 0], 'only this device is left');
    assert.equal(await first.app.page.getByRole('button', { name: 'Overal anders uitloggen' }).count(), 0);

    await second.app.open('/account', 404);
    assert.ok(!(await second.app.page.locator('body').innerText()).includes(signedInText));
    await first.app.open('/account');
  });
});

for (const javaScript of [true, false]) {
  void describe(`quick exit with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('"Snel weg" from the account page ends the session, and Back does not show the account', async () => {
      const { baseUrl, neutralUrl } = ready();
      const username = newUsername(javaScript ? 'weg-js' : 'weg-zonder-js');
      await createAccount(baseUrl, username);
      const { context, app } = await device(baseUrl, { javaScript });
      assert.equal((await logIn(app, username, passphrase)).status(), 303);
      assert.equal(app.page.url(), `${baseUrl}/account`);
      const sessionCookie = (await context.cookies(baseUrl)).find((cookie) => cookie.name === 'sessie');
      assert.ok(sessionCookie !== undefined, 'the browser holds a session cookie');

      await app.quickExit.click();
      await app.page.waitForURL((url) => originOf(url.href) === originOf(neutralUrl));
      assert.equal(await app.page.title(), neutralTitle);

      // The server ended the session itself: the old cookie, sent by hand, no longer opens the account.
      const withOldCookie = await fetch(`${baseUrl}/account`, {
        headers: { cookie: `sessie=${sessionCookie.value}` },
      });
      assert.equal(withOldCookie.status, 404, 'the old session cookie is worth nothing');

      // The same browser, in another tab: not signed in.
      const tab = new AppPage(await context.newPage(), baseUrl);
      await tab.open('/account', 404);
      assert.ok(!(await tab.page.locator('body').innerText()).includes(signedInText));
      await tab.page.close();

      await app.page.goBack({ waitUntil: 'load' }).catch(() => null);
      const backUrl = app.page.url();
      const backOnAccount = originOf(backUrl) === originOf(baseUrl) && new URL(backUrl).pathname === '/account';
      if (backOnAccount) {
        assert.ok(
          !(await app.page.locator('body').innerText()).includes(signedInText),
          'Back shows the account page of an ended session',
        );
      }
    });
  });
}

void describe('the idle time-out warning (JavaScript on, SESSION_IDLE_MINUTES=2)', () => {
  // A 2-minute time-out makes the warning (shown 2 minutes before the deadline) due as soon as a page loads, and
  // due again as soon as "Ingelogd blijven" has set a new 2-minute deadline: the script hides the dialog and
  // schedules it with a 0 ms timer. The page runs on Playwright's clock so that the test can pause timers and
  // see the dialog hidden in between, instead of racing that timer.
  let shortIdle: AppServer | undefined;

  before(async () => {
    shortIdle = await startAppServer(ready().neutralUrl, { SESSION_IDLE_MINUTES: '2', RATE_LIMIT_MAX: '100000' });
  });

  after(async () => {
    await shortIdle?.close();
  });

  test('the warning shows with focus on "Ingelogd blijven", which extends the session and hides it', async () => {
    if (shortIdle === undefined) throw new Error('the short-idle app did not start');
    const { baseUrl } = shortIdle;
    const username = newUsername('inactief');
    await createAccount(baseUrl, username);
    const { app } = await device(baseUrl, { javaScript: true, fakeClock: true });
    assert.equal((await logIn(app, username, passphrase)).status(), 303);
    assert.equal(app.page.url(), `${baseUrl}/account`);

    const dialog = app.page.getByRole('alertdialog');
    await dialog.waitFor({ state: 'visible' });
    assert.ok((await dialog.innerText()).includes('Over 2 minuten word je uitgelogd'));
    const button = dialog.getByRole('button', { name: 'Ingelogd blijven', exact: true });
    assert.equal(await button.evaluate((element) => element === document.activeElement), true, 'the button has focus');
    const before = Date.parse((await dialog.getAttribute('data-idle-until')) ?? '');
    assert.ok(!Number.isNaN(before), 'the dialog carries the deadline');

    // From here on the page's timers wait for the test (the fetch and its promises do not).
    await app.page.clock.pauseAt((await app.page.evaluate(() => Date.now())) + 100);
    const [response] = await Promise.all([
      app.page.waitForResponse(
        (candidate) =>
          candidate.request().method() === 'POST' && new URL(candidate.url()).pathname === '/account/verlengen',
      ),
      button.click(),
    ]);
    assert.equal(response.status(), 200);
    const body = (await response.json()) as { idleUntil?: string };
    assert.ok(Date.parse(body.idleUntil ?? '') >= before, 'the new deadline is not earlier than the old one');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(app.page.url(), `${baseUrl}/account`, 'no page load: the fetch did it');
    assert.equal(
      Date.parse((await app.page.locator('[data-module="app-idle"]').getAttribute('data-idle-until')) ?? ''),
      before,
      'the deadline attribute is not rewritten (the script keeps the new one in memory)',
    );
  });
});

void describe('recovery', () => {
  test('the recovery code (lower case, spaces) and a new passphrase get back in; the old passphrase no longer works', async () => {
    const { baseUrl } = ready();
    const username = newUsername('herstel');
    const newPassphrase = 'tafel wolk zeilboot kaars';
    const signUpDevice = await device(baseUrl, { javaScript: true });
    const signedUp = await signUp(signUpDevice.app, username, passphrase);
    assert.match(signedUp.code, recoveryCodePattern);

    const { app } = await device(baseUrl, { javaScript: true });
    await app.open('/herstellen');
    await app.page.getByLabel('Gebruikersnaam', { exact: true }).fill(username);
    await app.page.getByLabel('Herstelcode', { exact: true }).fill(signedUp.code.toLowerCase().replaceAll('-', ' '));
    await app.page.getByLabel('Nieuwe wachtwoordzin', { exact: true }).fill(newPassphrase);
    await app.page.getByLabel('Wachtwoordzin nog een keer', { exact: true }).fill(newPassphrase);
    const recovered = await submit(app.page, 'Herstellen', '/herstellen');
    assert.equal(recovered.status(), 200);
    assert.equal(await app.page.title(), 'Je herstelcode – Niet mijn kind');
    const newCode = (await app.page.locator('[data-recovery-code]').innerText()).trim();
    assert.match(newCode, recoveryCodePattern);
    assert.notEqual(newCode, signedUp.code, 'a new code replaces the used one');
    assert.equal(
      (await app.page.locator('.app-fingerprint').innerText()).trim(),
      signedUp.fingerprint,
      'the same signing key',
    );

    // Recovery ends every other session of the account, such as the one from sign-up.
    await signUpDevice.app.open('/account', 404);

    const loginDevice = await device(baseUrl, { javaScript: true });
    const oldLogin = await logIn(loginDevice.app, username, passphrase);
    assert.equal(oldLogin.status(), 400, 'the old passphrase is refused');
    assert.ok((await loginDevice.app.page.locator('.app-error-summary').innerText()).includes(loginFailedText));

    const newLogin = await logIn(loginDevice.app, username, newPassphrase);
    assert.equal(newLogin.status(), 303);
    assert.equal(loginDevice.app.page.url(), `${baseUrl}/account`);
    assert.ok((await loginDevice.app.page.locator('main').innerText()).includes(`${signedInText} ${username}.`));
  });
});
