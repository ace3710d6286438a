import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { recoverable } from '../../../test/helpers/disclosure-judge.js';
import { adviceLevels } from '../check/check.schema.js';
import { addDays } from '../../shared/time/weeks.js';
import { weeksToCompute } from '../cases/case-measures.js';
import { casePublishedWeeks, figureSets, type InsightRows, publishedWeeks } from './insights.figures.js';
import { type Cell, type FigureSet, publish, type Sum } from './suppression.js';

/*
 * Subtraction across two publications (issue 18: "including by subtraction across two views"). With totals over
 * a window that moves a week at a time, total(next) − total(this) = newest week − dropped week, and a withheld
 * newest week follows from a shown dropped one. The page shows fixed blocks of 12 weeks instead: two
 * publications either show the same block or share no week. Checked as a property: the figures of any two
 * publication days, put together (a week's cells are the same cells in both; each publication's totals are its
 * own), leave no withheld count that the exact judge can solve for.
 */

const regions = ['VR01', 'VR02', 'VR03'];
const firstDay = '2026-06-01';
const days = fc.integer({ min: 0, max: 200 }).map((offset) => addDays(firstDay, offset));

const rowsArbitrary: fc.Arbitrary<InsightRows> = fc.record({
  checkOutcomes: fc.array(
    fc.record({
      day: days,
      version: fc.constant(1),
      level: fc.constantFrom(...adviceLevels),
      count: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 30 })),
    }),
    { maxLength: 50 },
  ),
  helpLookups: fc.array(
    fc.record({
      day: days,
      region: fc.constantFrom(...regions),
      count: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 30 })),
    }),
    { maxLength: 50 },
  ),
  regions: fc.constant(regions),
});

/** A publication's cells and sums, its totals renamed so that two publications' totals stay apart. */
function tagged(set: FigureSet, tag: string, weeks: readonly string[]): FigureSet {
  const isWeekCell = (id: string) => weeks.some((week) => id.includes(`/${week}/`));
  const name = (id: string) => (isWeekCell(id) ? id : `${tag}:${id}`);
  return {
    cells: set.cells.map((cell) => ({ id: name(cell.id), count: cell.count })),
    sums: set.sums.map((sum) => ({ total: name(sum.total), parts: sum.parts.map(name) })),
  };
}

function together(a: FigureSet, b: FigureSet): { cells: Cell[]; sums: Sum[] } {
  const cells = new Map<string, Cell>();
  for (const cell of [...a.cells, ...b.cells]) cells.set(cell.id, cell);
  return { cells: [...cells.values()], sums: [...a.sums, ...b.sums] };
}

describe('the published figures over time', () => {
  test('two publications show the same block of weeks or share no week', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 800 }), (a, b) => {
        const first = publishedWeeks(addDays('2025-01-01', a));
        const second = publishedWeeks(addDays('2025-01-01', b));
        const shared = first.filter((week) => second.includes(week));
        assert.ok(shared.length === 0 || shared.length === first.length, `${first.join()} / ${second.join()}`);
      }),
    );
  });

  test('no withheld count follows from two publications put together', () => {
    fc.assert(
      // Days a few weeks apart, where moving windows would overlap.
      fc.property(rowsArbitrary, days, fc.integer({ min: 0, max: 5 }), (rows, one, weeksLater) => {
        const other = addDays(one, weeksLater * 7);
        const first = figureSets(one, rows);
        const second = figureSets(other, rows);
        for (const kind of ['checks', 'lookups'] as const) {
          const a = tagged(first[kind], 'a', first.weeks);
          const b = tagged(second[kind], 'b', second.weeks);
          const shown = new Map([...publish(a).shown, ...publish(b).shown]);
          const all = together(a, b);
          assert.deepEqual(recoverable(all.sums, shown, all.cells), [], `${one} and ${other}`);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('the case figures show no week the daily measures run can still rewrite, in blocks that never overlap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 1500 }), (a, b) => {
        const day = addDays('2025-01-01', a);
        const block = casePublishedWeeks(day);
        // The run of any day up to this one writes its previous and current week only (ADR 0032).
        for (let back = 0; back <= 14; back += 1) {
          for (const week of weeksToCompute(addDays(day, back))) {
            assert.ok(!block.includes(week), `${week} can still change on ${addDays(day, back)}, shown on ${day}`);
          }
        }
        const other = casePublishedWeeks(addDays('2025-01-01', b));
        const shared = block.filter((week) => other.includes(week));
        assert.ok(shared.length === 0 || shared.length === block.length);
      }),
    );
  });
});
