// The province's calendar: the shipped official years, and a provisional lunar-derived schedule for every
// other year of the supported range, all materialised as plain data so the database stores exactly what
// deadlines were computed with.
import {
  DEFAULT_FORWARDING_CUTOFF,
  DEFAULT_SATURDAY_RECEPTION,
  DEFAULT_WORKING_PERIODS,
  DEFAULT_WORKING_WEEKDAYS,
  SUPPORTED_YEARS,
  type CalendarDefinition,
  type SaturdayReception,
  type WorkingPeriod,
  type YearSchedule,
} from './calendar-definition.ts';
import { yearOutOfRange } from './calendar-errors.ts';
import { provisionalYearSchedule } from './lunar-holidays.ts';
import { shippedOfficialSchedules } from './official-holidays.ts';

export interface ProvinceCalendarOptions {
  name?: string;
  fromYear?: number;
  toYear?: number;
  /** Confirmed years; defaults to the shipped 2024–2026 notices. */
  officialYears?: Record<string, YearSchedule>;
  workingPeriods?: WorkingPeriod[];
  saturdayReception?: SaturdayReception;
  forwardingCutoff?: string;
}

export function buildProvinceCalendar(options: ProvinceCalendarOptions = {}): CalendarDefinition {
  const fromYear = options.fromYear ?? SUPPORTED_YEARS.from;
  const toYear = options.toYear ?? SUPPORTED_YEARS.to;
  for (const [field, year] of [['fromYear', fromYear], ['toYear', toYear]] as const) {
    if (!Number.isInteger(year) || year < SUPPORTED_YEARS.from || year > SUPPORTED_YEARS.to) throw yearOutOfRange(field, year, SUPPORTED_YEARS);
  }
  if (toYear < fromYear) throw yearOutOfRange('toYear', toYear, { from: fromYear, to: SUPPORTED_YEARS.to });

  const official = options.officialYears ?? shippedOfficialSchedules();
  const years: Record<string, YearSchedule> = {};
  for (let year = fromYear; year <= toYear; year++) {
    years[String(year)] = official[String(year)] ?? provisionalYearSchedule(year, DEFAULT_WORKING_WEEKDAYS);
  }
  return {
    version: 1,
    name: options.name ?? 'Lịch làm việc cấp tỉnh',
    workingWeekdays: [...DEFAULT_WORKING_WEEKDAYS],
    workingPeriods: (options.workingPeriods ?? DEFAULT_WORKING_PERIODS).map((p) => ({ ...p })),
    saturdayReception: structuredClone(options.saturdayReception ?? DEFAULT_SATURDAY_RECEPTION),
    forwardingCutoff: options.forwardingCutoff ?? DEFAULT_FORWARDING_CUTOFF,
    extraDaysOff: [],
    years,
  };
}

/** Years still waiting for an official notice (to flag in the admin screen and on due dates). */
export function provisionalYears(definition: CalendarDefinition): number[] {
  return Object.entries(definition.years)
    .filter(([, schedule]) => schedule.status === 'provisional')
    .map(([year]) => Number(year))
    .sort((a, b) => a - b);
}

/** A copy of the definition with one year's schedule replaced (an admin confirming or editing a year). */
export function withYearSchedule(definition: CalendarDefinition, year: number, schedule: YearSchedule): CalendarDefinition {
  if (definition.years[String(year)] === undefined) {
    const years = Object.keys(definition.years).map(Number);
    throw yearOutOfRange('year', year, { from: Math.min(...years), to: Math.max(...years) });
  }
  return { ...definition, years: { ...definition.years, [String(year)]: schedule } };
}
