// Working time as one number line. The "working coordinate" of an instant is the working time (ms) from
// the start of the calendar's range up to it; it stands still outside working periods. Due dates,
// remaining time and pauses are then additions and subtractions on that line, each O(1).
import { instantOutOfRange, resultOutOfRange } from './calendar-errors.ts';
import { DAY_MS, VN_OFFSET_MS } from './local-time.ts';
import type { PeriodSet, WorkingCalendar } from './working-calendar.ts';

/** Day index within the calendar's range of an instant; throws naming `field` when outside. */
export function dayIndexOf(calendar: WorkingCalendar, epochMs: number, field: string): number {
  const index = Math.floor((epochMs + VN_OFFSET_MS) / DAY_MS) - calendar.firstDay;
  if (!(index >= 0 && index < calendar.dayCount)) throw instantOutOfRange(field, epochMs, calendar.years);
  return index;
}

/** Instant of a day index at a time of day (ms since local midnight). */
export function instantOfDayIndex(calendar: WorkingCalendar, index: number, timeOfDayMs: number): number {
  return (calendar.firstDay + index) * DAY_MS + timeOfDayMs - VN_OFFSET_MS;
}

/** Ms since local midnight of an instant on day `index`. */
export function timeOfDayAt(calendar: WorkingCalendar, epochMs: number, index: number): number {
  return epochMs - instantOfDayIndex(calendar, index, 0);
}

/** The periods the clock runs in on day `index` (none on closed and reception-only days). */
export function clockPeriodsOf(calendar: WorkingCalendar, index: number): PeriodSet {
  const kind = calendar.dayKind[index] as number;
  return calendar.periodsByKind[kind === 3 ? 0 : kind] as PeriodSet;
}

/** Working ms from the start of a day to a time of day, within its periods. */
function offsetInDay(periods: PeriodSet, tod: number): number {
  for (let i = periods.starts.length - 1; i >= 0; i--) {
    const start = periods.starts[i] as number;
    if (tod > start) return (periods.offsets[i] as number) + Math.min(tod, periods.ends[i] as number) - start;
  }
  return 0;
}

/** Working time (ms) from the start of the range to `epochMs`. */
export function workingCoordinate(calendar: WorkingCalendar, epochMs: number, field = 'instant'): number {
  const index = dayIndexOf(calendar, epochMs, field);
  const before = calendar.coordinateBefore[index] as number;
  const periods = clockPeriodsOf(calendar, index);
  return periods.total === 0 ? before : before + offsetInDay(periods, timeOfDayAt(calendar, epochMs, index));
}

/**
 * The earliest instant whose working coordinate reaches `coordinate`. When the time runs out exactly at
 * the end of a period, that end is the answer (17:00, not 07:30 the next working day).
 */
export function instantAtCoordinate(calendar: WorkingCalendar, coordinate: number, field = 'duration'): number {
  const { workDays, coordinateBefore, workDayOfSlice } = calendar;
  if (coordinate <= 0) {
    const first = workDays[0];
    if (first === undefined) throw resultOutOfRange(field, calendar.years);
    return instantOfDayIndex(calendar, first, clockPeriodsOf(calendar, first).starts[0] as number);
  }
  let j = workDayOfSlice[Math.floor((coordinate - 1) / calendar.dayWorkMs)];
  if (j === undefined) throw resultOutOfRange(field, calendar.years);
  // The slice index skips every day ending below the slice; at most a few days remain to step over.
  while (j < workDays.length && (coordinateBefore[(workDays[j] as number) + 1] as number) < coordinate) j++;
  const index = workDays[j];
  if (index === undefined) throw resultOutOfRange(field, calendar.years);
  const periods = clockPeriodsOf(calendar, index);
  const rest = coordinate - (coordinateBefore[index] as number); // in (0, periods.total]
  let p = 0;
  while (p + 1 < periods.starts.length && rest > (periods.offsets[p + 1] as number)) p++;
  return instantOfDayIndex(calendar, index, (periods.starts[p] as number) + rest - (periods.offsets[p] as number));
}

/** The clock runs at this instant: a working period (or a counted Saturday session), end exclusive. */
export function isWorkingInstant(calendar: WorkingCalendar, epochMs: number, field = 'instant'): boolean {
  const index = dayIndexOf(calendar, epochMs, field);
  const periods = clockPeriodsOf(calendar, index);
  const tod = timeOfDayAt(calendar, epochMs, index);
  for (let i = 0; i < periods.starts.length; i++) {
    if (tod >= (periods.starts[i] as number) && tod < (periods.ends[i] as number)) return true;
  }
  return false;
}

/** Index of the first day after day `index` on which the clock runs. */
export function firstWorkDayAfter(calendar: WorkingCalendar, index: number, field: string): number {
  const day = calendar.workDays[calendar.workDaysBefore[index + 1] as number];
  if (day === undefined) throw resultOutOfRange(field, calendar.years);
  return day;
}

/** The instant itself when it is a working instant, otherwise the start of the next working period. */
export function nextWorkingInstant(calendar: WorkingCalendar, epochMs: number, field = 'instant'): number {
  const index = dayIndexOf(calendar, epochMs, field);
  const periods = clockPeriodsOf(calendar, index);
  const tod = timeOfDayAt(calendar, epochMs, index);
  for (let i = 0; i < periods.starts.length; i++) {
    const start = periods.starts[i] as number;
    if (tod < (periods.ends[i] as number)) return tod >= start ? epochMs : instantOfDayIndex(calendar, index, start);
  }
  const next = firstWorkDayAfter(calendar, index, field);
  return instantOfDayIndex(calendar, next, clockPeriodsOf(calendar, next).starts[0] as number);
}

/** End of the last period of day `index` (a day the clock runs on). */
export function endOfWorkDay(calendar: WorkingCalendar, index: number): number {
  const ends = clockPeriodsOf(calendar, index).ends;
  return instantOfDayIndex(calendar, index, ends[ends.length - 1] as number);
}

/** Working ms between two instants (0 when `to` is not after `from`). */
export function workingTimeBetween(calendar: WorkingCalendar, from: number, to: number): number {
  return Math.max(0, workingCoordinate(calendar, to, 'to') - workingCoordinate(calendar, from, 'from'));
}

/** The instant once `workingMs` of working time has passed after `from` (0 → the next working instant). */
export function addWorkingTime(calendar: WorkingCalendar, from: number, workingMs: number, field = 'duration'): number {
  if (workingMs <= 0) return nextWorkingInstant(calendar, from, 'from');
  return instantAtCoordinate(calendar, workingCoordinate(calendar, from, 'from') + workingMs, field);
}
