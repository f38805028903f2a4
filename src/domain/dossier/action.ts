// The actions an officer can take on a dossier (thao tác), as the contract names them, and the request
// each one carries. Requests arrive schema-checked from HTTP; `decide` checks their meaning.
import type { Extension, PauseReason } from '../sla/index.ts';
import type { ActorFacts } from './actor.ts';

export type ActionType =
  | 'transfer'
  | 'assign'
  | 'forward'
  | 'request_supplement'
  | 'receive_supplement'
  | 'pause'
  | 'resume'
  | 'extend'
  | 'reject'
  | 'approve'
  | 'record_result'
  | 'return_result'
  | 'withdraw';

export const ACTION_TYPES: readonly ActionType[] = [
  'transfer',
  'assign',
  'forward',
  'request_supplement',
  'receive_supplement',
  'pause',
  'resume',
  'extend',
  'reject',
  'approve',
  'record_result',
  'return_result',
  'withdraw',
];

/** Verb phrases, so messages read "Không thể <label> khi …". */
export const ACTION_LABELS_VI: Record<ActionType, string> = {
  transfer: 'chuyển hồ sơ đến cơ quan giải quyết',
  assign: 'phân công xử lý',
  forward: 'chuyển bước xử lý',
  request_supplement: 'yêu cầu bổ sung hồ sơ',
  receive_supplement: 'nhận hồ sơ bổ sung',
  pause: 'tạm dừng xử lý',
  resume: 'tiếp tục xử lý',
  extend: 'gia hạn (hẹn lại ngày trả kết quả)',
  reject: 'từ chối giải quyết',
  approve: 'phê duyệt kết quả',
  record_result: 'cập nhật kết quả giải quyết',
  return_result: 'trả kết quả',
  withdraw: 'rút hồ sơ',
};

export function isActionType(value: string): value is ActionType {
  return (ACTION_TYPES as readonly string[]).includes(value);
}

/** A pause the officer starts; a supplement pause only comes from `request_supplement`. */
export type PauseActionReason = Exclude<PauseReason, 'supplement'>;
export const PAUSE_REASONS: readonly PauseActionReason[] = ['fee', 'consultation', 'citizen_request'];
export const PAUSE_REASON_LABELS_VI: Record<PauseActionReason, string> = {
  fee: 'chờ thực hiện nghĩa vụ tài chính',
  consultation: 'chờ ý kiến cơ quan phối hợp',
  citizen_request: 'theo đề nghị của người nộp hồ sơ',
};

export type ReturnMethod = 'counter' | 'post';

/** `note` is free text kept in the history; `reason` is required where the law asks for one. */
export type ActionRequest =
  | { type: 'transfer'; note?: string }
  /** `assignee`: the staff member's facts, looked up by the caller. */
  | { type: 'assign'; assignee: ActorFacts; note?: string }
  /** To the next workflow step or back to an earlier one; `to` hands the dossier to that person. */
  | { type: 'forward'; toStep: string; direction: 'next' | 'back'; to?: ActorFacts; note?: string }
  /** `reason`: everything that is missing, said once and completely (một lần đầy đủ). */
  | { type: 'request_supplement'; reason: string; missingDocuments?: string[] }
  | { type: 'receive_supplement'; note?: string }
  | { type: 'pause'; reason: PauseActionReason; note?: string }
  | { type: 'resume'; note?: string }
  | { type: 'extend'; reason: string; extension: Extension }
  | { type: 'reject'; reason: string }
  | { type: 'approve'; note?: string }
  /** The result document: its number, who signed it, when (may precede `now`), and the stored file. */
  | { type: 'record_result'; resultNumber: string; signer: string; signedAt: number; fileRef?: string }
  /** At the counter the recipient's name is required; by post the postal item number. */
  | { type: 'return_result'; method: ReturnMethod; recipientName?: string; postalTrackingNumber?: string; note?: string }
  /** On the applicant's request (written or recorded at the counter). */
  | { type: 'withdraw'; reason?: string };

export type ActionRequestOf<T extends ActionType> = Extract<ActionRequest, { type: T }>;
