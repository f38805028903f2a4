// "Holidays declared after intake move the due dates of running dossiers": before a calendar edit is
// saved, every open dossier's clock is replayed under the current and the edited calendar (each on its
// receiving unit's hours), and those whose promised instant moves are listed; on save their cached
// due instants move with it.
import { compileCalendar, mergeUnitOverride, type CalendarDefinition, type WorkingCalendar } from '../domain/calendar/index.ts';
import { affectedByCalendarChange, type ClockEvent, type ProcedureClock } from '../domain/sla/index.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import { listOpenClocks, setDueAt, appendOutbox } from '../store/dossiers.ts';
import { loadUnitOverride } from '../store/calendar.ts';
import { unitCalendar } from './calendar.ts';
import type { ServiceContext } from './context.ts';
import type { Db } from '../store/database.ts';

export interface AffectedDossier {
  code: string;
  dueBefore: string;
  dueAfter: string;
}

/** The calendar a unit would work by after the edit; undefined when the edit leaves that unit as it is. */
export type NewCalendarOf = (unitCode: string) => Promise<WorkingCalendar | undefined>;

/** An edit of the province calendar: every unit follows it (through its own override, if any). */
export function provinceEdit(db: Db, newDefinition: CalendarDefinition): NewCalendarOf {
  const newProvince = compileCalendar(newDefinition);
  return async (unitCode) => {
    const override = await loadUnitOverride(db, unitCode);
    return override ? compileCalendar(mergeUnitOverride(newDefinition, override)) : newProvince;
  };
}

export async function calendarChangeImpact(ctx: ServiceContext, db: Db, newCalendarOf: NewCalendarOf, now: number): Promise<AffectedDossier[]> {
  const open = await listOpenClocks(db, ctx.provinceCode);
  const byUnit = new Map<string, typeof open>();
  for (const clock of open) byUnit.set(clock.receivingUnitCode, [...(byUnit.get(clock.receivingUnitCode) ?? []), clock]);
  const affected: AffectedDossier[] = [];
  for (const [unitCode, clocks] of byUnit) {
    const after = await newCalendarOf(unitCode);
    if (!after) continue;
    const before = await unitCalendar(ctx, unitCode, db);
    const impact = affectedByCalendarChange(before, after,
      clocks.map((c) => ({ id: c.code, procedure: c.clock as ProcedureClock, events: c.events as ClockEvent[] })), now);
    for (const shift of impact.affected) affected.push({ code: shift.id, dueBefore: formatInstantVN(shift.before), dueAfter: formatInstantVN(shift.after) });
  }
  return affected.sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** Moves the cached due instants of the affected dossiers and tells the notifier, in the caller's transaction. */
export async function applyCalendarImpact(ctx: ServiceContext, db: Db, affected: readonly AffectedDossier[]): Promise<void> {
  for (const dossier of affected) {
    await setDueAt(db, ctx.provinceCode, dossier.code, new Date(dossier.dueAfter));
    await appendOutbox(db, ctx.provinceCode, 'dossier.due_changed', dossier.code, { ...dossier, reason: 'calendar_change' });
  }
}
