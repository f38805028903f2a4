// Files sent with a question or feedback: how many, and while the message is still being worked on.
// (The file checks themselves — type from the content, size — are the dossier attachments' rules.)
import { conflict } from '../errors.ts';
import type { FeedbackStatus } from './kinds.ts';

/** A handful of photos or scans is enough to show a paper; more is a sign of misuse. */
export const MAX_FEEDBACK_ATTACHMENTS = 5;

/** Files may be added until the unit has answered or refused (and while it waits for more information). */
export const ATTACHABLE_STATUSES: readonly FeedbackStatus[] = ['received', 'accepted', 'info_requested'];

export type AttachCheck = { ok: true } | { ok: false; error: ReturnType<typeof conflict> };

export function checkAttachment(status: FeedbackStatus, existing: number): AttachCheck {
  if (!ATTACHABLE_STATUSES.includes(status)) {
    return { ok: false, error: conflict('FEEDBACK_CLOSED', 'Câu hỏi, phản ánh đã được trả lời hoặc từ chối; không thể đính kèm thêm tệp.', { status }) };
  }
  if (existing >= MAX_FEEDBACK_ATTACHMENTS) {
    return { ok: false, error: conflict('TOO_MANY_ATTACHMENTS', `Mỗi câu hỏi, phản ánh được đính kèm tối đa ${MAX_FEEDBACK_ATTACHMENTS} tệp.`, { max: MAX_FEEDBACK_ATTACHMENTS }) };
  }
  return { ok: true };
}
