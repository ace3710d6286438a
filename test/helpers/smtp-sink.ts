import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  /** Every message received, parsed as a mail client would. */
  received: ParsedMail[];
  /** SMTP_URL for the app. */
  url: string;
  close(): Promise<void>;
}

/** A local SMTP sink: a real SMTP conversation on 127.0.0.1, messages parsed as a mail client would. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The address a message went to. */
export function recipientOf(mail: ParsedMail): string | undefined {
  return mail.to !== undefined && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined;
}
