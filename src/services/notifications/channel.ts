// A delivery channel sends one rendered message and says what happened. Transient failures are retried
// with backoff; permanent ones (a refused address, a channel that is not configured) fail at once.
import type { NotificationChannel } from '../../store/notifications.ts';
import type { RenderedMessage } from './templates/index.ts';

export interface OutgoingMessage {
  id: number;
  channel: NotificationChannel;
  recipient: string;
  message: RenderedMessage;
}

export type SendOutcome =
  | { ok: true; delivered: boolean; providerRef: string | null }
  | { ok: false; permanent: boolean; error: string };

export interface ChannelSender {
  /** For the start-up log line: "SMTP smtp.example.org:587", "ghi vào nhật ký (demo)", "tắt". */
  readonly description: string;
  send(message: OutgoingMessage): Promise<SendOutcome>;
}

export type Channels = Record<NotificationChannel, ChannelSender>;

/** Minimal logger shape (pino / Fastify's logger). */
export interface JobLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

export const SILENT_LOGGER: JobLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A channel that is switched off: every message fails at once with the reason (visible on the dossier page). */
export function disabledChannel(reason: string): ChannelSender {
  return { description: `tắt (${reason})`, send: async () => ({ ok: false, permanent: true, error: reason }) };
}

/** Officers read in-app messages inside motcua: storing them is delivering them. */
export const IN_APP_CHANNEL: ChannelSender = {
  description: 'trong ứng dụng',
  send: async () => ({ ok: true, delivered: true, providerRef: null }),
};

/** `nguyen.an@example.com` → `ng***@example.com` (logs never hold a full address). */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address.slice(0, Math.min(2, at))}***${address.slice(at)}`;
}
