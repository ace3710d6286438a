import { z } from 'zod';
import { defineJob, handle, type JobHandler } from '../../shared/jobs/jobs.js';
import { type Mailer, MailNotSent } from '../../shared/mail/mailer.js';

/**
 * The owner's neutral notice that a request waits on their account (ADR 0049): it names neither the site's subject
 * nor the trusted person, and carries no link. The payload names the account and the language; the address is read
 * when the job runs, so an address removed in the meantime gets nothing.
 */
export const trustedRequestNotice = defineJob(
  'accounts.trusted-request-notice',
  z.object({ userId: z.uuid(), language: z.enum(['nl', 'en']) }).strict(),
  { maxAttempts: 8 },
);

export function trustedRequestNoticeHandler(
  noticeEmail: (userId: string) => Promise<string | undefined>,
  mailer: Mailer,
): JobHandler {
  return handle(trustedRequestNotice, async ({ userId, language }) => {
    const email = await noticeEmail(userId);
    if (email === undefined || !mailer.enabled) return;
    if (!(await mailer.sendNotice(email, 'request-waiting', language))) throw new MailNotSent();
  });
}
