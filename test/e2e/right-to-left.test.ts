// Arabic, right to left (docs/adr/0050): the pages mirror (logical CSS properties), at 320 and 1280 CSS pixels
// nothing scrolls sideways, the quick exit and the footer's emergency lines are in place on the mirrored side
// with their numbers in order, and axe finds nothing. /nu is translated; /informatie/veilig-gebruik is not yet
// and is shown in English inside the Arabic frame. The offline /nu follows the chosen language.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { type AppPage, type E2E, axeViolations, emergencyLines, eventually, newAppPage, startE2E } from './support.js';
import { publishUntranslatedPage, untranslatedSlug } from '../helpers/untranslated.js';

let e2e: E2E | undefined;
const contexts: BrowserContext[] = [];

before(async () => {
  e2e = await startE2E();
  await publishUntranslatedPage(e2e.services);
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await e2e?.close();
});

function started(): E2E {
  if (e2e === undefined) throw new Error('the app did not start');
  return e2e;
}

/** A fresh context whose visitor chose a language on the site (the cookie), at this viewport. */
async function visitorIn(language: string, viewport: { width: number; height: number }): Promise<AppPage> {
  const { browser, baseUrl } = started();
  const { context, app } = await newAppPage(browser, baseUrl, { viewport, locale: 'nl-NL' });
  contexts.push(context);
  await app.page.goto(`${baseUrl}/taal/${language}?terug=%2F`, { waitUntil: 'load' });
  return app;
}

/** Elements that stick out of the viewport on either side, and the page's scroll width. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const wide = [...document.body.querySelectorAll('*')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.right > root.clientWidth + 0.5 || box.left < -0.5);
      })
      .filter((element) => !element.closest('.app-visually-hidden, .app-skip-link'))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
}

/**
 * For each footer line: its number and link, whether the number is in view, and whether it follows its label in
 * the page's direction: on the same line it is past the label's last line end (left of it right to left), or it
 * wrapped to a new line that starts at the line start (the right edge right to left).
 */
function footerLines(page: Page) {
  return page.locator('footer .app-footer__lines > li').evaluateAll((items) =>
    items.map((item) => {
      const rtl = getComputedStyle(item).direction === 'rtl';
      const link = item.querySelector('a.app-phone');
      const range = document.createRange();
      if (item.firstChild !== null) range.selectNodeContents(item.firstChild);
      const labelLines = [...range.getClientRects()];
      const lastLine = labelLines[labelLines.length - 1];
      const box = link?.getBoundingClientRect();
      const itemBox = item.getBoundingClientRect();
      let follows = false;
      if (box !== undefined && lastLine !== undefined) {
        const wrapped = box.top >= lastLine.bottom - 1;
        if (wrapped) follows = rtl ? Math.abs(box.right - itemBox.right) < 2 : Math.abs(box.left - itemBox.left) < 2;
        else follows = rtl ? box.right <= lastLine.left + 1 : box.left >= lastLine.right - 1;
      }
      return {
        number: link?.textContent ?? '',
        href: link?.getAttribute('href') ?? '',
        follows,
        visible: box !== undefined && box.width > 0 && box.left >= 0 && box.right <= window.innerWidth,
      };
    }),
  );
}

// /nu and a translated information page (veilig-gebruik has an Arabic file), and one shown in the English fallback.
const pages = [
  { path: '/nu', translated: true },
  { path: '/informatie/veilig-gebruik', translated: true },
  { path: `/informatie/${untranslatedSlug}`, translated: false },
];

