import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  caseMeasures,
  type CaseHistory,
  daysBetween,
  daysBucket,
  daysBuckets,
  firstHelpContact,
  helpRoles,
  isIsoWeek,
  isoWeekOf,
  previousWeek,
  weekEnd,
  weekFigures,
  weeksToCompute,
  weekStart,
} from './case-measures.js';
import { caseRoles } from './cases.types.js';

/*
 * The measures as properties: ISO weeks against their definition, one case's measures against what a reader of
 * its history would count, and the weekly figures as sums of the cases' own (so the aggregate says no more and
 * no less than the cases do).
 */

const dayArb = fc
  .integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2032, 11, 31) })
  .map((time) => new Date(time).toISOString().slice(0, 10));

describe('ISO weeks', () => {
  test('known weeks, also around the turn of the year', () => {
    assert.equal(isoWeekOf('2026-12-07'), '2026-W50');
    assert.equal(isoWeekOf('2026-01-01'), '2026-W01');
    assert.equal(isoWeekOf('2027-01-01'), '2026-W53');
    assert.equal(isoWeekOf('2024-12-30'), '2025-W01');
    assert.equal(isoWeekOf('2021-01-03'), '2020-W53');
    assert.equal(weekStart('2026-W53'), '2026-12-28');
    assert.equal(weekStart('2025-W01'), '2024-12-30');
    assert.equal(previousWeek('2026-W01'), '2025-W52');
    assert.equal(previousWeek('2027-W01'), '2026-W53');
    assert.equal(isIsoWeek('2025-W53'), false);
    assert.equal(isIsoWeek('2026-W53'), true);
    assert.equal(isIsoWeek('2026-12'), false);
  });

  test('a week is the seven days from its Monday, and every day lies in exactly one', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const week = isoWeekOf(day);
        const monday = weekStart(week);
        assert.equal(new Date(`${monday}T00:00:00Z`).getUTCDay(), 1);
        const offset = daysBetween(monday, day);
        assert.ok(offset >= 0 && offset <= 6);
        assert.equal(weekEnd(week), addDays(monday, 6));
        assert.ok(isIsoWeek(week));
        // Weeks sort as their days do, and the previous week ends the day before the Monday.
        assert.equal(weekEnd(previousWeek(week)), addDays(monday, -1));
        assert.ok(previousWeek(week) < week);
        assert.deepEqual(weeksToCompute(day), [previousWeek(week), week]);
      }),
    );
  });

  test('weeks sort in the order of their days', () => {
    fc.assert(
      fc.property(dayArb, dayArb, (a, b) => {
        if (a <= b) assert.ok(isoWeekOf(a) <= isoWeekOf(b));
      }),
    );
  });
});

const roleArb = fc.constantFrom(...caseRoles);
const trackArb = fc.constantFrom('zorg', 'melding', 'strafzaak', 'bescherming');

