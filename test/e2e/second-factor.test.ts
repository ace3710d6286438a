// The second step of a login in a real browser: a TOTP code (computed here with otplib), and a passkey held by
// chromium's virtual authenticator (CDP WebAuthn domain). Passkeys need a host name, not an IP address, so this
// file runs its own app on http://localhost:<port> with PUBLIC_ORIGIN set to match. Axe runs on every new page
// with JavaScript on; the no-JavaScript check looks at what the page offers instead.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generate } from 'otplib';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { freePort } from '../helpers/free-port.js';
import { AppPage, type E2E, axeViolations, startE2E, submitForm as submit, signUpThroughForm } from './support.js';

const passphrase = 'wolk tafel zeilboot kaars';
const signedInText = 'Je bent ingelogd als';

let e2e: E2E | undefined;
let server: TestApp | undefined;
let baseUrl = '';
const contexts: BrowserContext[] = [];

before(async () => {
  e2e = await startE2E({ RATE_LIMIT_MAX: '100000' });
  const port = await freePort();
  baseUrl = `http://localhost:${port}`;
  server = await buildTestApp('sqlite', {
    QUICK_EXIT_URL: e2e.neutralUrl,
    RATE_LIMIT_MAX: '100000',
    PUBLIC_ORIGIN: baseUrl,
  });
  await server.app.listen({ host: '127.0.0.1', port });
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await server?.close();
  await e2e?.close();
});

async function device(javaScript: boolean): Promise<AppPage> {
  if (e2e === undefined) throw new Error('the browser did not start');
  const context = await e2e.browser.newContext({ locale: 'nl-NL', javaScriptEnabled: javaScript });
  contexts.push(context);
  return new AppPage(await context.newPage(), baseUrl);
}

async function logIn(app: AppPage, username: string): Promise<Response> {
  await app.open('/inloggen');
  await app.page.getByLabel('Gebruikersnaam', { exact: true }).fill(username);
  await app.page.getByLabel('Wachtwoordzin', { exact: true }).fill(passphrase);
  return submit(app.page, 'Inloggen', '/inloggen');
}

async function logOut(app: AppPage): Promise<void> {
  await app.open('/account');
  await submit(app.page, 'Uitloggen', '/uitloggen');
}

async function assertAxeClean(page: Page, what: string): Promise<void> {
  const { count, description } = await axeViolations(page);
  assert.equal(count, 0, `axe violations on ${what}:\n${description}`);
}

void describe('login with TOTP', () => {
  test('sign up, turn on the code from an app, log out, log in with passphrase and code', async () => {
    const app = await device(true);
    const username = 'ouder-totp-e2e';
    await signUpThroughForm(app, username, passphrase);
    await app.open('/account/tweede-stap');
    await assertAxeClean(app.page, 'the TOTP set-up page');
    const secret = (await app.page.locator('[data-totp-secret]').innerText()).replace(/\s/g, '');
    // Confirmed with the previous 30-second step, so that the login below can use the current one.
    const previous = await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 });
    await app.page.getByLabel('Code van 6 cijfers', { exact: true }).fill(previous);
    assert.equal((await submit(app.page, 'Tweede stap aanzetten', '/account/tweede-stap')).status(), 303);
    assert.ok((await app.page.locator('main').innerText()).includes('De tweede stap staat aan'));
    await logOut(app);

    const login = await logIn(app, username);
    assert.equal(login.status(), 303);
    assert.equal(new URL(app.page.url()).pathname, '/inloggen/code');
    assert.equal(await app.heading(), 'Code uit je app');
    await assertAxeClean(app.page, 'the code page');
    await app.page.getByLabel('Code van 6 cijfers', { exact: true }).fill(await generate({ secret }));
    const second = await submit(app.page, 'Inloggen', '/inloggen/code');
    assert.equal(second.status(), 303);
    assert.equal(app.page.url(), `${baseUrl}/account`);
    assert.ok((await app.page.locator('main').innerText()).includes(`${signedInText} ${username}.`));
  });
});

void describe('login with a passkey', () => {
  test('sign up, add a passkey, log out, log in with passphrase and passkey', async () => {
    const app = await device(true);
    const cdp = await app.page.context().newCDPSession(app.page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
    const username = 'ouder-passkey-e2e';
    await signUpThroughForm(app, username, passphrase);
    await app.open('/account');
    await app.page.getByRole('link', { name: 'Toegangssleutels (passkeys)' }).click();
    await app.page.waitForURL(`${baseUrl}/account/toegangssleutels`);
    assert.ok(await app.page.getByText('Voor een toegangssleutel is JavaScript nodig').isHidden(), 'script ready');
    await assertAxeClean(app.page, 'the passkeys page');
    await app.page.getByLabel('Naam voor deze toegangssleutel (niet verplicht)').fill('laptop thuis');
    const added = await submit(app.page, 'Toegangssleutel toevoegen', '/account/toegangssleutels');
    assert.equal(added.status(), 303);
    const listed = app.page.locator('[data-passkey-item]');
    // The POST answers 303; wait for the page it leads to, not just the POST (a loaded machine is slow).
    await listed.first().waitFor();
    assert.equal(await listed.count(), 1);
    assert.ok((await listed.innerText()).includes('laptop thuis'));
    assert.ok((await listed.innerText()).includes('Nog niet gebruikt'));
    await assertAxeClean(app.page, 'the passkeys page with one passkey');
    await logOut(app);

    const login = await logIn(app, username);
    assert.equal(login.status(), 303);
    assert.equal(new URL(app.page.url()).pathname, '/inloggen/code');
    assert.equal(await app.heading(), 'Tweede stap');
    assert.equal(await app.page.locator('input[name="code"]').count(), 0, 'no code form without TOTP');
    await assertAxeClean(app.page, 'the second step with a passkey');
    const second = await submit(app.page, 'Gebruik je toegangssleutel', '/inloggen/toegangssleutel');
    assert.equal(second.status(), 303);
    assert.equal(app.page.url(), `${baseUrl}/account`);
    assert.ok((await app.page.locator('main').innerText()).includes(`${signedInText} ${username}.`));
    await app.open('/account/toegangssleutels');
    assert.ok((await listed.innerText()).includes('Laatst gebruikt'), 'the passkey shows when it was last used');
  });

  test('without JavaScript the second step says a passkey needs JavaScript and shows no passkey button', async () => {
    if (server === undefined) throw new Error('the app did not start');
    // Uses the account the previous test gave a passkey (tests in a file run in order): making one needs the
    // browser ceremony.
    const app = await device(false);
    const login = await logIn(app, 'ouder-passkey-e2e');
    assert.equal(login.status(), 303);
    assert.equal(new URL(app.page.url()).pathname, '/inloggen/code');
    assert.ok(await app.page.getByText('Voor een toegangssleutel is JavaScript nodig').isVisible());
    assert.ok(await app.page.getByRole('button', { name: 'Gebruik je toegangssleutel' }).isHidden());
  });
});
