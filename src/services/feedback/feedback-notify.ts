// Messages to the sender through the notification queue (src/store/notifications.ts), in the command's
// transaction: an SMS to the phone always, an e-mail when one was given. Templates are named
// 'feedback.<event>' (src/services/notifications/ renders them); the payload carries what they need.
import { enqueueNotification } from '../../store/notifications.ts';
import type { Db } from '../../store/database.ts';
import type { FeedbackRow } from '../../store/feedback.ts';

export type FeedbackTemplate = 'feedback.received' | 'feedback.refused' | 'feedback.info_requested' | 'feedback.answered' | 'feedback.published';

export async function notifySender(db: Db, provinceCode: string, row: Pick<FeedbackRow, 'code' | 'phone' | 'email' | 'full_name'>, template: FeedbackTemplate,
  seq: number, payload: Record<string, unknown>): Promise<void> {
  const base = { code: row.code, fullName: row.full_name, lookupPath: `/hoi-dap/theo-doi?ma=${encodeURIComponent(row.code)}`, ...payload };
  const event = template.slice('feedback.'.length);
  await enqueueNotification(db, provinceCode, { channel: 'sms', recipient: row.phone, template, payload: base, subjectKind: 'feedback', subjectCode: row.code,
    dedupeKey: `feedback:${row.code}:${seq}:${event}:sms` });
  if (row.email) {
    await enqueueNotification(db, provinceCode, { channel: 'email', recipient: row.email, template, payload: base, subjectKind: 'feedback', subjectCode: row.code,
      dedupeKey: `feedback:${row.code}:${seq}:${event}:email` });
  }
}
