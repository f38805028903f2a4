// Which sender each channel uses, from the settings. E-mail without MOTCUA_SMTP_HOST: written to the
// log in demo mode; otherwise switched off, and each e-mail is marked failed with that reason rather
// than left queued (a backlog released months later, when someone configures SMTP, would send stale
// news; the failure is visible on the dossier page at once).
import type { NotificationSettings } from '../../config/settings.ts';
import { disabledChannel, IN_APP_CHANNEL, type Channels, type JobLogger } from './channel.ts';
import { logEmailChannel } from './email-log.ts';
import { smtpChannel } from './email-smtp.ts';
import { httpSmsChannel, logSmsChannel } from './sms.ts';

export const EMAIL_DISABLED_REASON = 'Chưa cấu hình máy chủ gửi thư (MOTCUA_SMTP_HOST): không gửi e-mail.';
export const SMS_DISABLED_REASON = 'Chưa cấu hình nhà cung cấp SMS (MOTCUA_SMS_PROVIDER): không gửi SMS.';

export function channelsFromSettings(settings: NotificationSettings, options: { demo: boolean; log: JobLogger }): Channels & { close(): void } {
  const smtp = settings.smtp ? smtpChannel(settings.smtp) : undefined;
  const email = smtp ?? (options.demo ? logEmailChannel(options.log) : disabledChannel(EMAIL_DISABLED_REASON));
  const smsKind = settings.smsProvider ?? (options.demo ? 'log' : 'none');
  const sms = smsKind === 'log' ? logSmsChannel(options.log)
    : smsKind === 'http' ? httpSmsChannel({ url: settings.smsHttpUrl!, token: settings.smsHttpToken })
    : disabledChannel(SMS_DISABLED_REASON);
  return { email, sms, inapp: IN_APP_CHANNEL, close: () => smtp?.close() };
}
