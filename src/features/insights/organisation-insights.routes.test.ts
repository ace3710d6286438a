import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { caseProfessional, prepareCaseWorld } from '../../../test/helpers/case-factories.js';
import { caseAppForSuite } from '../../../test/helpers/case-setup.js';
import { dialects } from '../../../test/helpers/databases.js';
import { recoverable } from '../../../test/helpers/disclosure-judge.js';
import { buildAdmin, buildParent, buildProfessional } from '../../../test/helpers/factories.js';
import { textOf } from '../../../test/helpers/html-text.js';
import { amsterdamDay } from '../../shared/time/amsterdam.js';
import type { OrganisationMeasureRow } from '../cases/case-measures.js';
import { figureNames, organisationFigureSets, organisationPublication } from './organisation-insights.figures.js';

/*
 * The figures per region of an organisation's own cases over HTTP on both databases (issue 18 point 4, ADR 0048).
 * Rows are written straight into measure_organisation_weekly for the published block: organisation X with cells
 * of 9 among them, organisation Y with counts that appear nowhere else, and every organisation together ('*').
 * X's coordinator gets X's figures only and an admin the '*' figures only, each page and CSV with no count under
 * 10 and none that can be solved for across the page and its CSV files (the exact judge); anyone else gets 404
 * for both pages and every CSV file.
 */

type Jar = Record<string, string>;

/** A CSV file as rows of fields (header first). */
function csvRecords(text: string): string[][] {
  const records: unknown = parse(text);
  return records as string[][];
}

const withheldWords = new Set(['niet getoond', 'not shown']);

function countOf(text: string): number | null {
  if (withheldWords.has(text)) return null;
  assert.match(text, /^\d{1,3}([.,]\d{3})*$/, `a table cell holds a count or "not shown", not "${text}"`);
  return Number(text.replace(/[.,]/g, ''));
}

interface ParsedTable {
  rows: { label: string; values: (number | null)[] }[];
  foot: (number | null)[];
  csvHref: string | undefined;
}

/** The page's figure tables by the figure name in their caption's id. */
function tablesOf(html: string): Map<string, ParsedTable> {
  const tables = new Map<string, ParsedTable>();
  const pattern = /<table class="app-data-table">([\s\S]*?)<\/table>/g;
  for (let match = pattern.exec(html); match !== null; match = pattern.exec(html)) {
    const inner = match[1]!;
    const name = /<caption id="([a-z-]+)-caption"/.exec(inner)?.[1];
    assert.ok(name !== undefined, 'every table has a named caption');
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(inner)?.[1] ?? '';
    const foot = /<tfoot>([\s\S]*?)<\/tfoot>/.exec(inner)?.[1] ?? '';
    const cells = (row: string) =>
      [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => countOf(textOf(cell[1]!).trim()));
    const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => ({
      label: textOf(/<th scope="row">([\s\S]*?)<\/th>/.exec(row[1]!)?.[1] ?? '').trim(),
      values: cells(row[1]!),
    }));
    const csvHref = /^\s*<\/div>\s*<p>\s*<a href="([^"]+)"/.exec(html.slice(pattern.lastIndex))?.[1];
    tables.set(name, { rows, foot: cells(foot), csvHref });
  }
  return tables;
}

/** Every chart's bar values (null where withheld). */
function chartValues(html: string): number[] {
  const values: number[] = [];
  for (const match of html.matchAll(/<svg[^>]*data-chart="[^"]+"[\s\S]*?<\/svg>/g)) {
    for (const value of match[0].matchAll(/data-value="(\d+)"/g)) values.push(Number(value[1]));
  }
  return values;
}

