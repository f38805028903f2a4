// Dates and instants in words, in the current language: "thứ Tư, 05/02/2025", "16:30 thứ Tư, 05/02/2025".
import type { TFunction } from 'i18next';
import { isoWeekday, wallClockOf, type IsoWeekday } from './dates.ts';

type MonthKey = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12';

function parts(date: string, t: TFunction) {
  const [yyyy = '', mm = '', dd = ''] = date.split('-');
  return { yyyy, mm, dd, d: String(Number(dd)), monthName: t(`calendar.month.${String(Number(mm)) as MonthKey}`) };
}

export function weekdayLong(weekday: IsoWeekday, t: TFunction): string {
  return t(`calendar.weekdayLong.${String(weekday) as `${IsoWeekday}`}`);
}

/** "thứ Tư, 05/02/2025" / "Wednesday 5 February 2025". */
export function formatDateLong(date: string, t: TFunction): string {
  return t('calendar.dateLong', { ...parts(date, t), weekday: weekdayLong(isoWeekday(date), t) });
}

/** "05/02/2025" / "5 February 2025". */
export function formatDateShort(date: string, t: TFunction): string {
  return t('calendar.dateShort', parts(date, t));
}

export function formatDateRange(from: string, to: string, t: TFunction): string {
  return from === to ? formatDateShort(from, t) : t('calendar.dateRange', { from: formatDateShort(from, t), to: formatDateShort(to, t) });
}

/** An instant as written by the server (+07:00), in its own wall-clock time: "16:30 thứ Tư, 05/02/2025". */
export function formatInstant(instant: string, t: TFunction): string {
  const wall = wallClockOf(instant);
  if (!wall) return instant;
  return t('calendar.dateTime', { time: wall.time, date: formatDateLong(wall.date, t) });
}
