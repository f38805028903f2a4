// E-mail over SMTP with nodemailer. UTF-8 subject and body (nodemailer encodes the headers); plain text.
import nodemailer from 'nodemailer';
import type { NotificationSettings } from '../../config/settings.ts';
import type { ChannelSender, OutgoingMessage, SendOutcome } from './channel.ts';

type SmtpSettings = NonNullable<NotificationSettings['smtp']>;

export function smtpChannel(smtp: SmtpSettings): ChannelSender & { close(): void } {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user !== undefined ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    description: `SMTP ${smtp.host}:${smtp.port}`,
    async send(outgoing: OutgoingMessage): Promise<SendOutcome> {
      try {
        const info = await transport.sendMail({
          from: smtp.from,
          to: outgoing.recipient,
          subject: outgoing.message.subject,
          text: outgoing.message.text,
          headers: { 'X-Motcua-Notification': String(outgoing.id) },
        });
        if (info.rejected.length > 0) return { ok: false, permanent: true, error: `Máy chủ thư từ chối người nhận (${info.response ?? ''})` };
        return { ok: true, delivered: false, providerRef: info.messageId ?? null };
      } catch (error) {
        return smtpFailure(error);
      }
    },
    close: () => transport.close(),
  };
}

/** 5xx replies are permanent (bad address, refused); connection problems and 4xx are worth retrying. */
export function smtpFailure(error: unknown): SendOutcome {
  const e = error as { responseCode?: number; code?: string; message?: string };
  // A refused recipient comes as EENVELOPE with the server's code: 4xx (greylisting, full mailbox) is
  // temporary; without a code (no valid recipient at all) there is nothing to retry.
  const permanent = typeof e.responseCode === 'number' ? e.responseCode >= 500 : e.code === 'EENVELOPE';
  const detail = [e.code, e.responseCode, e.message].filter((v) => v !== undefined && v !== '').join(' ');
  return { ok: false, permanent, error: `Gửi e-mail không thành công: ${detail || String(error)}` };
}
