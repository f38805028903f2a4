// SMS through a provider. `log` (demo) writes the message to the server log; `http` is a generic
// gateway template: one JSON POST per message, a 2xx answer with an optional `{ id }` is "sent", and the
// gateway later reports delivery to POST /api/v1/notifications/sms-receipts (see docs/notifications.md).
import { maskPhone } from '../../domain/dossier/privacy.ts';
import type { ChannelSender, JobLogger, OutgoingMessage, SendOutcome } from './channel.ts';

export function logSmsChannel(log: JobLogger): ChannelSender {
  return {
    description: 'ghi vào nhật ký (demo)',
    async send(outgoing: OutgoingMessage): Promise<SendOutcome> {
      log.info({ notification: outgoing.id, to: maskPhone(outgoing.recipient), sms: outgoing.message.sms }, 'SMS (demo, không gửi thật)');
      return { ok: true, delivered: true, providerRef: `demo-${outgoing.id}` };
    },
  };
}

export interface HttpSmsOptions {
  url: string;
  token?: string | undefined;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function httpSmsChannel(options: HttpSmsOptions): ChannelSender {
  const doFetch = options.fetch ?? fetch;
  return {
    description: `HTTP ${new URL(options.url).host}`,
    async send(outgoing: OutgoingMessage): Promise<SendOutcome> {
      const reference = `motcua-${outgoing.id}`;
      let response: Response;
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
          body: JSON.stringify({ to: outgoing.recipient, text: outgoing.message.sms, reference }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
      } catch (error) {
        return { ok: false, permanent: false, error: `Không gọi được nhà cung cấp SMS: ${(error as Error).message}` };
      }
      if (!response.ok) {
        const detail = (await response.text().catch(() => '')).slice(0, 300);
        // 4xx: the gateway refuses this message (bad number, bad text) — retrying will not help; 429 and 5xx may.
        const permanent = response.status >= 400 && response.status < 500 && response.status !== 429 && response.status !== 408;
        return { ok: false, permanent, error: `Nhà cung cấp SMS trả lời ${response.status}: ${detail}` };
      }
      const answer = (await response.json().catch(() => ({}))) as { id?: unknown };
      return { ok: true, delivered: false, providerRef: typeof answer.id === 'string' && answer.id !== '' ? answer.id : reference };
    },
  };
}
