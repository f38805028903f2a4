// Public API of the legal clock's calendar half: definitions (plain data), compilation, working-time
// arithmetic, due dates and the wire format of instants.
export type {
  CalendarDefinition,
  HolidayBreak,
  SaturdayReception,
  WorkingPeriod,
  YearSchedule,
  YearStatus,
} from './calendar-definition.ts';
export {
  DEFAULT_FORWARDING_CUTOFF,
  DEFAULT_SATURDAY_RECEPTION,
  DEFAULT_WORKING_PERIODS,
  DEFAULT_WORKING_WEEKDAYS,
  SUPPORTED_YEARS,
  yearRangeOf,
} from './calendar-definition.ts';
export type { CalendarIssue } from './calendar-errors.ts';
export { validateCalendarDefinition } from './validate-definition.ts';
export { buildProvinceCalendar, provisionalYears, withYearSchedule, type ProvinceCalendarOptions } from './province-calendar.ts';
export { officialSchedulesFromHolidayFile, shippedOfficialSchedules } from './official-holidays.ts';
export { lunarNewYearDay, provisionalYearSchedule, statutoryHolidays, type StatutoryHoliday } from './lunar-holidays.ts';
export { mergeUnitOverride, type UnitCalendarOverride } from './unit-override.ts';
export { compileCalendar, DayKind, type WorkingCalendar } from './working-calendar.ts';
export type { Duration, WorkingDuration } from './duration.ts';
export { durationProblem } from './duration.ts';
export {
  addWorkingTime,
  instantAtCoordinate,
  isWorkingInstant,
  nextWorkingInstant,
  workingCoordinate,
  workingTimeBetween,
} from './working-time.ts';
export { dueDate, workingBudgetMs } from './due-date.ts';
export { forwardingDeadline, type ForwardingDeadline } from './forwarding-deadline.ts';
export { isReceptionOpen } from './reception.ts';
export { DAY_MS, HOUR_MS, MINUTE_MS, type IsoWeekday } from './local-time.ts';
// One wire format for instants across the product (owned by src/domain/time).
export { formatInstantVN, parseDateOrInstant, parseInstant } from '../time/instant.ts';
