// What a day is in a year's schedule: the four kinds the calendar pages show.
import type { CalendarYear } from '../api/calendar.ts';
import { isWeekend } from './dates.ts';

export type DayKind = 'working' | 'weekend' | 'off' | 'makeup';
export const DAY_KINDS: readonly DayKind[] = ['working', 'weekend', 'off', 'makeup'];

/** The year's exceptions to "Monday–Friday are working days". */
export interface YearDays {
  off: ReadonlySet<string>;
  makeup: ReadonlySet<string>;
}

export function yearDaysOf(year: Pick<CalendarYear, 'nonWorkingWeekdays' | 'makeupWorkingSaturdays'>): YearDays {
  return { off: new Set(year.nonWorkingWeekdays), makeup: new Set(year.makeupWorkingSaturdays) };
}

export function dayKind(date: string, days: YearDays): DayKind {
  if (days.off.has(date)) return 'off';
  if (days.makeup.has(date)) return 'makeup';
  return isWeekend(date) ? 'weekend' : 'working';
}

/** Clicking a day in the editor: a weekday switches working ↔ off, a weekend day weekend ↔ make-up. */
export function toggleDay(date: string, days: YearDays): YearDays {
  const flip = (set: ReadonlySet<string>) => {
    const next = new Set(set);
    if (!next.delete(date)) next.add(date);
    return next;
  };
  return isWeekend(date) ? { off: days.off, makeup: flip(days.makeup) } : { off: flip(days.off), makeup: days.makeup };
}
