import type { Kysely } from 'kysely';
import type { Database } from '../../shared/db/schema.js';
import type { JobHandler } from '../../shared/jobs/jobs.js';
import { dailyHandler, defineDailyJob } from '../../shared/jobs/recurring.js';

/*
 * The measures' daily run (ADR 0032): once a day, by one instance, the weekly figures of the previous and the
 * current ISO week are written again (case-measures.service.ts daily). The handler only calls the service.
 */

export const caseMeasuresDaily = defineDailyJob('cases.measures-daily');

export function caseMeasuresJobHandler(
  db: Kysely<Database>,
  service: { daily(now: Date): Promise<unknown> },
): JobHandler {
  return dailyHandler(db, caseMeasuresDaily, async (now) => {
    await service.daily(now);
  });
}
