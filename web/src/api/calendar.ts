// Working-calendar endpoints: a year's days off and make-up days, the due-date calculator, and the
// administrator's preview-then-confirm edit of a year.
import { api } from './client.ts';

export type YearStatus = 'official' | 'provisional';

export interface HolidayBreak {
  name: string;
  from: string;
  to: string;
}

export interface CalendarYear {
  year: number;
  status: YearStatus;
  /** Weekdays off (holidays, compensatory days), `YYYY-MM-DD`. */
  nonWorkingWeekdays: string[];
  /** Weekend days worked in exchange for a day off (ngày làm bù), `YYYY-MM-DD`. */
  makeupWorkingSaturdays: string[];
  holidayBreaks: HolidayBreak[];
  /** Legal notices the year comes from, separated by " | ". */
  basis: string;
  revision: number;
}

/** The years the server supports (others answer 400). */
export const YEAR_RANGE = { from: 2000, to: 2100 } as const;

export function fetchCalendarYear(year: number, signal?: AbortSignal): Promise<CalendarYear> {
  return api.get<CalendarYear>(`/calendar/years/${year}`, undefined, signal);
}

export type DurationUnit = 'days' | 'hours';

export interface DueDateQuery {
  /** ISO 8601 instant with offset, e.g. 2025-01-24T10:00:00+07:00. */
  from: string;
  amount: string;
  unit: DurationUnit;
}

export interface DueDate {
  /** Local time of the province with its offset, e.g. 2025-02-03T10:00:00+07:00. */
  dueAt: string;
  /** The period crosses a year whose holidays are not confirmed yet. */
  provisional: boolean;
}

export function fetchDueDate(query: DueDateQuery, signal?: AbortSignal): Promise<DueDate> {
  return api.get<DueDate>('/calendar/due-date', { from: query.from, [query.unit]: query.amount }, signal);
}

export interface YearEditRequest {
  status: YearStatus;
  nonWorkingWeekdays: string[];
  makeupWorkingSaturdays: string[];
  basis?: string;
  reason: string;
}

export interface YearChange {
  year: number;
  daysOffAdded: string[];
  daysOffRemoved: string[];
  makeupDaysAdded: string[];
  makeupDaysRemoved: string[];
  statusBefore: YearStatus;
  statusAfter: YearStatus;
  applied: boolean;
  revision: number;
  /** Open dossiers whose promised instant moves with the edit (first 500) and how many in all. */
  affectedDossiers: AffectedDossier[];
  affectedCount: number;
}

export interface AffectedDossier {
  code: string;
  dueBefore: string;
  dueAfter: string;
}

/** Shows what the edit would change; nothing is saved. */
export function previewYearChange(year: number, edit: YearEditRequest): Promise<YearChange> {
  return api.put<YearChange>(`/admin/calendar/years/${year}`, { ...edit, confirm: false });
}

/** Saves the edit (audited with who and why). The key makes a repeated click save only once. */
export function saveYearChange(year: number, edit: YearEditRequest, idempotencyKey: string): Promise<YearChange> {
  return api.put<YearChange>(`/admin/calendar/years/${year}`, { ...edit, confirm: true, idempotencyKey });
}
