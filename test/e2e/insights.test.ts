// /inzichten in a real browser (issue 18): with counts in the published weeks (cells of 9 among them), the page
// and its method page have no axe violations (WCAG 2.2 AA) in Dutch and English; each chart is an image with an
// accessible name and description, followed by a table with a caption; without JavaScript the page is reached
// from the footer, shows its charts and tables, and its CSV links download the files. (axe never runs in the
// context without JavaScript: it hangs there, see STACK.md.)

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { casePublishedWeeks, publicationPeriod } from '../../src/features/insights/insights.figures.js';
import { amsterdamDay } from '../../src/shared/time/amsterdam.js';
import { addDays, weekEnd, weekStart } from '../../src/shared/time/weeks.js';
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
  // Checks followed by a help lookup, a cell of 9 among them.
  await db
    .insertInto('check_lookups')
    .values([
      { day: dayIn(0), level: 'bel-112', safety_region_code: regions[0]!, count: 9 },
      { day: dayIn(1), level: 'vraag-advies', safety_region_code: regions[1]!, count: 30 },
      { day: dayIn(2), level: 'blijf-in-gesprek', safety_region_code: regions[2]!, count: 25 },
    ])
    .execute();
  // The case space's measures over the case block (all weeks complete), with cells of 9.
  const caseWeeks = casePublishedWeeks(amsterdamDay(new Date()));
  const last = caseWeeks.at(-1)!;
  await db
    .insertInto('measure_weeks')
    .values(caseWeeks.map((week) => ({ week, through: weekEnd(week), complete: 1 })))
    .execute();
  await db
    .insertInto('measure_meetings_weekly')
    .values([
      { week: caseWeeks[0]!, mode: 'with-parents', meetings: 40, parent_invited: 31, parent_took_part: 25 },
      { week: caseWeeks[1]!, mode: 'with-parents', meetings: 20, parent_invited: 15, parent_took_part: 12 },
    ])
    .execute();
  await db
    .insertInto('measure_first_help_weekly')
    .values([
      { week: caseWeeks[0]!, days_bucket: '0', cases: 9 },
      { week: caseWeeks[1]!, days_bucket: '1-7', cases: 22 },
      { week: caseWeeks[2]!, days_bucket: '8-14', cases: 14 },
      { week: caseWeeks[3]!, days_bucket: '15-28', cases: 11 },
    ])
    .execute();
  await db.insertInto('measure_agreements_weekly').values({ week: last, open: 60, overdue: 18 }).execute();
  await db
    .insertInto('measure_tracks_weekly')
    .values([
      { week: last, track: 'zorg-en-herstel', cases: 14 },
      { week: last, track: 'strafzaak', cases: 9 },
    ])
    .execute();
  // The parents' survey: 24 answers in the published weeks.
  await db
    .insertInto('survey_answers')
    .values(
      Array.from({ length: 24 }, (_, index) => ({
        id: `e2e-survey-${index}`,
        week: period.weeks[index % 3]!,
        milestone: 'case-closed',
        care: index < 12 ? 4 : 5,
        police: index < 9 ? 2 : 3,
        understood: index < 20 ? 4 : null,
        next_step: index < 14 ? 3 : 5,
      })),
    )
    .execute();
});

after(async () => {
  await e2e?.close();
});

function started(): E2E {
  if (e2e === undefined) throw new Error('the app did not start');
  return e2e;
}

const chartNames = {
  nl: [
    'Signalencheck afgerond, per week',
    'Signalencheck en daarna hulp gezocht, per veiligheidsregio',
    'Hulpzoeker gebruikt, per week',
    'Overleg in zaken met ouders',
    'Tijd van de start van een zaak tot de eerste hulp',
    'Open afspraken en afspraken over tijd, aan het eind van de laatste week',
    'Open zaken per spoor, aan het eind van de laatste week',
    'Vragenlijst ouders: Voelde je je gesteund door de zorg?',
    'Vragenlijst ouders: Voelde je je gesteund door de politie?',
    'Vragenlijst ouders: Begreep je wat er gebeurde?',
    'Vragenlijst ouders: Wist je wat je daarna kon doen?',
  ],
  en: [
    'Signals check completed, by week',
    'Signals check followed by a help lookup, by safety region',
    'Help finder used, by week',
    'Meetings in cases with parents',
    'Time from the start of a case to the first help',
    'Open agreements and agreements overdue, at the end of the last week',
    'Open cases by track, at the end of the last week',
    'Parents survey: Did you feel supported by care?',
    'Parents survey: Did you feel supported by the police?',
    'Parents survey: Did you understand what happened?',
    'Parents survey: Did you know what you could do next?',
  ],
} as const;

