import { z } from 'zod';
import { defineJob, handle, type JobHandler, type JobKind } from '../../shared/jobs/jobs.js';
import { type Mailer, MailNotSent, type NoticeKind } from '../../shared/mail/mailer.js';

/**
 * What an account's notice job carries: the account and the language, never the address — it is read when the job
 * runs, so an address removed in the meantime gets nothing.
 */
export const accountNoticePayload = z.object({ userId: z.uuid(), language: z.enum(['nl', 'en']) }).strict();
export type AccountNoticePayload = z.infer<typeof accountNoticePayload>;

/** The neutral "your account changed" notice (after a recovery or a key rotation), sent by the job queue. */
export const accountChangedNotice = defineJob('accounts.changed-notice', accountNoticePayload, { maxAttempts: 8 });

/** Sends `notice` to the account's address as it is when the job runs; a refused send is tried again later. */
export function accountNoticeHandler(
  kind: JobKind<AccountNoticePayload>,
  notice: NoticeKind,
  noticeEmail: (userId: string) => Promise<string | undefined>,
  mailer: Mailer,
): JobHandler {
  return handle(kind, async ({ userId, language }) => {
    const email = await noticeEmail(userId);
    if (email === undefined || !mailer.enabled) return;
    if (!(await mailer.sendNotice(email, notice, language))) throw new MailNotSent();
  });
}

export function accountChangedNoticeHandler(
  noticeEmail: (userId: string) => Promise<string | undefined>,
  mailer: Mailer,
): JobHandler {
  return accountNoticeHandler(accountChangedNotice, 'account-changed', noticeEmail, mailer);
}
