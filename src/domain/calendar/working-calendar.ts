// A calendar compiled for arithmetic: a byte per day for its kind, the cumulative working time before
// each day, and a bucket index for the inverse, so that "N working days later" is a few array reads
// (≈ 0.7 MB for 2000–2100).
import type { CalendarDefinition, WorkingPeriod } from './calendar-definition.ts';
import { invalidCalendar } from './calendar-errors.ts';
import { dayNumberOfIsoDate, dayNumberOfYmd, isoWeekdayOf, parseClock } from './local-time.ts';
import { validateCalendarDefinition } from './validate-definition.ts';

export const DayKind = {
  closed: 0,
  /** A working day with the working periods. */
  working: 1,
  /** A Saturday whose reception session counts as working time (`countSaturdayReception`). */
  countedReception: 2,
  /** A Saturday with reception only: dossiers are received, the clock does not run. */
  receptionOnly: 3,
} as const;

export interface PeriodSet {
  /** ms since local midnight */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Working ms of the day before each period. */
  readonly offsets: Int32Array;
  readonly total: number;
}

export interface WorkingCalendar {
  /** The (frozen) definition this index was built from. */
  readonly definition: Readonly<CalendarDefinition>;
  readonly years: { readonly from: number; readonly to: number };
  /** Local day number of 1 January of the first year. */
  readonly firstDay: number;
  readonly dayCount: number;
  /** Per day index, a `DayKind`. */
  readonly dayKind: Uint8Array;
  /** Periods per day kind: [closed, working, countedReception, receptionOnly]. The last two use the
   * Saturday reception periods (for counting, resp. only for "is reception open"). */
  readonly periodsByKind: readonly PeriodSet[];
  /** Working ms before each day index (length dayCount + 1): the "working coordinate" of its midnight. */
  readonly coordinateBefore: Float64Array;
  /** Day indexes of the days the clock runs on (working and counted reception), ascending. */
  readonly workDays: Int32Array;
  /** Number of such days before each day index (length dayCount + 1). */
  readonly workDaysBefore: Int32Array;
  /** For each slice (b·dayWorkMs, (b+1)·dayWorkMs] of coordinates, the first work day reaching into it. */
  readonly workDayOfSlice: Int32Array;
  /** Working ms in one (weekday) working day: 8 h with the default periods. */
  readonly dayWorkMs: number;
  readonly forwardingCutoffMs: number;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function compilePeriods(periods: readonly WorkingPeriod[]): PeriodSet {
  const starts = Int32Array.from(periods, (p) => parseClock(p.start) as number);
  const ends = Int32Array.from(periods, (p) => parseClock(p.end) as number);
  const offsets = new Int32Array(periods.length);
  let total = 0;
  for (let i = 0; i < periods.length; i++) {
    offsets[i] = total;
    total += (ends[i] as number) - (starts[i] as number);
  }
  return { starts, ends, offsets, total };
}

/** Validates and indexes a definition. Throws an `invalid` AppError listing the issues. */
export function compileCalendar(input: CalendarDefinition): WorkingCalendar {
  const issues = validateCalendarDefinition(input);
  if (issues.length > 0) throw invalidCalendar(issues);
  const definition = deepFreeze(structuredClone(input));

  const yearNumbers = Object.keys(definition.years).map(Number);
  const years = { from: Math.min(...yearNumbers), to: Math.max(...yearNumbers) };
  const firstDay = dayNumberOfYmd(years.from, 1, 1);
  const dayCount = dayNumberOfYmd(years.to + 1, 1, 1) - firstDay;

  const working = new Uint8Array(dayCount);
  const weekdays = new Set<number>(definition.workingWeekdays);
  for (let i = 0; i < dayCount; i++) working[i] = weekdays.has(isoWeekdayOf(firstDay + i)) ? 1 : 0;

  const indexOf = (date: string) => (dayNumberOfIsoDate(date) as number) - firstDay;
  const inRange = (i: number) => i >= 0 && i < dayCount;
  const closedForReception = new Uint8Array(dayCount);
  for (const schedule of Object.values(definition.years)) {
    for (const date of schedule.nonWorkingWeekdays) working[indexOf(date)] = 0;
    for (const date of schedule.makeupWorkingSaturdays) working[indexOf(date)] = 1;
    for (const b of schedule.holidayBreaks) {
      for (let i = Math.max(indexOf(b.from), 0); i <= Math.min(indexOf(b.to), dayCount - 1); i++) closedForReception[i] = 1;
    }
  }
  for (const date of definition.extraDaysOff) {
    const i = indexOf(date);
    if (inRange(i)) {
      working[i] = 0;
      closedForReception[i] = 1;
    }
  }

  const reception = definition.saturdayReception;
  const counted = reception.enabled && reception.countSaturdayReception;
  const dayKind = new Uint8Array(dayCount);
  for (let i = 0; i < dayCount; i++) {
    if (working[i] === 1) dayKind[i] = DayKind.working;
    else if (reception.enabled && isoWeekdayOf(firstDay + i) === 6 && closedForReception[i] === 0) {
      dayKind[i] = counted ? DayKind.countedReception : DayKind.receptionOnly;
    }
  }

  const empty = compilePeriods([]);
  const weekday = compilePeriods(definition.workingPeriods);
  const saturday = compilePeriods(reception.enabled ? reception.periods : []);
  const periodsByKind = [empty, weekday, saturday, saturday];
  const workLength = [0, weekday.total, saturday.total, 0];

  const coordinateBefore = new Float64Array(dayCount + 1);
  const workDaysBefore = new Int32Array(dayCount + 1);
  const days: number[] = [];
  let coordinate = 0;
  for (let i = 0; i < dayCount; i++) {
    coordinateBefore[i] = coordinate;
    workDaysBefore[i] = days.length;
    const length = workLength[dayKind[i] as number] as number;
    if (length > 0) days.push(i);
    coordinate += length;
  }
  coordinateBefore[dayCount] = coordinate;
  workDaysBefore[dayCount] = days.length;
  const workDays = Int32Array.from(days);

  const dayWorkMs = weekday.total;
  const workDayOfSlice = new Int32Array(Math.ceil(coordinate / dayWorkMs));
  for (let slice = 0, j = 0; slice < workDayOfSlice.length; slice++) {
    const bottom = slice * dayWorkMs;
    while (j < workDays.length && (coordinateBefore[(workDays[j] as number) + 1] as number) <= bottom) j++;
    workDayOfSlice[slice] = j;
  }

  return {
    definition,
    years,
    firstDay,
    dayCount,
    dayKind,
    periodsByKind,
    coordinateBefore,
    workDays,
    workDaysBefore,
    workDayOfSlice,
    dayWorkMs,
    forwardingCutoffMs: parseClock(definition.forwardingCutoff) as number,
  };
}
