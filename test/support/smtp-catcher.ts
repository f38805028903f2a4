// A real SMTP server on a free local port that keeps what it receives, parsed (for tests that read the
// e-mails motcua sends). `failWith` makes it refuse every recipient with that SMTP reply code.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface SmtpCatcher {
  port: number;
  mails: ParsedMail[];
  /** Connections that reached RCPT TO (accepted or refused). */
  attempts: number;
  waitFor(count: number, ms?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpCatcher(options: { failWith?: number } = {}): Promise<SmtpCatcher> {
  const mails: ParsedMail[] = [];
  const catcher = { port: 0, mails, attempts: 0 } as SmtpCatcher;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'], // plain local SMTP: no certificate to trust in tests
    logger: false,
    onRcptTo(_address, _session, callback) {
      catcher.attempts += 1;
      if (options.failWith === undefined) return callback();
      const error = Object.assign(new Error(options.failWith >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: options.failWith });
      return callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        mails.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  catcher.port = (server.server.address() as AddressInfo).port;
  catcher.waitFor = async (count, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (mails.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    if (mails.length < count) throw new Error(`expected ${count} e-mails, got ${mails.length}`);
    return mails;
  };
  catcher.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return catcher;
}
