// Monitoring the paper file's journey: is a transfer still to leave, and is it overdue or due soon?
// "Due soon" = at most `dueSoonWorkingMs` of working time before the forwarding deadline (open rule:
// the law times the handover only; 2 working hours by default, so a file received in the morning shows
// up after 15:00 and one received after the cut-off shows up before opening the next day).
import { HOUR_MS, workingCoordinate, type WorkingCalendar } from '../calendar/index.ts';
import { paperTransferStatus, type PaperTransfer } from './paper-transfer.ts';

export const PAPER_DUE_SOON_WORKING_MS = 2 * HOUR_MS;

export type PaperWatch = 'overdue' | 'due_soon' | 'on_track' | 'no_deadline' | 'in_transit' | 'delivered' | 'cancelled';

export interface PaperWatchStatus {
  watch: PaperWatch;
  /** Handed over after the deadline, or still not handed over past it. */
  late: boolean;
  lateByMs: number;
  /** Working time left before the deadline (null once sent or without deadline). */
  remainingWorkingMs: number | null;
}

export function watchPaperTransfer(
  calendar: WorkingCalendar,
  transfer: PaperTransfer & { cancelledAt?: number | null },
  now: number,
  dueSoonWorkingMs = PAPER_DUE_SOON_WORKING_MS,
): PaperWatchStatus {
  const status = paperTransferStatus(transfer, now);
  const base = { late: status.late, lateByMs: status.lateByMs, remainingWorkingMs: null };
  if (transfer.cancelledAt != null) return { ...base, watch: 'cancelled', late: false, lateByMs: 0 };
  if (status.stage === 'delivered') return { ...base, watch: 'delivered' };
  if (status.stage === 'in_transit') return { ...base, watch: 'in_transit' };
  if (transfer.deadline === null) return { ...base, watch: 'no_deadline' };
  if (status.late) return { ...base, watch: 'overdue' };
  const remaining = Math.max(0, workingCoordinate(calendar, transfer.deadline, 'deadline') - workingCoordinate(calendar, now, 'now'));
  return { ...base, remainingWorkingMs: remaining, watch: remaining <= dueSoonWorkingMs ? 'due_soon' : 'on_track' };
}