/** A case's history with days on or after its start, in a short period so that weeks fill up. */
const historyArb: fc.Arbitrary<CaseHistory> = fc
  .record({
    mode: fc.constantFrom('with-parents' as const, 'professional-only' as const),
    start: fc.integer({ min: 0, max: 40 }),
    closedAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    joined: fc.array(fc.record({ role: roleArb, after: fc.integer({ min: 0, max: 60 }) }), { maxLength: 6 }),
    meetings: fc.array(
      fc.record({ after: fc.integer({ min: 0, max: 60 }), invited: fc.boolean(), tookPart: fc.boolean() }),
      { maxLength: 6 },
    ),
    agreements: fc.array(
      fc.array(
        fc.record({
          after: fc.integer({ min: 0, max: 60 }),
          status: fc.constantFrom('open' as const, 'done' as const, 'dropped' as const),
          due: fc.option(fc.integer({ min: -5, max: 70 }), { nil: null }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      { maxLength: 4 },
    ),
    moves: fc.array(fc.record({ after: fc.integer({ min: 0, max: 60 }), track: trackArb, finished: fc.boolean() }), {
      maxLength: 6,
    }),
  })
  .map((drawn) => {
    const base = '2026-11-02';
    const startedOn = addDays(base, drawn.start);
    const on = (after: number) => addDays(startedOn, after);
    return {
      mode: drawn.mode,
      startedOn,
      closedOn: drawn.closedAfter === undefined ? null : on(drawn.closedAfter),
      joined: drawn.joined.map((joined) => ({ role: joined.role, on: on(joined.after) })),
      meetings: drawn.meetings.map((meeting) => ({
        recordedOn: on(meeting.after),
        parentInvited: meeting.invited,
        // A parent who took part was invited (the meeting form asks it so).
        parentTookPart: meeting.invited && meeting.tookPart,
      })),
      agreementChanges: drawn.agreements.flatMap((versions, index) => {
        // Versions are written in order of time.
        const days = versions.map((version) => version.after).sort((a, b) => a - b);
        return versions.map((version, number) => ({
          agreement: `a${index}`,
          version: number + 1,
          on: on(days[number]!),
          status: version.status,
          dueOn: version.due === null ? null : on(version.due),
        }));
      }),
      stepMoves: drawn.moves
        .sort((a, b) => a.after - b.after)
        .map((move) => ({ track: move.track, step: move.finished ? '' : `${move.track}-stap`, on: on(move.after) })),
    } satisfies CaseHistory;
  });

const weekArb = fc.integer({ min: 0, max: 16 }).map((weeks) => isoWeekOf(addDays('2026-10-26', weeks * 7)));

describe('one case', () => {
  test('the first help contact: the later of the first parent and the first helper holding keys', () => {
    const history: CaseHistory = {
      mode: 'with-parents',
      startedOn: '2026-11-02',
      closedOn: null,
      joined: [
        { role: 'parent', on: '2026-11-02' },
        { role: 'police', on: '2026-11-03' },
        { role: 'care', on: '2026-11-09' },
        { role: 'coordinator', on: '2026-11-20' },
      ],
      meetings: [],
      agreementChanges: [],
      stepMoves: [],
    };
    assert.equal(firstHelpContact(history, '2026-11-08'), undefined, 'the police are not a help contact');
    assert.equal(firstHelpContact(history, '2026-12-01'), '2026-11-09');
    assert.equal(caseMeasures(history, '2026-12-01').daysToFirstHelp, 7);
    assert.equal(firstHelpContact({ ...history, mode: 'professional-only' }, '2026-12-01'), undefined);
  });

  test('an agreement is overdue the day after its due day, as its latest version stands', () => {
    const history: CaseHistory = {
      mode: 'with-parents',
      startedOn: '2026-11-02',
      closedOn: null,
      joined: [],
      meetings: [],
      agreementChanges: [
        { agreement: 'a', version: 1, on: '2026-11-02', status: 'open', dueOn: '2026-11-10' },
        { agreement: 'a', version: 2, on: '2026-11-12', status: 'done', dueOn: '2026-11-10' },
        { agreement: 'b', version: 1, on: '2026-11-03', status: 'open', dueOn: null },
      ],
      stepMoves: [],
    };
    assert.deepEqual(
      [
        caseMeasures(history, '2026-11-10'),
        caseMeasures(history, '2026-11-11'),
        caseMeasures(history, '2026-11-12'),
      ].map((m) => [m.agreementsOpen, m.agreementsOverdue]),
      [
        [2, 0],
        [2, 1],
        [1, 0],
      ],
    );
  });

  test('measures never exceed what they count, and the wait is never negative', () => {
    fc.assert(
      fc.property(historyArb, dayArb, (history, today) => {
        const measures = caseMeasures(history, today);
        assert.ok(measures.parentTookPart <= measures.parentInvited);
        assert.ok(measures.parentInvited <= measures.meetings);
        assert.ok(measures.agreementsOverdue <= measures.agreementsOpen);
        if (measures.daysToFirstHelp !== undefined) {
          assert.ok(measures.daysToFirstHelp >= 0);
          assert.ok(history.joined.some((joined) => joined.role === 'parent'));
          assert.ok(history.joined.some((joined) => helpRoles.includes(joined.role)));
        }
        assert.equal(measures.firstHelpApplies, history.mode === 'with-parents');
        assert.equal(new Set(measures.activeTracks).size, measures.activeTracks.length);
      }),
    );
  });

  test('nothing written after a day changes the measures of that day', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 70 }), (history, after) => {
        const day = addDays(history.startedOn, after);
        const before = (on: string) => on <= day;
        const cut: CaseHistory = {
          ...history,
          closedOn: history.closedOn !== null && before(history.closedOn) ? history.closedOn : null,
          joined: history.joined.filter((joined) => before(joined.on)),
          meetings: history.meetings.filter((meeting) => before(meeting.recordedOn)),
          agreementChanges: history.agreementChanges.filter((change) => before(change.on)),
          stepMoves: history.stepMoves.filter((move) => before(move.on)),
        };
        assert.deepEqual(caseMeasures(cut, day), caseMeasures(history, day));
      }),
    );
  });
});

