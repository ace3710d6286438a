import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addMonths, closingStep, deleteAfterOf, deleteAfterWithNotice, noticeFrom } from './case-closing.js';

const at = (iso: string) => new Date(iso);

test('months are calendar months, the day clamped to the end of a shorter month', () => {
  assert.equal(addMonths(at('2026-12-07T09:30:00.000Z'), 12).toISOString(), '2027-12-07T09:30:00.000Z');
  assert.equal(addMonths(at('2027-03-31T10:00:00.000Z'), -1).toISOString(), '2027-02-28T10:00:00.000Z');
  assert.equal(addMonths(at('2028-03-31T10:00:00.000Z'), -1).toISOString(), '2028-02-29T10:00:00.000Z');
  assert.equal(addMonths(at('2026-01-31T00:00:00.000Z'), 1).toISOString(), '2026-02-28T00:00:00.000Z');
  // The deletion is a day: the start of the day the retention later, whatever the hour of closing.
  assert.equal(deleteAfterOf(at('2026-02-28T23:00:00.000Z'), 12).toISOString(), '2027-02-28T00:00:00.000Z');
});

test('the notice is due a calendar month (28 to 31 days) before the deletion, which comes after the closing', () => {
  fc.assert(
    fc.property(
      fc.date({ min: at('2020-01-01T00:00:00Z'), max: at('2040-01-01T00:00:00Z'), noInvalidDate: true }),
      fc.integer({ min: 1, max: 120 }),
      (closedAt, months) => {
        const deleteAfter = deleteAfterOf(closedAt, months);
        const notice = noticeFrom(deleteAfter);
        const gap = deleteAfter.getTime() - notice.getTime();
        return deleteAfter > closedAt && gap >= 28 * 86_400_000 && gap <= 31 * 86_400_000;
      },
    ),
  );
});

test('a case is told a month before, then deleted at the date; never deleted without its notice', () => {
  const deleteAfter = at('2027-12-07T00:00:00.000Z');
  const state = (noticeAt: string | null, shredded = false) => ({
    deleteAfter,
    noticeAt: noticeAt === null ? null : at(noticeAt),
    shredded,
  });
  assert.equal(closingStep(state(null), at('2027-11-06T05:00:00.000Z')), 'wait');
  assert.equal(closingStep(state(null), at('2027-11-07T05:00:00.000Z')), 'notice');
  // Late: the date has passed and nobody was told yet: told first, not deleted.
  assert.equal(closingStep(state(null), at('2028-06-01T05:00:00.000Z')), 'notice');
  assert.equal(closingStep(state('2027-11-07T05:00:00.000Z'), at('2027-12-06T05:00:00.000Z')), 'wait');
  assert.equal(closingStep(state('2027-11-07T05:00:00.000Z'), at('2027-12-07T05:00:00.000Z')), 'shred');
  assert.equal(closingStep(state('2027-11-07T05:00:00.000Z', true), at('2029-01-01T05:00:00.000Z')), 'wait');
});

test('a notice on its day keeps the date; a late one moves the deletion to a month after it', () => {
  const deleteAfter = at('2027-12-07T00:00:00.000Z');
  const kept = deleteAfterWithNotice(deleteAfter, at('2027-11-07T05:00:00.000Z'));
  assert.equal(kept.toISOString(), deleteAfter.toISOString());
  const moved = deleteAfterWithNotice(deleteAfter, at('2028-06-01T05:00:00.000Z'));
  assert.equal(moved.toISOString(), '2028-07-01T00:00:00.000Z');
});
