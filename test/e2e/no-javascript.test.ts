// The site must work fully without JavaScript (a parent may use a locked-down or old phone). All checks run in
// one context with JavaScript disabled. Never run axe here: it hangs in such a context (see STACK.md).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import {
  type AppPage,
  type E2E,
  emergencyLines,
  neutralTitle,
  newAppPage,
  originOf,
  pathAndQuery,
  sitePages,
  startE2E,
} from './support.js';

let e2e: E2E | undefined;
let context: BrowserContext | undefined;
let app: AppPage | undefined;

before(async () => {
  e2e = await startE2E();
  ({ context, app } = await newAppPage(e2e.browser, e2e.baseUrl, { javaScriptEnabled: false, locale: 'nl-NL' }));
});

after(async () => {
  await context?.close();
  await e2e?.close();
});

function ready(): { e2e: E2E; context: BrowserContext; app: AppPage } {
  if (e2e === undefined || context === undefined || app === undefined) throw new Error('the app did not start');
  return { e2e, context, app };
}

test('the context really runs without JavaScript (the enhancement script does not mark the body)', async () => {
  const { app } = ready();
  await app.open('/');
  assert.equal(await app.page.locator('body.js-enabled').count(), 0);
});

for (const sitePage of sitePages) {
  test(`the ${sitePage.name} (${sitePage.path}) shows its heading and the three emergency lines as tel: links`, async () => {
    const { app } = ready();
    await app.open(sitePage.path, sitePage.status);
    assert.equal(await app.htmlLang(), 'nl');
    assert.equal(await app.heading(), sitePage.h1.nl);
    for (const line of emergencyLines) {
      const link = app.footer.locator(`a[href="${line.href}"]`);
      assert.equal(await link.count(), 1, `the footer has one link to ${line.href}`);
      assert.equal((await link.innerText()).trim(), line.number);
      assert.ok(await link.isVisible(), `${line.href} is visible`);
    }
  });

  test(`on the ${sitePage.name} the skip link is the first thing Tab reaches and moves focus to the main content`, async () => {
    const { app } = ready();
    await app.open(sitePage.path, sitePage.status);
    await app.page.keyboard.press('Tab');
    const focused = app.page.locator(':focus');
    assert.equal(await focused.getAttribute('class'), 'app-skip-link');
    assert.equal(await focused.getAttribute('href'), '#main');
    assert.ok(await focused.isVisible(), 'the skip link becomes visible when focused');
    await app.page.keyboard.press('Enter');
    await app.page.waitForURL((url) => url.hash === '#main');
    assert.equal(await app.page.locator(':focus').getAttribute('id'), 'main', 'focus is on <main id="main">');
  });

  test(`the language link on the ${sitePage.name} switches it to English and back to Dutch`, async () => {
    const { app } = ready();
    await app.open(sitePage.path, sitePage.status);
    assert.equal(await app.languageLink.innerText(), 'English');

    // The context is shared: a failure half-way must not leave English chosen for the tests that follow.
    let backInDutch = false;
    try {
      await app.languageLink.click();
      await app.page.locator('html[lang="en"]').waitFor({ state: 'attached' });
      assert.equal(pathAndQuery(app.page.url()), sitePage.path, 'the switch returns to the same page');
      assert.equal(await app.heading(), sitePage.h1.en);
      assert.equal(await app.languageLink.innerText(), 'Nederlands');

      await app.languageLink.click();
      await app.page.locator('html[lang="nl"]').waitFor({ state: 'attached' });
      backInDutch = true;
      assert.equal(pathAndQuery(app.page.url()), sitePage.path, 'the switch returns to the same page');
      assert.equal(await app.heading(), sitePage.h1.nl);
    } finally {
      if (!backInDutch) await app.chooseLanguage('nl');
    }
  });
}

test('the right-now page (/nu) offers tap-to-call links to 112, the police, the Centrum Seksueel Geweld and Veilig Thuis', async () => {
  const { app } = ready();
  await app.open('/nu');
  assert.equal(await app.heading(), 'Wat moet ik nu doen?');
  for (const href of ['tel:112', 'tel:09008844', 'tel:08000188', 'tel:08002000']) {
    const links = app.page.locator(`main a[href="${href}"]`);
    assert.ok((await links.count()) >= 1, `the page itself (not only the footer) links to ${href}`);
    assert.ok(await links.first().isVisible(), `the ${href} link is visible`);
  }
});

test('the feedback form on an information page posts without JavaScript and thanks the visitor', async () => {
  const { app } = ready();
  await app.open('/informatie/veilig-gebruik');
  const form = app.page.locator('form#feedback');
  assert.equal(await form.count(), 1, 'the page asks for feedback');

  await form.getByRole('button', { name: 'Ja', exact: true }).click();
  await app.page.waitForURL((url) => url.searchParams.get('feedback') === 'ontvangen');
  const thanks = app.page.locator('#feedback[role="status"]');
  assert.equal((await thanks.innerText()).trim(), 'Dank je wel. Je antwoord helpt ons de informatie beter te maken.');
  assert.equal(await app.page.locator('form#feedback').count(), 0, 'the form is replaced by the thank-you text');
});

test('the quick-exit link goes to the neutral site without JavaScript and the app forgets the visitor', async () => {
  const { e2e, context, app } = ready();
  await app.chooseLanguage('en', '/informatie/veilig-gebruik');
  assert.equal(await app.htmlLang(), 'en');
  const before = await context.cookies(e2e.baseUrl);
  assert.ok(
    before.some((cookie) => cookie.name === 'taal'),
    'the language choice is in a cookie before leaving',
  );

  await app.quickExit.click();
  await app.page.waitForURL((url) => originOf(url.href) === originOf(e2e.neutralUrl));
  assert.equal(await app.page.title(), neutralTitle);
  assert.deepEqual(
    (await context.cookies(e2e.baseUrl)).map((cookie) => cookie.name),
    [],
    'no cookie of the app survives quick exit',
  );
});
