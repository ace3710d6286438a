// The offline copy of "what to do right now" (/nu), with JavaScript on: one visit to /nu installs the service
// worker (src/features/offline/service-worker.js), which keeps /nu and the fingerprinted files it needs and
// nothing else. Without a connection /nu still opens with its styles, any other page shows /nu instead of a
// browser error, and quick exit (Clear-Site-Data "storage") removes the worker and its caches.
//
// The first tests share one context and build on each other in order: install, inspect, go offline.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { AppPage, type E2E, eventually, neutralTitle, originOf, startE2E } from './support.js';

const nuHeading = 'Wat moet ik nu doen?';

let e2e: E2E | undefined;
let context: BrowserContext | undefined;
let app: AppPage | undefined;
const extraContexts: BrowserContext[] = [];

before(async () => {
  e2e = await startE2E();
  context = await e2e.browser.newContext({ locale: 'nl-NL' });
  app = new AppPage(await context.newPage(), e2e.baseUrl);
});

after(async () => {
  for (const extra of extraContexts) await extra.close().catch(() => undefined);
  await context?.close().catch(() => undefined);
  await e2e?.close();
});

function ready(): { e2e: E2E; context: BrowserContext; app: AppPage } {
  if (e2e === undefined || context === undefined || app === undefined) throw new Error('the app did not start');
  return { e2e, context, app };
}

/** Opens /nu, waits until its service worker is active, and reloads so that the worker controls the page. */
async function installWorker(app: AppPage): Promise<void> {
  await app.open('/nu');
  await app.page.locator('body.js-enabled').waitFor({ state: 'attached' });
  const scope = await app.page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, `${new URL(app.baseUrl).origin}/`, 'the worker is registered for the whole site');
  await app.page.reload({ waitUntil: 'load' });
}

/** Every cache of the origin, with the URLs it holds (from inside the page). */
function cachedUrls(app: AppPage): Promise<Record<string, string[]>> {
  return app.page.evaluate(async () => {
    const result: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      result[name] = (await cache.keys()).map((request) => request.url);
    }
    return result;
  });
}

/** Service worker registrations and caches of the app's origin, seen from a page without scripts of its own. */
async function storageOfOrigin(app: AppPage): Promise<{ registrations: string[]; caches: string[] }> {
  return app.page.evaluate(async () => ({
    registrations: (await navigator.serviceWorker.getRegistrations()).map((registration) => registration.scope),
    caches: await caches.keys(),
  }));
}

test('one visit to /nu installs a service worker that then controls the page', async () => {
  const { app } = ready();
  await installWorker(app);
  const controller = await app.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
  assert.notEqual(controller, null, 'navigator.serviceWorker.controller is set after a reload');
  assert.equal(new URL(controller ?? '').pathname, '/sw.js');
});

test('the service worker caches nothing but /nu and /assets/*, also after visiting other pages', async () => {
  const { e2e, app } = ready();
  // Other pages, one with a form (and so a CSRF token), go through the worker to the network only.
  await app.open('/informatie/signalen');
  await app.open('/check');
  await app.open('/nu');

  const cached = await cachedUrls(app);
  const names = Object.keys(cached);
  assert.ok(names.length >= 1, 'the worker made a cache');
  for (const name of names) assert.match(name, /^niet-mijn-kind-/, `cache "${name}" belongs to the worker`);

  const urls = Object.values(cached).flat();
  const appOrigin = originOf(e2e.baseUrl);
  const unexpected = urls.filter((url) => {
    const parsed = new URL(url);
    return (
      parsed.origin !== appOrigin ||
      parsed.search !== '' ||
      !(parsed.pathname === '/nu' || parsed.pathname.startsWith('/assets/'))
    );
  });
  assert.deepEqual(unexpected, [], `only /nu and /assets/* are cached (cached: ${urls.join(', ')})`);
  assert.ok(urls.includes(`${e2e.baseUrl}/nu`), '/nu is cached');

  // The page's own stylesheet and script are among the cached files.
  const pageAssets = await app.page.evaluate(() => [
    document.querySelector<HTMLLinkElement>('link[rel="stylesheet"]')?.href ?? '',
    document.querySelector<HTMLScriptElement>('script[src]')?.src ?? '',
  ]);
  for (const asset of pageAssets) assert.ok(urls.includes(asset), `${asset} is cached`);

  const cachedNu = await app.page.evaluate(async () => (await (await caches.match('/nu'))?.text()) ?? '');
  assert.ok(cachedNu.includes(nuHeading), 'the cached /nu is the right-now page');
  assert.ok(!cachedNu.includes('_csrf'), 'the cached /nu holds no form token');
});

test('without a connection, reloading /nu still shows the page with its styles', async () => {
  const { context, app } = ready();
  await app.open('/nu');
  await context.setOffline(true);
  try {
    const response = await app.page.reload({ waitUntil: 'load' });
    assert.ok(response?.fromServiceWorker(), 'the page came from the service worker');
    assert.equal(await app.heading(), nuHeading);
    const background = await app.quickExit.evaluate((element) => getComputedStyle(element).backgroundColor);
    assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the quick-exit button has its background: the CSS applies');
    assert.notEqual(background, 'transparent');
    assert.ok(await app.page.locator('a[href="tel:112"]').first().isVisible(), 'the 112 link is there');
  } finally {
    await context.setOffline(false);
  }
});

test('without a connection, another page shows the /nu content instead of a browser error', async () => {
  const { context, app } = ready();
  await app.open('/nu');
  await context.setOffline(true);
  try {
    for (const path of ['/informatie/signalen', '/check']) {
      const response = await app.page.goto(new URL(path, app.baseUrl).href, { waitUntil: 'load' });
      assert.equal(response?.status(), 200, `${path} gets an answer from the worker`);
      assert.equal(new URL(app.page.url()).pathname, path, 'the address stays as asked');
      assert.equal(await app.heading(), nuHeading, `${path} shows the right-now page`);
      const background = await app.quickExit.evaluate((element) => getComputedStyle(element).backgroundColor);
      assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'with its styles');
    }
  } finally {
    await context.setOffline(false);
  }
});

test('quick exit removes the service worker and its caches (Clear-Site-Data "storage")', async () => {
  const { e2e } = ready();
  const exitContext = await e2e.browser.newContext({ locale: 'nl-NL' });
  extraContexts.push(exitContext);
  const exitApp = new AppPage(await exitContext.newPage(), e2e.baseUrl);
  await installWorker(exitApp);
  assert.equal(await exitApp.page.evaluate(() => navigator.serviceWorker.controller !== null), true);
  const before = await storageOfOrigin(exitApp);
  assert.equal(before.registrations.length, 1, 'a worker is registered before leaving');
  assert.ok(before.caches.length >= 1, 'the worker has a cache before leaving');

  await exitApp.quickExit.click();
  await exitApp.page.waitForURL((url) => originOf(url.href) === originOf(e2e.neutralUrl));
  assert.equal(await exitApp.page.title(), neutralTitle);

  // Back on the origin, on a page that runs no script (a page of the app would register the worker again).
  await exitApp.open('/robots.txt');
  const after = await eventually(
    () => storageOfOrigin(exitApp),
    (now) => now.registrations.length === 0 && now.caches.length === 0,
  );
  assert.deepEqual(after.registrations, [], 'no service worker registration survives quick exit');
  assert.deepEqual(after.caches, [], 'no cache survives quick exit');
});
