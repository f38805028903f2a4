// Calendar failures as the project's typed `invalid` errors: each names the offending field so the HTTP
// and CLI layers can point at it (`details.field`).
import { AppError, invalid } from '../errors.ts';
import { formatInstantVN } from '../time/instant.ts';

export interface CalendarIssue {
  /** Path of the offending field, e.g. `workingPeriods[1].end` or `years.2027.nonWorkingWeekdays[3]`. */
  field: string;
  message: string;
}

export function instantOutOfRange(field: string, epochMs: number, range: { from: number; to: number }): AppError {
  const shown = Number.isFinite(epochMs) ? formatInstantVN(epochMs) : String(epochMs);
  return invalid(
    'CALENDAR_OUT_OF_RANGE',
    `Trường "${field}" (${shown}) nằm ngoài khoảng năm lịch làm việc hỗ trợ ${range.from}–${range.to}.`,
    { field, value: epochMs, supportedYears: range },
  );
}

export function yearOutOfRange(field: string, year: number, range: { from: number; to: number }): AppError {
  return invalid(
    'CALENDAR_OUT_OF_RANGE',
    `Trường "${field}" (năm ${year}) nằm ngoài khoảng năm lịch làm việc hỗ trợ ${range.from}–${range.to}.`,
    { field, value: year, supportedYears: range },
  );
}

export function invalidField(code: string, field: string, message: string, value?: unknown): AppError {
  return invalid(code, `Trường "${field}": ${message}`, { field, value });
}

export function invalidCalendar(issues: CalendarIssue[]): AppError {
  const first = issues[0];
  return invalid(
    'INVALID_CALENDAR',
    first ? `Lịch làm việc không hợp lệ — "${first.field}": ${first.message}` : 'Lịch làm việc không hợp lệ.',
    { field: first?.field, issues },
  );
}

export function resultOutOfRange(field: string, range: { from: number; to: number }): AppError {
  return invalid(
    'CALENDAR_OUT_OF_RANGE',
    `Trường "${field}": kết quả vượt ra ngoài khoảng năm lịch làm việc hỗ trợ ${range.from}–${range.to}.`,
    { field, supportedYears: range },
  );
}
