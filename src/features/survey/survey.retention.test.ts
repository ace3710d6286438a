import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { addDays, daysBetween, isoWeekOf, weekStart } from '../../shared/time/weeks.js';
import { createSurveyRepository } from './survey.repo.js';
import { createSurveyService, pendingKeepDays } from './survey.service.js';

/*
 * Retention of the survey's free texts: one nobody reviewed is deleted once its whole ISO week lies more than 30
 * days back, never earlier; accepted texts stay. Texts carry only their week, so "received more than 30 days
 * ago" is "the week's Sunday more than 30 days ago".
 */

for (const dialect of dialects) {
  describe(`survey texts nobody reviewed are deleted after 30 days [${dialect}]`, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(dialect);
    });
    after(() => testApp.close());

    const db = () => testApp.database.handle.db;
    const service = () => createSurveyService(createSurveyRepository(db()), { audit: testApp.services.audit });
    const insert = async (week: string, state: 'pending' | 'accepted') => {
      const id = randomUUID();
      await db()
        .insertInto('survey_texts')
        .values({
          id,
          week,
          milestone: 'journal-3-months',
          text: 'Het hielp dat iemand luisterde.',
          state,
          reviewed_on: state === 'accepted' ? '2026-01-05' : null,
          reviewed_by: state === 'accepted' ? 'reviewer' : null,
        })
        .execute();
      return id;
    };
    const remaining = async () =>
      new Set((await db().selectFrom('survey_texts').select('id').execute()).map((row) => row.id));

    test('property: deleted exactly when the week ended more than 30 days before the day the job runs', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: 120 }),
          fc.integer({ min: 0, max: 700 }),
          async (daysBack, offset) => {
            await db().deleteFrom('survey_texts').execute();
            const today = addDays('2026-01-01', offset);
            const week = isoWeekOf(addDays(today, -daysBack));
            const pending = await insert(week, 'pending');
            const accepted = await insert(week, 'accepted');
            await service().daily(new Date(`${today}T10:00:00Z`));
            const sunday = addDays(weekStart(week), 6);
            const expired = daysBetween(sunday, today) > pendingKeepDays;
            const left = await remaining();
            assert.equal(left.has(pending), !expired, `${week} on ${today} (Sunday ${sunday})`);
            assert.ok(left.has(accepted), 'an accepted text is kept');
          },
        ),
        { numRuns: 40 },
      );
    });

    test('the daily job deletes them, and running it again on the same day deletes nothing more', async () => {
      await db().deleteFrom('survey_texts').execute();
      const old = await insert('2026-W40', 'pending');
      const recent = await insert('2026-W48', 'pending');
      const first = await service().daily(new Date('2026-12-07T10:00:00Z'));
      const second = await service().daily(new Date('2026-12-07T22:00:00Z'));
      assert.deepEqual([first.pending, second.pending], [1, 0]);
      const left = await remaining();
      assert.ok(!left.has(old) && left.has(recent));
    });
  });
}
