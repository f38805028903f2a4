// Kinds and statuses of a citizen's message (phản ánh, kiến nghị — PAKN; yêu cầu tư vấn), with their
// Vietnamese labels. Names are the public contract's (`kind` of POST /public/feedback).

/** question = yêu cầu tư vấn; feedback = phản ánh về quy định thủ tục; complaint = phản ánh về việc xử lý
 * một hồ sơ; suggestion = kiến nghị. */
export type FeedbackKind = 'question' | 'feedback' | 'complaint' | 'suggestion';
export const FEEDBACK_KINDS: readonly FeedbackKind[] = ['question', 'feedback', 'complaint', 'suggestion'];

export const KIND_LABELS_VI: Record<FeedbackKind, string> = {
  question: 'Câu hỏi, yêu cầu tư vấn',
  feedback: 'Phản ánh về quy định thủ tục',
  complaint: 'Phản ánh về việc giải quyết hồ sơ',
  suggestion: 'Kiến nghị, đề xuất',
};

export function isFeedbackKind(value: unknown): value is FeedbackKind {
  return typeof value === 'string' && (FEEDBACK_KINDS as readonly string[]).includes(value);
}

/**
 * received (đã tiếp nhận) → accepted (đã tiếp nhận xử lý) | refused (từ chối, có lý do) |
 * info_requested (đề nghị bổ sung thông tin) → answered (đã trả lời) → published (đã công khai).
 */
export type FeedbackStatus = 'received' | 'accepted' | 'refused' | 'info_requested' | 'answered' | 'published';
export const FEEDBACK_STATUSES: readonly FeedbackStatus[] = ['received', 'accepted', 'refused', 'info_requested', 'answered', 'published'];

export const FEEDBACK_STATUS_LABELS_VI: Record<FeedbackStatus, string> = {
  received: 'Đã tiếp nhận, chờ phân loại',
  accepted: 'Đang xử lý',
  refused: 'Từ chối xử lý',
  info_requested: 'Đề nghị bổ sung thông tin',
  answered: 'Đã trả lời',
  published: 'Đã trả lời và công khai',
};

/** Statuses in which the unit still owes the citizen something (open work for the lists). */
export const OPEN_STATUSES: readonly FeedbackStatus[] = ['received', 'accepted', 'info_requested'];

export function isOpenStatus(status: FeedbackStatus): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}
