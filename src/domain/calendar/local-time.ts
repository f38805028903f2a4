// Wall-clock arithmetic for Vietnam. The country keeps one fixed offset (UTC+7, no daylight saving),
// so converting an instant (epoch ms) to local date and time is plain integer arithmetic.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const VN_OFFSET_MS = 7 * HOUR_MS;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Local days since 1970-01-01 (Vietnam time) of an instant. */
export function localDayNumber(epochMs: number): number {
  return Math.floor((epochMs + VN_OFFSET_MS) / DAY_MS);
}

/** Milliseconds since local midnight (Vietnam time) of an instant. */
export function localTimeOfDay(epochMs: number): number {
  const local = epochMs + VN_OFFSET_MS;
  return local - Math.floor(local / DAY_MS) * DAY_MS;
}

/** The instant at a local day number and a time of day (ms since local midnight). */
export function instantAt(dayNumber: number, timeOfDayMs: number): number {
  return dayNumber * DAY_MS + timeOfDayMs - VN_OFFSET_MS;
}

/** 1970-01-01 was a Thursday. */
export function isoWeekdayOf(dayNumber: number): IsoWeekday {
  return ((((dayNumber + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` → local day number, or undefined when the text is not a real calendar date. */
export function dayNumberOfIsoDate(text: string): number | undefined {
  const match = DATE_RE.exec(text);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(y, m - 1, d);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return utc / DAY_MS;
}

export function isoDateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function dayNumberOfYmd(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

const CLOCK_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** `HH:MM` (00:00–24:00) → ms since local midnight, or undefined. */
export function parseClock(text: string): number | undefined {
  const match = CLOCK_RE.exec(text);
  if (!match) return undefined;
  const ms = Number(match[1]) * HOUR_MS + Number(match[2]) * MINUTE_MS;
  return ms <= DAY_MS ? ms : undefined;
}

export function formatClock(timeOfDayMs: number): string {
  const minutes = Math.floor(timeOfDayMs / MINUTE_MS);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
