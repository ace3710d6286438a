import { z } from 'zod';
import { defineJob, handle, type JobHandler } from '../../shared/jobs/jobs.js';
import { type Mailer, MailNotSent } from '../../shared/mail/mailer.js';
import type { ProfessionalsRepository } from './professionals.repo.js';

/**
 * The invitation e-mail, sent by the job queue after the invitation is stored. The payload names the invitation
 * and the language of the admin's page; the address is read from the invitation when the job runs.
 */
export const invitationMail = defineJob(
  'professionals.invitation-mail',
  z.object({ invitationId: z.uuid(), language: z.enum(['nl', 'en']) }).strict(),
  // With the doubling wait from 30 s this keeps trying for about an hour.
  { maxAttempts: 8 },
);

export function invitationMailHandler(
  repo: ProfessionalsRepository,
  mailer: Mailer,
  settings: { publicUrl: string; invitationToken: (invitationId: string) => string },
  clock: () => Date = () => new Date(),
): JobHandler {
  return handle(invitationMail, async ({ invitationId, language }) => {
    const invitation = await repo.findInvitation(invitationId);
    // Used, withdrawn or run out before the mail went: there is nothing left to send.
    if (invitation === undefined || invitation.usedAt !== null || invitation.revokedAt !== null) return;
    if (Date.parse(invitation.expiresAt) <= clock().getTime()) return;
    const link = `${settings.publicUrl}/uitnodiging/${settings.invitationToken(invitationId)}`;
    if (!(await mailer.sendInvitation(invitation.email, link, language))) throw new MailNotSent();
  });
}
