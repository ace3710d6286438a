// Easy-read Dutch (docs/adr/0054) in a browser: /nu, the check and its outcome with pictograms, and the help
// finder, at 320 CSS pixels: axe finds nothing, nothing scrolls sideways, and every pictogram is hidden from
// assistive technology with the text of the action beside it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { type AppPage, type E2E, axeViolations, newAppPage, startE2E } from './support.js';

let e2e: E2E | undefined;
const contexts: BrowserContext[] = [];

before(async () => {
  e2e = await startE2E();
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await e2e?.close();
});

async function easyReader(): Promise<AppPage> {
  if (e2e === undefined) throw new Error('the app did not start');
  const { context, app } = await newAppPage(e2e.browser, e2e.baseUrl, {
    viewport: { width: 320, height: 800 },
    locale: 'nl-NL',
  });
  contexts.push(context);
  await app.page.goto(`${e2e.baseUrl}/taal/makkelijk?terug=%2Fnu`, { waitUntil: 'load' });
  return app;
}

describe('easy-read Dutch in a browser', () => {
  test('/nu, /check with an outcome, and /hulp: axe-clean, no sideways scroll, pictograms hidden beside their text', async () => {
    const { page } = await easyReader();
    const checkPage = async (label: string) => {
      const axe = await axeViolations(page);
      assert.equal(axe.count, 0, `${label}: ${axe.description}`);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      assert.ok(scrollWidth <= clientWidth, `${label}: ${scrollWidth} > ${clientWidth}`);
      const pictograms = await page.locator('svg.app-pictogram').evaluateAll((svgs) =>
        svgs.map((svg) => ({
          hidden: svg.getAttribute('aria-hidden') === 'true',
          text: (svg.parentElement?.textContent ?? '').trim().length,
        })),
      );
      for (const pictogram of pictograms) {
        assert.ok(pictogram.hidden, `${label}: a pictogram not hidden`);
        assert.ok(pictogram.text > 0, `${label}: a pictogram without text beside it`);
      }
      return pictograms.length;
    };
    assert.ok((await checkPage('/nu')) > 0, '/nu shows pictograms');

    await page.goto(`${e2e!.baseUrl}/check`, { waitUntil: 'load' });
    await checkPage('/check');
    // Answer every question with its first answer, "missing now" yes: the 112 outcome.
    for (const name of await page
      .locator('fieldset.app-question input[type=radio]')
      .evaluateAll((inputs) => [...new Set(inputs.map((input) => (input as HTMLInputElement).name))])) {
      await page.locator(`input[name="${name}"]`).first().check();
    }
    await page.locator('input[name="vermist-nu"][value="ja"]').check();
    await page.locator('form.app-check button[type=submit]').click();
    await page.waitForSelector('[data-advice-level="bel-112"]');
    assert.ok((await checkPage('the outcome')) > 0, 'the outcome shows pictograms');

    await page.goto(`${e2e!.baseUrl}/hulp`, { waitUntil: 'load' });
    await checkPage('/hulp');
  });
});
