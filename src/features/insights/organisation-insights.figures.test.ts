import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { recoverable } from '../../../test/helpers/disclosure-judge.js';
import { daysBuckets, type OrganisationMeasureRow } from '../cases/case-measures.js';
import { addDays } from '../../shared/time/weeks.js';
import {
  computeOrganisationInsights,
  figureNames,
  organisationFigureSets,
  organisationPublication,
} from './organisation-insights.figures.js';
import { publicationPeriod } from './insights.figures.js';

/*
 * The figures per region before and after disclosure control (ADR 0048), pure: flows add up over the block and
 * states are read in its last week; no shown figure is under 10 (0 included); no withheld figure can be solved for
 * from the shown ones through the declared sums (the exact judge of test/helpers/disclosure-judge.ts, a different
 * method from the code's); shown figures are the true ones; the block is /inzichten's, one week later.
 */

const today = '2027-03-10';
const { weeks } = organisationPublication(today);
const regions = ['VR01', 'VR02', 'VR03'];
const tracks = ['melding', 'zorg'];

const row = (week: string, region: string, measure: string, count: number): OrganisationMeasureRow => ({
  week,
  organisationId: 'org1',
  region,
  measure,
  count,
});

test('the block is one of the fixed blocks of /inzichten, published one week later than there', () => {
  for (let offset = 0; offset < 200; offset += 1) {
    const day = addDays('2026-01-01', offset);
    assert.deepEqual(organisationPublication(day).weeks, publicationPeriod(addDays(day, -7)).weeks);
    assert.equal(organisationPublication(day).weeks.length, 12);
  }
});

test('flows are added up over the weeks, states are read in the last week, and cells of 9 are withheld', () => {
  const last = weeks[weeks.length - 1]!;
  const insights = computeOrganisationInsights(today, {
    rows: [
      row(weeks[0]!, 'VR01', 'cases.started', 6),
      row(weeks[5]!, 'VR01', 'cases.started', 6),
      row(weeks[2]!, 'VR02', 'cases.started', 15),
      row(weeks[3]!, 'VR03', 'cases.started', 9),
      row(weeks[3]!, 'unknown', 'cases.started', 20),
      row(weeks[4]!, 'VR01', 'cases.open', 50),
      row(last, 'VR01', 'cases.open', 30),
      row(last, 'VR02', 'cases.open', 40),
      row(last, 'unknown', 'cases.open', 11),
      row(last, 'VR03', 'cases.open', 12),
      // Outside the block: not counted.
      row('2020-W01', 'VR01', 'cases.started', 500),
    ],
    regions,
    tracks,
  });
  const cases = insights.figures.zaken;
  assert.deepEqual(
    cases.rows.map((one) => one.region),
    ['VR01', 'VR02', 'VR03', 'unknown'],
  );
  assert.deepEqual(
    cases.rows.map((one) => one.values[0]),
    [null, 15, null, 20],
  );
  // With the total shown, VR03's 9 would follow from the others: the smallest other region is withheld too.
  assert.equal(cases.columnTotals[0], 56);
  assert.deepEqual(
    cases.rows.map((one) => one.values[2]),
    [30, 40, 12, 11],
  );
  assert.equal(cases.columnTotals[2], 93);
  // A column of zeros: every cell withheld, the total too.
  assert.deepEqual(
    cases.rows.map((one) => one.values[1]),
    [null, null, null, null],
  );
  assert.equal(cases.columnTotals[1], null);
  assert.deepEqual(insights.figures['eerste-hulp'].columns, [...daysBuckets]);
  assert.deepEqual(insights.figures.trajecten.columns, tracks);
});

const measures = [
  'cases.started',
  'cases.closed',
  'cases.open',
  'cases.waiting_for_help',
  'meetings',
  'meetings.parent_invited',
  'meetings.parent_took_part',
  ...daysBuckets.map((bucket) => `first_help.${bucket}`),
  'agreements.open',
  'agreements.overdue',
  ...tracks.map((track) => `tracks.${track}`),
];

const count = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 40 }), fc.constant(9));
const rowsArbitrary = fc.array(
  fc.record({
    week: fc.constantFrom(...weeks),
    region: fc.constantFrom(...regions, 'unknown'),
    measure: fc.constantFrom(...measures),
    count,
  }),
  { maxLength: 80 },
);

test('property: nothing under 10 is shown, nothing withheld can be solved for, and shown figures are true', () => {
  fc.assert(
    fc.property(rowsArbitrary, (generated) => {
      // One row per week, region and measure, as the table's key has it.
      const unique = new Map(generated.map((one) => [`${one.week}|${one.region}|${one.measure}`, one]));
      const rows = [...unique.values()].map((one) => row(one.week, one.region, one.measure, one.count));
      const input = { rows, regions, tracks };
      const { sets } = organisationFigureSets(today, input);
      const insights = computeOrganisationInsights(today, input);
      for (const name of figureNames) {
        const set = sets[name];
        const truth = new Map(set.cells.map((cell) => [cell.id, cell.count]));
        const table = insights.figures[name];
        const shown = new Map<string, number>();
        const see = (id: string, value: number | null) => {
          if (value === null) return;
          assert.ok(value >= 10, `${id} shows ${value}`);
          assert.equal(value, truth.get(id), id);
          shown.set(id, value);
        };
        for (const one of table.rows) {
          table.columns.forEach((column, index) => see(`${name}/${one.region}/${column}`, one.values[index]!));
          if (table.rowTotals) see(`${name}/${one.region}/total`, one.total);
        }
        table.columns.forEach((column, index) => see(`${name}/total/${column}`, table.columnTotals[index]!));
        if (table.rowTotals) see(`${name}/total/total`, table.total);
        assert.deepEqual(recoverable(set.sums, shown, set.cells), [], name);
      }
    }),
    { numRuns: 150 },
  );
});
