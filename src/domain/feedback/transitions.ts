// Who may do what, from which status — data, like the dossier table (docs/decisions/0010-feedback.md).
//
// | action        | from                                  | to             | who                                   |
// |---------------|---------------------------------------|----------------|---------------------------------------|
// | accept        | received                              | accepted       | officer of the responsible unit       |
// | refuse        | received, info_requested              | refused        | officer (reason required)             |
// | request_info  | received, accepted                    | info_requested | officer (what is missing)             |
// | info_received | info_requested                        | accepted       | the citizen, or an officer for them   |
// | answer        | accepted                              | answered       | officer                               |
// | publish       | answered                              | published      | leader or manager (public site)       |
// | reassign      | received, accepted, info_requested    | (same)         | officer (another valid unit, reason)  |
// | rate          | answered, published (once)            | (same)         | the citizen                           |
import { conflict, forbidden, type AppError } from '../errors.ts';
import { fail, ok, type Result } from '../sla/result.ts';
import type { Role } from '../staff/roles.ts';
import type { FeedbackEventType, FeedbackState } from './history.ts';
import { FEEDBACK_STATUS_LABELS_VI, type FeedbackStatus } from './kinds.ts';

/** What a person can do; 'restructure' is written by a restructuring plan only. */
export type FeedbackAction = Exclude<FeedbackEventType, 'submitted' | 'restructure'>;
export type StaffFeedbackAction = Exclude<FeedbackAction, 'rate'>;
export const STAFF_ACTIONS: readonly StaffFeedbackAction[] = ['accept', 'refuse', 'request_info', 'info_received', 'answer', 'publish', 'reassign'];

const OFFICERS: readonly Role[] = ['reception', 'processing', 'leader', 'manager'];

interface Rule {
  from: readonly FeedbackStatus[];
  /** Staff roles allowed; empty: citizens only. */
  roles: readonly Role[];
  citizen: boolean;
}

export const FEEDBACK_TRANSITIONS: Record<FeedbackAction, Rule> = {
  accept: { from: ['received'], roles: OFFICERS, citizen: false },
  refuse: { from: ['received', 'info_requested'], roles: OFFICERS, citizen: false },
  request_info: { from: ['received', 'accepted'], roles: OFFICERS, citizen: false },
  info_received: { from: ['info_requested'], roles: OFFICERS, citizen: true },
  answer: { from: ['accepted'], roles: OFFICERS, citizen: false },
  publish: { from: ['answered'], roles: ['leader', 'manager'], citizen: false },
  reassign: { from: ['received', 'accepted', 'info_requested'], roles: OFFICERS, citizen: false },
  rate: { from: ['answered', 'published'], roles: [], citizen: true },
};

export const ACTION_LABELS_VI: Record<FeedbackEventType, string> = {
  submitted: 'Tiếp nhận câu hỏi, phản ánh',
  accept: 'Tiếp nhận xử lý',
  refuse: 'Từ chối xử lý',
  request_info: 'Đề nghị bổ sung thông tin',
  info_received: 'Nhận thông tin bổ sung',
  answer: 'Trả lời',
  publish: 'Công khai câu trả lời',
  reassign: 'Chuyển đơn vị xử lý',
  restructure: 'Chuyển do sắp xếp đơn vị hành chính',
  rate: 'Người gửi đánh giá câu trả lời',
};

export function isStaffFeedbackAction(value: string): value is StaffFeedbackAction {
  return (STAFF_ACTIONS as readonly string[]).includes(value);
}

export type Performer = { kind: 'staff'; roles: readonly Role[] } | { kind: 'citizen' };

/** Whether `action` may happen now; the status is checked first, then the performer, then "once". */
export function checkFeedbackAction(state: FeedbackState, action: FeedbackAction, performer: Performer): Result<FeedbackStatus> {
  const rule = FEEDBACK_TRANSITIONS[action];
  if (!rule.from.includes(state.status)) return fail(notAllowedFrom(state.status, action, rule.from));
  if (performer.kind === 'citizen' ? !rule.citizen : !performer.roles.some((r) => rule.roles.includes(r))) {
    return fail(forbidden('ROLE_NOT_ALLOWED', `Vai trò của bạn không được thực hiện thao tác "${ACTION_LABELS_VI[action]}".`, { action }));
  }
  if (action === 'rate' && state.rating !== null) {
    return fail(conflict('ALREADY_RATED', 'Câu trả lời này đã được đánh giá; mỗi câu trả lời chỉ được đánh giá một lần.'));
  }
  const to = ({ accept: 'accepted', refuse: 'refused', request_info: 'info_requested', info_received: 'accepted', answer: 'answered', publish: 'published' } as Partial<Record<FeedbackAction, FeedbackStatus>>)[action];
  return ok(to ?? state.status);
}

function notAllowedFrom(status: FeedbackStatus, action: FeedbackAction, from: readonly FeedbackStatus[]): AppError {
  return conflict('ACTION_NOT_ALLOWED',
    `Không thể "${ACTION_LABELS_VI[action]}" khi câu hỏi, phản ánh đang ở trạng thái "${FEEDBACK_STATUS_LABELS_VI[status]}" (chỉ được khi: ${from.map((s) => FEEDBACK_STATUS_LABELS_VI[s]).join(', ')}).`,
    { status, action, allowedFrom: from });
}

/** The staff actions a performer may take now (for the UI's buttons). */
export function allowedFeedbackActions(state: FeedbackState, roles: readonly Role[]): StaffFeedbackAction[] {
  return STAFF_ACTIONS.filter((a) => checkFeedbackAction(state, a, { kind: 'staff', roles }).ok);
}
