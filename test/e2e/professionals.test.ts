// Professional accounts in a real browser: an admin invites by e-mail (caught by a local SMTP sink), the
// professional signs up from the link and sets up TOTP, two admins approve, and the professional's account page
// says who approved it and when. The professional and the first admin use JavaScript (and axe checks their
// pages); the second admin approves with JavaScript off, as a plain form.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { generate } from 'otplib';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { freePort } from '../helpers/free-port.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.js';
import { axeViolations, chromiumArgs } from './support.js';

const passphrase = 'werk tafel koffie dossier';

let sink: SmtpSink | undefined;
let testApp: TestApp | undefined;
let browser: Browser | undefined;
let baseUrl = '';
const contexts: BrowserContext[] = [];

before(async () => {
  sink = await startSmtpSink();
  // A free port, so the app's PUBLIC_ORIGIN (the link in the e-mail) is the address it listens on.
  const port = await freePort();
  baseUrl = `http://localhost:${port}`;
  testApp = await buildTestApp('sqlite', {
    RATE_LIMIT_MAX: '100000',
    SMTP_URL: sink.url,
    MAIL_FROM: 'no-reply@example.org',
    PUBLIC_ORIGIN: baseUrl,
  });
  await testApp.app.listen({ host: '127.0.0.1', port });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await testApp?.close();
  await sink?.close();
});

async function device(javaScript: boolean): Promise<Page> {
  const context = await browser!.newContext({ locale: 'nl-NL', javaScriptEnabled: javaScript });
  contexts.push(context);
  return context.newPage();
}

async function click(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name, exact: true }).click()]);
  await page.waitForLoadState('load');
}

async function assertAccessible(page: Page, what: string): Promise<void> {
  const { count, description } = await axeViolations(page);
  assert.equal(count, 0, `${what}:\n${description}`);
}

/** Fills in username and passphrase twice and creates the account; the recovery code page follows. */
async function createAccount(page: Page, username: string): Promise<void> {
  await page.getByLabel('Gebruikersnaam', { exact: true }).fill(username);
  await page.getByLabel('Wachtwoordzin', { exact: true }).fill(passphrase);
  await page.getByLabel('Wachtwoordzin nog een keer', { exact: true }).fill(passphrase);
  await click(page, 'Account maken');
  assert.match(await page.locator('[data-recovery-code]').innerText(), /^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
  await Promise.all([
    page.waitForURL(/\/account\/tweede-stap$/),
    page.getByRole('link', { name: 'Ik heb de code bewaard, ga verder' }).click(),
  ]);
}

/** On /account/tweede-stap: reads the key, confirms it with a code from it. */
async function setUpTotp(page: Page): Promise<void> {
  const secret = (await page.locator('[data-totp-secret]').innerText()).replace(/\s/g, '');
  await page.getByLabel('Code van 6 cijfers').fill(await generate({ secret }));
  await click(page, 'Tweede stap aanzetten');
  assert.match(await page.locator('.app-lead').innerText(), /De tweede stap staat aan/);
}

async function admin(name: string, javaScript: boolean): Promise<Page> {
  const page = await device(javaScript);
  const token = await testApp!.services.accounts.createAdminSetupLink(`${name}@example.org`);
  await page.goto(`${baseUrl}/beheer/start/${token}`);
  await createAccount(page, name);
  await setUpTotp(page);
  return page;
}

test('an admin invites, the professional signs up from the e-mail link and sets up TOTP, two admins approve', async () => {
  const first = await admin('beheerder.een', true);
  const second = await admin('beheerder.twee', false);

  await first.goto(`${baseUrl}/beheer`);
  await assertAccessible(first, '/beheer');
  await first.goto(`${baseUrl}/beheer/verificatie`);
  await assertAccessible(first, '/beheer/verificatie');
  await Promise.all([
    first.waitForURL(/\/beheer\/uitnodigingen\/nieuw$/),
    first.getByRole('link', { name: 'Professional uitnodigen' }).click(),
  ]);
  await click(first, 'Uitnodiging versturen');
  assert.match(await first.locator('.app-error-summary').innerText(), /Vul een e-mailadres in/);
  await assertAccessible(first, 'the invitation form with errors');
  await first.getByLabel('E-mailadres van de professional').fill('hulpverlener@example.org');
  const organisation = (await first.locator('#organisatie option').nth(1).innerText()).trim();
  await first.getByLabel('Organisatie', { exact: true }).selectOption({ index: 1 });
  await first.getByLabel('Hulpverlener').check();
  await click(first, 'Uitnodiging versturen');
  assert.match(await first.locator('[role="status"]').innerText(), /De uitnodiging is verstuurd/);

  // The e-mail is a job; the server's worker would send it within a second. Here the test runs it.
  assert.equal(await testApp!.services.jobs.runDue(), 1);
  const mail = sink!.received.at(-1)!;
  const link = new RegExp(`${baseUrl.replace(/\./g, '\\.')}/uitnodiging/[A-Za-z0-9_-]{43}`).exec(mail.text ?? '')?.[0];
  assert.ok(link !== undefined, 'the e-mail carries the link');

  const professional = await device(true);
  await professional.goto(link);
  assert.equal(new URL(professional.url()).pathname, '/uitnodiging', 'the token is no longer in the address bar');
  assert.match(
    await professional.locator('.app-lead').innerText(),
    new RegExp(`bij ${organisation.replace(/[()]/g, '.')}, als Hulpverlener`),
  );
  await assertAccessible(professional, 'the invitation sign-up page');
  await createAccount(professional, 'hulp.verlener');
  await assertAccessible(professional, 'the second-factor set-up');
  await professional.goto(`${baseUrl}/beheer`);
  assert.equal(await professional.locator('h1').innerText(), 'Pagina niet gevonden');
  await professional.goto(`${baseUrl}/account/tweede-stap`);
  await setUpTotp(professional);
  await professional.goto(`${baseUrl}/account`);
  assert.match(await professional.locator('[data-activation]').innerText(), /Je account wacht op goedkeuring/);
  await assertAccessible(professional, 'the account page of a waiting professional');

  for (const page of [first, second]) {
    await page.goto(`${baseUrl}/beheer/verificatie`);
    await click(page, 'Keur het account van hulp.verlener goed');
  }
  assert.match(await first.locator('[role="status"]').innerText(), /Je goedkeuring is opgeslagen/);
  assert.match(await second.locator('[role="status"]').innerText(), /Het account is goedgekeurd door twee mensen/);

  await professional.reload();
  const today = new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date());
  assert.equal(
    await professional.locator('[data-activation]').innerText(),
    `Je account is goedgekeurd door beheerder.een en beheerder.twee op ${today}.`,
  );
  await assertAccessible(professional, 'the account page of an active professional');
});
