import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amsterdamClock, openState } from './opening-hours.js';
import type { OpeningHours } from './organisation.schema.js';

const office: OpeningHours = {
  always: false,
  weekly: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
  },
  exceptions: [{ date: '2026-12-25', hours: [] }],
};

test('24/7 lines are always open', () => {
  assert.deepEqual(openState({ always: true }, new Date('2026-01-01T03:00:00Z')), { open: true, always: true });
});

test('the clock is Dutch time: UTC+1 in winter, UTC+2 in summer', () => {
  assert.deepEqual(amsterdamClock(new Date('2026-01-14T08:30:00Z')), {
    date: '2026-01-14',
    time: '09:30',
    weekday: 'wed',
  });
  assert.deepEqual(amsterdamClock(new Date('2026-07-15T08:30:00Z')), {
    date: '2026-07-15',
    time: '10:30',
    weekday: 'wed',
  });
  // 23:30 UTC on New Year's Eve is already 1 January in the Netherlands.
  assert.equal(amsterdamClock(new Date('2025-12-31T23:30:00Z')).date, '2026-01-01');
});

test('open and closed within a day, with the closing and next opening time', () => {
  // Wednesday 14 January 2026, winter time.
  assert.deepEqual(openState(office, new Date('2026-01-14T07:59:00Z')), {
    open: false,
    opens: { day: 'today', time: '09:00' },
  });
  assert.deepEqual(openState(office, new Date('2026-01-14T08:00:00Z')), {
    open: true,
    always: false,
    closesAt: '17:00',
  });
  assert.deepEqual(openState(office, new Date('2026-01-14T16:00:00Z')), {
    open: false,
    opens: { day: 'tomorrow', time: '09:00' },
  });
  // Friday lunch break.
  assert.deepEqual(openState(office, new Date('2026-01-16T11:30:00Z')), {
    open: false,
    opens: { day: 'today', time: '13:00' },
  });
  // Friday evening: next opening is Monday.
  assert.deepEqual(openState(office, new Date('2026-01-16T17:00:00Z')), {
    open: false,
    opens: { day: 'mon', time: '09:00' },
  });
});

test('across the switch to summer time (29 March 2026, 02:00 → 03:00)', () => {
  // Monday 30 March 08:30 Dutch time is 06:30 UTC (summer time); an hour earlier in UTC it is still closed.
  assert.deepEqual(openState(office, new Date('2026-03-30T06:59:00Z')), {
    open: false,
    opens: { day: 'today', time: '09:00' },
  });
  assert.deepEqual(openState(office, new Date('2026-03-30T07:00:00Z')), {
    open: true,
    always: false,
    closesAt: '17:00',
  });
  // On Friday 27 March (still winter time) 09:00 Dutch time is 08:00 UTC.
  assert.equal(openState(office, new Date('2026-03-27T07:30:00Z')).open, false);
  assert.equal(openState(office, new Date('2026-03-27T08:00:00Z')).open, true);
  // Sunday 29 March, the night of the switch: closed, opens Monday.
  assert.deepEqual(openState(office, new Date('2026-03-29T01:30:00Z')), {
    open: false,
    opens: { day: 'tomorrow', time: '09:00' },
  });
});

test('across the switch to winter time (25 October 2026, 03:00 → 02:00)', () => {
  // Friday 23 October 16:59 Dutch summer time is 14:59 UTC: open. Monday 26 October 09:00 winter time is 08:00 UTC.
  assert.equal(openState(office, new Date('2026-10-23T14:59:00Z')).open, true);
  assert.equal(openState(office, new Date('2026-10-23T15:00:00Z')).open, false);
  assert.equal(openState(office, new Date('2026-10-26T07:59:00Z')).open, false);
  assert.equal(openState(office, new Date('2026-10-26T08:00:00Z')).open, true);
});

test('exceptions such as Christmas Day close a normal weekday', () => {
  // Friday 25 December 2026 at 10:00 Dutch time.
  assert.deepEqual(openState(office, new Date('2026-12-25T09:00:00Z')), {
    open: false,
    opens: { day: 'mon', time: '09:00' },
  });
});

test('a schedule with no opening hours at all says closed without a next opening', () => {
  assert.deepEqual(openState({ always: false, weekly: {}, exceptions: [] }, new Date()), { open: false });
});
