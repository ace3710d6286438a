import { z } from 'zod';
import { defineJob, handle, type JobHandler } from '../../shared/jobs/jobs.js';
import { defineDailyJob, dailyHandler } from '../../shared/jobs/recurring.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../shared/db/schema.js';

/*
 * The job kinds of case notifications (ADR 0028). Payloads carry ids only. recordCaseEvent queues
 * `cases.notify-event` in the event's own transaction; its handler decides who is told (recipientsOf, as the
 * case stands when it runs) and queues one `cases.news-mail` per account told at once, so a refusing mail server
 * retries that one mail and never sends another twice. The daily run sends the digests and tells of due agreements.
 */

/** Someone may need to hear of case event `seq`. Idempotency key: `case-event:<seq>`. */
export const caseNotifyEvent = defineJob(
  'cases.notify-event',
  z.object({ caseId: z.uuid(), seq: z.number().int().positive() }).strict(),
  { maxAttempts: 8 },
);

/**
 * The neutral "there is something new" mail to one account. `memberId`: the membership it is about, checked to be
 * still active when it is sent (absent for a digest, which was checked when it was made).
 */
export const caseNewsMail = defineJob(
  'cases.news-mail',
  z.object({ userId: z.uuid(), memberId: z.uuid().optional() }).strict(),
  { maxAttempts: 10 },
);

/** Once a day: the digests, and agreements that became due. */
export const caseNotificationsDaily = defineDailyJob('cases.notifications-daily');

export interface CaseNotificationsRunner {
  notifyEvent(caseId: string, seq: number): Promise<void>;
  sendNews(userId: string, memberId: string | undefined): Promise<void>;
  daily(now: Date): Promise<unknown>;
}

export function caseNotificationJobHandlers(db: Kysely<Database>, service: CaseNotificationsRunner): JobHandler[] {
  return [
    handle(caseNotifyEvent, ({ caseId, seq }) => service.notifyEvent(caseId, seq)),
    handle(caseNewsMail, ({ userId, memberId }) => service.sendNews(userId, memberId)),
    dailyHandler(db, caseNotificationsDaily, async (now) => {
      await service.daily(now);
    }),
  ];
}
