// Dossier statuses (trạng thái hồ sơ) as the contract names them, their Vietnamese labels, and the codes
// exchanged with the national public-service portal (domain.md §3).
import type { PauseReason } from '../sla/index.ts';

export type DossierStatus =
  | 'received'
  | 'transferred'
  | 'processing'
  | 'awaiting_supplement'
  | 'paused'
  | 'approved'
  | 'result_ready'
  | 'returned'
  | 'rejected'
  | 'withdrawn';

export const DOSSIER_STATUSES: readonly DossierStatus[] = [
  'received',
  'transferred',
  'processing',
  'awaiting_supplement',
  'paused',
  'approved',
  'result_ready',
  'returned',
  'rejected',
  'withdrawn',
];

export const STATUS_LABELS_VI: Record<DossierStatus, string> = {
  received: 'Đã tiếp nhận',
  transferred: 'Đã chuyển cơ quan giải quyết',
  processing: 'Đang xử lý',
  awaiting_supplement: 'Chờ bổ sung hồ sơ',
  paused: 'Tạm dừng xử lý',
  approved: 'Đã phê duyệt',
  result_ready: 'Có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
  rejected: 'Từ chối giải quyết',
  withdrawn: 'Đã rút hồ sơ',
};

/** Nothing happens to a dossier after these (the state machine refuses every action). */
export const TERMINAL_STATUSES: readonly DossierStatus[] = ['returned', 'rejected', 'withdrawn'];

export function isTerminal(status: DossierStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** The SLA clock has stopped: the dossier is "finished" for the on-time test (domain.md §5) even though a
 * result may still wait at the counter. */
export const CLOCK_FINISHED_STATUSES: readonly DossierStatus[] = ['result_ready', 'returned', 'rejected', 'withdrawn'];

export function isDossierStatus(value: string): value is DossierStatus {
  return (DOSSIER_STATUSES as readonly string[]).includes(value);
}

// ── National portal (Cổng Dịch vụ công quốc gia) ──────────────────────────────────────────────────

export type PortalStatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export const PORTAL_STATUS_LABELS_VI: Record<PortalStatusCode, string> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

/** What the portal code needs beyond the status. */
export interface PortalStatusContext {
  /** Why a `paused` dossier is paused. */
  pauseReason?: Exclude<PauseReason, 'supplement'> | null;
  /** A `rejected` dossier that was refused by the one-stop unit before it reached the competent agency. */
  rejectedAtReceipt?: boolean;
}

/**
 * motcua status → portal code. Code 1 (submitted online, not yet received) has no motcua status: a
 * dossier exists from its receipt. Choices (docs/decisions/0004):
 * - `transferred` → 4: once handed to the competent agency the applicant sees "being processed".
 * - `approved` → 4: signed off but no result document yet; 9 is given when the result exists.
 * - `paused` → 6 for a fee, 4 while waiting for another agency's opinion (still processing), else 8.
 * - `rejected` → 3 when the one-stop unit refused it before transfer ("không được tiếp nhận"); after
 *   appraisal → 8 ("dừng xử lý"): the dossier was received, so 3 would be false, and 9 would count a
 *   refusal as a processed result in the portal's statistics.
 */
export function portalStatusCode(status: DossierStatus, context: PortalStatusContext = {}): PortalStatusCode {
  switch (status) {
    case 'received':
      return 2;
    case 'transferred':
    case 'processing':
    case 'approved':
      return 4;
    case 'awaiting_supplement':
      return 5;
    case 'paused':
      return context.pauseReason === 'fee' ? 6 : context.pauseReason === 'consultation' ? 4 : 8;
    case 'result_ready':
      return 9;
    case 'returned':
      return 10;
    case 'rejected':
      return context.rejectedAtReceipt ? 3 : 8;
    case 'withdrawn':
      return 7;
  }
}

// ── Submission channels (kênh nộp hồ sơ): 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích ──────────
// The catalog owns the channel vocabulary (a procedure's per-channel time and fee); the dossier reuses it.
export { CHANNELS, CHANNEL_LABELS_VI, CHANNEL_PORTAL_CODES, type Channel } from '../catalog/channel.ts';
