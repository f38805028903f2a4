// Demo mode without SMTP: e-mails are written to the server log instead of being sent. The recipient is
// masked and the greeting line (the applicant's name) left out; the rest is what the citizen would read.
import type { ChannelSender, JobLogger, OutgoingMessage, SendOutcome } from './channel.ts';
import { maskEmail } from './channel.ts';

export function logEmailChannel(log: JobLogger): ChannelSender {
  return {
    description: 'ghi vào nhật ký (demo, không có MOTCUA_SMTP_HOST)',
    async send(outgoing: OutgoingMessage): Promise<SendOutcome> {
      const body = outgoing.message.text.split('\n').filter((line) => !line.startsWith('Kính gửi')).join('\n').trim();
      log.info({ notification: outgoing.id, to: maskEmail(outgoing.recipient), subject: outgoing.message.subject, body }, 'E-mail (demo, không gửi thật)');
      return { ok: true, delivered: false, providerRef: `demo-${outgoing.id}` };
    },
  };
}