/** Escapes a chart's name for a regular expression (the survey's names end in a question mark). */
const named = (name: string) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

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
        const image = app.page.getByRole('img', { name: named(name) });
        assert.equal(await image.count(), 1, `one chart named "${name}"`);
        assert.ok(await image.isVisible(), `${name} is visible`);
      }
      const described = await app.page.evaluate(() =>
        [...document.querySelectorAll('svg[data-chart]')].map((svg) => {
          const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
          const texts = ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '');
          // The survey's charts stand together before their one table: the next element that is not a chart.
          let next = svg.closest('figure')?.nextElementSibling;
          while (next?.matches('figure.app-chart') === true) next = next.nextElementSibling;
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
      const cells = await app.page.locator('table.app-data-table td:not([data-share])').allInnerTexts();
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
      assert.ok(await app.page.getByRole('img', { name: named(name) }).isVisible(), name);
    }
    const captions = await app.page.locator('table.app-data-table caption').allInnerTexts();
    assert.equal(captions.length, 11, 'eleven tables with captions');
    const bars = await app.page.locator('svg[data-chart] rect.app-chart__bar').count();
    assert.ok(bars > 0, 'the charts have bars without JavaScript');

    const links = app.page.getByRole('link', { name: 'Download de cijfers van deze tabel (CSV)' });
    assert.equal(await links.count(), 11);
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
    // The method page no longer says the case figures come later, and says where a check's region comes from.
    const method = await app.page.locator('main').innerText();
    assert.doesNotMatch(method, /komen later/);
    assert.match(method, /Samenwerken in de lijn/);
    assert.match(method, /Op de uitslag kun je met je postcode hulp zoeken/);
  } finally {
    await context.close();
  }
});

test('help looked up from the check result: counted once, and no address the browser visits holds the advice', async () => {
  const { context, app } = await newAppPage(started().browser, started().baseUrl, { locale: 'nl-NL' });
  const visited: string[] = [];
  app.page.on('request', (request) => visited.push(request.url()));
  try {
    const db = (started().target as TestApp).database.handle.db;
    await started().services.help.flush();
    const before = await db.selectFrom('check_lookups').select(['level', 'count']).execute();
    const questionnaire = started().services.check.current();
    await app.open('/check');
    const ids = questionnaire.groups.flatMap((group) =>
      group.questions.map((question) => `q-${question.id}-${question.scale === 'leeftijd' ? '13-15' : 'nee'}`),
    );
    await app.page.evaluate((list) => {
      for (const id of list) (document.getElementById(id) as HTMLInputElement).checked = true;
    }, ids);
    await Promise.all([
      app.page.waitForEvent('load'),
      app.page.locator('form.app-check button[type="submit"]').click(),
    ]);
    const level = await app.page.locator('article[data-advice-level]').getAttribute('data-advice-level');
    assert.ok(level !== null, 'the outcome page');
    const outcomeAxe = await axeViolations(app.page);
    assert.equal(outcomeAxe.count, 0, `the outcome page with the help form:\n${outcomeAxe.description}`);
    const form = app.page.locator('form[action="/hulp/na-check"]');
    await form.getByLabel('Postcode of gemeente', { exact: true }).fill('9711 AB');
    await Promise.all([
      app.page.waitForURL((url) => url.pathname === '/hulp', { waitUntil: 'load' }),
      form.getByRole('button', { name: 'Zoek hulp', exact: true }).click(),
    ]);
    assert.equal(new URL(app.page.url()).search, '?postcode=9711AB');
    assert.equal((await app.page.locator('#help-local').innerText()).trim(), 'Wie helpt er in Groningen?');
    for (const url of visited) assert.ok(!url.includes(level), `${url} holds no advice level`);
    await started().services.help.flush();
    const after = await db.selectFrom('check_lookups').select(['level', 'count']).execute();
    const total = (rows: { level: string; count: number }[]) =>
      rows.filter((row) => row.level === level).reduce((sum, row) => sum + Number(row.count), 0);
    assert.equal(total(after) - total(before), 1, 'one check lookup counted for this advice');
    const axe = await axeViolations(app.page);
    assert.equal(axe.count, 0, axe.description);
  } finally {
    await context.close();
  }
});