for (const dialect of dialects) {
  describe(`figures per region of an organisation's cases [${dialect}]`, () => {
    const { target: testApp, sink } = caseAppForSuite(dialect);
    const { weeks } = organisationPublication(amsterdamDay(new Date()));
    const last = weeks[weeks.length - 1]!;
    let regions: string[] = [];
    let organisationX = '';
    let organisationY = '';
    const rows: OrganisationMeasureRow[] = [];
    const jars = new Map<string, Jar>();
    /** Counts only Y's rows hold: they must appear on no page or file of X. */
    const onlyY = [4321, 4327, 4339];

    before(async () => {
      const db = testApp.database.handle.db;
      regions = (await db.selectFrom('safety_regions').select('code').orderBy('code').execute()).map((r) => r.code);
      assert.ok(regions.length >= 3, 'the safety regions are seeded');
      const world = await prepareCaseWorld(testApp, sink());
      organisationX = world.organisationId;
      const other = await db
        .selectFrom('organisations')
        .select('id')
        .where('id', '!=', organisationX)
        .orderBy('slug')
        .executeTakeFirstOrThrow();
      organisationY = other.id;
      await db.updateTable('organisations').set({ verified: 1 }).where('id', '=', organisationY).execute();

      const [r1, r2, r3] = regions as [string, string, string];
      const add = (organisationId: string, week: string, region: string, measure: string, count: number) =>
        rows.push({ week, organisationId, region, measure, count });
      // X: a region of 9 cases started (withheld, and another with it), 0 in most regions, big enough elsewhere.
      add(organisationX, weeks[0]!, r1, 'cases.started', 9);
      add(organisationX, weeks[1]!, r2, 'cases.started', 14);
      add(organisationX, weeks[2]!, r3, 'cases.started', 25);
      add(organisationX, weeks[3]!, 'unknown', 'cases.started', 31);
      add(organisationX, last, r1, 'cases.open', 40);
      add(organisationX, last, r2, 'cases.open', 9);
      add(organisationX, last, r2, 'cases.waiting_for_help', 9);
      add(organisationX, weeks[4]!, r3, 'meetings', 12);
      add(organisationX, weeks[5]!, r3, 'meetings', 12);
      add(organisationX, weeks[5]!, r3, 'meetings.parent_invited', 9);
      add(organisationX, weeks[6]!, r1, 'first_help.1-7', 9);
      add(organisationX, weeks[6]!, r1, 'first_help.8-14', 13);
      add(organisationX, weeks[7]!, r2, 'first_help.1-7', 22);
      add(organisationX, weeks[7]!, r2, 'first_help.91+', 1);
      add(organisationX, last, r3, 'agreements.open', 19);
      add(organisationX, last, r3, 'agreements.overdue', 9);
      // Y: counts big enough to be shown on Y's page, but never on X's.
      add(organisationY, weeks[1]!, r1, 'cases.started', onlyY[0]!);
      add(organisationY, last, r2, 'cases.open', onlyY[1]!);
      add(organisationY, weeks[2]!, r3, 'meetings', onlyY[2]!);
      // Every organisation together.
      add('*', weeks[0]!, r1, 'cases.started', 120);
      add('*', weeks[0]!, r2, 'cases.started', 9);
      add('*', weeks[0]!, r3, 'cases.started', 80);
      add('*', last, r1, 'cases.open', 300);
      await db
        .insertInto('measure_organisation_weekly')
        .values(
          rows.map((row) => ({
            week: row.week,
            organisation_id: row.organisationId,
            region: row.region,
            measure: row.measure,
            count: row.count,
          })),
        )
        .execute();

      const coordinatorX = await caseProfessional(world, 'coordinator', `orgcijfers.x.${dialect}.${process.pid}`);
      const coordinatorY = await buildProfessional(testApp, {
        username: `orgcijfers.y.${dialect}.${process.pid}`,
        invitedBy: world.admins[0],
        sink: sink(),
        organisationId: organisationY,
        role: 'coordinator',
        activatedBy: world.admins,
      });
      const careX = await caseProfessional(world, 'care', `orgcijfers.zorg.${dialect}.${process.pid}`);
      const police = await caseProfessional(world, 'police', `orgcijfers.politie.${dialect}.${process.pid}`);
      const parent = await buildParent(testApp, { username: `orgcijfers.ouder.${dialect}.${process.pid}` });
      const editor = await buildAdmin(testApp, {
        username: `orgcijfers.red.${dialect}.${process.pid}`,
        role: 'editor',
      });
      const reviewer = await buildAdmin(testApp, {
        username: `orgcijfers.con.${dialect}.${process.pid}`,
        role: 'reviewer',
      });
      jars.set('anonymous', {});
      jars.set('coordinator of X', coordinatorX.cookies);
      jars.set('coordinator of Y', coordinatorY.cookies);
      jars.set('care worker of X', careX.cookies);
      jars.set('police officer', police.cookies);
      jars.set('parent', parent.cookies);
      jars.set('editor', editor.cookies);
      jars.set('reviewer', reviewer.cookies);
      jars.set('admin', world.admins[0].cookies);
    });

    const get = (url: string, jar: Jar) => testApp.app.inject({ method: 'GET', url, cookies: jar });

    test('each page and CSV file answers its own readers only; everyone else, and bad or hostile file names, a 4xx page', async () => {
      const allowed: Record<string, string[]> = {
        '/organisatie/inzichten': ['coordinator of X', 'coordinator of Y'],
        '/beheer/inzichten': ['admin'],
      };
      for (const [base, readers] of Object.entries(allowed)) {
        for (const [who, jar] of jars) {
          for (const url of [base, ...figureNames.map((name) => `${base}/${name}.csv`)]) {
            const response = await get(url, jar);
            const expected = readers.includes(who) ? 200 : 404;
            assert.equal(response.statusCode, expected, `${who}: ${url}`);
            if (expected === 404) {
              assert.match(response.body, /<html lang="nl"/, `${who}: ${url} is a page in Dutch`);
              assert.doesNotMatch(response.body, /orgInsights|4321|app-data-table/, `${who}: ${url}`);
            }
          }
        }
      }
      const bad = [
        'onbekend.csv',
        'zaken.txt',
        'zaken',
        '..%2Fzaken.csv',
        '%3Cscript%3Ealert(1)%3C%2Fscript%3E.csv',
        'zaken%00.csv',
        'zaken.csv%0D%0ASet-Cookie:%20x=1',
        `${'a'.repeat(300)}.csv`,
      ];
      // For every kind of visitor, readers or not, on both pages: a page in Dutch that says what went wrong.
      for (const base of Object.keys(allowed)) {
        for (const [who, jar] of jars) {
          for (const name of bad) {
            const response = await get(`${base}/${name}`, jar);
            // Not found; a name too long for the router is refused as a bad request before it.
            assert.equal(response.statusCode, name.length > 100 ? 400 : 404, `${who}: ${base}/${name}`);
            assert.match(
              response.body,
              name.length > 100
                ? /<html lang="nl"[\s\S]*Dit verzoek klopt niet/
                : /<html lang="nl"[\s\S]*Pagina niet gevonden/,
              `${who}: ${base}/${name} is a page in Dutch that says what went wrong`,
            );
            assert.doesNotMatch(response.body, /<script>alert/, `${who}: ${base}/${name}: nothing echoed as markup`);
            assert.doesNotMatch(String(response.headers['set-cookie'] ?? ''), /x=1/, `${who}: no header injected`);
          }
        }
      }
    });

    /** What a reader of `base` gets: the page's tables and charts and the CSV files, checked against the truth. */
    async function judge(base: string, jar: Jar, organisationId: string, language: 'nl' | 'en') {
      const page = await testApp.app.inject({
        method: 'GET',
        url: base,
        cookies: { ...jar, taal: language },
      });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`<html lang="${language}"`));
      const tables = tablesOf(page.body);
      const today = amsterdamDay(new Date());
      // The pathway's tracks, as the track file names them (the columns after the region's code and name).
      const trackFile = await get(`${base}/trajecten.csv`, jar);
      const tracks = csvRecords(trackFile.body)[0]!.slice(2);
      const input = {
        rows: rows.filter((row) => row.organisationId === organisationId),
        regions,
        tracks,
      };
      const { sets } = organisationFigureSets(today, input);
      const seen: number[] = [...chartValues(page.body)];
      for (const name of figureNames) {
        const set = sets[name];
        const truth = new Map(set.cells.map((cell) => [cell.id, cell.count]));
        const columns = set.sums.filter((sum) => sum.total.startsWith(`${name}/total/`)).length;
        if (name === 'trajecten' && columns === 0) {
          assert.ok(!tables.has(name), 'no track table without tracks');
          continue;
        }
        const table = tables.get(name);
        assert.ok(table !== undefined, `${name} has a table`);
        assert.equal(table.csvHref, `${base}/${name}.csv`, `${name}'s table links to its CSV`);
        const file = await get(`${base}/${name}.csv`, jar);
        assert.equal(file.statusCode, 200);
        assert.match(String(file.headers['content-type']), /^text\/csv/);
        assert.equal(file.headers['cache-control'], 'no-store');
        const records = csvRecords(file.body);
        const header = records[0]!;
        const columnKeys = header.slice(2).filter((key) => key !== 'total');
        const rowTotals = header.includes('total');
        const regionOrder = [...regions, 'unknown'];
        // The CSV is the table: the same cells, withheld as an empty field.
        assert.equal(records.length, regionOrder.length + 2);
        const shown = new Map<string, number>();
        const see = (id: string, value: number | null, where: string) => {
          if (value === null) return;
          assert.ok(value >= 10, `${where}: ${id} shows ${value}`);
          assert.equal(value, truth.get(id), `${where}: ${id} is the true count`);
          shown.set(id, value);
          seen.push(value);
        };
        const csvCount = (field: string): number | null => (field === '' ? null : Number(field));
        regionOrder.forEach((region, index) => {
          const record = records[index + 1]!;
          const htmlRow = table.rows[index]!;
          assert.equal(record[0], region);
          columnKeys.forEach((key, column) => {
            const id = `${name}/${region}/${key}`;
            assert.equal(csvCount(record[2 + column]!), htmlRow.values[column], `CSV = table at ${id}`);
            see(id, htmlRow.values[column]!, 'table');
          });
          if (rowTotals) {
            assert.equal(csvCount(record.at(-1)!), htmlRow.values.at(-1));
            see(`${name}/${region}/total`, htmlRow.values.at(-1)!, 'table');
          }
        });
        const totals = records.at(-1)!;
        assert.equal(totals[0], 'total');
        columnKeys.forEach((key, column) => {
          assert.equal(csvCount(totals[2 + column]!), table.foot[column]);
          see(`${name}/total/${key}`, table.foot[column]!, 'footer');
        });
        if (rowTotals) see(`${name}/total/total`, table.foot.at(-1)!, 'footer');
        assert.deepEqual(recoverable(set.sums, shown, set.cells), [], `${name}: nothing can be worked out`);
      }
      // The charts and the summaries show only what the tables show.
      const text = textOf(page.body);
      for (const value of seen) assert.ok(value >= 10, `a chart or table shows ${value}`);
      for (const section of page.body.matchAll(
        /<section class="app-section"[^>]*>\s*<h2[^>]*>[\s\S]*?<\/h2>\s*<p>([\s\S]*?)<\/p>/g,
      )) {
        for (const number of textOf(section[1]!).matchAll(/\d{1,3}(?:[.,]\d{3})*/g)) {
          const value = Number(number[0].replace(/[.,]/g, ''));
          assert.ok(value >= 10 && seen.includes(value), `a summary says ${value}`);
        }
      }
      return { page: page.body, text };
    }

    test("X's coordinator: X's figures only, nothing under 10 and nothing recoverable, in Dutch and English", async () => {
      for (const language of ['nl', 'en'] as const) {
        const { page, text } = await judge(
          '/organisatie/inzichten',
          jars.get('coordinator of X')!,
          organisationX,
          language,
        );
        for (const value of onlyY) {
          assert.ok(!page.includes(String(value)) && !page.includes(value.toLocaleString('nl-NL')), `Y's ${value}`);
        }
        assert.ok(text.includes(language === 'nl' ? 'niet getoond' : 'not shown'));
        // Shown where big enough: 25 and 31 cases started, 40 open, the 24 meetings of one region.
        for (const value of ['25', '31', '40', '24']) assert.ok(text.includes(value), value);
      }
      for (const name of figureNames) {
        const file = await get(`/organisatie/inzichten/${name}.csv`, jars.get('coordinator of X')!);
        for (const value of onlyY) assert.ok(!file.body.includes(String(value)), `${name}.csv holds Y's ${value}`);
      }
    });

    test("Y's coordinator sees Y's figures, not X's", async () => {
      const { text } = await judge('/organisatie/inzichten', jars.get('coordinator of Y')!, organisationY, 'nl');
      assert.ok(text.includes('4.321') || text.includes('4321'), "Y's own count is shown");
      assert.ok(!/\b31\b/.test(text) && !/\b40\b/.test(text), "none of X's shown counts");
    });

    test('an admin sees every organisation together, by the same rules', async () => {
      const { text } = await judge('/beheer/inzichten', jars.get('admin')!, '*', 'nl');
      assert.ok(text.includes('120') && text.includes('300'));
      for (const value of onlyY) assert.ok(!text.includes(String(value)));
    });

    test('the figures of a block are kept: rows written later do not change the page', async () => {
      const jar = jars.get('coordinator of X')!;
      const before = tablesOf((await get('/organisatie/inzichten', jar)).body);
      await testApp.database.handle.db
        .insertInto('measure_organisation_weekly')
        .values({ week: last, organisation_id: organisationX, region: 'unknown', measure: 'cases.open', count: 77 })
        .execute();
      const after = tablesOf((await get('/organisatie/inzichten', jar)).body);
      assert.deepEqual([...after], [...before]);
      await testApp.database.handle.db
        .deleteFrom('measure_organisation_weekly')
        .where('count', '=', 77)
        .where('organisation_id', '=', organisationX)
        .execute();
    });
  });
}
