import { z } from 'zod';
import { defineJob, handle, type JobHandler } from '../../shared/jobs/jobs.js';
import { type Mailer, MailNotSent } from '../../shared/mail/mailer.js';

/**
 * The neutral "your account changed" notice (after a recovery or a key rotation), sent by the job queue. The
 * payload names the account and the language; the address is read when the job runs, so an address removed in
 * the meantime gets nothing.
 */
export const accountChangedNotice = defineJob(
  'accounts.changed-notice',
  z.object({ userId: z.uuid(), language: z.enum(['nl', 'en']) }).strict(),
  { maxAttempts: 8 },
);

export function accountChangedNoticeHandler(
  noticeEmail: (userId: string) => Promise<string | undefined>,
  mailer: Mailer,
): JobHandler {
  return handle(accountChangedNotice, async ({ userId, language }) => {
    const email = await noticeEmail(userId);
    if (email === undefined || !mailer.enabled) return;
    if (!(await mailer.sendNotice(email, 'account-changed', language))) throw new MailNotSent();
  });
}
