// Checks a calendar definition that came from JSON (the database, an admin form). Every issue names its
// field so the admin screen can highlight it.
import { SUPPORTED_YEARS, type CalendarDefinition, type WorkingPeriod } from './calendar-definition.ts';
import type { CalendarIssue } from './calendar-errors.ts';
import { dayNumberOfIsoDate, parseClock, yearOfDayNumber } from './local-time.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkPeriods(value: unknown, field: string, issues: CalendarIssue[], allowEmpty: boolean): void {
  if (!Array.isArray(value)) {
    issues.push({ field, message: 'phải là danh sách khoảng giờ.' });
    return;
  }
  if (value.length === 0 && !allowEmpty) issues.push({ field, message: 'cần ít nhất một khoảng giờ làm việc.' });
  let previousEnd = -1;
  value.forEach((period: unknown, i) => {
    const at = `${field}[${i}]`;
    if (!isRecord(period)) {
      issues.push({ field: at, message: 'phải là {start, end}.' });
      return;
    }
    const { start, end } = period as Partial<WorkingPeriod>;
    const startMs = typeof start === 'string' ? parseClock(start) : undefined;
    const endMs = typeof end === 'string' ? parseClock(end) : undefined;
    if (startMs === undefined) issues.push({ field: `${at}.start`, message: 'phải có dạng HH:MM.' });
    if (endMs === undefined) issues.push({ field: `${at}.end`, message: 'phải có dạng HH:MM.' });
    if (startMs === undefined || endMs === undefined) return;
    if (endMs <= startMs) issues.push({ field: `${at}.end`, message: 'phải sau giờ bắt đầu.' });
    if (startMs < previousEnd) issues.push({ field: `${at}.start`, message: 'các khoảng giờ phải tăng dần và không chồng nhau.' });
    previousEnd = endMs;
  });
}

function checkDates(value: unknown, field: string, issues: CalendarIssue[], year?: number): Set<string> {
  const seen = new Set<string>();
  if (!Array.isArray(value)) {
    issues.push({ field, message: 'phải là danh sách ngày YYYY-MM-DD.' });
    return seen;
  }
  value.forEach((date: unknown, i) => {
    const day = typeof date === 'string' ? dayNumberOfIsoDate(date) : undefined;
    if (day === undefined) issues.push({ field: `${field}[${i}]`, message: 'không phải ngày hợp lệ (YYYY-MM-DD).' });
    else if (year !== undefined && yearOfDayNumber(day) !== year) issues.push({ field: `${field}[${i}]`, message: `không thuộc năm ${year}.` });
    else seen.add(date as string);
  });
  return seen;
}

export function validateCalendarDefinition(input: unknown): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  if (!isRecord(input)) return [{ field: '', message: 'phải là một đối tượng lịch làm việc.' }];
  const def = input as Partial<CalendarDefinition> & Record<string, unknown>;

  if (def.version !== 1) issues.push({ field: 'version', message: 'chỉ hỗ trợ phiên bản 1.' });
  if (typeof def.name !== 'string') issues.push({ field: 'name', message: 'phải là chuỗi.' });

  const weekdays = def.workingWeekdays;
  if (!Array.isArray(weekdays) || weekdays.length === 0 || weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7) || new Set(weekdays).size !== weekdays.length) {
    issues.push({ field: 'workingWeekdays', message: 'phải là danh sách thứ (1 = Thứ Hai … 7 = Chủ nhật) không trùng.' });
  }
  checkPeriods(def.workingPeriods, 'workingPeriods', issues, false);

  const reception = def.saturdayReception;
  if (!isRecord(reception)) {
    issues.push({ field: 'saturdayReception', message: 'phải là {enabled, periods, countSaturdayReception}.' });
  } else {
    if (typeof reception.enabled !== 'boolean') issues.push({ field: 'saturdayReception.enabled', message: 'phải là true/false.' });
    if (typeof reception.countSaturdayReception !== 'boolean') {
      issues.push({ field: 'saturdayReception.countSaturdayReception', message: 'phải là true/false.' });
    }
    checkPeriods(reception.periods, 'saturdayReception.periods', issues, reception.enabled !== true);
  }

  if (typeof def.forwardingCutoff !== 'string' || parseClock(def.forwardingCutoff) === undefined) {
    issues.push({ field: 'forwardingCutoff', message: 'phải có dạng HH:MM.' });
  }
  checkDates(def.extraDaysOff, 'extraDaysOff', issues);

  if (!isRecord(def.years) || Object.keys(def.years).length === 0) {
    issues.push({ field: 'years', message: 'cần ít nhất một năm.' });
    return issues;
  }
  const keys = Object.keys(def.years);
  const years = keys.map(Number).sort((a, b) => a - b);
  keys.forEach((key) => {
    const year = Number(key);
    if (!/^\d{4}$/.test(key) || year < SUPPORTED_YEARS.from || year > SUPPORTED_YEARS.to) {
      issues.push({ field: `years.${key}`, message: `năm phải trong khoảng ${SUPPORTED_YEARS.from}–${SUPPORTED_YEARS.to}.` });
    }
  });
  years.forEach((year, i) => {
    const prev = years[i - 1];
    if (prev !== undefined && year !== prev + 1) issues.push({ field: `years.${year}`, message: `thiếu năm ${prev + 1} (các năm phải liên tục).` });
  });

  for (const key of keys) {
    const field = `years.${key}`;
    const schedule = def.years[key];
    if (!isRecord(schedule)) {
      issues.push({ field, message: 'phải là lịch nghỉ của năm.' });
      continue;
    }
    if (schedule.status !== 'official' && schedule.status !== 'provisional') {
      issues.push({ field: `${field}.status`, message: 'phải là official hoặc provisional.' });
    }
    if (typeof schedule.basis !== 'string') issues.push({ field: `${field}.basis`, message: 'phải là chuỗi.' });
    const off = checkDates(schedule.nonWorkingWeekdays, `${field}.nonWorkingWeekdays`, issues, Number(key));
    const makeup = checkDates(schedule.makeupWorkingSaturdays, `${field}.makeupWorkingSaturdays`, issues, Number(key));
    for (const date of makeup) {
      if (off.has(date)) issues.push({ field: `${field}.makeupWorkingSaturdays`, message: `${date} vừa là ngày nghỉ vừa là ngày làm bù.` });
    }
    if (!Array.isArray(schedule.holidayBreaks)) {
      issues.push({ field: `${field}.holidayBreaks`, message: 'phải là danh sách kỳ nghỉ.' });
      continue;
    }
    schedule.holidayBreaks.forEach((item: unknown, i) => {
      const at = `${field}.holidayBreaks[${i}]`;
      const b = isRecord(item) ? item : {};
      const from = typeof b.from === 'string' ? dayNumberOfIsoDate(b.from) : undefined;
      const to = typeof b.to === 'string' ? dayNumberOfIsoDate(b.to) : undefined;
      if (typeof b.name !== 'string') issues.push({ field: `${at}.name`, message: 'phải là chuỗi.' });
      if (from === undefined) issues.push({ field: `${at}.from`, message: 'không phải ngày hợp lệ (YYYY-MM-DD).' });
      if (to === undefined) issues.push({ field: `${at}.to`, message: 'không phải ngày hợp lệ (YYYY-MM-DD).' });
      if (from !== undefined && to !== undefined && to < from) issues.push({ field: `${at}.to`, message: 'phải không trước ngày bắt đầu.' });
    });
  }
  return issues;
}