for (const viewport of [
  { width: 320, height: 640 },
  { width: 1280, height: 800 },
]) {
  void describe(`Arabic at ${viewport.width} px`, () => {
    for (const { path, translated } of pages) {
      test(`${path}: right to left, no sideways scrolling, quick exit and emergency lines mirrored, axe-clean`, async () => {
        const app = await visitorIn('ar', viewport);
        await app.open(path);
        await app.page.locator('body.js-enabled').waitFor({ state: 'attached' });
        const html = app.page.locator('html');
        assert.equal(await html.getAttribute('lang'), 'ar');
        assert.equal(await html.getAttribute('dir'), 'rtl');
        assert.equal(await app.page.locator('.app-untranslated[lang="en"][dir="ltr"]').count(), translated ? 0 : 1);

        const { scrollWidth, clientWidth, wide } = await overflow(app.page);
        assert.ok(scrollWidth <= clientWidth, `scrollWidth ${scrollWidth} > ${clientWidth}: ${wide.join(', ')}`);
        assert.deepEqual(wide, [], 'no element sticks out of the viewport');

        // The quick exit: visible, in Arabic, on the left half (the mirror of its place on the right in Dutch).
        const exit = await app.quickExit.boundingBox();
        assert.ok(exit !== null && exit.x >= 0 && exit.x + exit.width <= viewport.width, 'the quick exit is in view');
        assert.ok(exit.x + exit.width / 2 < viewport.width / 2, `the quick exit is on the left (x=${exit.x})`);
        assert.match(await app.quickExit.innerText(), /خروج سريع/);

        // The footer's emergency lines: each number whole and in order, after its label (so to its left).
        const lines = await footerLines(app.page);
        assert.deepEqual(
          lines.map(({ number, href }) => ({ number, href })),
          emergencyLines.map(({ number, href }) => ({ number, href })),
        );
        for (const line of lines) {
          assert.ok(line.visible, `${line.number} is in view`);
          assert.ok(line.follows, `${line.number} comes after its label, right to left`);
        }

        if (path === '/nu') {
          // In the Arabic sentence "call 112, not 0900-8844", the number reads left to right: 0900 left of 8844.
          const order = await app.page.locator('#nu-vermist strong').evaluate((element) => {
            const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
              const text = node.textContent ?? '';
              const at = text.indexOf('0900-8844');
              if (at === -1) continue;
              const [first, second] = [at, at + 5].map((start) => {
                const range = document.createRange();
                range.setStart(node, start);
                range.setEnd(node, start + 4);
                return range.getBoundingClientRect().left;
              });
              return { first: first ?? 0, second: second ?? 0 };
            }
            return null;
          });
          assert.ok(order !== null && order.first < order.second, `0900-8844 in order: ${JSON.stringify(order)}`);
        }

        const { count, description } = await axeViolations(app.page);
        assert.equal(count, 0, `axe (ar, ${path}, ${viewport.width} px):\n${description}`);
      });
    }
  });
}

test('in Dutch the same checks see the quick exit on the right and the numbers after their labels, left to right', async () => {
  const app = await visitorIn('nl', { width: 1280, height: 800 });
  await app.open('/nu');
  assert.equal(await app.page.locator('html').getAttribute('dir'), null);
  const exit = await app.quickExit.boundingBox();
  assert.ok(exit !== null && exit.x + exit.width / 2 > 640, 'on the right');
  for (const line of await footerLines(app.page)) assert.ok(line.follows, line.number);
});

test('the language switch works without JavaScript: every language by its own name, back on the same page', async () => {
  const { browser, baseUrl } = started();
  const { context, app } = await newAppPage(browser, baseUrl, { javaScriptEnabled: false, locale: 'nl-NL' });
  contexts.push(context);
  await app.open('/nu');
  await app.page.locator('summary.app-language__toggle').click();
  await Promise.all([app.page.waitForEvent('load'), app.page.getByRole('link', { name: 'العربية' }).click()]);
  assert.equal(new URL(app.page.url()).pathname, '/nu');
  assert.equal(await app.page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await app.heading(), 'ماذا أفعل الآن؟');
  await app.page.locator('summary.app-language__toggle').click();
  await Promise.all([app.page.waitForEvent('load'), app.page.getByRole('link', { name: 'Makkelijk lezen' }).click()]);
  assert.equal(await app.page.locator('html').getAttribute('lang'), 'nl');
  assert.equal(await app.page.locator('body.app-body--easy').count(), 1);
});

test('offline, /nu opens in the chosen language, and follows a change of language; quick exit still leaves', async () => {
  const app = await visitorIn('ar', { width: 320, height: 640 });
  const context = () => app.page.context();
  await app.open('/nu');
  await app.page.locator('body.js-enabled').waitFor({ state: 'attached' });
  await app.page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  await app.page.reload({ waitUntil: 'load' });

  await context().setOffline(true);
  try {
    await app.page.reload({ waitUntil: 'load' });
    assert.equal(await app.page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await app.heading(), 'ماذا أفعل الآن؟');
  } finally {
    await context().setOffline(false);
  }

  // Online, the visitor switches to Turkish on another page; the worker fetches /nu again in Turkish.
  await app.page.goto(`${started().baseUrl}/taal/tr?terug=%2Finformatie`, { waitUntil: 'load' });
  const kept = await eventually(
    () => app.page.evaluate(async () => (await caches.match('/nu'))?.headers.get('x-language') ?? null),
    (language) => language === 'tr',
  );
  assert.equal(kept, 'tr', 'the kept /nu is the Turkish one');
  await context().setOffline(true);
  try {
    await app.page.goto(`${started().baseUrl}/informatie/signalen`, { waitUntil: 'load' });
    assert.equal(await app.page.locator('html').getAttribute('lang'), 'tr');
    assert.equal(await app.heading(), 'Şimdi ne yapmalıyım?');
    await app.page.locator('body.js-enabled').waitFor({ state: 'attached' });
    assert.match(await app.quickExit.innerText(), /Hızlı çıkış/);
    await app.quickExit.click();
    const onApp = await eventually(
      () => Promise.resolve(app.isOnApp()),
      (still) => !still,
    );
    assert.equal(onApp, false, 'the quick exit left the site');
  } finally {
    await context().setOffline(false);
  }
});
