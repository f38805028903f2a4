// Where dossier states go (MOTCUA_NATIONAL_PORTAL). `demo` records them as accepted and writes a log line
// (like the demo payment gateway and the SMS log provider); `http` posts each state as JSON — a
// protocol of motcua's own, since the national portal's (DVCQG) is not public here (docs/decisions/0030).
import type { NationalPortalSettings } from '../../config/settings.ts';
import type { NationalPortalDossier } from '../../domain/portal/national-sync.ts';
import type { JobLogger } from '../notifications/channel.ts';

export type PortalSendOutcome = { ok: true } | { ok: false; error: string };

export interface NationalPortalSender {
  readonly description: string;
  send(message: NationalPortalDossier): Promise<PortalSendOutcome>;
}

export function demoPortalSender(log: JobLogger): NationalPortalSender {
  return {
    description: 'ghi vào nhật ký (demo)',
    async send(message) {
      log.info({ nationalPortal: message }, 'Cổng DVCQG (demo, không gửi thật): đồng bộ trạng thái hồ sơ');
      return { ok: true };
    },
  };
}

export interface HttpPortalOptions {
  url: string;
  token?: string | undefined;
  /** Must stay well under the job lease: one state of a dossier in flight at a time. */
  timeoutMs?: number;
}

/** A 2xx answer is "accepted". Anything else is retried with backoff (a refusal is visible as the row's
 * last error; the portal may refuse until the procedure or agency is registered there). */
export function httpPortalSender(options: HttpPortalOptions): NationalPortalSender {
  return {
    description: `HTTP ${new URL(options.url).host}`,
    async send(message) {
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            // Same state, same key: the receiver can answer a replay without applying it twice.
            'idempotency-key': `${message.provinceCode}:${message.dossierCode}:${message.seq}:${message.dueAt ?? ''}`,
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
          body: JSON.stringify(message),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
      } catch (error) {
        return { ok: false, error: `Không gọi được Cổng DVCQG: ${(error as Error).message}` };
      }
      if (!response.ok) {
        const detail = (await response.text().catch(() => '')).slice(0, 300);
        return { ok: false, error: `Cổng DVCQG trả lời ${response.status}: ${detail}` };
      }
      await response.body?.cancel().catch(() => undefined);
      return { ok: true };
    },
  };
}

/** undefined when the synchronisation is off. */
export function portalSenderFromSettings(settings: NationalPortalSettings, log: JobLogger, timeoutMs: number): NationalPortalSender | undefined {
  if (settings.mode === 'demo') return demoPortalSender(log);
  if (settings.mode === 'http' && settings.url) return httpPortalSender({ url: settings.url, token: settings.token, timeoutMs });
  return undefined;
}
