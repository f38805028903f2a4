// Administration of units (quản trị đơn vị): the tree of units in an administrator's scope and editing a
// unit's profile and office hours. Units are created or closed only by a restructuring plan
// (services/restructure.ts). One transaction: the profile, the office hours (with the deadlines they
// move) and the audit entry with before → after, or nothing.
import { compileCalendar, mergeUnitOverride, type UnitCalendarOverride, type WorkingPeriod } from '../domain/calendar/index.ts';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import { isValidAt } from '../domain/network/unit.ts';
import { applyUnitProfilePatch, profileChanges, type UnitProfilePatch } from '../domain/network/unit-profile.ts';
import { agencyIdentifierOf } from '../domain/dossier/index.ts';
import { appendAudit } from '../store/audit.ts';
import { bumpCalendarRevision, loadUnitOverride, saveUnitOverride } from '../store/calendar.ts';
import { listUnitProfiles, loadUnitProfile, saveUnitProfile, unitWithIdentifier, type UnitProfileRow } from '../store/unit-profiles.ts';
import { findUnit, subtreeCodesOf } from '../store/units.ts';
import { requireAdminRole, requireUnitInScope } from './admin-checks.ts';
import { provinceCalendar } from './calendar.ts';
import { applyCalendarImpact, calendarChangeImpact } from './calendar-impact.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

export interface OfficeHours {
  workingPeriods: WorkingPeriod[];
  saturdayReception: { enabled: boolean; periods: WorkingPeriod[] };
}

export interface AdminUnit extends UnitProfileRow {
  /** The identifier dossier codes use: the configured one, else the default derived from type and area. */
  effectiveAgencyIdentifier: string | null;
  officeHours: OfficeHours;
  /** Whether the unit has its own hours (else the province's apply). */
  ownOfficeHours: boolean;
}

const requireAdmin = (actor: Actor) => requireAdminRole(actor, 'Chỉ quản trị viên được sửa thông tin đơn vị.');

/** The units valid now within the administrator's subtree, parents before children. */
export async function listAdminUnits(ctx: ServiceContext, actor: Actor): Promise<AdminUnit[]> {
  requireAdmin(actor);
  const scope = await subtreeCodesOf(ctx.db, actor.unitCode);
  const rows = await listUnitProfiles(ctx.db, scope, ctx.now());
  const province = await provinceCalendar(ctx);
  const result: AdminUnit[] = [];
  for (const row of rows) {
    const override = (await loadUnitOverride(ctx.db, row.code)) ?? null;
    const merged = override ? mergeUnitOverride(province.definition, override) : province.definition;
    result.push({
      ...row,
      effectiveAgencyIdentifier: agencyIdentifierOf({ ...row, type: row.type as never, agencyLevel: row.agencyLevel as never }),
      officeHours: { workingPeriods: merged.workingPeriods, saturdayReception: { enabled: merged.saturdayReception.enabled, periods: merged.saturdayReception.periods } },
      ownOfficeHours: override?.workingPeriods !== undefined || override?.saturdayReception !== undefined,
    });
  }
  return result;
}

export interface UnitPatch extends UnitProfilePatch {
  officeHours?: OfficeHours;
}

export async function updateUnit(ctx: ServiceContext, actor: Actor, code: string, patch: UnitPatch, origin: RequestOrigin): Promise<AdminUnit> {
  requireAdmin(actor);
  const unit = await findUnit(ctx.db, code);
  if (!unit) throw notFound('UNIT_NOT_FOUND', `Không có đơn vị mã "${code}".`);
  await requireUnitInScope(ctx.db, actor, code);
  const now = ctx.now();
  if (!isValidAt(unit, now.getTime())) {
    throw conflict('UNIT_CLOSED', `Đơn vị "${unit.name}" đã ngừng hoạt động (sắp xếp lại); không sửa được thông tin của đơn vị đã đóng.`);
  }
  const { officeHours, ...profilePatch } = patch;
  // The new hours compile (refusing a period that ends before it starts, naming it) before anything is written.
  const province = await provinceCalendar(ctx);
  const overrideBefore = (await loadUnitOverride(ctx.db, code)) ?? null;
  let overrideAfter: UnitCalendarOverride | null = null;
  let edited: ReturnType<typeof compileCalendar> | null = null;
  if (officeHours) {
    overrideAfter = { ...(overrideBefore ?? {}), workingPeriods: officeHours.workingPeriods,
      saturdayReception: { ...(overrideBefore?.saturdayReception ?? {}), enabled: officeHours.saturdayReception.enabled, periods: officeHours.saturdayReception.periods } };
    edited = compileCalendar(mergeUnitOverride(province.definition, overrideAfter));
  }
  await ctx.db.transaction().execute(async (trx) => {
    const before = (await loadUnitProfile(trx, code, true))!;
    const after = applyUnitProfilePatch(before, profilePatch);
    if (after.agencyIdentifier !== null && after.agencyIdentifier !== before.agencyIdentifier) {
      const other = await unitWithIdentifier(trx, after.agencyIdentifier, code, now);
      if (other) {
        throw conflict('AGENCY_IDENTIFIER_TAKEN', `Mã định danh ${after.agencyIdentifier} đã được dùng cho đơn vị ${other.name} (${other.code}); mã hồ sơ của hai đơn vị sẽ lẫn nhau.`,
          { field: 'agencyIdentifier', unitCode: other.code });
      }
    }
    const changes = profileChanges(before, after);
    const hoursChanged = overrideAfter !== null && JSON.stringify(overrideAfter) !== JSON.stringify(overrideBefore);
    if (Object.keys(changes.after).length === 0 && !hoursChanged) return;
    await saveUnitProfile(trx, code, after);
    let movedDossiers: string[] = [];
    if (hoursChanged && overrideAfter && edited) {
      const compiled = edited;
      const moved = await calendarChangeImpact(ctx, trx, async (c) => (c === code ? compiled : undefined), now.getTime());
      await saveUnitOverride(trx, code, overrideAfter, actor.username, now);
      await bumpCalendarRevision(trx, ctx.provinceCode);
      await applyCalendarImpact(ctx, trx, moved);
      movedDossiers = moved.map((d) => d.code);
      Object.assign(changes.before, { officeHours: overrideBefore ? hoursOf(overrideBefore) : null });
      Object.assign(changes.after, { officeHours });
    }
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: 'unit.update', entityType: 'unit', entityId: code,
      details: { ...changes, ...(movedDossiers.length > 0 ? { movedDossiers } : {}) }, requestId: origin.requestId, address: origin.address });
  });
  const updated = (await listAdminUnits(ctx, actor)).find((u) => u.code === code);
  if (!updated) throw invalid('UNIT_NOT_FOUND', `Không đọc lại được đơn vị "${code}".`);
  return updated;
}

function hoursOf(o: UnitCalendarOverride): Partial<OfficeHours> {
  return { ...(o.workingPeriods ? { workingPeriods: o.workingPeriods } : {}), ...(o.saturdayReception ? { saturdayReception: o.saturdayReception as OfficeHours['saturdayReception'] } : {}) };
}
