// The working calendar as plain, JSON-round-trippable data: what an admin edits and the database stores.
// Arithmetic never reads this directly; `compileCalendar` turns it into an index first.
import type { IsoWeekday } from './local-time.ts';

/** `official`: from a Government notice. `provisional`: derived from the Labour Code and the lunar
 * calendar until an admin confirms the year (domain.md §5). */
export type YearStatus = 'official' | 'provisional';

/** A local time range `HH:MM`–`HH:MM`, end exclusive for "is the office open", inclusive for due instants. */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/** A named break (Tết, Quốc khánh …) including the weekends inside it. Informational for admins, and it
 * closes Saturday reception on the Saturdays it covers. */
export interface HolidayBreak {
  name: string;
  from: string;
  to: string;
}

export interface YearSchedule {
  status: YearStatus;
  /** Holidays and compensatory days (ngày nghỉ lễ, nghỉ bù, hoán đổi) that fall on a working weekday. */
  nonWorkingWeekdays: string[];
  /** Make-up working days (ngày làm bù), usually Saturdays, worked as a full working day. */
  makeupWorkingSaturdays: string[];
  holidayBreaks: HolidayBreak[];
  /** Where the year comes from (notice number, or the rule that generated it). */
  basis: string;
}

/** Saturday-morning reception (tiếp nhận sáng thứ Bảy): receipt only, not working time, unless
 * `countSaturdayReception` credits the reception time to dossiers received in it. */
export interface SaturdayReception {
  enabled: boolean;
  periods: WorkingPeriod[];
  countSaturdayReception: boolean;
}

export interface CalendarDefinition {
  version: 1;
  name: string;
  workingWeekdays: IsoWeekday[];
  /** The same periods apply to every working day, make-up days included. */
  workingPeriods: WorkingPeriod[];
  saturdayReception: SaturdayReception;
  /** Decree 61/2018 forwarding rule: paper dossiers received after this time go out the next working day. */
  forwardingCutoff: string;
  /** Unit-level closures on top of the national schedule (any date; a Saturday here closes reception). */
  extraDaysOff: string[];
  /** Every year of the supported range, keyed `'2024'`; the keys must be contiguous. */
  years: Record<string, YearSchedule>;
}

export const DEFAULT_WORKING_WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5];

/** Common office hours (domain.md §5: "(open)", set by each province/unit). */
export const DEFAULT_WORKING_PERIODS: WorkingPeriod[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:00', end: '17:00' },
];

export const DEFAULT_SATURDAY_RECEPTION: SaturdayReception = {
  enabled: false,
  periods: [{ start: '07:30', end: '11:30' }],
  countSaturdayReception: false,
};

export const DEFAULT_FORWARDING_CUTOFF = '15:00';

/** The year range the product supports (the lunar library is verified 1950–2100). */
export const SUPPORTED_YEARS = { from: 2000, to: 2100 } as const;

/** The years a definition covers, from its (contiguous) keys. */
export function yearRangeOf(definition: CalendarDefinition): { from: number; to: number } {
  const years = Object.keys(definition.years).map(Number);
  return { from: Math.min(...years), to: Math.max(...years) };
}
