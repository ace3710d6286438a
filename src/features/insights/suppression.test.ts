import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { recoverable } from '../../../test/helpers/disclosure-judge.js';
import { type Cell, type FigureSet, minimumCount, publish, type Sum } from './suppression.js';

/*
 * The promise (issue 18): a count under 10 never appears in a chart, table, CSV or total, not even by
 * subtraction across two views. Checked as a property over generated figure sets of the shapes the insights use
 * (a series with a total, a table with row and column totals, one total split two ways, weeks summed into a
 * longer period), with an independent judge: exact integer elimination (BigInt), not the modular arithmetic the
 * code uses.
 */

const count = fc.oneof(
  fc.integer({ min: 0, max: 12 }),
  fc.integer({ min: 0, max: 60 }),
  fc.integer({ min: 0, max: 400 }),
);

/** A series of parts and their total, e.g. one week's checks by advice level. */
const line = (prefix: string, values: number[]): { cells: Cell[]; sums: Sum[] } => {
  const cells = values.map((value, index) => ({ id: `${prefix}/${index}`, count: value }));
  const total = { id: `${prefix}/total`, count: values.reduce((a, b) => a + b, 0) };
  return { cells: [...cells, total], sums: [{ total: total.id, parts: cells.map((cell) => cell.id) }] };
};

/** A table with row totals, column totals and a grand total (e.g. weeks × regions). */
const table = (values: number[][]): FigureSet => {
  const cells: Cell[] = [];
  const sums: Sum[] = [];
  const columns = values[0]!.length;
  values.forEach((row, r) => row.forEach((value, c) => cells.push({ id: `t/${r}/${c}`, count: value })));
  values.forEach((row, r) => {
    cells.push({ id: `t/${r}/total`, count: row.reduce((a, b) => a + b, 0) });
    sums.push({ total: `t/${r}/total`, parts: row.map((_, c) => `t/${r}/${c}`) });
  });
  for (let c = 0; c < columns; c += 1) {
    cells.push({ id: `t/total/${c}`, count: values.reduce((a, row) => a + row[c]!, 0) });
    sums.push({ total: `t/total/${c}`, parts: values.map((_, r) => `t/${r}/${c}`) });
  }
  const grand = values.flat().reduce((a, b) => a + b, 0);
  cells.push({ id: 't/total/total', count: grand });
  sums.push({ total: 't/total/total', parts: values.map((_, r) => `t/${r}/total`) });
  sums.push({ total: 't/total/total', parts: Array.from({ length: columns }, (_, c) => `t/total/${c}`) });
  return { cells, sums };
};

/** One total split two ways (by advice level on one page, by region on another), both views listed. */
const twoViews = (levels: number[], regionsButLast: number[]): FigureSet => {
  const total = levels.reduce((a, b) => a + b, 0);
  const regions = [...regionsButLast];
  let rest = total;
  for (let index = 0; index < regions.length; index += 1) {
    regions[index] = Math.min(regions[index]!, rest);
    rest -= regions[index]!;
  }
  regions.push(rest);
  const byLevel = line('level', levels);
  const byRegion = line('region', regions);
  const cells = [...byLevel.cells.filter((cell) => cell.id !== 'region/total')];
  for (const cell of byRegion.cells) if (cell.id !== 'region/total') cells.push(cell);
  return {
    cells,
    sums: [byLevel.sums[0]!, { total: 'level/total', parts: byRegion.sums[0]!.parts }],
  };
};

/** Weeks, each split by level, and the period's total over the weeks' totals. */
const weeksAndPeriod = (weeks: number[][]): FigureSet => {
  const cells: Cell[] = [];
  const sums: Sum[] = [];
  weeks.forEach((values, index) => {
    const week = line(`week${index}`, values);
    cells.push(...week.cells);
    sums.push(...week.sums);
  });
  const period = weeks.flat().reduce((a, b) => a + b, 0);
  cells.push({ id: 'period', count: period });
  sums.push({ total: 'period', parts: weeks.map((_, index) => `week${index}/total`) });
  return { cells, sums };
};

