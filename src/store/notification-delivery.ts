// Delivering queued notifications. A claim is a lease: it counts the attempt and moves
// `next_attempt_at` past the lease, so no other instance takes the message while this one sends it,
// and a message whose sender died is taken again once the lease has expired. Sending happens outside
// any transaction (an SMTP conversation must not hold database locks).
import { sql } from 'kysely';
import type { Db } from './database.ts';
import type { NotificationChannel } from './notifications.ts';

export interface ClaimedNotification {
  id: number;
  channel: NotificationChannel;
  recipient: string;
  template: string;
  payload: Record<string, unknown>;
  subjectKind: string | null;
  subjectCode: string | null;
  /** Including this one. */
  attempts: number;
}

export async function claimDueNotifications(db: Db, provinceCode: string, now: Date, leaseMs: number, limit: number): Promise<ClaimedNotification[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  // A new message (attempts = 0) is due at once whatever the clocks say; retries wait for next_attempt_at.
  const result = await sql<{
    id: number; channel: NotificationChannel; recipient: string; template: string; payload: unknown;
    subject_kind: string | null; subject_code: string | null; attempts: number;
  }>`
    UPDATE notifications SET attempts = attempts + 1, next_attempt_at = ${leaseUntil}
    WHERE id IN (
      SELECT id FROM notifications
      WHERE province_code = ${provinceCode} AND status = 'queued' AND (attempts = 0 OR next_attempt_at <= ${now})
      ORDER BY id LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, channel, recipient, template, payload, subject_kind, subject_code, attempts`.execute(db);
  return result.rows
    .map((r) => ({
      id: Number(r.id), channel: r.channel, recipient: r.recipient, template: r.template, payload: r.payload as Record<string, unknown>,
      subjectKind: r.subject_kind, subjectCode: r.subject_code, attempts: Number(r.attempts),
    }))
    .sort((a, b) => a.id - b.id);
}

export async function markNotificationSent(db: Db, id: number, at: Date, outcome: { delivered: boolean; providerRef: string | null }): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ status: outcome.delivered ? 'delivered' : 'sent', sent_at: at, delivered_at: outcome.delivered ? at : null, provider_ref: outcome.providerRef, last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

export async function markNotificationRetry(db: Db, id: number, error: string, retryAt: Date): Promise<void> {
  await db.updateTable('notifications').set({ last_error: error.slice(0, 2000), next_attempt_at: retryAt }).where('id', '=', id).where('status', '=', 'queued').execute();
}

export async function markNotificationFailed(db: Db, id: number, error: string): Promise<void> {
  await db.updateTable('notifications').set({ status: 'failed', last_error: error.slice(0, 2000) }).where('id', '=', id).where('status', '=', 'queued').execute();
}

/** Removes fields from a message's stored payload (a one-time code, once it has been sent or has failed). */
export async function forgetPayloadFields(db: Db, id: number, fields: readonly string[]): Promise<void> {
  for (const field of fields) await sql`UPDATE notifications SET payload = payload - ${field}::text WHERE id = ${id}`.execute(db);
}

/** A provider's delivery receipt (SMS): sent → delivered or failed. False when no sent message has that reference. */
export async function recordDeliveryReceipt(db: Db, providerRef: string, outcome: 'delivered' | 'failed', at: Date, error: string | null): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set(outcome === 'delivered' ? { status: 'delivered', delivered_at: at } : { status: 'failed', last_error: (error ?? 'Nhà mạng báo không chuyển được tin nhắn.').slice(0, 2000) })
    .where('provider_ref', '=', providerRef)
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface NotificationView {
  id: number;
  channel: NotificationChannel;
  recipient: string;
  template: string;
  status: 'queued' | 'sent' | 'delivered' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
}

const VIEW_COLUMNS = ['id', 'channel', 'recipient', 'template', 'status', 'attempts', 'last_error', 'created_at', 'sent_at', 'delivered_at'] as const;

const toView = (r: { id: number; channel: NotificationChannel; recipient: string; template: string; status: NotificationView['status']; attempts: number;
  last_error: string | null; created_at: Date; sent_at: Date | null; delivered_at: Date | null }): NotificationView => ({
  id: r.id, channel: r.channel, recipient: r.recipient, template: r.template, status: r.status, attempts: r.attempts, lastError: r.last_error,
  createdAt: r.created_at, sentAt: r.sent_at, deliveredAt: r.delivered_at,
});

/** Every message about one subject (a dossier's page), oldest first, with delivery details. */
export async function listNotificationViews(db: Db, provinceCode: string, subjectKind: string, subjectCode: string): Promise<NotificationView[]> {
  const rows = await db.selectFrom('notifications').select([...VIEW_COLUMNS]).where('province_code', '=', provinceCode)
    .where('subject_kind', '=', subjectKind).where('subject_code', '=', subjectCode).orderBy('id').execute();
  return rows.map(toView);
}

/** An officer's in-app messages, newest first. */
export async function listInAppFor(db: Db, provinceCode: string, username: string, limit: number): Promise<Array<NotificationView & { subjectCode: string | null; payload: Record<string, unknown> }>> {
  const rows = await db.selectFrom('notifications').select([...VIEW_COLUMNS, 'subject_code', 'payload']).where('province_code', '=', provinceCode)
    .where('channel', '=', 'inapp').where('recipient', '=', username).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...toView(r), subjectCode: r.subject_code, payload: r.payload as Record<string, unknown> }));
}
