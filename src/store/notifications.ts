// Queued messages (e-mail, SMS). Written inside the caller's transaction so a message exists exactly
// when the change that caused it was committed; the dedupe key makes a retried command queue nothing new.
import type { Db } from './database.ts';

/** 'inapp': shown to an officer inside motcua (the recipient is a username). */
export type NotificationChannel = 'email' | 'sms' | 'inapp';

export interface NotificationRequest {
  channel: NotificationChannel;
  recipient: string;
  /** Template name, e.g. 'dossier.received' (templates live in src/services/notifications/). */
  template: string;
  payload: Record<string, unknown>;
  subjectKind?: 'dossier' | 'feedback' | 'staff' | 'ticket' | 'appointment';
  subjectCode?: string;
  /** Unique per cause and channel, e.g. `dossier:${code}:received:email`. */
  dedupeKey: string;
}

/** Queues a message; a second request with the same dedupe key is ignored. */
export async function enqueueNotification(db: Db, provinceCode: string, request: NotificationRequest): Promise<void> {
  await enqueueNotifications(db, provinceCode, [request]);
}

/** Many messages at once (a restructuring's notices), 500 rows a statement; a dedupe key already queued is skipped. */
export async function enqueueNotifications(db: Db, provinceCode: string, requests: readonly NotificationRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 500) {
    await db
      .insertInto('notifications')
      .values(requests.slice(i, i + 500).map((request) => ({
        province_code: provinceCode, channel: request.channel, recipient: request.recipient, template: request.template,
        payload: JSON.stringify(request.payload), subject_kind: request.subjectKind ?? null, subject_code: request.subjectCode ?? null,
        dedupe_key: request.dedupeKey,
      })))
      .onConflict((oc) => oc.columns(['province_code', 'dedupe_key']).doNothing())
      .execute();
  }
}

export interface NotificationRecord {
  id: number;
  channel: NotificationChannel;
  recipient: string;
  template: string;
  status: 'queued' | 'sent' | 'delivered' | 'failed';
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
}

/** Messages about one dossier or feedback item, oldest first (for its page). */
export async function listNotificationsFor(db: Db, provinceCode: string, subjectKind: string, subjectCode: string): Promise<NotificationRecord[]> {
  const rows = await db
    .selectFrom('notifications')
    .select(['id', 'channel', 'recipient', 'template', 'status', 'attempts', 'created_at', 'sent_at'])
    .where('province_code', '=', provinceCode)
    .where('subject_kind', '=', subjectKind)
    .where('subject_code', '=', subjectCode)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, channel: r.channel, recipient: r.recipient, template: r.template, status: r.status, attempts: r.attempts, createdAt: r.created_at, sentAt: r.sent_at }));
}
