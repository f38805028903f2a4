// The paper file's journey between units (chuyển hồ sơ giấy, Mẫu 05 "Phiếu kiểm soát quá trình"): who
// handed it over, where and when, who took it in, and whether the forwarding deadline was kept.
// Decree 61/2018: forwarded within the working day of receipt, or at the start of the next working day
// when received after 15:00 — the calendar's `forwardingDeadline` computes that instant; the same rule
// applies to supplements passed on. Results travel back without a legal deadline (deadline null).
import { conflict, invalid, type AppError } from '../errors.ts';
import type { ForwardingDeadline } from '../calendar/index.ts';
import { fail, ok, type Result } from '../sla/result.ts';
import type { PaperPurpose } from './decision.ts';
import { instantVN } from './vn-text.ts';

/** One side of the handover. */
export interface Handover {
  username: string;
  unitCode: string;
  at: number;
}

export interface PaperTransfer {
  purpose: PaperPurpose;
  fromUnitCode: string;
  toUnitCode: string;
  /** When the papers became ready to leave (receipt, supplement taken in, result recorded). */
  readyAt: number;
  /** Latest instant to hand them over; null when no rule applies. */
  deadline: number | null;
  deadlineRule: ForwardingDeadline['rule'] | null;
  sent: Handover | null;
  received: Handover | null;
}

export function planPaperTransfer(input: {
  purpose: PaperPurpose;
  fromUnitCode: string;
  toUnitCode: string;
  readyAt: number;
  /** `forwardingDeadline(calendar of the sending unit, readyAt)`, or null (results). */
  deadline: ForwardingDeadline | null;
}): PaperTransfer {
  return {
    purpose: input.purpose,
    fromUnitCode: input.fromUnitCode,
    toUnitCode: input.toUnitCode,
    readyAt: input.readyAt,
    deadline: input.deadline?.deadline ?? null,
    deadlineRule: input.deadline?.rule ?? null,
    sent: null,
    received: null,
  };
}

function handoverProblem(handover: Handover, expectedUnit: string, field: 'sent' | 'received', notBefore: number): AppError | undefined {
  if (!Number.isFinite(handover.at)) return invalid('INVALID_INSTANT', `Trường "${field}.at": thời điểm không hợp lệ.`, { field: `${field}.at` });
  if (handover.unitCode !== expectedUnit) {
    return invalid(
      'WRONG_UNIT',
      field === 'sent'
        ? `Hồ sơ giấy phải do đơn vị ${expectedUnit} chuyển đi, không phải ${handover.unitCode}.`
        : `Hồ sơ giấy chuyển đến đơn vị ${expectedUnit}, cán bộ đơn vị ${handover.unitCode} không thể ký nhận.`,
      { field: `${field}.unitCode`, value: handover.unitCode, expected: expectedUnit },
    );
  }
  if (handover.at < notBefore) {
    return invalid('HANDOVER_OUT_OF_ORDER', `Trường "${field}.at": không thể sớm hơn ${instantVN(notBefore)}.`, { field: `${field}.at` });
  }
  return undefined;
}

/** The sending officer hands the papers over. */
export function recordPaperSent(transfer: PaperTransfer, handover: Handover): Result<PaperTransfer> {
  if (transfer.sent) return fail(conflict('ALREADY_SENT', 'Hồ sơ giấy này đã được chuyển đi.', { sentAt: transfer.sent.at }));
  const problem = handoverProblem(handover, transfer.fromUnitCode, 'sent', transfer.readyAt);
  return problem ? fail(problem) : ok({ ...transfer, sent: handover });
}

/** The receiving unit signs for the papers. */
export function recordPaperReceived(transfer: PaperTransfer, handover: Handover): Result<PaperTransfer> {
  if (!transfer.sent) return fail(conflict('NOT_SENT', 'Hồ sơ giấy chưa được chuyển đi nên chưa thể ký nhận.', {}));
  if (transfer.received) return fail(conflict('ALREADY_RECEIVED', 'Hồ sơ giấy này đã được ký nhận.', { receivedAt: transfer.received.at }));
  const problem = handoverProblem(handover, transfer.toUnitCode, 'received', transfer.sent.at);
  return problem ? fail(problem) : ok({ ...transfer, received: handover });
}

export type PaperStage = 'awaiting_dispatch' | 'in_transit' | 'delivered';

export interface PaperTransferStatus {
  stage: PaperStage;
  /** Handed over after the deadline, or still not handed over at `now` past it. */
  late: boolean;
  /** How late (ms) the handover was or is so far; 0 when on time or without deadline. */
  lateByMs: number;
}

/**
 * Lateness is judged on the handover (`sent.at`), the act the decree times ("chuyển hồ sơ"); the trip
 * itself and the agency's signature are recorded but not timed here.
 */
export function paperTransferStatus(transfer: PaperTransfer, now: number): PaperTransferStatus {
  const stage: PaperStage = transfer.received ? 'delivered' : transfer.sent ? 'in_transit' : 'awaiting_dispatch';
  if (transfer.deadline === null) return { stage, late: false, lateByMs: 0 };
  const handedAt = transfer.sent?.at ?? now;
  const lateByMs = Math.max(0, handedAt - transfer.deadline);
  return { stage, late: lateByMs > 0, lateByMs };
}
