// Quick exit with JavaScript on: the "Snel weg" button and three Shift presses replace the page with a neutral
// site (so Back does not return here) and make the browser forget the app's cookies. Each test gets a fresh
// context, so history and cookies start empty.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { AppPage, type E2E, eventually, neutralTitle, originOf, startE2E } from './support.js';

const infoPath = '/informatie/veilig-gebruik';
const oneMorePress = 'Druk nog 1 keer op Shift om de site te verlaten';
const twoMorePresses = 'Druk nog 2 keer op Shift om de site te verlaten';

let e2e: E2E | undefined;
const contexts: BrowserContext[] = [];

before(async () => {
  e2e = await startE2E();
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await e2e?.close();
});

interface Visit {
  e2e: E2E;
  context: BrowserContext;
  app: AppPage;
  /** Methods and paths of the requests this page sent to the app. */
  appRequests: string[];
}

/** A fresh context whose first and only page went straight to the app's information page. */
async function visitInfoPage(options: { fakeClock?: boolean } = {}): Promise<Visit> {
  if (e2e === undefined) throw new Error('the app did not start');
  const context = await e2e.browser.newContext({ locale: 'nl-NL' });
  contexts.push(context);
  if (options.fakeClock === true) await context.clock.install();
  const page = await context.newPage();
  const app = new AppPage(page, e2e.baseUrl);
  const appRequests: string[] = [];
  const appOrigin = originOf(e2e.baseUrl);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === appOrigin) appRequests.push(`${request.method()} ${url.pathname}`);
  });
  await app.open(infoPath);
  await page.locator('body.js-enabled').waitFor({ state: 'attached' });
  return { e2e, context, app, appRequests };
}

async function waitUntilOnNeutralSite({ e2e, app }: Visit): Promise<void> {
  await app.page.waitForURL((url) => originOf(url.href) === originOf(e2e.neutralUrl));
  assert.equal(await app.page.title(), neutralTitle);
}

/** The page is still the app's, with no exit under way (leave() blanks the page at once, synchronously). */
async function assertStillOnApp({ app }: Visit): Promise<void> {
  assert.ok(app.isOnApp(), `still on the app, but at ${app.page.url()}`);
  assert.equal(await app.page.locator('.app-quick-exit-overlay').count(), 0, 'no exit overlay');
}

async function pressShift(app: AppPage, times: number): Promise<void> {
  for (let press = 0; press < times; press += 1) await app.page.keyboard.press('Shift');
}

async function litDots(app: AppPage): Promise<number> {
  return app.page.locator('.app-quick-exit__dot--on').count();
}

test('the enhancement script runs: body has the js-enabled class', async () => {
  const { app } = await visitInfoPage();
  assert.equal(await app.page.locator('body').getAttribute('class'), 'app-body js-enabled');
});

test('clicking "Snel weg" leaves for the neutral site and Back does not return to the app', async () => {
  const visit = await visitInfoPage();
  const { app } = visit;
  await app.quickExit.click();
  await waitUntilOnNeutralSite(visit);
  assert.ok(visit.appRequests.includes('POST /weg'), 'the page asked the server to forget the visit');

  await app.page.goBack({ waitUntil: 'load' }).catch(() => null);
  assert.notEqual(
    originOf(app.page.url()),
    originOf(visit.e2e.baseUrl),
    `Back returned to the app (${app.page.url()})`,
  );
});

test('pressing Shift three times leaves for the neutral site and Back does not return to the app', async () => {
  const visit = await visitInfoPage();
  const { app } = visit;
  await pressShift(app, 3);
  await waitUntilOnNeutralSite(visit);
  assert.ok(visit.appRequests.includes('POST /weg'), 'the page asked the server to forget the visit');

  await app.page.goBack({ waitUntil: 'load' }).catch(() => null);
  assert.notEqual(
    originOf(app.page.url()),
    originOf(visit.e2e.baseUrl),
    `Back returned to the app (${app.page.url()})`,
  );
});

test('Shift used as a modifier (Shift+A three times) does not count as a quick-exit press', async () => {
  const visit = await visitInfoPage();
  const { app } = visit;
  for (let round = 0; round < 3; round += 1) {
    await app.page.keyboard.down('Shift');
    await app.page.keyboard.press('KeyA');
    await app.page.keyboard.up('Shift');
  }
  await assertStillOnApp(visit);
  assert.equal(await litDots(app), 0, 'no press is counted');
  assert.equal(await app.quickExitStatus.textContent(), '');
  assert.ok(!visit.appRequests.includes('POST /weg'), 'nothing was sent to /weg');

  // The handler is alive: a clean Shift press afterwards counts as the first of three.
  await pressShift(app, 1);
  assert.equal(await app.quickExitStatus.textContent(), twoMorePresses);
  await assertStillOnApp(visit);
});

test('two Shift presses do not leave, and the live region says one more press is needed', async () => {
  const visit = await visitInfoPage();
  const { app } = visit;
  await pressShift(app, 2);
  await assertStillOnApp(visit);
  assert.equal(await app.quickExitStatus.getAttribute('aria-live'), 'polite');
  assert.equal(await app.quickExitStatus.textContent(), oneMorePress);
  assert.equal(await litDots(app), 2, 'two of the three dots are lit');
  assert.ok(!visit.appRequests.includes('POST /weg'), 'nothing was sent to /weg');
});

test('Shift presses more than five seconds apart start the count again (fake clock, no sleeping)', async () => {
  const visit = await visitInfoPage({ fakeClock: true });
  const { app } = visit;
  await pressShift(app, 2);
  assert.equal(await app.quickExitStatus.textContent(), oneMorePress);

  await app.page.clock.fastForward(5_100);
  assert.equal(await app.quickExitStatus.textContent(), '', 'the hint is withdrawn after five seconds');
  assert.equal(await litDots(app), 0, 'the dots are reset');

  await pressShift(app, 1);
  await assertStillOnApp(visit);
  assert.equal(await app.quickExitStatus.textContent(), twoMorePresses, 'the next press is the first again');
});

test('after quick exit the app’s cookies (language choice, CSRF) are gone from the browser', async () => {
  if (e2e === undefined) throw new Error('the app did not start');
  const context = await e2e.browser.newContext({ locale: 'nl-NL' });
  contexts.push(context);
  const app = new AppPage(await context.newPage(), e2e.baseUrl);
  await app.chooseLanguage('en', infoPath);
  assert.equal(await app.htmlLang(), 'en');
  await app.page.locator('body.js-enabled').waitFor({ state: 'attached' });
  const cookieNames = async () => (await context.cookies(e2e?.baseUrl)).map((cookie) => cookie.name).sort();
  assert.deepEqual(await cookieNames(), ['csrf', 'taal'], 'the language choice and the form token are cookies');

  await app.quickExit.click();
  await app.page.waitForURL((url) => originOf(url.href) === originOf(e2e?.neutralUrl ?? ''));
  assert.equal(await app.page.title(), neutralTitle);

  // The page leaves after at most 400 ms even if the server has not answered yet; the answer clears the cookies.
  const left = await eventually(cookieNames, (names) => names.length === 0);
  assert.deepEqual(left, [], 'no cookie of the app survives quick exit');
});