const sets: fc.Arbitrary<FigureSet> = fc.oneof(
  fc.array(count, { minLength: 1, maxLength: 8 }).map((values) => {
    const { cells, sums } = line('series', values);
    return { cells, sums };
  }),
  fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
    .chain(([rows, columns]) =>
      fc.array(fc.array(count, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
    )
    .map(table),
  fc
    .tuple(fc.array(count, { minLength: 1, maxLength: 5 }), fc.array(count, { minLength: 0, maxLength: 5 }))
    .map(([levels, regions]) => twoViews(levels, regions)),
  fc.array(fc.array(count, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }).map(weeksAndPeriod),
);

describe('publishing figures', () => {
  test('no count under 10 is ever shown, and every shown count is the true one', () => {
    fc.assert(
      fc.property(sets, (set) => {
        const { shown } = publish(set);
        const truth = new Map(set.cells.map((cell) => [cell.id, cell.count]));
        for (const [id, value] of shown) {
          assert.ok(value >= minimumCount, `${id} = ${value} is shown`);
          assert.equal(value, truth.get(id));
        }
      }),
      { numRuns: 400 },
    );
  });

  test('no withheld count can be worked out from the shown counts through the sums', () => {
    fc.assert(
      fc.property(sets, (set) => {
        const { shown } = publish(set);
        assert.deepEqual(recoverable(set.sums, shown, set.cells), []);
      }),
      { numRuns: 400 },
    );
  });

  test('withheld parts are never known to be 0 (shown parts that already make a shown total)', () => {
    fc.assert(
      fc.property(sets, (set) => {
        const { shown } = publish(set);
        for (const sum of set.sums) {
          const total = shown.get(sum.total);
          const hidden = sum.parts.filter((id) => !shown.has(id));
          if (total === undefined || hidden.length === 0) continue;
          const known = sum.parts.reduce((a, id) => a + (shown.get(id) ?? 0), 0);
          assert.ok(total - known > 0, `the withheld parts of ${sum.total} are known to be 0`);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('eleven empty weeks next to one busy week: the empty weeks cannot be told to be 0', () => {
    const set = weeksAndPeriod([[0], [0], [0], [30, 25]]);
    const { shown } = publish(set);
    assert.ok(!shown.has('week0/total') && !shown.has('week1/total') && !shown.has('week2/total'));
    const hiddenWeeks = ['week0/total', 'week1/total', 'week2/total', 'week3/total'].filter((id) => !shown.has(id));
    const known = ['week3/total'].reduce((a, id) => a + (shown.get(id) ?? 0), 0);
    assert.ok(!shown.has('period') || shown.get('period')! - known > 0 || hiddenWeeks.length === 0);
  });

  test('cells of 10 and more in a set without small cells are all shown (suppression costs nothing then)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 10, max: 500 }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (values) => {
          const set = table(values);
          assert.equal(publish(set).shown.size, set.cells.length);
        },
      ),
    );
  });

  test('a region of 9 next to the national figure: the region and one more are withheld, the national stays', () => {
    // The national count per week on one page, the regions on another: 40 = 9 + 12 + 19.
    const set: FigureSet = {
      cells: [
        { id: 'nl', count: 40 },
        { id: 'vr01', count: 9 },
        { id: 'vr02', count: 12 },
        { id: 'vr03', count: 19 },
      ],
      sums: [{ total: 'nl', parts: ['vr01', 'vr02', 'vr03'] }],
    };
    const { shown, withheld } = publish(set);
    assert.equal(withheld.get('vr01'), 'small');
    assert.equal(withheld.get('vr02'), 'complementary', 'the smallest other part protects it');
    assert.deepEqual([...shown.keys()].sort(), ['nl', 'vr03']);
    assert.ok(![...shown.values()].includes(9));
  });

  test('a chain of sums that only solves jointly is caught (a+b, b+c and a+c known)', () => {
    // Each sum has two withheld members, yet together they give a = (k1 − k2 + k3) / 2.
    const set: FigureSet = {
      cells: [
        { id: 'a', count: 5 },
        { id: 'b', count: 6 },
        { id: 'c', count: 7 },
        { id: 'ab', count: 11 },
        { id: 'bc', count: 13 },
        { id: 'ac', count: 12 },
      ],
      sums: [
        { total: 'ab', parts: ['a', 'b'] },
        { total: 'bc', parts: ['b', 'c'] },
        { total: 'ac', parts: ['a', 'c'] },
      ],
    };
    const { shown } = publish(set);
    assert.deepEqual(recoverable(set.sums, shown, set.cells), []);
    assert.ok(shown.size < 3, 'at least one of the three sums is withheld too');
  });

  test('a set that names an unknown figure, a figure twice or a negative count is refused', () => {
    assert.throws(() => publish({ cells: [{ id: 'a', count: 1 }], sums: [{ total: 'a', parts: ['b'] }] }));
    assert.throws(() =>
      publish({
        cells: [
          { id: 'a', count: 1 },
          { id: 'a', count: 2 },
        ],
        sums: [],
      }),
    );
    assert.throws(() => publish({ cells: [{ id: 'a', count: -1 }], sums: [] }));
    assert.throws(() => publish({ cells: [{ id: 'a', count: 1.5 }], sums: [] }));
  });
});
