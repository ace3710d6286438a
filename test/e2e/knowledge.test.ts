// The knowledge base in a real browser (ADR 0035): no axe violations (WCAG 2.2 AA) on the index, a filtered
// index, the articles about de lijn and a written article, in Dutch and English; the filter works without
// JavaScript; printed, an article shows its text and sources without the menu, the filter or the buttons.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../helpers/app.js';
import { translatorFor } from '../../src/messages.js';
import { createContentRepository } from '../../src/features/content/content.repo.js';
import { articleKind } from '../../src/features/knowledge/article.kind.js';
import { type E2E, axeViolations, locales, newAppPage, startE2E } from './support.js';

const ownSlug = 'kb-browser-toets';
const ownTitle = 'Browsertoets, een artikel met bronnen';
const ownText = [
  '---',
  `title: ${ownTitle}`,
  'summary: Een artikel dat de browsertest zelf publiceert.',
  'audience: [care, school]',
  'topic: ouders',
  'sources:',
  '  - title: Meldcode huiselijk geweld en kindermishandeling',
  '    publisher: Rijksoverheid',
  '    url: https://www.rijksoverheid.nl/onderwerpen/huiselijk-geweld/meldcode',
  'reviewedBy: Redactie toetsen',
  'professionalsOnly: false',
  'lastReviewed: 2026-11-30',
  '---',
  '## Eerste deel',
  '',
  'Een alinea met een [link](https://www.rijksoverheid.nl/).',
  '',
  '## Tweede deel',
  '',
  '- een punt',
  '- nog een punt',
  '',
].join('\n');

let e2e: E2E | undefined;
/** Paths of the pages to check: found while the app runs (a written article from content/, if there is one). */
const pages: string[] = ['/kennisbank', '/kennisbank?doelgroep=school&onderwerp=', '/kennisbank/de-lijn'];

before(async () => {
  e2e = await startE2E();
  const { db } = (e2e.target as TestApp).database.handle;
  const kind = articleKind(createContentRepository(db));
  const parsed = kind.parse(ownText, translatorFor('nl'));
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.problems.join('; '));
  await db.transaction().execute((trx) => kind.apply(trx, `nl/${ownSlug}`, parsed.value, new Date()));
  const index = await (await fetch(`${e2e.baseUrl}/kennisbank`)).text();
  const track = /href="(\/kennisbank\/de-lijn-[a-z-]+)"/.exec(index)?.[1];
  assert.ok(track !== undefined, 'the index links to a track of de lijn');
  pages.push(track, `/kennisbank/${ownSlug}`);
  // A written article from content/kennisbank, when there is one (its tables, lists and links are checked too).
  const written = [...index.matchAll(/href="\/kennisbank\/([a-z0-9-]+)"/g)]
    .map((match) => match[1] ?? '')
    .find((slug) => !slug.startsWith('de-lijn') && slug !== ownSlug);
  if (written !== undefined) pages.push(`/kennisbank/${written}`);
});

after(async () => {
  await e2e?.close();
});

for (const locale of locales) {
  void describe(`the knowledge base in a browser [${locale}]`, () => {
    test('no axe violations on the index, a filtered index, de lijn, a track and written articles', async () => {
      assert.ok(e2e !== undefined);
      const { context, app } = await newAppPage(e2e.browser, e2e.baseUrl, { viewport: { width: 320, height: 640 } });
      try {
        await app.chooseLanguage(locale);
        for (const path of pages) {
          await app.open(path);
          assert.equal(await app.htmlLang(), locale, path);
          const { count, description } = await axeViolations(app.page);
          assert.equal(count, 0, `axe on ${path} (${locale}):\n${description}`);
          const scrollWidth = await app.page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scrollWidth <= 320, `${path} scrolls sideways at 320 px (${scrollWidth})`);
        }
      } finally {
        await context.close();
      }
    });
  });
}

void describe('the knowledge base without JavaScript, and on paper', () => {
  test('the filter is a plain form: choosing an audience and a topic shows only those articles', async () => {
    assert.ok(e2e !== undefined);
    const { context, app } = await newAppPage(e2e.browser, e2e.baseUrl, { javaScriptEnabled: false });
    try {
      await app.open('/kennisbank');
      await app.page.selectOption('select#doelgroep', 'police');
      await app.page.selectOption('select#onderwerp', 'ouders');
      await Promise.all([
        app.page.waitForURL(/\/kennisbank\?/),
        app.page.click('form.app-kb-filter button[type=submit]'),
      ]);
      assert.match(app.page.url(), /doelgroep=police/);
      assert.match(app.page.url(), /onderwerp=ouders/);
      const main = await app.page.locator('main').innerText();
      assert.ok(!main.includes(ownTitle), 'an article for care and school is not listed for police');
      await app.page.selectOption('select#doelgroep', 'school');
      await Promise.all([
        app.page.waitForURL(/doelgroep=school/),
        app.page.click('form.app-kb-filter button[type=submit]'),
      ]);
      assert.ok((await app.page.locator('main').innerText()).includes(ownTitle));
      assert.equal(await app.page.locator('[data-module="app-print"]').isVisible(), false);
    } finally {
      await context.close();
    }
  });

  test('printed, an article keeps its text, sources and reviewer, and drops the menu, filter and buttons', async () => {
    assert.ok(e2e !== undefined);
    const { context, app } = await newAppPage(e2e.browser, e2e.baseUrl);
    try {
      await app.open(`/kennisbank/${ownSlug}`);
      assert.equal(await app.page.locator('[data-module="app-print"]').isVisible(), true, 'the print button, with JS');
      await app.page.emulateMedia({ media: 'print' });
      for (const hidden of ['.app-nav', '.app-quick-exit-bar', '[data-module="app-print"]', '.app-toc']) {
        assert.equal(await app.page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
      }
      for (const shown of ['h1', '.app-prose', '.app-sources', '.app-kb-reviewed']) {
        assert.equal(await app.page.locator(shown).first().isVisible(), true, `${shown} is printed`);
      }
      const source = await app.page
        .locator('.app-sources a')
        .first()
        .evaluate((element) => getComputedStyle(element, '::after').content);
      assert.match(source, /https:\/\/www\.rijksoverheid\.nl/, 'a source prints its address');
    } finally {
      await context.close();
    }
  });
});
