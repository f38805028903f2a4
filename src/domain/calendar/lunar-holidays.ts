// Default days off for a year without a Government notice, from Labour Code 2019 art. 112 and the
// Vietnamese lunar calendar (UTC+7; it differs from China's in some years, e.g. Tết 1985 and 2007).
// Such years are `provisional`: the Government fixes the real Tết and National-Day days each year and
// may swap a weekday against a make-up Saturday, which no rule can predict.
import { LunarDate } from '@nghiavuive/lunar_date_vi';
import type { HolidayBreak, YearSchedule } from './calendar-definition.ts';
import { DEFAULT_WORKING_WEEKDAYS } from './calendar-definition.ts';
import { dayNumberOfYmd, isoDateOfDayNumber, isoWeekdayOf, type IsoWeekday } from './local-time.ts';

const JULIAN_DAY_OF_UNIX_EPOCH = 2_440_588;

/** Local day number of a (non-leap-month) lunar date. */
export function dayNumberOfLunarDate(lunarYear: number, lunarMonth: number, lunarDay: number): number {
  const lunar = new LunarDate({ day: lunarDay, month: lunarMonth, year: lunarYear });
  lunar.init();
  return lunar.toSolarDate().get().julian - JULIAN_DAY_OF_UNIX_EPOCH;
}

/** Mùng 1 Tết of the lunar year that starts in `year`. */
export function lunarNewYearDay(year: number): number {
  return dayNumberOfLunarDate(year, 1, 1);
}

export interface StatutoryHoliday {
  name: string;
  /** Local day numbers of the holiday itself (before compensatory days). */
  days: number[];
}

/**
 * Labour Code 2019 art. 112 cl. 1, with the two choices the law leaves to the Government:
 * - Tết (5 days): the last day of the lunar year (29 or 30 Tết) + mùng 1–4.
 * - National Day: 2/9 + 1/9, except when 2/9 is a Thursday, then 3/9 (so the break joins the weekend).
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const tet = lunarNewYearDay(year);
  const nationalDay = dayNumberOfYmd(year, 9, 2);
  const adjacent = isoWeekdayOf(nationalDay) === 4 ? nationalDay + 1 : nationalDay - 1;
  return [
    { name: 'Tết Dương lịch', days: [dayNumberOfYmd(year, 1, 1)] },
    { name: 'Tết Nguyên đán', days: [tet - 1, tet, tet + 1, tet + 2, tet + 3] },
    { name: 'Giỗ Tổ Hùng Vương', days: [dayNumberOfLunarDate(year, 3, 10)] },
    { name: 'Ngày Chiến thắng 30/4 & Quốc tế Lao động 1/5', days: [dayNumberOfYmd(year, 4, 30), dayNumberOfYmd(year, 5, 1)] },
    { name: 'Quốc khánh', days: [adjacent, nationalDay].sort((a, b) => a - b) },
  ];
}

/**
 * The provisional schedule of a year: statutory holidays plus, for each one that falls on a weekly rest
 * day (or on another holiday), a compensatory day on the next working day (art. 111 cl. 3).
 */
export function provisionalYearSchedule(year: number, workingWeekdays: readonly IsoWeekday[] = DEFAULT_WORKING_WEEKDAYS): YearSchedule {
  const holidays = statutoryHolidays(year);
  const isWeekday = (day: number) => workingWeekdays.includes(isoWeekdayOf(day));
  const holidayDays = new Set(holidays.flatMap((h) => h.days));
  const off = new Set<number>();
  const compensatory = new Set<number>();
  const groupDays = holidays.map(() => [] as number[]);

  const instances = holidays.flatMap((h, group) => h.days.map((day) => ({ day, group }))).sort((a, b) => a.day - b.day);
  for (const { day, group } of instances) {
    const list = groupDays[group] as number[];
    list.push(day);
    if (isWeekday(day) && !off.has(day)) {
      off.add(day);
      continue;
    }
    let next = day + 1;
    while (!isWeekday(next) || holidayDays.has(next) || compensatory.has(next)) next += 1;
    compensatory.add(next);
    off.add(next);
    list.push(next);
  }

  const isOff = (day: number) => !isWeekday(day) || off.has(day);
  const holidayBreaks: HolidayBreak[] = holidays.map((h, group) => {
    const days = groupDays[group] as number[];
    let from = Math.min(...days);
    let to = Math.max(...days);
    while (isOff(from - 1)) from -= 1;
    while (isOff(to + 1)) to += 1;
    return { name: h.name, from: isoDateOfDayNumber(from), to: isoDateOfDayNumber(to) };
  });

  return {
    status: 'provisional',
    nonWorkingWeekdays: [...off].sort((a, b) => a - b).map(isoDateOfDayNumber),
    makeupWorkingSaturdays: [],
    holidayBreaks,
    basis:
      'Tạm tính theo BLLĐ 2019 Điều 112 và Điều 111 k3 (nghỉ bù): Tết = ngày cuối năm âm lịch + mùng 1–4; ' +
      'Quốc khánh = 2/9 + 1/9 (3/9 nếu 2/9 là Thứ Năm). Chờ thông báo chính thức của Chính phủ.',
  };
}
