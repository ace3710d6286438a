import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { recoverable } from '../../../test/helpers/disclosure-judge.js';
import { adviceLevels } from '../check/check.schema.js';
import { addDays, isoWeekOf, weekStart } from '../../shared/time/weeks.js';
import { daysBuckets } from '../cases/case-measures.js';
import {
  casePublishedWeeks,
  computeInsights,
  type FigureTable,
  figureSets,
  type InsightRows,
  publishedWeeks,
  shareOf,
  surveyQuestions,
  weeksShown,
} from './insights.figures.js';
import { noiseKey } from './noise.js';
import { minimumCount, publish } from './suppression.js';

const today = '2026-12-08'; // a Tuesday: the week that ended on Sunday 6 December is published
const regions = ['VR01', 'VR02', 'VR03', 'VR04'];

/** Every number a table shows: cells, row totals, column totals and the grand total. */
const numbersOf = (table: FigureTable): number[] =>
  [...table.rows.flatMap((row) => [...row.values, row.total]), ...(table.columnTotals ?? []), table.total].filter(
    (value): value is number => value !== null && value !== undefined,
  );

/** Every table of the page, in the page's order. */
const tablesOf = (insights: ReturnType<typeof computeInsights>): FigureTable[] => [
  insights.checksByWeek,
  insights.checksByVersion,
  insights.lookupsByWeek,
  insights.lookupsByRegion,
  insights.checkLookupsByRegion,
  insights.checkLookupsByLevel,
  insights.cases.meetings,
  insights.cases.firstHelp,
  insights.cases.agreements,
  insights.cases.tracks,
  insights.survey,
];

/** Days of the published weeks and a few days around them (which must not count). */
const days = fc
  .integer({ min: -7, max: weeksShown * 7 + 7 })
  .map((offset) => addDays(weekStart(publishedWeeks(today)[0]!), offset));

const small = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 40 }));
/** Weeks of the case block and one before and after (which must not count). */
const caseWeeks = (() => {
  const weeks = casePublishedWeeks(today);
  return [isoWeekOf(addDays(weekStart(weeks[0]!), -7)), ...weeks, isoWeekOf(addDays(weekStart(weeks.at(-1)!), 7))];
})();
const caseWeek = fc.constantFrom(...caseWeeks);
const scoreArbitrary = fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 5 }));

