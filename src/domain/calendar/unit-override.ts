// A unit (branch, reception point) may keep its own office hours, Saturday reception and extra closures
// on top of the province calendar; the national days off always apply.
import type { CalendarDefinition, SaturdayReception, WorkingPeriod } from './calendar-definition.ts';

export interface UnitCalendarOverride {
  name?: string;
  workingPeriods?: WorkingPeriod[];
  saturdayReception?: Partial<SaturdayReception>;
  forwardingCutoff?: string;
  /** Added to the province's closures (never removes a national day off). */
  extraDaysOff?: string[];
}

export function mergeUnitOverride(base: CalendarDefinition, override: UnitCalendarOverride): CalendarDefinition {
  const extraDaysOff = [...new Set([...base.extraDaysOff, ...(override.extraDaysOff ?? [])])].sort();
  return {
    ...base,
    name: override.name ?? base.name,
    workingPeriods: (override.workingPeriods ?? base.workingPeriods).map((p) => ({ ...p })),
    saturdayReception: {
      ...base.saturdayReception,
      ...override.saturdayReception,
      periods: (override.saturdayReception?.periods ?? base.saturdayReception.periods).map((p) => ({ ...p })),
    },
    forwardingCutoff: override.forwardingCutoff ?? base.forwardingCutoff,
    extraDaysOff,
  };
}
