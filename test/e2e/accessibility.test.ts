// Every page, in Dutch and English, on a small phone and a desktop screen: no axe violations (WCAG 2.2 AA
// rule set), the right page language, and no sideways scrolling at 320 CSS pixels (WCAG 1.4.10 Reflow).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext } from 'playwright-core';
import {
  type AppPage,
  type E2E,
  type Locale,
  describeViolations,
  locales,
  newAppPage,
  pathAndQuery,
  sitePages,
  startE2E,
  wcagTags,
} from './support.js';

const viewports = [
  { width: 320, height: 640 },
  { width: 1280, height: 800 },
] as const;

const languageName: Record<Locale, string> = { nl: 'Dutch', en: 'English' };

let e2e: E2E | undefined;

before(async () => {
  e2e = await startE2E();
});

after(async () => {
  await e2e?.close();
});

for (const locale of locales) {
  for (const viewport of viewports) {
    void describe(`in ${languageName[locale]} at ${viewport.width}×${viewport.height}`, () => {
      let context: BrowserContext | undefined;
      let app: AppPage | undefined;

      before(async () => {
        if (e2e === undefined) throw new Error('the app did not start');
        ({ context, app } = await newAppPage(e2e.browser, e2e.baseUrl, { viewport }));
        await app.chooseLanguage(locale);
      });

      after(async () => {
        await context?.close();
      });

      for (const sitePage of sitePages) {
        const label = `the ${sitePage.name} (${sitePage.path})`;
        test(`${label} has no WCAG 2.2 AA axe violations and html lang="${locale}"`, async () => {
          assert.ok(app !== undefined);
          await app.open(sitePage.path, sitePage.status);
          assert.equal(await app.htmlLang(), locale);
          assert.equal(await app.heading(), sitePage.h1[locale], 'the page shows its own heading');

          const results = await new AxeBuilder({ page: app.page }).withTags(wcagTags).analyze();
          assert.equal(
            results.violations.length,
            0,
            `axe found ${results.violations.length} violation(s) on ${sitePage.path} ` +
              `(${locale}, ${viewport.width}×${viewport.height}):\n${describeViolations(results.violations)}`,
          );
        });

        if (viewport.width === 320) {
          test(`${label} does not scroll sideways at 320 CSS pixels wide`, async () => {
            assert.ok(app !== undefined);
            if (pathAndQuery(app.page.url()) !== sitePage.path) await app.open(sitePage.path, sitePage.status);
            const { scrollWidth, wide } = await app.page.evaluate(() => {
              const root = document.documentElement;
              // The elements that stick out, to name in the failure message.
              const wide = [...document.body.querySelectorAll('*')]
                .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5)
                .slice(0, 5)
                .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
              return { scrollWidth: root.scrollWidth, wide };
            });
            assert.ok(
              scrollWidth <= 320,
              `scrollWidth is ${scrollWidth} at 320 px; elements wider than the viewport: ${wide.join(', ')}`,
            );
          });
        }
      }
    });
  }
}
