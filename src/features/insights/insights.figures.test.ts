import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { recoverable } from '../../../test/helpers/disclosure-judge.js';
import { adviceLevels } from '../check/check.schema.js';
import { addDays, isoWeekOf, weekStart } from '../../shared/time/weeks.js';
import {
  computeInsights,
  type FigureTable,
  figureSets,
  type InsightRows,
  publishedWeeks,
  weeksShown,
} from './insights.figures.js';
import { minimumCount, publish } from './suppression.js';

const today = '2026-12-08'; // a Tuesday: the week that ended on Sunday 6 December is published
const regions = ['VR01', 'VR02', 'VR03', 'VR04'];

/** Every number a table shows: cells, row totals, column totals and the grand total. */
const numbersOf = (table: FigureTable): number[] =>
  [...table.rows.flatMap((row) => [...row.values, row.total]), ...(table.columnTotals ?? []), table.total].filter(
    (value): value is number => value !== null,
  );

/** Days of the published weeks and a few days around them (which must not count). */
const days = fc
  .integer({ min: -7, max: weeksShown * 7 + 7 })
  .map((offset) => addDays(weekStart(publishedWeeks(today)[0]!), offset));

const rowsArbitrary: fc.Arbitrary<InsightRows> = fc.record({
  checkOutcomes: fc.array(
    fc.record({
      day: days,
      version: fc.constantFrom(1, 2),
      level: fc.constantFrom(...adviceLevels),
      count: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 40 })),
    }),
    { maxLength: 60 },
  ),
  helpLookups: fc.array(
    fc.record({
      day: days,
      region: fc.constantFrom(...regions),
      count: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 40 })),
    }),
    { maxLength: 60 },
  ),
  regions: fc.constant(regions),
});

describe('the insights figures', () => {
  test('a block of 12 weeks is published from the Tuesday after its last week ends', () => {
    assert.deepEqual([publishedWeeks('2025-03-24')[0], publishedWeeks('2025-03-24').at(-1)], ['2024-W41', '2024-W52']);
    assert.deepEqual([publishedWeeks('2025-03-25')[0], publishedWeeks('2025-03-25').at(-1)], ['2025-W01', '2025-W12']);
    assert.equal(publishedWeeks('2026-12-08').length, weeksShown);
    // Consecutive weeks, across a year with 53 weeks.
    const weeks = publishedWeeks('2027-01-26');
    weeks.slice(1).forEach((week, index) => assert.equal(weekStart(week), addDays(weekStart(weeks[index]!), 7)));
    assert.equal(isoWeekOf(weekStart(weeks[0]!)), weeks[0]);
  });

  test('no number under 10 appears in any table, and none can be worked out across the two views of a series', () => {
    fc.assert(
      fc.property(rowsArbitrary, (rows) => {
        const insights = computeInsights(today, rows);
        for (const table of [
          insights.checksByWeek,
          insights.checksByVersion,
          insights.lookupsByWeek,
          insights.lookupsByRegion,
        ]) {
          for (const value of numbersOf(table)) assert.ok(value >= minimumCount, `${value} is shown`);
        }
        const sets = figureSets(today, rows);
        for (const set of [sets.checks, sets.lookups]) {
          assert.deepEqual(recoverable(set.sums, publish(set).shown, set.cells), []);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('shown figures are the true counts of the published weeks; days outside them do not count', () => {
    fc.assert(
      fc.property(rowsArbitrary, (rows) => {
        const insights = computeInsights(today, rows);
        const inWeeks = (day: string) => day >= insights.from && day <= insights.through;
        const trueChecks = rows.checkOutcomes.filter((row) => inWeeks(row.day)).reduce((a, row) => a + row.count, 0);
        if (insights.checksByWeek.total !== null) assert.equal(insights.checksByWeek.total, trueChecks);
        insights.checksByWeek.rows.forEach((row) => {
          const truth = rows.checkOutcomes
            .filter((outcome) => isoWeekOf(outcome.day) === row.key && inWeeks(outcome.day))
            .reduce((a, outcome) => a + outcome.count, 0);
          if (row.total !== null) assert.equal(row.total, truth);
        });
        for (const row of insights.lookupsByRegion.rows) {
          const truth = rows.helpLookups
            .filter((lookup) => lookup.region === row.key && inWeeks(lookup.day))
            .reduce((a, lookup) => a + lookup.count, 0);
          if (row.values[0] !== null) assert.equal(row.values[0], truth);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('with plenty of checks every figure is shown', () => {
    const weeks = publishedWeeks(today);
    const rows: InsightRows = {
      checkOutcomes: weeks.flatMap((week) =>
        adviceLevels.map((level) => ({ day: weekStart(week), version: 2, level, count: 25 })),
      ),
      helpLookups: [],
      regions: [],
    };
    const insights = computeInsights(today, rows);
    assert.equal(insights.checksByWeek.total, 25 * adviceLevels.length * weeks.length);
    assert.ok(insights.checksByWeek.rows.every((row) => row.values.every((value) => value === 25)));
    assert.deepEqual(insights.checksByVersion.rows, [{ key: '2', values: [insights.checksByWeek.total], total: null }]);
  });
});
