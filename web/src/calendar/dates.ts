// Calendar dates as `YYYY-MM-DD` strings and the province's wall clock (UTC+7, no daylight saving).
// Everything here is pure and independent of the browser's own time zone.

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export type Month = (typeof MONTHS)[number];

/** The province's offset from UTC; Việt Nam has no daylight saving time. */
export const PROVINCE_OFFSET = '+07:00';
const OFFSET_MS = 7 * 60 * 60 * 1000;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function isTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoWeekday(date: string): IsoWeekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return (day === 0 ? 7 : day) as IsoWeekday;
}

export function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6;
}

/** The month as weeks of seven days, Monday first; `null` pads the days of other months. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const cells: (string | null)[] = Array.from({ length: isoWeekday(isoDate(year, month, 1)) - 1 }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day += 1) cells.push(isoDate(year, month, day));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Date and time on the province's clock at `now`. */
export function provinceNow(now: Date = new Date()): { date: string; time: string; year: number } {
  const local = new Date(now.getTime() + OFFSET_MS);
  const year = local.getUTCFullYear();
  return {
    date: isoDate(year, local.getUTCMonth() + 1, local.getUTCDate()),
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
    year,
  };
}

/** The instant of a province wall-clock date and time, e.g. `2025-01-24T10:00:00+07:00`. */
export function provinceInstant(date: string, time: string): string {
  return `${date}T${time}:00${PROVINCE_OFFSET}`;
}

/** Wall-clock date and time as written in an instant with offset (the server writes +07:00). */
export function wallClockOf(instant: string): { date: string; time: string } | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(instant);
  return match?.[1] && match[2] ? { date: match[1], time: match[2] } : null;
}

/** Is `date` within the inclusive range [from, to]? ISO dates compare as strings. */
export function inRange(date: string, from: string, to: string): boolean {
  return date >= from && date <= to;
}
