// A unit's own office hours, Saturday reception and closures on top of the province calendar
// (national days off always apply). Administrators set them within their scope; audited; the calendar
// revision moves so every instance recompiles.
import { compileCalendar, mergeUnitOverride, type UnitCalendarOverride } from '../domain/calendar/index.ts';
import { notFound } from '../domain/errors.ts';
import { appendAudit } from '../store/audit.ts';
import { bumpCalendarRevision, loadUnitOverride, saveUnitOverride } from '../store/calendar.ts';
import { findUnit } from '../store/units.ts';
import { requireAdminRole, requireReason, requireUnitInScope } from './admin-checks.ts';
import { provinceCalendar } from './calendar.ts';
import { applyCalendarImpact, calendarChangeImpact, type AffectedDossier } from './calendar-impact.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

export interface UnitCalendarView {
  unitCode: string;
  override: UnitCalendarOverride | null;
  effective: {
    workingPeriods: { start: string; end: string }[];
    saturdayReception: { enabled: boolean; periods: { start: string; end: string }[]; countSaturdayReception: boolean };
    forwardingCutoff: string;
    extraDaysOff: string[];
  };
}

export async function getUnitCalendar(ctx: ServiceContext, unitCode: string): Promise<UnitCalendarView> {
  if (!(await findUnit(ctx.db, unitCode))) throw notFound('UNIT_NOT_FOUND', `Không có đơn vị mã "${unitCode}".`);
  const province = await provinceCalendar(ctx);
  const override = (await loadUnitOverride(ctx.db, unitCode)) ?? null;
  const merged = override ? mergeUnitOverride(province.definition, override) : province.definition;
  return {
    unitCode,
    override,
    effective: {
      workingPeriods: merged.workingPeriods,
      saturdayReception: merged.saturdayReception,
      forwardingCutoff: merged.forwardingCutoff,
      extraDaysOff: merged.extraDaysOff,
    },
  };
}

export async function setUnitCalendar(
  ctx: ServiceContext,
  actor: Actor,
  unitCode: string,
  override: UnitCalendarOverride,
  options: { reason: string; confirm: boolean },
  origin: RequestOrigin,
): Promise<UnitCalendarChange> {
  const reason = options.reason;
  requireAdminRole(actor, 'Chỉ quản trị viên được sửa giờ làm việc của đơn vị.');
  if (!(await findUnit(ctx.db, unitCode))) throw notFound('UNIT_NOT_FOUND', `Không có đơn vị mã "${unitCode}".`);
  await requireUnitInScope(ctx.db, actor, unitCode);
  requireReason(reason, 'Cần ghi lý do thay đổi giờ làm việc.');
  const province = await provinceCalendar(ctx);
  const edited = compileCalendar(mergeUnitOverride(province.definition, override)); // refuses bad periods, dates… naming the field
  const onlyThisUnit = async (code: string) => (code === unitCode ? edited : undefined);
  if (!options.confirm) {
    const affected = await calendarChangeImpact(ctx, ctx.db, onlyThisUnit, ctx.now().getTime());
    return { ...(await getUnitCalendar(ctx, unitCode)), applied: false, affectedDossiers: affected.slice(0, 500), affectedCount: affected.length };
  }
  const before = (await loadUnitOverride(ctx.db, unitCode)) ?? null;
  const affected = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const moved = await calendarChangeImpact(ctx, trx, onlyThisUnit, now.getTime());
    await saveUnitOverride(trx, unitCode, override, actor.username, now);
    await bumpCalendarRevision(trx, ctx.provinceCode);
    await applyCalendarImpact(ctx, trx, moved);
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: 'calendar.unit.update', entityType: 'unit_calendar',
      entityId: unitCode, details: { reason: reason.trim(), before, after: override, movedDossiers: moved.map((d) => d.code) },
      requestId: origin.requestId, address: origin.address });
    return moved;
  });
  return { ...(await getUnitCalendar(ctx, unitCode)), applied: true, affectedDossiers: affected.slice(0, 500), affectedCount: affected.length };
}

export interface UnitCalendarChange extends UnitCalendarView {
  applied: boolean;
  affectedDossiers: AffectedDossier[];
  affectedCount: number;
}
