// Lantern's email: a small mailer over nodemailer's SMTP transport, made only
// when an SMTP server is configured (LANTERN_SMTP_URL and LANTERN_MAIL_FROM,
// src/config.ts). Without one Lantern sends no email, and what would have
// been emailed is shown in Lantern alone. Plain text: a reminder is a
// sentence and a link, and plain text reads the same in every mail client.
import nodemailer from 'nodemailer';
import type { MailConfig } from '../config.ts';

export interface Email {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  /** Sends one email; throws when the server refuses it or cannot be reached. */
  send(email: Email): Promise<void>;
  close(): void;
}

/** Waits on a silent server end in seconds, well inside the reminders job's expiry. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

/**
 * A pool of two connections, each reused for many messages: a connection of
 * its own for each email (the transport's default) spent most of a day's run
 * in greetings, 120 ms a message here (bench/reminders.ts).
 */
export function smtpMailer(mail: MailConfig): Mailer {
  const transport = nodemailer.createTransport({ url: mail.smtpUrl, pool: true, maxConnections: 2, ...TIMEOUTS }, { from: mail.from });
  return {
    async send(email) {
      await transport.sendMail({ to: email.to, subject: email.subject, text: email.text });
    },
    close() {
      transport.close();
    },
  };
}
