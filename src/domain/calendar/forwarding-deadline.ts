// Forwarding a paper dossier to the competent agency (Decree 61/2018, chuyển hồ sơ): within the working
// day of receipt, or at the start of the next working day ("đầu giờ ngày làm việc tiếp theo") when
// received after the cut-off (15:00) or on a day that is not a working day.
import type { WorkingCalendar } from './working-calendar.ts';
import { clockPeriodsOf, dayIndexOf, endOfWorkDay, firstWorkDayAfter, instantOfDayIndex, timeOfDayAt } from './working-time.ts';

export interface ForwardingDeadline {
  deadline: number;
  rule: 'sameWorkingDay' | 'startOfNextWorkingDay';
}

/**
 * Received on a working day at or before the cut-off (before opening and in the lunch break included):
 * the end of that day's last period. Otherwise: the start of the next working day's first period, which
 * is itself the deadline.
 */
export function forwardingDeadline(calendar: WorkingCalendar, receivedAt: number): ForwardingDeadline {
  const index = dayIndexOf(calendar, receivedAt, 'receivedAt');
  const tod = timeOfDayAt(calendar, receivedAt, index);
  const ends = clockPeriodsOf(calendar, index).ends;
  const lastEnd = ends[ends.length - 1];
  if (lastEnd !== undefined && tod <= calendar.forwardingCutoffMs && tod < lastEnd) {
    return { deadline: endOfWorkDay(calendar, index), rule: 'sameWorkingDay' };
  }
  const next = firstWorkDayAfter(calendar, index, 'receivedAt');
  return { deadline: instantOfDayIndex(calendar, next, clockPeriodsOf(calendar, next).starts[0] as number), rule: 'startOfNextWorkingDay' };
}
