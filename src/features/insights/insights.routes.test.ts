import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { LightMyRequestResponse } from 'fastify';
import { caseProfessional, prepareCaseWorld } from '../../../test/helpers/case-factories.js';
import { caseAppForSuite } from '../../../test/helpers/case-setup.js';
import { dialects } from '../../../test/helpers/databases.js';
import { recoverable } from '../../../test/helpers/disclosure-judge.js';
import { type BuiltAccount, buildParent } from '../../../test/helpers/factories.js';
import { mainOf, textOf } from '../../../test/helpers/html-text.js';
import { amsterdamDay } from '../../shared/time/amsterdam.js';
import { addDays, isoWeekOf, weekEnd, weekStart } from '../../shared/time/weeks.js';
import { adviceLevels } from '../check/check.schema.js';
import { daysBuckets } from '../cases/case-measures.js';
import { csvNames } from './insights.csv.js';
import { casePublishedWeeks, publicationPeriod, surveyQuestions } from './insights.figures.js';
import type { Cell, Sum } from './suppression.js';

/*
 * /inzichten over HTTP on both databases (issue 18, ADR 0046). Rows are written straight into the aggregate tables
 * for days inside the published weeks, with cells of 9 among them. What a reader gets — the page's tables, the
 * charts' data-value attributes, the summaries and the four CSV files, parsed — must show no count under 10, and
 * no withheld count may follow from what is shown through the sums a reader can form across the page and the CSV
 * files (judged by test/helpers/disclosure-judge.ts, exact elimination, and by "counts are never negative").
 * Shown counts are the true ones; the CSV is the page's data; the charts are the tables' week totals; unknown
 * CSV names are 404 pages for every kind of visitor; no cookie and no personal data; a published week's figures
 * do not change when rows are added.
 */

type Jar = Record<string, string>;
type Level = (typeof adviceLevels)[number];

interface ParsedTable {
  caption: string;
  csv: string | undefined;
  rows: { label: string; values: (number | null)[] }[];
  foot: (number | null)[];
}

const withheldWords = new Set(['niet getoond', 'not shown']);

const decode = (html: string): string => textOf(html).trim();

/** A shown count (digits with a thousands separator of either language) or null where withheld. */
function countOf(text: string): number | null {
  if (withheldWords.has(text)) return null;
  assert.match(text, /^\d{1,3}([.,]\d{3})*$/, `a table cell holds a count or "not shown", not "${text}"`);
  return Number(text.replace(/[.,]/g, ''));
}

/** Every figure table of the page: caption, rows (header and cells), footer cells, and the CSV linked after it. */
function tablesOf(html: string): ParsedTable[] {
  const tables: ParsedTable[] = [];
  const pattern = /<table class="app-data-table">([\s\S]*?)<\/table>/g;
  for (let match = pattern.exec(html); match !== null; match = pattern.exec(html)) {
    const inner = match[1]!;
    const caption = decode(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(inner)?.[1] ?? '');
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(inner)?.[1] ?? '';
    const foot = /<tfoot>([\s\S]*?)<\/tfoot>/.exec(inner)?.[1] ?? '';
    const cells = (row: string) => [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => countOf(decode(cell[1]!)));
    const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => ({
      label: decode(/<th scope="row">([\s\S]*?)<\/th>/.exec(row[1]!)?.[1] ?? ''),
      values: cells(row[1]!),
    }));
    const after = html.slice(pattern.lastIndex);
    const csv = /^\s*(?:<\/div>)?\s*<p>\s*<a href="\/inzichten\/([a-z-]+)\.csv"/.exec(after)?.[1];
    tables.push({ caption, csv, rows, foot: cells(foot) });
  }
  return tables;
}

/** The charts: their accessible name and description, and each bar's data-value (null where withheld). */
function chartsOf(html: string): Map<string, { svg: string; values: (number | null)[] }> {
  const charts = new Map<string, { svg: string; values: (number | null)[] }>();
  for (const match of html.matchAll(/<svg[^>]*data-chart="([^"]+)"[\s\S]*?<\/svg>/g)) {
    // An empty attribute is drawn bare (data-value) by Preact.
    const values = [...match[0].matchAll(/data-value(?:="([^"]*)")?/g)].map((value) => {
      if (value[1] === undefined || value[1] === '') return null;
      assert.match(value[1], /^\d+$/, 'a data-value is a count or empty');
      return Number(value[1]);
    });
    charts.set(match[1]!, { svg: match[0], values });
  }
  return charts;
}

/** A CSV file as rows of fields (header first); empty field → null for counts. */
function csvRows(text: string): string[][] {
  const rows: unknown = parse(text);
  return rows as string[][];
}
const csvCount = (field: string): number | null => {
  if (field === '') return null;
  assert.match(field, /^\d+$/, `a CSV count is digits or empty, not "${field}"`);
  return Number(field);
};

