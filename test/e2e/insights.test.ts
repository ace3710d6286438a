// /inzichten in a real browser (issue 18): with counts in the published weeks (cells of 9 among them), the page
// and its method page have no axe violations (WCAG 2.2 AA) in Dutch and English; each chart is an image with an
// accessible name and description, followed by a table with a caption; without JavaScript the page is reached
// from the footer, shows its charts and tables, and its CSV links download the files. (axe never runs in the
// context without JavaScript: it hangs there, see STACK.md.)

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { publicationPeriod } from '../../src/features/insights/insights.figures.js';
import { amsterdamDay } from '../../src/shared/time/amsterdam.js';
import { addDays, weekStart } from '../../src/shared/time/weeks.js';
import type { TestApp } from '../helpers/app.js';
import { type E2E, axeViolations, newAppPage, startE2E } from './support.js';

let e2e: E2E | undefined;

before(async () => {
  e2e = await startE2E();
  // Counts for the published weeks, before anything asks for the page (the figures are kept for the week).
  const db = (e2e.target as TestApp).database.handle.db;
  const period = publicationPeriod(amsterdamDay(new Date()));
  const dayIn = (index: number, offset = 0) => addDays(weekStart(period.weeks[index]!), offset);
  const regions = (await db.selectFrom('safety_regions').select('code').orderBy('code').execute()).map((r) => r.code);
  const checks: { day: string; version: number; level: string; count: number }[] = [
    { day: dayIn(0), version: 1, level: 'bel-112', count: 9 },
    { day: dayIn(1, 2), version: 1, level: 'vraag-advies', count: 9 },
  ];
  const lookups: { day: string; safety_region_code: string; count: number }[] = [
    { day: dayIn(2), safety_region_code: regions[0]!, count: 9 },
  ];
  period.weeks.forEach((_, index) => {
    checks.push(
      { day: dayIn(index, 1), version: 1, level: 'blijf-in-gesprek', count: 20 + index },
      { day: dayIn(index, 3), version: 1, level: 'vraag-advies', count: 12 + index },
    );
    lookups.push({ day: dayIn(index, 4), safety_region_code: regions[1 + (index % 3)]!, count: 15 + index });
  });
  await db.insertInto('check_outcomes').values(checks).execute();
  await db.insertInto('help_lookups').values(lookups).execute();
});

after(async () => {
  await e2e?.close();
});

function started(): E2E {
  if (e2e === undefined) throw new Error('the app did not start');
  return e2e;
}

const chartNames = {
  nl: ['Signalencheck afgerond, per week', 'Hulpzoeker gebruikt, per week'],
  en: ['Signals check completed, by week', 'Help finder used, by week'],
} as const;

