import nodemailer from 'nodemailer';
import type { Config } from '../config/config.js';

/*
 * E-mail says only that something changed, never what the site is about: a shared inbox, a lock screen or an
 * exploiter reading along must learn nothing. The sender name is configurable (MAIL_FROM_NAME, neutral by
 * default) and the texts live here, in both languages, with no link that names the site's subject.
 */

export type NoticeKind = 'account-changed';
export type NoticeLanguage = 'nl' | 'en';

const notices: Record<NoticeKind, Record<NoticeLanguage, { subject: string; text: string }>> = {
  'account-changed': {
    nl: {
      subject: 'Er is iets gewijzigd in je account',
      text: 'Hallo,\n\nEr is zojuist iets gewijzigd in je account. Was jij dit? Dan hoef je niets te doen.\nWas jij dit niet? Log in en kijk op de pagina van je account.\n',
    },
    en: {
      subject: 'Something changed in your account',
      text: 'Hello,\n\nSomething has just changed in your account. Was this you? Then you do not need to do anything.\nWas this not you? Log in and look at your account page.\n',
    },
  },
};

export interface Mailer {
  /** Sends a neutral notice; resolves false (never throws) when mail is off or the server refuses. */
  sendNotice(to: string, kind: NoticeKind, language: NoticeLanguage): Promise<boolean>;
}

export function createMailer(config: Config['mail'], onError: (error: unknown) => void = () => undefined): Mailer {
  if (config.url === undefined) return { sendNotice: () => Promise.resolve(false) };
  const transport = nodemailer.createTransport(config.url);
  return {
    async sendNotice(to, kind, language) {
      const notice = notices[kind][language];
      try {
        await transport.sendMail({
          from: { name: config.fromName, address: config.from },
          to,
          subject: notice.subject,
          text: notice.text,
        });
        return true;
      } catch (error) {
        onError(error);
        return false;
      }
    },
  };
}
