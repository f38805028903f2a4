// The province's working calendar as the services use it: shipped official years + lunar-derived
// provisional years + what administrators stored, compiled once per revision (every instance re-reads
// when the stored revision moves), with unit overrides on top.
import {
  buildProvinceCalendar,
  compileCalendar,
  dueDate,
  durationProblem,
  mergeUnitOverride,
  type CalendarDefinition,
  type Duration,
  type WorkingCalendar,
  type YearSchedule,
} from '../domain/calendar/index.ts';
import { invalid } from '../domain/errors.ts';
import { loadStoredCalendar, calendarRevision, loadUnitOverride } from '../store/calendar.ts';
import { findUnit } from '../store/units.ts';
import type { Db } from '../store/database.ts';
import type { ServiceContext } from './context.ts';

interface CompiledProvince {
  revision: number;
  definition: CalendarDefinition;
  calendar: WorkingCalendar;
  units: Map<string, WorkingCalendar>;
}

const cache = new WeakMap<Db, Map<string, CompiledProvince>>();

export function definitionFromStored(stored: { settings: Record<string, unknown> | null; years: Record<string, YearSchedule> }): CalendarDefinition {
  const base = buildProvinceCalendar({ name: 'Lịch làm việc tỉnh Bình Dương', ...(stored.settings ?? {}) });
  return { ...base, years: { ...base.years, ...stored.years } };
}

export async function provinceCalendar(ctx: ServiceContext, db: Db = ctx.db): Promise<CompiledProvince> {
  const byProvince = cache.get(ctx.db) ?? new Map<string, CompiledProvince>();
  cache.set(ctx.db, byProvince);
  const revision = await calendarRevision(db, ctx.provinceCode);
  const cached = byProvince.get(ctx.provinceCode);
  if (cached && cached.revision === revision) return cached;
  const stored = await loadStoredCalendar(db, ctx.provinceCode);
  const definition = definitionFromStored(stored);
  const compiled: CompiledProvince = { revision: stored.revision, definition, calendar: compileCalendar(definition), units: new Map() };
  byProvince.set(ctx.provinceCode, compiled);
  return compiled;
}

/** The calendar a unit works by: the province's, with the unit's own hours and closures if it has any. */
export async function unitCalendar(ctx: ServiceContext, unitCode: string | undefined, db: Db = ctx.db): Promise<WorkingCalendar> {
  const province = await provinceCalendar(ctx, db);
  if (!unitCode) return province.calendar;
  const cached = province.units.get(unitCode);
  if (cached) return cached;
  const unit = await findUnit(db, unitCode);
  if (!unit) throw invalid('UNKNOWN_UNIT', `Không có đơn vị mã "${unitCode}".`, { field: 'unitCode', value: unitCode });
  const override = await loadUnitOverride(db, unitCode);
  const calendar = override ? compileCalendar(mergeUnitOverride(province.definition, override)) : province.calendar;
  province.units.set(unitCode, calendar);
  return calendar;
}

export interface DueDateAnswer {
  dueAt: number;
  /** True when the span crosses a year whose holidays are not yet officially confirmed. */
  provisional: boolean;
}

export async function computeDueDate(ctx: ServiceContext, request: { from: number; duration: Duration; unitCode?: string | undefined }): Promise<DueDateAnswer> {
  const problem = durationProblem(request.duration, request.duration.unit === 'hours' ? 'hours' : 'days');
  if (problem) throw problem;
  const calendar = await unitCalendar(ctx, request.unitCode);
  const dueAt = dueDate(calendar, request.from, request.duration);
  return { dueAt, provisional: spansProvisionalYear(calendar.definition, request.from, dueAt) };
}

function yearOf(epochMs: number): number {
  return new Date(epochMs + 7 * 3_600_000).getUTCFullYear();
}

export function spansProvisionalYear(definition: CalendarDefinition, from: number, to: number): boolean {
  for (let year = yearOf(from); year <= yearOf(to); year++) {
    if (definition.years[String(year)]?.status === 'provisional') return true;
  }
  return false;
}
