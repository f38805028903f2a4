// The promised instant (ngày hẹn trả kết quả) of a dossier from its receipt instant and the procedure's
// time limit. Receipts outside working periods count from the next period start (domain.md §5, common
// practice); the due instant is the earliest instant at which the working time is used up.
import { durationProblem, type Duration } from './duration.ts';
import { HOUR_MS, parseClock } from './local-time.ts';
import type { WorkingCalendar } from './working-calendar.ts';
import {
  clockPeriodsOf,
  dayIndexOf,
  endOfWorkDay,
  firstWorkDayAfter,
  instantAtCoordinate,
  nextWorkingInstant,
  timeOfDayAt,
  workingCoordinate,
} from './working-time.ts';

/**
 * Working time of a duration in ms. A day is the calendar's weekday length (8 h by default), so N days
 * from 10:00 end at 10:00 on the Nth working day even when the periods do not add up to 8 h; an hour is
 * always 3,600,000 ms of working time.
 */
export function workingBudgetMs(calendar: WorkingCalendar, duration: Duration & { unit: 'days' | 'hours' }): number {
  return Math.round(duration.value * (duration.unit === 'days' ? calendar.dayWorkMs : HOUR_MS));
}

/** End of the working day a receipt counts in: its own day if the clock is still running that day,
 * otherwise the next working day. */
function endOfReceiptDay(calendar: WorkingCalendar, receivedAt: number): number {
  const start = nextWorkingInstant(calendar, receivedAt, 'receivedAt');
  return endOfWorkDay(calendar, dayIndexOf(calendar, start, 'receivedAt'));
}

/**
 * `days` / `hours`: working time from the receipt. `sameDay`: end of the receipt's working day (or of the
 * next working day when received outside working time). `sameDayOrNextIfAfter`: same day, but the end of
 * the next working day when received after the cut-off or on a non-working day.
 * Throws an `invalid` AppError naming `receivedAt` or `duration` when out of range or malformed.
 */
export function dueDate(calendar: WorkingCalendar, receivedAt: number, duration: Duration): number {
  const problem = durationProblem(duration);
  if (problem) throw problem;
  switch (duration.unit) {
    case 'days':
    case 'hours': {
      const budget = workingBudgetMs(calendar, duration);
      if (budget === 0) return nextWorkingInstant(calendar, receivedAt, 'receivedAt');
      return instantAtCoordinate(calendar, workingCoordinate(calendar, receivedAt, 'receivedAt') + budget, 'duration');
    }
    case 'sameDay':
      return endOfReceiptDay(calendar, receivedAt);
    case 'sameDayOrNextIfAfter': {
      const index = dayIndexOf(calendar, receivedAt, 'receivedAt');
      const periods = clockPeriodsOf(calendar, index);
      const tod = timeOfDayAt(calendar, receivedAt, index);
      const lastEnd = periods.ends[periods.ends.length - 1];
      if (lastEnd !== undefined && tod <= (parseClock(duration.cutoff) as number) && tod < lastEnd) return endOfWorkDay(calendar, index);
      return endOfWorkDay(calendar, firstWorkDayAfter(calendar, index, 'duration'));
    }
  }
}