describe('the weekly figures', () => {
  test('are the sums of the cases’ own measures', () => {
    fc.assert(
      fc.property(fc.array(historyArb, { maxLength: 8 }), weekArb, dayArb, (histories, week, today) => {
        const figures = weekFigures(histories, week, today);
        const through = figures.through;
        assert.ok(through <= weekEnd(week));
        assert.equal(figures.complete, through === weekEnd(week));
        const open = histories.filter((h) => h.startedOn <= through && (h.closedOn === null || h.closedOn > through));
        const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
        const perCase = open.map((history) => caseMeasures(history, through));
        assert.equal(figures.agreements.open, sum(perCase.map((m) => m.agreementsOpen)));
        assert.equal(figures.agreements.overdue, sum(perCase.map((m) => m.agreementsOverdue)));
        for (const { track, cases } of figures.tracks) {
          assert.equal(cases, perCase.filter((m) => m.activeTracks.includes(track)).length);
          assert.ok(cases > 0);
        }
        assert.equal(sum(figures.cases.map((row) => row.open)), open.length);
        // Meetings: those recorded from the Monday through the last day counted.
        const inWeek = (day: string) => day >= weekStart(week) && day <= through;
        const meetings = histories.flatMap((h) => h.meetings.filter((m) => inWeek(m.recordedOn)));
        assert.equal(sum(figures.meetings.map((row) => row.meetings)), meetings.length);
        assert.equal(
          sum(figures.meetings.map((row) => row.parentTookPart)),
          meetings.filter((m) => m.parentTookPart).length,
        );
        for (const row of figures.meetings)
          assert.ok(row.parentTookPart <= row.parentInvited && row.parentInvited <= row.meetings);
        // First help: each case once, in the week of its contact, in the band of its wait.
        const contacts = histories.filter((h) => {
          const contact = firstHelpContact(h, through);
          return contact !== undefined && inWeek(contact);
        });
        assert.equal(sum(figures.firstHelp.map((row) => row.cases)), contacts.length);
        for (const row of figures.firstHelp) assert.ok(daysBuckets.includes(row.daysBucket) && row.cases > 0);
        const waiting = figures.cases.find((row) => row.mode === 'with-parents')!.waitingForHelp;
        assert.equal(
          waiting,
          open.filter((h) => h.mode === 'with-parents' && firstHelpContact(h, through) === undefined).length,
        );
        assert.equal(figures.cases.find((row) => row.mode === 'professional-only')!.waitingForHelp, 0);
      }),
    );
  });

  test('a whole week’s figures do not depend on the day they are computed', () => {
    fc.assert(
      fc.property(
        fc.array(historyArb, { maxLength: 6 }),
        weekArb,
        fc.integer({ min: 0, max: 400 }),
        (h, week, late) => {
          const end = weekEnd(week);
          assert.deepEqual(weekFigures(h, week, addDays(end, late)), weekFigures(h, week, end));
        },
      ),
    );
  });

  test('waits are counted in bands, never as days', () => {
    assert.deepEqual([0, 1, 7, 8, 14, 15, 28, 29, 90, 91, 400].map(daysBucket), [
      '0',
      '1-7',
      '1-7',
      '8-14',
      '8-14',
      '15-28',
      '15-28',
      '29-90',
      '29-90',
      '91+',
      '91+',
    ]);
  });
});
