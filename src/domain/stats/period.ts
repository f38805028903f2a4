// A reporting period: two local dates, both included. The summary reads whole days of rollups and takes
// its in-progress snapshot at the end of the last day (or now, for a period that has not ended).
import { invalid } from '../errors.ts';
import { dayNumberOfIsoDate, instantAt, isoDateOfDayNumber, localDayNumber, DAY_MS } from '../calendar/local-time.ts';

export interface Period {
  from: string;
  to: string;
  /** 00:00 +07:00 of `from`. */
  startsAt: number;
  /** 00:00 +07:00 of the day after `to`. */
  endsAt: number;
  days: number;
}

/** Longest period a summary or report answers (5 years); daily series are shorter (`MAX_SERIES_DAYS`). */
export const MAX_PERIOD_DAYS = 5 * 366;
export const MAX_SERIES_DAYS = 366;
/** Dates outside these years are typing mistakes, not history (the system started in 2024). */
const EARLIEST_YEAR = 2000;
const LATEST_YEAR = 2100;

export interface PeriodInput {
  from?: string | undefined;
  to?: string | undefined;
}

/** Parses `from`/`to`; missing ends default to the first day of `now`'s month and to today. */
export function parsePeriod(input: PeriodInput, now: number, maxDays = MAX_PERIOD_DAYS): Period {
  const today = localDayNumber(now);
  const todayText = isoDateOfDayNumber(today);
  const fromText = input.from ?? `${todayText.slice(0, 8)}01`;
  const toText = input.to ?? todayText;
  const from = dayOf(fromText, 'from');
  const to = dayOf(toText, 'to');
  if (from > to) {
    throw invalid('INVALID_PERIOD', `Khoảng thời gian không hợp lệ: ngày bắt đầu ${fromText} sau ngày kết thúc ${toText}.`, { field: 'from', from: fromText, to: toText });
  }
  const days = to - from + 1;
  if (days > maxDays) {
    throw invalid('PERIOD_TOO_LONG', `Khoảng thời gian ${days} ngày quá dài: tối đa ${maxDays} ngày cho báo cáo này.`, { field: 'to', days, maxDays });
  }
  return { from: fromText, to: toText, startsAt: instantAt(from, 0), endsAt: instantAt(to, 0) + DAY_MS, days };
}

function dayOf(text: string, field: string): number {
  const day = dayNumberOfIsoDate(text);
  const year = Number(text.slice(0, 4));
  if (day === undefined || year < EARLIEST_YEAR || year > LATEST_YEAR) {
    throw invalid('INVALID_DATE', `Trường "${field}" phải là ngày YYYY-MM-DD hợp lệ trong khoảng ${EARLIEST_YEAR}–${LATEST_YEAR}.`, { field, value: text });
  }
  return day;
}

/** The instant an in-progress snapshot of the period is taken: its end, or now if it has not ended. */
export function snapshotInstant(period: Period, now: number): number {
  return Math.min(period.endsAt, now);
}

/** The local date of an instant (YYYY-MM-DD, Vietnam time). */
export function localDate(epochMs: number): string {
  return isoDateOfDayNumber(localDayNumber(epochMs));
}
