// An SMTP server on this machine for benches that send email: it accepts
// every message, reads it to the end and counts it, so that a bench times
// Lantern's mailer against a real server rather than a stand-in.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { smtpMailer, type Mailer } from '../src/jobs/mailer.ts';

export interface LocalSmtp {
  readonly mailer: Mailer;
  /** Messages received so far. */
  emails(): number;
  /** Closes the mailer's connections and the server. */
  close(): Promise<void>;
}

export async function localSmtp(): Promise<LocalSmtp> {
  let emails = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      stream.on('data', () => {});
      stream.on('end', () => {
        emails++;
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const mailer = smtpMailer({ smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, from: 'lantern@bench.example' });
  return {
    mailer,
    emails: () => emails,
    close() {
      mailer.close();
      return new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