for (const locale of ['nl', 'en'] as const) {
  test(`/inzichten and /inzichten/methode have no axe violations (${locale})`, async () => {
    const { context, app } = await newAppPage(started().browser, started().baseUrl, { locale: `${locale}-NL` });
    try {
      await app.chooseLanguage(locale);
      for (const path of ['/inzichten', '/inzichten/methode']) {
        await app.open(path);
        assert.equal(await app.htmlLang(), locale, path);
        const found = await axeViolations(app.page);
        assert.equal(found.count, 0, `${path} (${locale}):\n${found.description}`);
      }
    } finally {
      await context.close();
    }
  });

  test(`each chart is an image with a name and a description, followed by a table with a caption (${locale})`, async () => {
    const { context, app } = await newAppPage(started().browser, started().baseUrl, { locale: `${locale}-NL` });
    try {
      await app.chooseLanguage(locale);
      await app.open('/inzichten');
      const charts = app.page.locator('svg[data-chart]');
      assert.equal(await charts.count(), chartNames[locale].length);
      for (const name of chartNames[locale]) {
        const image = app.page.getByRole('img', { name: new RegExp(`^${name}`) });
        assert.equal(await image.count(), 1, `one chart named "${name}"`);
        assert.ok(await image.isVisible(), `${name} is visible`);
      }
      const described = await app.page.evaluate(() =>
        [...document.querySelectorAll('svg[data-chart]')].map((svg) => {
          const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
          const texts = ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '');
          const figure = svg.closest('figure');
          const next = figure?.nextElementSibling;
          const table = next?.matches('table') ? next : next?.querySelector('table');
          return {
            role: svg.getAttribute('role'),
            title: svg.querySelector('title')?.textContent?.trim() ?? '',
            desc: svg.querySelector('desc')?.textContent?.trim() ?? '',
            texts,
            caption: table?.querySelector('caption')?.textContent?.trim() ?? '',
            firstChildIsCaption: table?.firstElementChild?.tagName === 'CAPTION',
            // A wide table scrolls inside its wrapper on a phone: the wrapper takes keyboard focus.
            wrapperFocusable: table?.parentElement?.getAttribute('tabindex') === '0',
          };
        }),
      );
      for (const chart of described) {
        assert.equal(chart.role, 'img');
        assert.ok(chart.title.length > 0 && chart.desc.length > 0, 'a title and a description');
        assert.deepEqual(chart.texts, [chart.title, chart.desc], 'named by its title and described by its desc');
        assert.ok(chart.caption.length > 0, `the chart "${chart.title}" is followed by a table with a caption`);
        assert.ok(chart.firstChildIsCaption, 'the caption is the table’s first child');
        assert.ok(chart.wrapperFocusable, 'the table’s scrolling wrapper can be reached with the keyboard');
      }
      // A withheld figure is said in words in the tables, never a count under 10.
      const cells = await app.page.locator('table.app-data-table td').allInnerTexts();
      for (const cell of cells) {
        const text = cell.trim();
        if (/^\d/.test(text)) assert.ok(Number(text.replace(/[.,]/g, '')) >= 10, `no count under 10: ${text}`);
        else assert.equal(text, locale === 'nl' ? 'niet getoond' : 'not shown');
      }
      assert.ok(
        cells.some((cell) => /^\d/.test(cell.trim())),
        'the tables show counts',
      );
    } finally {
      await context.close();
    }
  });
}

test('without JavaScript: from the footer to /inzichten, charts and tables shown, CSV files downloaded', async () => {
  const { context, app } = await newAppPage(started().browser, started().baseUrl, {
    javaScriptEnabled: false,
    locale: 'nl-NL',
    acceptDownloads: true,
  });
  try {
    await app.open('/');
    await Promise.all([
      app.page.waitForURL((url) => url.pathname === '/inzichten'),
      app.footer.getByRole('link', { name: 'Inzichten', exact: true }).click(),
    ]);
    assert.equal(await app.heading(), 'Inzichten');
    assert.equal(await app.page.locator('body.js-enabled').count(), 0, 'no script ran');
    for (const name of chartNames.nl) {
      assert.ok(await app.page.getByRole('img', { name: new RegExp(`^${name}`) }).isVisible(), name);
    }
    const captions = await app.page.locator('table.app-data-table caption').allInnerTexts();
    assert.equal(captions.length, 4, 'four tables with captions');
    const bars = await app.page.locator('svg[data-chart] rect.app-chart__bar').count();
    assert.ok(bars > 0, 'the charts have bars without JavaScript');

    const links = app.page.getByRole('link', { name: 'Download de cijfers van deze tabel (CSV)' });
    assert.equal(await links.count(), 4);
    const [download] = await Promise.all([app.page.waitForEvent('download'), links.first().click()]);
    assert.equal(download.suggestedFilename(), 'signalencheck-per-week.csv');
    const path = await download.path();
    assert.ok(path !== null, 'the file was saved');
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(path, 'utf8');
    assert.match(text, /^week,bel-112,bel-vandaag,vraag-advies,blijf-in-gesprek,total\r\n/);

    await Promise.all([
      app.page.waitForURL((url) => url.pathname === '/inzichten/methode'),
      app.page.getByRole('link', { name: 'Hoe we tellen en wat we weglaten' }).click(),
    ]);
    assert.equal(await app.heading(), 'Inzichten: hoe we tellen');
  } finally {
    await context.close();
  }
});