for (const dialect of dialects) {
  describe(`/inzichten [${dialect}]`, () => {
    const { target: testApp, sink } = caseAppForSuite(dialect);
    const period = publicationPeriod(amsterdamDay(new Date()));
    const week = (index: number): string => period.weeks[index]!;
    const dayIn = (index: number, offset = 0): string => addDays(weekStart(week(index)), offset);

    let regions: string[] = [];
    /** The true counts inserted, per figure of the model below. */
    const truth = new Map<string, number>();
    const checkRows: { day: string; version: number; level: Level; count: number }[] = [];
    const lookupRows: { day: string; region: string; count: number }[] = [];
    const checkLookupRows: { day: string; level: Level; region: string; count: number }[] = [];
    const caseTruth: [string, number][] = [];
    const caseBlock = casePublishedWeeks(amsterdamDay(new Date()));
    const accounts: { who: string; jar: Jar; username?: string }[] = [{ who: 'a visitor', jar: {} }];

    before(async () => {
      const db = testApp.database.handle.db;
      regions = (await db.selectFrom('safety_regions').select('code').orderBy('code').execute()).map((r) => r.code);
      assert.ok(regions.length >= 3, 'the safety regions are seeded');

      // Checks: cells of 9 (a level in a week, a whole week, a whole questionnaire version), small ones, big ones.
      checkRows.push(
        { day: dayIn(0), version: 1, level: 'bel-112', count: 9 },
        { day: dayIn(0, 1), version: 1, level: 'bel-vandaag', count: 12 },
        { day: dayIn(0, 2), version: 1, level: 'vraag-advies', count: 25 },
        { day: dayIn(0, 6), version: 1, level: 'blijf-in-gesprek', count: 40 },
        { day: dayIn(1, 3), version: 2, level: 'vraag-advies', count: 9 },
        { day: dayIn(2), version: 1, level: 'bel-112', count: 3 },
        { day: dayIn(2), version: 1, level: 'vraag-advies', count: 15 },
        { day: dayIn(2, 4), version: 1, level: 'blijf-in-gesprek', count: 10 },
        { day: dayIn(2, 5), version: 1, level: 'blijf-in-gesprek', count: 20 },
      );
      for (let index = 3; index < period.weeks.length; index += 1) {
        checkRows.push(
          { day: dayIn(index, index % 7), version: 1, level: 'vraag-advies', count: 10 + index },
          { day: dayIn(index, (index + 3) % 7), version: 1, level: 'blijf-in-gesprek', count: 11 + 2 * index },
        );
      }
      // Help lookups: one region with 9 over the whole period, weeks of 2 and of 10 made of 9 + 1.
      const [regionA, regionB, regionC] = regions as [string, string, string];
      lookupRows.push(
        { day: dayIn(3, 2), region: regionA, count: 9 },
        { day: dayIn(0, 1), region: regionB, count: 30 },
        { day: dayIn(4, 6), region: regionB, count: 25 },
        { day: dayIn(1), region: regionC, count: 10 },
        { day: dayIn(2, 3), region: regionC, count: 2 },
        { day: dayIn(3, 5), region: regionC, count: 1 },
      );
      // Rows outside the published weeks are not counted.
      await db
        .insertInto('check_outcomes')
        .values([
          ...checkRows,
          { day: addDays(period.from, -1), version: 1, level: 'bel-112', count: 500 },
          { day: addDays(period.through, 1), version: 1, level: 'bel-112', count: 700 },
        ])
        .execute();
      await db
        .insertInto('help_lookups')
        .values([
          ...lookupRows.map((row) => ({ day: row.day, safety_region_code: row.region, count: row.count })),
          { day: addDays(period.through, 1), safety_region_code: regionA, count: 300 },
        ])
        .execute();

      // Checks followed by a help lookup: a cell of 9 inside the margins, a region of 9 in all.
      const [regionD] = regions.slice(3) as [string];
      checkLookupRows.push(
        { day: dayIn(0), level: 'bel-112', region: regionA, count: 9 },
        { day: dayIn(1, 2), level: 'vraag-advies', region: regionB, count: 30 },
        { day: dayIn(2, 3), level: 'vraag-advies', region: regionC, count: 40 },
        { day: dayIn(5, 1), level: 'blijf-in-gesprek', region: regionB, count: 12 },
        { day: dayIn(6, 1), level: 'bel-vandaag', region: regionC, count: 25 },
        { day: dayIn(7, 4), level: 'bel-vandaag', region: regionD, count: 9 },
      );
      await db
        .insertInto('check_lookups')
        .values([
          ...checkLookupRows.map((row) => ({
            day: row.day,
            level: row.level,
            safety_region_code: row.region,
            count: row.count,
          })),
          { day: addDays(period.through, 1), level: 'bel-112', safety_region_code: regionA, count: 400 },
        ])
        .execute();

      // The case space's measures over the case block: week 3 not complete (its rows do not count), a week
      // before the block (not counted), cells of 9 (first help the same day, a track; 9 meetings without the
      // parent invited, follows from 40 − 31; 5 agreements on time, follows from 50 − 45).
      const caseWeek = (index: number) => caseBlock[index]!;
      const before = isoWeekOf(addDays(weekStart(caseBlock[0]!), -7));
      const last = caseBlock.at(-1)!;
      await db
        .insertInto('measure_weeks')
        .values([
          ...caseBlock.map((week, index) => ({ week, through: weekEnd(week), complete: index === 3 ? 0 : 1 })),
          { week: before, through: weekEnd(before), complete: 1 },
        ])
        .execute();
      const meetings = [
        { week: caseWeek(0), mode: 'with-parents' as const, meetings: 22, parent_invited: 17, parent_took_part: 12 },
        { week: caseWeek(5), mode: 'with-parents' as const, meetings: 18, parent_invited: 14, parent_took_part: 13 },
        { week: caseWeek(3), mode: 'with-parents' as const, meetings: 100, parent_invited: 1, parent_took_part: 1 },
        { week: caseWeek(5), mode: 'professional-only' as const, meetings: 70, parent_invited: 0, parent_took_part: 0 },
        { week: before, mode: 'with-parents' as const, meetings: 50, parent_invited: 50, parent_took_part: 50 },
      ];
      await db.insertInto('measure_meetings_weekly').values(meetings).execute();
      await db
        .insertInto('measure_first_help_weekly')
        .values([
          { week: caseWeek(1), days_bucket: '0', cases: 9 },
          { week: caseWeek(2), days_bucket: '1-7', cases: 14 },
          { week: caseWeek(4), days_bucket: '1-7', cases: 6 },
          { week: caseWeek(6), days_bucket: '8-14', cases: 15 },
          { week: caseWeek(7), days_bucket: '29-90', cases: 11 },
          { week: caseWeek(3), days_bucket: '91+', cases: 60 },
          { week: before, days_bucket: '91+', cases: 70 },
        ])
        .execute();
      await db
        .insertInto('measure_agreements_weekly')
        .values([
          { week: last, open: 50, overdue: 45 },
          { week: caseWeek(0), open: 300, overdue: 200 },
        ])
        .execute();
      await db
        .insertInto('measure_tracks_weekly')
        .values([
          { week: last, track: 'zorg', cases: 9 },
          { week: last, track: 'politie', cases: 12 },
          { week: last, track: 'justitie', cases: 30 },
          { week: caseWeek(0), track: 'onderwijs', cases: 80 },
        ])
        .execute();
      caseTruth.push(
        ['m/meetings', 40],
        ['m/parent_invited', 31],
        ['m/not_invited', 9],
        ['m/parent_took_part', 25],
        ['m/not_taking_part', 15],
        ...daysBuckets.map((bucket): [string, number] => [
          `f/${bucket}`,
          { '0': 9, '1-7': 20, '8-14': 15, '15-28': 0, '29-90': 11, '91+': 0 }[bucket],
        ]),
        ['f/total', 55],
        ['a/open', 50],
        ['a/overdue', 45],
        ['a/on_time', 5],
        ['t/justitie', 30],
        ['t/politie', 12],
        ['t/zorg', 9],
      );

      // The survey: 20 answers in the published weeks (care 9 × 1, 11 × 5; police all 3; understood skipped by
      // all; next step 15 × 4 and 5 × 2), and answers of an earlier week that must not count.
      const surveyRows = Array.from({ length: 20 }, (_, index) => ({
        id: `survey-${dialect}-${index}`,
        week: week(index % 4),
        milestone: 'case-closed',
        care: index < 9 ? 1 : 5,
        police: 3,
        understood: null,
        next_step: index < 15 ? 4 : 2,
      }));
      await db
        .insertInto('survey_answers')
        .values([
          ...surveyRows,
          ...Array.from({ length: 30 }, (_, index) => ({
            id: `survey-old-${dialect}-${index}`,
            week: before,
            milestone: 'case-closed',
            care: 2,
            police: 2,
            understood: 2,
            next_step: 2,
          })),
        ])
        .execute();
      for (const question of surveyQuestions) {
        for (const score of ['1', '2', '3', '4', '5', 'none']) {
          const count = surveyRows.filter((row) =>
            score === 'none' ? row[question] === null : row[question] === Number(score),
          ).length;
          caseTruth.push([`s/${question}/${score}`, count]);
        }
      }
      caseTruth.push(['s/total', 20]);

      const add = (id: string, count: number) => truth.set(id, (truth.get(id) ?? 0) + count);
      for (const [id, count] of caseTruth) add(id, count);
      for (const region of regions) {
        add(`k/${region}`, 0);
        for (const level of adviceLevels) add(`k/${region}/${level}`, 0);
      }
      for (const level of adviceLevels) add(`k/level/${level}`, 0);
      add('k/total', 0);
      for (const row of checkLookupRows) {
        for (const id of [`k/${row.region}/${row.level}`, `k/${row.region}`, `k/level/${row.level}`, 'k/total']) {
          add(id, row.count);
        }
      }
      for (let w = 0; w < period.weeks.length; w += 1) {
        for (const level of adviceLevels) add(`c/${w}/${level}`, 0);
        add(`l/${w}`, 0);
      }
      for (const region of regions) add(`r/${region}`, 0);
      for (const row of checkRows) {
        const w = period.weeks.indexOf(isoWeekOf(row.day));
        for (const id of [`c/${w}/${row.level}`, `c/${w}/total`, `c/total/${row.level}`, 'c/total/total']) {
          add(id, row.count);
        }
        add(`v/${row.version}`, row.count);
        add('v/total', row.count);
      }
      for (const row of lookupRows) {
        const w = period.weeks.indexOf(isoWeekOf(row.day));
        for (const id of [`l/${w}`, 'l/total', `r/${row.region}`, 'r/total']) add(id, row.count);
      }
      for (let w = 0; w < period.weeks.length; w += 1) add(`c/${w}/total`, 0);
      for (const level of adviceLevels) add(`c/total/${level}`, 0);

      // Signed-in visitors of every kind (the accounts must not show on a public page).
      const parent = await buildParent(testApp, { username: `inzicht.ouder.${dialect}.${process.pid}` });
      const world = await prepareCaseWorld(testApp, sink());
      const professional: BuiltAccount = await caseProfessional(
        world,
        'care',
        `inzicht.hulp.${dialect}.${process.pid}`,
      );
      accounts.push(
        { who: 'a parent', jar: parent.cookies, username: parent.username },
        { who: 'a professional', jar: professional.cookies, username: professional.username },
        { who: 'an admin', jar: world.admins[0].cookies, username: world.admins[0].username },
      );
    });

    const get = (url: string, options: { jar?: Jar; headers?: Record<string, string> } = {}) =>
      testApp.app.inject({ method: 'GET', url, cookies: options.jar ?? {}, headers: options.headers ?? {} });

    /** The page and the four CSV files as an anonymous visitor (no cookie at all). */
    async function publication(headers: Record<string, string> = {}) {
      const page = await get('/inzichten', { headers });
      assert.equal(page.statusCode, 200);
      const csv = new Map<string, string>();
      for (const name of csvNames) {
        const file = await get(`/inzichten/${name}.csv`, { headers });
        assert.equal(file.statusCode, 200, name);
        assert.match(String(file.headers['content-type']), /^text\/csv/);
        csv.set(name, file.body);
      }
      return { page, csv };
    }

    test('the page answers 200 in Dutch and English, by the language cookie or Accept-Language', async () => {
      for (const [language, request] of [
        ['nl', { headers: { 'accept-language': 'nl-NL,nl;q=0.9' } }],
        ['en', { headers: { 'accept-language': 'en-GB,en;q=0.9' } }],
        ['nl', { jar: { taal: 'nl' } }],
        ['en', { jar: { taal: 'en' } }],
      ] as const) {
        for (const url of ['/inzichten', '/inzichten/methode']) {
          const page = await get(url, request);
          assert.equal(page.statusCode, 200, `${url} in ${language}`);
          assert.match(page.body, new RegExp(`<html lang="${language}"`), `${url} in ${language}`);
          const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(page.body)?.[1];
          assert.equal(
            heading,
            url === '/inzichten'
              ? { nl: 'Inzichten', en: 'Insights' }[language]
              : { nl: 'Inzichten: hoe we tellen', en: 'Insights: how we count' }[language],
          );
        }
      }
      const english = await get('/inzichten', { jar: { taal: 'en' } });
      assert.ok(textOf(english.body).includes('not shown'), 'withheld figures say so in English');
      const dutch = await get('/inzichten', { jar: { taal: 'nl' } });
      assert.ok(textOf(dutch.body).includes('niet getoond'));
      assert.match(dutch.body, /href="\/inzichten\/methode"/);
      assert.match(dutch.body, /<footer[\s\S]*href="\/inzichten"[\s\S]*<\/footer>/, 'the footer links to /inzichten');
    });

    test('no count under 10 is shown, none can be worked out across the page and the CSV files, and shown counts are true', async () => {
      for (const language of ['nl', 'en'] as const) {
        const { page, csv } = await publication({ 'accept-language': language });
        const tables = tablesOf(page.body);
        assert.deepEqual(
          tables.map((table) => table.csv),
          [
            'signalencheck-per-week',
            'signalencheck-per-versie',
            'signalencheck-hulp-per-regio',
            'signalencheck-hulp-per-advies',
            'hulpzoeker-per-week',
            'hulpzoeker-per-regio',
            'overleg-met-ouders',
            'tijd-tot-eerste-hulp',
            'afspraken-over-tijd',
            'sporen',
            'vragenlijst-ouders',
          ],
          'every table, each followed by its CSV link',
        );
        assert.deepEqual([...csvNames].sort(), tables.map((table) => table.csv!).sort(), 'a CSV file per table');
        const byCsv = new Map(tables.map((table) => [table.csv!, table]));
        const files = new Map([...csv].map(([name, text]) => [name, csvRows(text)]));

        // Every number a reader sees: table cells, chart data-value attributes and the bars' own text, CSV fields.
        const seen: { value: number; where: string }[] = [];
        const see = (value: number, where: string) => seen.push({ value, where });
        for (const table of tables) {
          for (const row of table.rows) {
            for (const value of row.values) if (value !== null) see(value, `${table.caption}: ${row.label}`);
          }
          for (const value of table.foot) if (value !== null) see(value, `${table.caption}: total`);
        }
        const charts = chartsOf(page.body);
        assert.deepEqual(
          [...charts.keys()],
          [
            'chart-checks',
            'chart-check-lookups',
            'chart-lookups',
            'chart-meetings',
            'chart-first-help',
            'chart-agreements',
            'chart-tracks',
            'chart-survey-care',
            'chart-survey-police',
            'chart-survey-understood',
            'chart-survey-next-step',
          ],
        );
        for (const [id, { svg, values }] of charts) {
          for (const value of values) if (value !== null) see(value, `${id} data-value`);
          for (const text of svg.matchAll(/<text class="app-chart__value"[^>]*>([^<]*)<\/text>/g)) {
            see(countOf(decode(text[1]!))!, `${id} bar text`);
          }
        }
        for (const [name, rows] of files) {
          const [header, ...body] = rows;
          const counting = header!.map(
            (column) =>
              ![
                'week',
                'version',
                'safety_region',
                'name',
                'advice_level',
                'measure',
                'days',
                'track',
                'question',
                'percent',
              ].includes(column),
          );
          for (const row of body) {
            row.forEach((field, index) => {
              if (index === 0 || !counting[index]) return;
              const value = csvCount(field);
              if (value !== null) see(value, `${name}.csv: ${row[0]} ${header![index]}`);
            });
          }
          assert.ok(body.length > 0, `${name} has rows`);
        }
        // The summaries' totals.
        for (const match of textOf(mainOf(page.body)).matchAll(/(\d[\d.,]*) (?:keer|times)/g)) {
          see(countOf(match[1]!)!, `summary: ${match[0]}`);
        }
        const small = seen.filter(({ value }) => value < 10);
        assert.deepEqual(small, [], `${language}: no count under 10 anywhere`);
        assert.ok(seen.length > 20, 'the data shows figures');

        // The model a reader can build: each figure as a cell, the sums between them, from the CSV files.
        const shown = new Map<string, number>();
        const show = (id: string, value: number | null) => {
          assert.ok(truth.has(id), `the model knows ${id}`);
          if (value !== null) {
            assert.equal(value, truth.get(id), `${id} is the true count`);
            shown.set(id, value);
          }
        };
        const levelsRows = files.get('signalencheck-per-week')!;
        assert.deepEqual(levelsRows[0], ['week', ...adviceLevels, 'total']);
        assert.deepEqual(
          levelsRows.slice(1, -1).map((row) => row[0]),
          period.weeks,
          'the published weeks, oldest first',
        );
        levelsRows.slice(1, -1).forEach((row, w) => {
          adviceLevels.forEach((level, l) => show(`c/${w}/${level}`, csvCount(row[1 + l]!)));
          show(`c/${w}/total`, csvCount(row[1 + adviceLevels.length]!));
        });
        const levelTotals = levelsRows.at(-1)!;
        assert.equal(levelTotals[0], 'total');
        adviceLevels.forEach((level, l) => show(`c/total/${level}`, csvCount(levelTotals[1 + l]!)));
        show('c/total/total', csvCount(levelTotals[1 + adviceLevels.length]!));

        const versionRows = files.get('signalencheck-per-versie')!;
        assert.deepEqual(versionRows[0], ['version', 'count']);
        assert.deepEqual(
          versionRows.slice(1, -1).map((row) => row[0]),
          ['1', '2'],
        );
        for (const row of versionRows.slice(1, -1)) show(`v/${row[0]}`, csvCount(row[1]!));
        show('v/total', csvCount(versionRows.at(-1)![1]!));

        const weekRows = files.get('hulpzoeker-per-week')!;
        assert.deepEqual(weekRows[0], ['week', 'count']);
        assert.deepEqual(
          weekRows.slice(1, -1).map((row) => row[0]),
          period.weeks,
        );
        weekRows.slice(1, -1).forEach((row, w) => show(`l/${w}`, csvCount(row[1]!)));
        show('l/total', csvCount(weekRows.at(-1)![1]!));

        const regionRows = files.get('hulpzoeker-per-regio')!;
        assert.deepEqual(regionRows[0], ['safety_region', 'name', 'count']);
        assert.deepEqual(
          regionRows.slice(1, -1).map((row) => row[0]),
          regions,
          'every safety region is listed',
        );
        for (const row of regionRows.slice(1, -1)) {
          assert.notEqual(row[1], '', `${row[0]} has its name`);
          show(`r/${row[0]}`, csvCount(row[2]!));
        }
        show('r/total', csvCount(regionRows.at(-1)![2]!));

        const checkRegionRows = files.get('signalencheck-hulp-per-regio')!;
        assert.deepEqual(checkRegionRows[0], ['safety_region', 'name', 'count']);
        assert.deepEqual(
          checkRegionRows.slice(1, -1).map((row) => row[0]),
          regions,
        );
        for (const row of checkRegionRows.slice(1, -1)) show(`k/${row[0]}`, csvCount(row[2]!));
        show('k/total', csvCount(checkRegionRows.at(-1)![2]!));
        const checkLevelRows = files.get('signalencheck-hulp-per-advies')!;
        assert.deepEqual(checkLevelRows[0], ['advice_level', 'count']);
        assert.deepEqual(
          checkLevelRows.slice(1, -1).map((row) => row[0]),
          [...adviceLevels],
        );
        for (const row of checkLevelRows.slice(1, -1)) show(`k/level/${row[0]}`, csvCount(row[1]!));
        show('k/total', csvCount(checkLevelRows.at(-1)![1]!));

        const meetingRows = files.get('overleg-met-ouders')!;
        assert.deepEqual(meetingRows[0], ['measure', 'count', 'percent']);
        assert.deepEqual(
          meetingRows.slice(1).map((row) => row[0]),
          ['meetings', 'parent_invited', 'parent_took_part'],
        );
        for (const row of meetingRows.slice(1)) show(`m/${row[0]}`, csvCount(row[1]!));
        const firstHelpRows = files.get('tijd-tot-eerste-hulp')!;
        assert.deepEqual(firstHelpRows[0], ['days', 'count']);
        assert.deepEqual(
          firstHelpRows.slice(1, -1).map((row) => row[0]),
          [...daysBuckets],
        );
        for (const row of firstHelpRows.slice(1, -1)) show(`f/${row[0]}`, csvCount(row[1]!));
        show('f/total', csvCount(firstHelpRows.at(-1)![1]!));
        const agreementRows = files.get('afspraken-over-tijd')!;
        assert.deepEqual(agreementRows[0], ['measure', 'count', 'percent']);
        assert.deepEqual(
          agreementRows.slice(1).map((row) => row[0]),
          ['open', 'overdue'],
        );
        for (const row of agreementRows.slice(1)) show(`a/${row[0]}`, csvCount(row[1]!));
        const trackRows = files.get('sporen')!;
        assert.deepEqual(trackRows[0], ['track', 'name', 'count']);
        assert.deepEqual(
          trackRows.slice(1).map((row) => row[0]),
          ['justitie', 'politie', 'zorg'],
          'the tracks of the block’s last week, no total row',
        );
        for (const row of trackRows.slice(1)) show(`t/${row[0]}`, csvCount(row[2]!));
        const surveyCsv = files.get('vragenlijst-ouders')!;
        assert.deepEqual(surveyCsv[0], ['question', '1', '2', '3', '4', '5', 'none', 'total']);
        assert.deepEqual(
          surveyCsv.slice(1).map((row) => row[0]),
          [...surveyQuestions],
        );
        for (const row of surveyCsv.slice(1)) {
          surveyCsv[0]
            .slice(1, -1)
            .forEach((score, index) => show(`s/${row[0]}/${score}`, csvCount(row[1 + index] ?? '')));
          show('s/total', csvCount(row.at(-1)!));
        }
        // Shares in percent only from shown counts: empty where either count is withheld.
        for (const rows of [meetingRows, agreementRows]) {
          const whole = csvCount(rows[1]![1]!);
          assert.equal(rows[1]![2], '', 'the whole has no share');
          for (const row of rows.slice(2)) {
            const part = csvCount(row[1]!);
            const expected = part === null || whole === null ? '' : String(Math.round((part / whole) * 100));
            assert.equal(row[2], expected, `${row[0]}: the share of shown counts, or empty`);
          }
        }

        // The page's tables hold exactly the CSV's counts, row by row (labels differ: words on the page).
        const pageCounts = (table: ParsedTable) => [
          ...table.rows.map((row) => row.values),
          ...(table.foot.length > 0 ? [table.foot] : []),
        ];
        for (const [name, from, to] of [
          ['signalencheck-per-week', 1, undefined],
          ['signalencheck-per-versie', 1, undefined],
          ['signalencheck-hulp-per-regio', 2, undefined],
          ['signalencheck-hulp-per-advies', 1, undefined],
          ['hulpzoeker-per-week', 1, undefined],
          ['hulpzoeker-per-regio', 2, undefined],
          ['overleg-met-ouders', 1, 2],
          ['tijd-tot-eerste-hulp', 1, undefined],
          ['afspraken-over-tijd', 1, 2],
          ['sporen', 2, undefined],
          ['vragenlijst-ouders', 1, undefined],
        ] as const) {
          const table = byCsv.get(name)!;
          const csvCounts = files
            .get(name)!
            .slice(1)
            .map((row) => row.slice(from, to).map(csvCount));
          assert.deepEqual(pageCounts(table), csvCounts, `${language}: the table is ${name}.csv`);
        }
        // The page's shares are the CSV's (the share cells are marked data-share, a number and a word).
        const pageShares = [...page.body.matchAll(/<td data-share[^>]*>([\s\S]*?)<\/td>/g)].map((match) =>
          decode(match[1]!),
        );
        const csvShares = [...meetingRows.slice(1), ...agreementRows.slice(1)].map((row) => row[2]);
        assert.equal(pageShares.length, csvShares.length);
        pageShares.forEach((text, index) => {
          const share = csvShares[index]!;
          if (index === 0 || index === 3) return; // the whole
          if (share === '') assert.ok(withheldWords.has(text), `share ${index} withheld: ${text}`);
          else assert.match(text, new RegExp(`^${share} (procent|percent)$`));
        });

        // The charts are the tables' week totals: the CSV's total column (checks) and count column (lookups).
        assert.deepEqual(
          charts.get('chart-checks')!.values,
          levelsRows.slice(1, -1).map((row) => csvCount(row.at(-1)!)),
          'checks chart = per-week CSV total column',
        );
        assert.deepEqual(
          charts.get('chart-lookups')!.values,
          weekRows.slice(1, -1).map((row) => csvCount(row[1]!)),
          'lookups chart = per-week CSV count column',
        );
        const column = (rows: string[][], index: number) => rows.map((row) => csvCount(row[index]!));
        for (const [chart, rows, index] of [
          ['chart-check-lookups', checkRegionRows.slice(1, -1), 2],
          ['chart-meetings', meetingRows.slice(1), 1],
          ['chart-first-help', firstHelpRows.slice(1, -1), 1],
          ['chart-agreements', agreementRows.slice(1), 1],
          ['chart-tracks', trackRows.slice(1), 2],
        ] as const) {
          assert.deepEqual(charts.get(chart)!.values, column(rows, index), `${chart} = its CSV's count column`);
        }
        for (const row of surveyCsv.slice(1)) {
          assert.deepEqual(
            charts.get(`chart-survey-${row[0]!.replace('_', '-')}`)!.values,
            row.slice(1, -1).map(csvCount),
            `survey chart ${row[0]} = its CSV row`,
          );
        }

        // The summaries' totals are the tables' totals (or say they are withheld).
        const text = textOf(mainOf(page.body));
        const summaryTotals = [...text.matchAll(/(\d[\d.,]*) (?:keer|times)/g)].map((match) => countOf(match[1]!));
        const expectedSummaries = [
          shown.get('c/total/total'),
          shown.get('k/total'),
          shown.get('l/total'),
          shown.get('s/total'),
        ].filter((v) => v !== undefined);
        assert.deepEqual(summaryTotals, expectedSummaries, 'the summaries name the shown totals only');

        // Every sum a reader can form: across the page (rows, columns, the same totals in two tables) and files.
        const sums: Sum[] = [];
        const weeks = period.weeks.map((_, w) => w);
        for (const w of weeks) sums.push({ total: `c/${w}/total`, parts: adviceLevels.map((l) => `c/${w}/${l}`) });
        for (const l of adviceLevels) sums.push({ total: `c/total/${l}`, parts: weeks.map((w) => `c/${w}/${l}`) });
        sums.push({ total: 'c/total/total', parts: weeks.map((w) => `c/${w}/total`) });
        sums.push({ total: 'c/total/total', parts: adviceLevels.map((l) => `c/total/${l}`) });
        sums.push({ total: 'v/total', parts: ['c/total/total'] });
        sums.push({ total: 'v/total', parts: ['v/1', 'v/2'] });
        sums.push({ total: 'l/total', parts: weeks.map((w) => `l/${w}`) });
        sums.push({ total: 'r/total', parts: ['l/total'] });
        sums.push({ total: 'r/total', parts: regions.map((region) => `r/${region}`) });
        for (const region of regions) {
          sums.push({ total: `k/${region}`, parts: adviceLevels.map((level) => `k/${region}/${level}`) });
        }
        for (const level of adviceLevels) {
          sums.push({ total: `k/level/${level}`, parts: regions.map((region) => `k/${region}/${level}`) });
        }
        sums.push({ total: 'k/total', parts: regions.map((region) => `k/${region}`) });
        sums.push({ total: 'k/total', parts: adviceLevels.map((level) => `k/level/${level}`) });
        sums.push({ total: 'm/meetings', parts: ['m/parent_invited', 'm/not_invited'] });
        sums.push({ total: 'm/meetings', parts: ['m/parent_took_part', 'm/not_taking_part'] });
        sums.push({ total: 'f/total', parts: daysBuckets.map((bucket) => `f/${bucket}`) });
        sums.push({ total: 'a/open', parts: ['a/overdue', 'a/on_time'] });
        for (const question of surveyQuestions) {
          sums.push({
            total: 's/total',
            parts: ['1', '2', '3', '4', '5', 'none'].map((score) => `s/${question}/${score}`),
          });
        }
        const cells: Cell[] = [...truth].map(([id, count]) => ({ id, count }));
        for (const sum of sums) for (const id of [sum.total, ...sum.parts]) assert.ok(truth.has(id), id);

        // Figures never shown by design (meetings without the parent, agreements on time, a region's checks by
        // advice level) may follow from the shown ones when they are 10 or more; every other figure not shown, and
        // any figure under 10, must not.
        const neverShown = (id: string) => /^(m\/not_|a\/on_time$|k\/VR\d{2}\/)/.test(id);
        assert.deepEqual(
          recoverable(sums, shown, cells).filter((id) => !neverShown(id) || truth.get(id)! < 10),
          [],
          `${language}: no withheld count can be worked out`,
        );
        // Counts are never negative: withheld parts whose shown siblings already make the total are all 0.
        for (const sum of sums) {
          const total = shown.get(sum.total);
          const hidden = sum.parts.filter((id) => !shown.has(id));
          if (total === undefined || hidden.length === 0) continue;
          const rest = sum.parts.reduce((acc, id) => acc + (shown.get(id) ?? 0), 0);
          assert.notEqual(rest, total, `${sum.total}: the withheld parts are not pinned to 0`);
        }
        // The cells of 9 and the other small ones are withheld (stated once more for the reader of this test).
        for (const id of [
          'c/0/bel-112',
          'c/1/vraag-advies',
          'c/1/total',
          'v/2',
          `r/${regions[0]}`,
          'l/2',
          'k/level/bel-112',
          `k/${regions[3]}`,
          'f/0',
          't/zorg',
          's/care/1',
        ]) {
          assert.ok(!shown.has(id), `${id} (${truth.get(id)}) is withheld`);
        }
      }
    });

    test('each chart has an accessible name and description and is followed by a table with a caption', async () => {
      const page = await get('/inzichten', { jar: { taal: 'nl' } });
      for (const [id, { svg }] of chartsOf(page.body)) {
        assert.match(svg, /role="img"/, id);
        assert.match(svg, new RegExp(`aria-labelledby="${id}-title ${id}-desc"`), id);
        assert.match(svg, new RegExp(`<title id="${id}-title">[^<]+</title>`), id);
        assert.match(svg, new RegExp(`<desc id="${id}-desc">[^<]+</desc>`), id);
        const after = page.body.slice(page.body.indexOf(svg) + svg.length);
        // The survey's charts (one per question) stand together before their one table.
        const next =
          id.startsWith('chart-survey-') && id !== 'chart-survey-next-step'
            ? /^\s*<\/figure>\s*<figure class="app-chart">/
            : /^\s*<\/figure>\s*<div class="app-data-table__wrapper"[^>]*>\s*<table[^>]*>\s*<caption[^>]*>[^<]+/;
        assert.match(after, next, id);
      }
    });

    test('unknown or hostile CSV names answer a 404 page, never 5xx, for every kind of visitor', async () => {
      // Names the router cannot read (a parameter over 200 characters, broken percent-encoding) get the app's
      // "this request is not valid" page (frameworkErrors in app.ts); every other unknown name is a 404 page.
      const names: [string, 404 | 400][] = [
        ['/inzichten/x.csv', 404],
        ['/inzichten/../x.csv', 404],
        ['/inzichten/..%2Fx.csv', 404],
        ['/inzichten/%2e%2e%2fx.csv', 404],
        ['/inzichten/%00', 404],
        ['/inzichten/%00.csv', 404],
        ['/inzichten/signalencheck-per-week%00.csv', 404],
        ['/inzichten/signalencheck-per-week.csv%00', 404],
        ['/inzichten/SIGNALENCHECK-PER-WEEK.csv', 404],
        ['/inzichten/signalencheck-per-week.CSV', 404],
        ['/inzichten/signalencheck-per-week', 404],
        ['/inzichten/methode.csv', 404],
        ['/inzichten/a.csv.csv', 404],
        ['/inzichten/signalencheck-per-week.csv/x', 404],
        [`/inzichten/${'a'.repeat(190)}.csv`, 404],
        [`/inzichten/${'a'.repeat(5000)}.csv`, 400],
        [`/inzichten/signalencheck-per-week${'a'.repeat(5000)}.csv`, 400],
        ['/inzichten/%E0%A4%A.csv', 400],
        ['/inzichten/%ff.csv', 400],
      ];
      for (const { who, jar } of accounts) {
        for (const [url, status] of names) {
          const response = await get(url, { jar });
          const label = `${who}: ${url.slice(0, 80)}`;
          assert.ok(response.statusCode < 500, `${label} answered ${response.statusCode}`);
          assert.equal(response.statusCode, status, label);
          assert.match(String(response.headers['content-type']), /^text\/html/, label);
          const title = status === 404 ? /Pagina niet gevonden|Page not found/ : /Dit verzoek klopt niet/;
          assert.match(response.body, title, label);
          assert.match(response.body, /href="tel:112"/, `${label}: a page of the site, with the emergency lines`);
          // (The language link's way back holds the path, as on every page; the text does not repeat it.)
          assert.ok(!mainOf(response.body).includes('a'.repeat(100)), 'the page does not echo the name');
        }
        // The real files answer everyone alike.
        for (const name of csvNames) {
          const file = await get(`/inzichten/${name}.csv`, { jar });
          assert.equal(file.statusCode, 200, `${who}: ${name}`);
        }
      }
    });

    test('the page and the CSV files set no cookie for an anonymous visitor and hold no personal data', async () => {
      // Signed-in visitors first: the page cache must not hand their frame to a visitor afterwards.
      const signedIn = new Map<string, LightMyRequestResponse>();
      for (const { who, jar } of accounts.slice(1)) {
        const page = await get('/inzichten', { jar });
        assert.equal(page.statusCode, 200, who);
        signedIn.set(who, page);
      }
      const usernames = accounts.flatMap((account) => (account.username === undefined ? [] : [account.username]));
      for (const headers of [{}, { 'accept-language': 'en' }]) {
        for (const url of ['/inzichten', '/inzichten/methode', ...csvNames.map((name) => `/inzichten/${name}.csv`)]) {
          const response = await get(url, { headers });
          assert.equal(response.statusCode, 200, url);
          assert.equal(response.headers['set-cookie'], undefined, `${url} sets no cookie`);
          for (const username of usernames) assert.ok(!response.body.includes(username), `${url} names no account`);
          assert.doesNotMatch(response.body, /[\w.+-]+@[\w-]+\.[\w.]+/, `${url} holds no e-mail address`);
          assert.doesNotMatch(
            response.body,
            /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i,
            `${url} holds no id`,
          );
          assert.doesNotMatch(textOf(response.body), /\b\d{4} ?[A-Z]{2}\b/, `${url} holds no postcode`);
          if (url.endsWith('.csv')) {
            assert.equal(response.headers['content-disposition'], `attachment; filename="${url.slice(11)}"`);
          }
        }
      }
      for (const [who, page] of signedIn) {
        for (const { username } of accounts.slice(1)) {
          if (username !== undefined) {
            const own = accounts.find((account) => account.who === who)?.username === username;
            if (!own) assert.ok(!page.body.includes(username), `${who} does not see another account's name`);
          }
        }
      }
    });

    test('the figures do not change within a publication week after rows are added', async () => {
      const first = await publication();
      const figuresBefore = await testApp.services.insights.figures();
      const db = testApp.database.handle.db;
      // New counts for published days (as an instance with a wrong clock might write) and a cell of 9.
      await db
        .updateTable('check_outcomes')
        .set((eb) => ({ count: eb('count', '+', 100) }))
        .where('day', '>=', period.from)
        .where('day', '<=', period.through)
        .execute();
      await db
        .insertInto('check_outcomes')
        .values({ day: dayIn(5, 1), version: 3, level: 'bel-112', count: 9 })
        .execute();
      await db
        .insertInto('help_lookups')
        .values({ day: dayIn(6, 2), safety_region_code: regions[1]!, count: 50 })
        .execute();
      // And in the other sources: a check lookup, a survey answer, a late meeting and a new track in the case block.
      await db
        .insertInto('check_lookups')
        .values({ day: dayIn(6, 2), level: 'bel-112', safety_region_code: regions[2]!, count: 40 })
        .execute();
      await db
        .insertInto('survey_answers')
        .values({
          id: `late-${dialect}`,
          week: week(2),
          milestone: 'case-closed',
          care: 1,
          police: 1,
          understood: 1,
          next_step: 1,
        })
        .execute();
      await db
        .updateTable('measure_meetings_weekly')
        .set((eb) => ({ meetings: eb('meetings', '+', 30) }))
        .where('week', 'in', caseBlock)
        .execute();
      await db
        .insertInto('measure_tracks_weekly')
        .values({ week: caseBlock.at(-1)!, track: 'nazorg', cases: 60 })
        .execute();
      const second = await publication();
      assert.equal(second.page.body, first.page.body, 'the page is the same');
      assert.deepEqual(second.csv, first.csv, 'every CSV file is the same');
      assert.deepEqual(await testApp.services.insights.figures(), figuresBefore, 'the service keeps its figures');
      assert.ok(!second.csv.get('signalencheck-per-versie')!.includes('\r\n3,'), 'no version 3 appeared');
    });
  });
}
