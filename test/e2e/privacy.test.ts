// No third parties: every page, in Dutch and English, with JavaScript on, loads everything from the app's own
// origin, logs no errors, and breaks no rule of the Content Security Policy or Trusted Types.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, ConsoleMessage } from 'playwright-core';
import { type AppPage, type E2E, type Locale, locales, newAppPage, originOf, sitePages, startE2E } from './support.js';

const languageName: Record<Locale, string> = { nl: 'Dutch', en: 'English' };
const policyProblem = /content security policy|trusted ?type|trustedhtml|trustedscript|csp violation/i;

let e2e: E2E | undefined;

before(async () => {
  e2e = await startE2E();
});

after(async () => {
  await e2e?.close();
});

interface Recorded {
  requests: string[];
  consoleErrors: string[];
  policyMessages: string[];
}

for (const locale of locales) {
  void describe(`in ${languageName[locale]}`, () => {
    let context: BrowserContext | undefined;
    let app: AppPage | undefined;
    let recorded: Recorded = { requests: [], consoleErrors: [], policyMessages: [] };
    let expectedMissing: string | undefined;

    before(async () => {
      if (e2e === undefined) throw new Error('the app did not start');
      ({ context, app } = await newAppPage(e2e.browser, e2e.baseUrl));
      // Violations are also reported as events, which would catch one the console does not mention.
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`);
        });
      });
      const page = app.page;
      page.on('request', (request) => recorded.requests.push(request.url()));
      page.on('console', (message: ConsoleMessage) => {
        const text = message.text();
        if (policyProblem.test(text)) recorded.policyMessages.push(`[${message.type()}] ${text}`);
        if (message.type() !== 'error') return;
        // A 404 page's own status is logged by the browser as a failed load of the document: that is the page
        // working as intended, not an error in it.
        const where = message.location().url;
        if (expectedMissing !== undefined && where === expectedMissing && text.includes('status of 404')) return;
        recorded.consoleErrors.push(`${text} (${where})`);
      });
      page.on('pageerror', (error) => recorded.consoleErrors.push(`uncaught: ${error.message}`));
      await app.chooseLanguage(locale);
    });

    after(async () => {
      await context?.close();
    });

    for (const sitePage of sitePages) {
      test(`the ${sitePage.name} (${sitePage.path}) requests nothing outside the app's origin and logs no errors or CSP violations`, async () => {
        assert.ok(e2e !== undefined && app !== undefined);
        recorded = { requests: [], consoleErrors: [], policyMessages: [] };
        const url = new URL(sitePage.path, e2e.baseUrl).href;
        expectedMissing = sitePage.status === 404 ? url : undefined;

        const response = await app.page.goto(url, { waitUntil: 'networkidle' });
        assert.equal(response?.status(), sitePage.status);
        assert.equal(await app.htmlLang(), locale);
        await app.page.locator('body.js-enabled').waitFor({ state: 'attached' });

        const appOrigin = originOf(e2e.baseUrl);
        assert.ok(recorded.requests.length >= 3, `the page, its stylesheet and its script were requested`);
        const elsewhere = recorded.requests.filter((request) => originOf(request) !== appOrigin);
        assert.deepEqual(elsewhere, [], `requests outside ${appOrigin}`);
        assert.deepEqual(recorded.consoleErrors, [], 'console errors');
        assert.deepEqual(recorded.policyMessages, [], 'Content Security Policy or Trusted Types messages');
      });
    }
  });
}

test('the neutral site is not contacted while browsing the app', () => {
  assert.deepEqual(e2e?.neutralVisits, []);
});
