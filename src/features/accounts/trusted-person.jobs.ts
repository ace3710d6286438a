import { defineJob, type JobHandler } from '../../shared/jobs/jobs.js';
import type { Mailer } from '../../shared/mail/mailer.js';
import { accountNoticeHandler, accountNoticePayload } from './accounts.jobs.js';

/**
 * The owner's neutral notice that a request waits on their account (ADR 0049): it names neither the site's subject
 * nor the trusted person, and carries no link. The payload names the account and the language; the address is read
 * when the job runs, so an address removed in the meantime gets nothing.
 */
export const trustedRequestNotice = defineJob('accounts.trusted-request-notice', accountNoticePayload, {
  maxAttempts: 8,
});

export function trustedRequestNoticeHandler(
  noticeEmail: (userId: string) => Promise<string | undefined>,
  mailer: Mailer,
): JobHandler {
  return accountNoticeHandler(trustedRequestNotice, 'request-waiting', noticeEmail, mailer);
}
