// The delivery job: claims due notifications (a lease per message), renders each template, sends it
// on its channel and records the outcome — queued → sent (→ delivered by a receipt), or queued again
// with exponential backoff, or failed with the reason after a permanent error or `maxAttempts`.
import type { Channels, JobLogger } from '../services/notifications/channel.ts';
import { renderNotification, transientFieldsOf } from '../services/notifications/templates/index.ts';
import type { ServiceContext } from '../services/context.ts';
import { claimDueNotifications, forgetPayloadFields, markNotificationFailed, markNotificationRetry, markNotificationSent } from '../store/notification-delivery.ts';
import { backoffMs } from './backoff.ts';

export interface DeliveryOptions {
  channels: Channels;
  batch: number;
  leaseMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  publicUrl: string;
  log: JobLogger;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

export async function deliverNotifications(ctx: ServiceContext, options: DeliveryOptions): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  const claimed = await claimDueNotifications(ctx.db, ctx.provinceCode, ctx.now(), options.leaseMs, options.batch);
  for (const notification of claimed) {
    let outcome;
    try {
      const message = renderNotification(notification.template, notification.payload, { publicUrl: options.publicUrl, now: ctx.now().getTime() });
      outcome = await options.channels[notification.channel].send({ id: notification.id, channel: notification.channel, recipient: notification.recipient, message });
    } catch (error) {
      outcome = { ok: false as const, permanent: true, error: (error as Error).message };
    }
    const now = ctx.now();
    if (outcome.ok) {
      await markNotificationSent(ctx.db, notification.id, now, outcome);
      report.sent += 1;
    } else if (outcome.permanent || notification.attempts >= options.maxAttempts) {
      const error = outcome.permanent ? outcome.error : `${outcome.error} (đã thử ${notification.attempts} lần)`;
      await markNotificationFailed(ctx.db, notification.id, error);
      options.log.warn({ notification: notification.id, channel: notification.channel, template: notification.template, error }, 'notification failed');
      report.failed += 1;
    } else {
      await markNotificationRetry(ctx.db, notification.id, outcome.error, new Date(now.getTime() + backoffMs(options.retryBaseMs, notification.attempts)));
      report.retried += 1;
      continue;
    }
    const transient = transientFieldsOf(notification.template);
    if (transient.length > 0) await forgetPayloadFields(ctx.db, notification.id, transient);
  }
  return report;
}
