// Processing time limits (thời hạn giải quyết) as published, normalised into the calendar's units:
// working days, working hours, same day (trong ngày), or same day unless received after a cut-off.
// Anything else is kept as its original text with a reason, never guessed.
import { foldVietnamese } from './text.ts';
import type { Duration } from '../calendar/index.ts';

/** A time limit the calendar can count (working days, working hours, same day, same day with cut-off). */
export type ProcedureDuration = Duration;

export type UnparsedReason =
  | 'empty' // nothing published ("", "Không có thông tin")
  | 'no_unit' // a bare number: "1", "120" — days? hours? not said
  | 'months' // "12 Tháng": calendar months are not a working-time unit
  | 'calendar_days' // "30 Ngày" when the import is told not to read plain days as working days
  | 'range' // "10-15 ngày"
  | 'fee_in_time_column' // the source put an amount of money in the time column
  | 'unrecognised';

export type NormalisedDuration = ProcedureDuration | { unit: 'unparsed'; text: string; reason: UnparsedReason };

/** How to read "N ngày" (days, not said to be working days). (open) nationally; see docs/catalog-import.md. */
export type PlainDaysPolicy = 'working' | 'unparsed';

export interface DurationReading {
  duration: NormalisedDuration;
  /** Set when a plain "N ngày" was read as N working days (to be confirmed by an admin). */
  plainDays?: true;
}

const NUMBER = String.raw`(\d{1,4}(?:[.,]\d{1,2})?)`;
const LEAD = String.raw`^(?:(?:khong qua|toi da|trong thoi han|trong vong|trong|thoi han|la)\s+)*`;
// What may follow a limit without changing it: "kể từ ngày nhận đủ hồ sơ", "(...)", ", ...", ".".
const TAIL = String.raw`(?:\s*(?:[,.;(:-].*|ke tu.*|tinh tu.*|sau khi.*))?$`;

const WORKING_DAYS = new RegExp(`${LEAD}${NUMBER}\\s*(?:ngay lam viec|ngay lv|working days?)${TAIL}`);
const PLAIN_DAYS = new RegExp(`${LEAD}${NUMBER}\\s*(?:ngay|days?)${TAIL}`);
const HOURS = new RegExp(`${LEAD}${NUMBER}\\s*(?:gio lam viec|gio|tieng|h|hours?)${TAIL}`);
const MONTHS = new RegExp(`${LEAD}${NUMBER}\\s*(?:thang|months?)${TAIL}`);
const RANGE = new RegExp(`${LEAD}\\d{1,4}\\s*(?:-|–|den)\\s*\\d{1,4}\\s*(?:ngay|gio|thang)`);
const BARE_NUMBER = /^[\d.,\s]+$/;
const EMPTY = /^(?:|-|khong co thong tin|khong quy dinh|chua quy dinh|unspecified|khong)$/;
const SAME_DAY = /^(?:ngay\s+)?trong (?:ngay|ngay lam viec|buoi)(?: (?:tiep nhan|nhan (?:du )?ho so(?: hop le)?))?[.]?$|^giai quyet ngay$|^ngay khi nhan (?:du )?ho so$|^same ?day$/;
// "Trong ngày; hồ sơ nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo" and its variants.
const SAME_DAY_CUTOFF = /trong (?:ngay|ngay lam viec)\b.*\bsau (\d{1,2})\s*(?:gio|h|:)\s*(\d{2})?.*\b(?:ngay lam viec tiep theo|ngay tiep theo|ngay lam viec ke tiep)/;

function toNumber(text: string): number | undefined {
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/** Reads a published time limit; `text` is the original (any case, accents, spacing). */
export function normaliseDuration(text: string, plainDays: PlainDaysPolicy = 'working'): DurationReading {
  const original = text.trim();
  const folded = foldVietnamese(original);
  const unparsed = (reason: UnparsedReason): DurationReading => ({ duration: { unit: 'unparsed', text: original, reason } });

  if (EMPTY.test(folded)) return unparsed('empty');
  const cutoff = SAME_DAY_CUTOFF.exec(folded);
  if (cutoff) {
    const hour = Number(cutoff[1]);
    const minute = cutoff[2] === undefined ? 0 : Number(cutoff[2]);
    if (hour <= 23 && minute <= 59) {
      return { duration: { unit: 'sameDayOrNextIfAfter', cutoff: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` } };
    }
  }
  if (SAME_DAY.test(folded)) return { duration: { unit: 'sameDay' } };
  if (RANGE.test(folded)) return unparsed('range');

  const working = WORKING_DAYS.exec(folded);
  if (working) return amount('days', working[1]!, original);
  const hours = HOURS.exec(folded);
  if (hours) return amount('hours', hours[1]!, original);
  if (MONTHS.test(folded)) return unparsed('months');
  const days = PLAIN_DAYS.exec(folded);
  if (days) {
    if (plainDays === 'unparsed') return unparsed('calendar_days');
    const reading = amount('days', days[1]!, original);
    return reading.duration.unit === 'days' ? { ...reading, plainDays: true } : reading;
  }
  if (BARE_NUMBER.test(folded)) return unparsed('no_unit');
  return unparsed('unrecognised');
}

function amount(unit: 'days' | 'hours', digits: string, original: string): DurationReading {
  const value = toNumber(digits);
  if (value === undefined || value <= 0 || value > 10_000) return { duration: { unit: 'unparsed', text: original, reason: 'unrecognised' } };
  return { duration: { unit, value } };
}

/** Working hours a duration amounts to, for comparing limits (same day counts as one working day). */
export function durationWorkingHours(duration: NormalisedDuration, hoursPerDay = 8): number | undefined {
  switch (duration.unit) {
    case 'days':
      return duration.value * hoursPerDay;
    case 'hours':
      return duration.value;
    case 'sameDay':
    case 'sameDayOrNextIfAfter':
      return hoursPerDay;
    default:
      return undefined;
  }
}

export const UNPARSED_REASON_VI: Record<UnparsedReason, string> = {
  empty: 'Không công bố thời hạn giải quyết.',
  no_unit: 'Thời hạn chỉ có con số, không có đơn vị (ngày làm việc? giờ?).',
  months: 'Thời hạn tính bằng tháng: không quy đổi được sang ngày làm việc.',
  calendar_days: 'Thời hạn tính bằng "ngày" (không ghi "ngày làm việc"): cần xác định ngày làm việc hay ngày lịch.',
  range: 'Thời hạn là một khoảng (từ … đến …), không phải một giá trị.',
  fee_in_time_column: 'Cột thời hạn chứa số tiền (phí, lệ phí) thay vì thời hạn.',
  unrecognised: 'Không nhận dạng được thời hạn.',
};
