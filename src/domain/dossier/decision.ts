// What `decide` answers: the new status, the events for the SLA clock, and the side effects the service
// must carry out in the same transaction (forms to print, papers to send, people to tell).
import type { AppError } from '../errors.ts';
import type { ClockEvent } from '../sla/index.ts';
import type { ActionType, ReturnMethod } from './action.ts';
import type { DossierStatus } from './status.ts';

/** The one-stop forms of Circular 01/2018 an action produces. */
export type FormKind = 'supplement_request' | 'refusal' | 'apology';
export const FORM_TEMPLATES: Record<FormKind, string> = {
  supplement_request: 'Mẫu 02', // Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ
  refusal: 'Mẫu 03', // Phiếu từ chối tiếp nhận giải quyết hồ sơ
  apology: 'Mẫu 04', // Phiếu xin lỗi và hẹn lại ngày trả kết quả
};

export type PaperPurpose = 'dossier' | 'supplement' | 'result';

export type Effect =
  /** Papers must travel between units; the service opens a transfer record (paper-transfer.ts). */
  | { kind: 'paper_transfer'; purpose: PaperPurpose; fromUnitCode: string; toUnitCode: string }
  | { kind: 'form'; form: FormKind }
  /** SMS / e-mail / phone to the applicant, beyond the status-change event every change emits. */
  | { kind: 'notify_applicant'; topic: 'supplement_requested' | 'extended' | 'rejected' | 'result_ready' }
  /** The dossier now sits with this person (the "mine" inbox). */
  | { kind: 'handler'; username: string }
  | { kind: 'step'; toStep: string; direction: 'next' | 'back' }
  | { kind: 'result'; resultNumber: string; signer: string; signedAt: number; fileRef: string | null }
  | { kind: 'returned'; method: ReturnMethod; recipientName: string | null; postalTrackingNumber: string | null }
  /** Allowed, but the record should show it (e.g. a second supplement request counts as late). */
  | { kind: 'warning'; code: 'REPEATED_SUPPLEMENT_REQUEST'; message: string };

export interface Accepted {
  ok: true;
  action: ActionType;
  fromStatus: DossierStatus;
  nextStatus: DossierStatus;
  /** Append to the dossier's clock (src/domain/sla) in this order. */
  clockEvents: ClockEvent[];
  effects: Effect[];
  /** The reason or note to keep in the history row, trimmed; null when none was given. */
  reason: string | null;
}

export interface Refused {
  ok: false;
  error: AppError;
}

export type Decision = Accepted | Refused;
