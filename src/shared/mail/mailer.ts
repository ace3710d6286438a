import nodemailer from 'nodemailer';
import type { Config } from '../config/config.js';
import type { TranslatorFor } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';

/*
 * E-mail says only that something changed, never what the site is about: a shared inbox, a lock screen or an
 * exploiter reading along must learn nothing. The sender name is configurable (MAIL_FROM_NAME, neutral by
 * default) and the texts (in the message catalogues) carry nothing that names the site's subject. Notices carry
 * no link; an invitation carries its one-time link and nothing else of note.
 */

/**
 * account-changed: after a recovery or key rotation. case-news: something new waits on the site (ADR 0028).
 * request-waiting: a request on the account waits for the owner's answer (a trusted person's, ADR 0049).
 */
export type NoticeKind = 'account-changed' | 'case-news' | 'request-waiting';
export type NoticeLanguage = 'nl' | 'en';

/** Each notice's subject and text, from the message catalogues. */
const notices: Record<NoticeKind, { subject: MessageKey; text: MessageKey }> = {
  'account-changed': { subject: 'mail.accountChanged.subject', text: 'mail.accountChanged.text' },
  'case-news': { subject: 'mail.caseNews.subject', text: 'mail.caseNews.text' },
  'request-waiting': { subject: 'mail.requestWaiting.subject', text: 'mail.requestWaiting.text' },
};

/** Thrown by a mail job when the server refused or could not be reached, so the job queue tries again later. */
export class MailNotSent extends Error {
  override name = 'MailNotSent';
}

export interface Mailer {
  /** False without SMTP_URL: nothing can be sent. */
  enabled: boolean;
  /** Sends a neutral notice; resolves false (never throws) when mail is off or the server refuses. */
  sendNotice(to: string, kind: NoticeKind, language: NoticeLanguage): Promise<boolean>;
  /** Sends an invitation whose only content of note is the link; resolves false (never throws) on failure. */
  sendInvitation(to: string, link: string, language: NoticeLanguage): Promise<boolean>;
}

/** Texts come from `translatorFor` (the message catalogue, src/messages.ts). */
export function createMailer(
  config: Config['mail'],
  translatorFor: TranslatorFor,
  onError: (error: unknown) => void = () => undefined,
): Mailer {
  if (config.url === undefined) {
    return { enabled: false, sendNotice: () => Promise.resolve(false), sendInvitation: () => Promise.resolve(false) };
  }
  const transport = nodemailer.createTransport(config.url);
  const send = async (to: string, subject: string, text: string): Promise<boolean> => {
    try {
      await transport.sendMail({ from: { name: config.fromName, address: config.from }, to, subject, text });
      return true;
    } catch (error) {
      onError(error);
      return false;
    }
  };
  return {
    enabled: true,
    sendNotice(to, kind, language) {
      const t = translatorFor(language);
      return send(to, t(notices[kind].subject), t(notices[kind].text));
    },
    sendInvitation(to, link, language) {
      const t = translatorFor(language);
      return send(to, t('mail.invitation.subject'), t('mail.invitation.text', { link }));
    },
  };
}