const rowsArbitrary: fc.Arbitrary<InsightRows> = fc.record({
  checkLookups: fc.array(
    fc.record({
      day: days,
      level: fc.constantFrom(...adviceLevels),
      region: fc.constantFrom(...regions),
      count: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 40 })),
    }),
    { maxLength: 40 },
  ),
  caseMeasures: fc.record({
    // Each week once at most, most of them complete.
    weeks: fc
      .subarray(caseWeeks)
      .chain((weeks) =>
        fc.tuple(...weeks.map((week) => fc.record({ week: fc.constant(week), complete: fc.boolean() }))),
      ),
    meetings: fc.array(
      fc
        .record({ week: caseWeek, mode: fc.constantFrom('with-parents', 'professional-only'), meetings: small })
        .chain((row) =>
          fc.record({
            week: fc.constant(row.week),
            mode: fc.constant(row.mode),
            meetings: fc.constant(row.meetings),
            parentInvited: fc.integer({ min: 0, max: row.meetings }),
            parentTookPart: fc.integer({ min: 0, max: row.meetings }),
          }),
        ),
      { maxLength: 12 },
    ),
    firstHelp: fc.array(fc.record({ week: caseWeek, daysBucket: fc.constantFrom(...daysBuckets), cases: small }), {
      maxLength: 20,
    }),
    agreements: fc.array(
      fc.record({ week: caseWeek, open: small }).chain((row) =>
        fc.record({
          week: fc.constant(row.week),
          open: fc.constant(row.open),
          overdue: fc.integer({ min: 0, max: row.open }),
        }),
      ),
      { maxLength: 6 },
    ),
    tracks: fc.array(
      fc.record({ week: caseWeek, track: fc.constantFrom('zorg', 'politie', 'justitie'), cases: small }),
      {
        maxLength: 10,
      },
    ),
  }),
  surveyAnswers: fc.array(
    fc.record({
      week: fc.constantFrom(...publishedWeeks(today), isoWeekOf(addDays(today, -100))),
      care: scoreArbitrary,
      police: scoreArbitrary,
      understood: scoreArbitrary,
      next_step: scoreArbitrary,
    }),
    { maxLength: 80 },
  ),
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
        for (const table of tablesOf(insights)) {
          for (const value of numbersOf(table)) assert.ok(value >= minimumCount, `${value} is shown`);
        }
        const sets = figureSets(today, rows);
        for (const set of [sets.checks, sets.lookups, sets.checkLookups, sets.cases, sets.survey]) {
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

  test('case figures count complete weeks of their own block only; shares come from shown counts alone', () => {
    fc.assert(
      fc.property(rowsArbitrary, (rows) => {
        const insights = computeInsights(today, rows);
        const block = casePublishedWeeks(today);
        const complete = new Set(
          rows.caseMeasures!.weeks.filter((row) => row.complete && block.includes(row.week)).map((row) => row.week),
        );
        assert.equal(insights.cases.weeksCounted, complete.size);
        const meetings = rows
          .caseMeasures!.meetings.filter((row) => complete.has(row.week) && row.mode === 'with-parents')
          .reduce((sum, row) => sum + row.meetings, 0);
        const [all, invited, tookPart] = insights.cases.meetings.rows.map((row) => row.values[0] ?? null) as [
          number | null,
          number | null,
          number | null,
        ];
        if (all !== null) assert.equal(all, meetings);
        assert.equal(
          shareOf(invited, all),
          invited === null || all === null || all === 0 ? null : Math.round((invited / all) * 100),
        );
        if (invited === null || all === null)
          assert.equal(shareOf(invited, all), null, 'a withheld count has no share');
        if (tookPart === null) assert.equal(shareOf(tookPart, all), null);
        const firstHelp = rows
          .caseMeasures!.firstHelp.filter((row) => complete.has(row.week))
          .reduce((sum, row) => sum + row.cases, 0);
        if (insights.cases.firstHelp.total !== null) assert.equal(insights.cases.firstHelp.total, firstHelp);
        // States only from the block's last week, and only when it is complete.
        const last = block.at(-1)!;
        const open = rows
          .caseMeasures!.agreements.filter((row) => row.week === last)
          .reduce((a, row) => a + row.open, 0);
        const shownOpen = insights.cases.agreements.rows[0]!.values[0];
        if (!complete.has(last)) assert.equal(shownOpen, null);
        else if (shownOpen !== null) assert.equal(shownOpen, open);
        assert.equal(insights.cases.tracks.total, undefined, 'tracks have no total');
      }),
      { numRuns: 150 },
    );
  });

  test('survey: each question row adds up to the surveys of the published weeks; other weeks do not count', () => {
    fc.assert(
      fc.property(rowsArbitrary, (rows) => {
        const insights = computeInsights(today, rows);
        const weeks = publishedWeeks(today);
        const answers = rows.surveyAnswers!.filter((answer) => weeks.includes(answer.week));
        if (insights.survey.total !== null) assert.equal(insights.survey.total, answers.length);
        insights.survey.rows.forEach((row, index) => {
          const question = surveyQuestions[index]!;
          row.values.forEach((value, score) => {
            const truth = answers.filter((answer) =>
              score === 5 ? answer[question] === null : answer[question] === score + 1,
            ).length;
            if (value !== null) assert.equal(value, truth, `${question} ${score}`);
          });
        });
      }),
      { numRuns: 150 },
    );
  });

  test('a cell of 9 is withheld in every new figure, with a figure that would give it away', () => {
    const weeks = publishedWeeks(today);
    const block = casePublishedWeeks(today);
    const last = block.at(-1)!;
    const rows: InsightRows = {
      checkOutcomes: [],
      helpLookups: [],
      regions,
      checkLookups: [
        { day: weekStart(weeks[0]!), level: 'bel-112', region: 'VR01', count: 9 },
        { day: weekStart(weeks[1]!), level: 'vraag-advies', region: 'VR01', count: 30 },
        { day: weekStart(weeks[1]!), level: 'vraag-advies', region: 'VR02', count: 40 },
      ],
      caseMeasures: {
        weeks: block.map((week) => ({ week, complete: true })),
        meetings: [{ week: block[0]!, mode: 'with-parents', meetings: 40, parentInvited: 31, parentTookPart: 25 }],
        firstHelp: [
          { week: block[0]!, daysBucket: '0', cases: 9 },
          { week: block[1]!, daysBucket: '1-7', cases: 20 },
          { week: block[2]!, daysBucket: '8-14', cases: 15 },
        ],
        agreements: [{ week: last, open: 50, overdue: 45 }],
        tracks: [
          { week: last, track: 'zorg', cases: 9 },
          { week: last, track: 'politie', cases: 12 },
        ],
      },
      surveyAnswers: Array.from({ length: 20 }, (_, index) => ({
        week: weeks[0]!,
        care: index < 9 ? 1 : 5,
        police: 3,
        understood: null,
        next_step: index < 15 ? 4 : 2,
      })),
    };
    const insights = computeInsights(today, rows);
    // VR01's bel-112 of 9 sits inside the margins: the level total of bel-112 (9) is withheld, and so one more.
    assert.equal(insights.checkLookupsByLevel.rows[0]!.values[0], null);
    // Invited 31 of 40: the 9 not invited follow by subtraction, so invited (or all) is withheld.
    const [all, invited, tookPart] = insights.cases.meetings.rows.map((row) => row.values[0]);
    assert.ok(all === null || invited === null, 'not invited (9) cannot be worked out');
    assert.equal(tookPart, 25);
    assert.equal(insights.cases.firstHelp.rows[0]!.values[0], null, 'the same day: 9');
    assert.ok(
      insights.cases.firstHelp.total === null ||
        insights.cases.firstHelp.rows.slice(1).some((row) => row.values[0] === null),
    );
    // 45 overdue of 50 open: 5 on time would follow.
    const [open, overdue] = insights.cases.agreements.rows.map((row) => row.values[0]);
    assert.ok(open === null || overdue === null);
    assert.deepEqual(
      insights.cases.tracks.rows.map((row) => [row.key, row.values[0]]),
      [
        ['politie', 12],
        ['zorg', null],
      ],
    );
    // Care: 9 × 1 and 11 × 5 of 20; police 20 × 3; understood skipped by all; next step 15 × 4 and 5 × 2.
    const care = insights.survey.rows[0]!.values;
    assert.equal(care[0], null);
    assert.equal(care[4], 11);
    // Shown: 11 of 20; the withheld scores together are 9, but no single one of them follows (the judge agrees).
    const sets = figureSets(today, rows);
    for (const set of [sets.checkLookups, sets.cases, sets.survey]) {
      assert.deepEqual(recoverable(set.sums, publish(set).shown, set.cells), []);
    }
  });

  test('with noise (ADR 0052): the same figures are withheld, every shown figure is a whole number of 10 or more, fixed per figure', () => {
    /** Each figure of each table in order, null where withheld. */
    const shape = (insights: ReturnType<typeof computeInsights>) =>
      tablesOf(insights).map((table) => [
        ...table.rows.flatMap((row) => [...row.values, row.total]),
        ...(table.columnTotals ?? []),
        table.total,
      ]);
    const noise = { epsilon: 0.5, key: noiseKey(new Uint8Array(32).fill(3)) };
    let changed = 0;
    fc.assert(
      fc.property(rowsArbitrary, (rows) => {
        const exact = computeInsights(today, rows);
        const noisy = computeInsights(today, rows, noise);
        assert.equal(exact.noiseEpsilon, undefined);
        assert.equal(noisy.noiseEpsilon, 0.5);
        const exactShape = shape(exact);
        const noisyShape = shape(noisy);
        exactShape.forEach((figures, table) =>
          figures.forEach((value, index) => {
            const published = noisyShape[table]![index];
            // Withheld stays withheld, shown stays shown (noise comes after disclosure control).
            assert.equal(published === null || published === undefined, value === null || value === undefined);
            if (typeof published === 'number') {
              assert.ok(Number.isInteger(published) && published >= minimumCount, `${published} is shown`);
              if (published !== value) changed += 1;
            }
          }),
        );
        // One figure, one noisy value: the grand total both check tables show, and every recomputation.
        assert.equal(noisy.checksByVersion.total, noisy.checksByWeek.total);
        assert.deepEqual(computeInsights(today, rows, noise), noisy);
      }),
      { numRuns: 60 },
    );
    assert.ok(changed > 0, 'the noise changes figures');
  });
});
