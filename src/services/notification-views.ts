// Reading notifications: a dossier's messages for its page (scoped like the dossier; addresses masked),
// an officer's own in-app messages, and the SMS provider's delivery receipts.
import { timingSafeEqual, createHash } from 'node:crypto';
import { notFound, unauthorized } from '../domain/errors.ts';
import { maskPhone } from '../domain/dossier/privacy.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import { findDossier } from '../store/dossiers.ts';
import { listInAppFor, listNotificationViews, recordDeliveryReceipt, type NotificationView } from '../store/notification-delivery.ts';
import { maskEmail } from './notifications/channel.ts';
import { renderNotification, templateLabel } from './notifications/templates/index.ts';
import { requireDossierScope } from './dossier-access.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

const iso = (d: Date | null) => (d ? formatInstantVN(d.getTime()) : null);

function maskedRecipient(view: NotificationView): string {
  if (view.channel === 'email') return maskEmail(view.recipient);
  if (view.channel === 'sms') return maskPhone(view.recipient);
  return view.recipient;
}

export async function dossierNotifications(ctx: ServiceContext, actor: Actor, code: string, origin: RequestOrigin) {
  const dossier = await findDossier(ctx.db, ctx.provinceCode, code);
  if (!dossier) throw notFound('DOSSIER_NOT_FOUND', `Không có hồ sơ mã "${code}".`);
  await requireDossierScope(ctx, actor, dossier, origin);
  const views = await listNotificationViews(ctx.db, ctx.provinceCode, 'dossier', code);
  return {
    items: views.map((v) => ({
      id: v.id,
      channel: v.channel,
      recipient: maskedRecipient(v),
      template: v.template,
      label: templateLabel(v.template),
      status: v.status,
      attempts: v.attempts,
      lastError: v.lastError,
      createdAt: iso(v.createdAt)!,
      sentAt: iso(v.sentAt),
      deliveredAt: iso(v.deliveredAt),
    })),
  };
}

export async function myNotifications(ctx: ServiceContext, actor: Actor, limit: number) {
  const rows = await listInAppFor(ctx.db, ctx.provinceCode, actor.username, limit);
  return {
    items: rows.map((r) => {
      let title: string;
      try {
        title = renderNotification(r.template, r.payload, { publicUrl: ctx.settings.notifications.publicUrl }).subject;
      } catch {
        title = templateLabel(r.template);
      }
      return { id: r.id, template: r.template, label: templateLabel(r.template), title, dossierCode: r.subjectCode, createdAt: iso(r.createdAt)! };
    }),
  };
}

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = createHash('sha256').update(given ?? '').digest();
  const b = createHash('sha256').update(expected).digest();
  return given !== undefined && timingSafeEqual(a, b);
}

/** The SMS gateway reports delivery (or its failure) of a message it accepted earlier. */
export async function receiveSmsReceipt(ctx: ServiceContext, secret: string | undefined, receipt: { providerRef: string; status: 'delivered' | 'failed'; error?: string | undefined }) {
  const expected = ctx.settings.notifications.smsCallbackSecret;
  if (!expected || !sameSecret(secret, expected)) throw unauthorized('BAD_CALLBACK_SECRET', 'Khóa xác thực của nhà cung cấp SMS không đúng.');
  const updated = await recordDeliveryReceipt(ctx.db, receipt.providerRef, receipt.status, ctx.now(), receipt.error ?? null);
  if (!updated) throw notFound('NOTIFICATION_NOT_FOUND', `Không có tin nhắn đang chờ báo nhận với mã "${receipt.providerRef}".`);
  return { providerRef: receipt.providerRef, status: receipt.status };
}
