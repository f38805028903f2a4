// The province's office hours (working periods), Saturday reception and forwarding cut-off — the
// defaults every unit works by unless it has its own. Previewed with the running dossiers whose due
// instants would move, then saved with a reason by a province administrator.
import { compileCalendar, type SaturdayReception, type WorkingPeriod } from '../domain/calendar/index.ts';
import { appendAudit } from '../store/audit.ts';
import { bumpCalendarRevision, loadStoredCalendar, saveProvinceSettings } from '../store/calendar.ts';
import { definitionFromStored } from './calendar.ts';
import { requireProvinceAdmin, requireReason } from './admin-checks.ts';
import { applyCalendarImpact, calendarChangeImpact, provinceEdit, type AffectedDossier } from './calendar-impact.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

export interface ProvinceCalendarSettings {
  workingPeriods?: WorkingPeriod[];
  saturdayReception?: SaturdayReception;
  forwardingCutoff?: string;
}

export interface ProvinceSettingsChange {
  settings: Required<ProvinceCalendarSettings>;
  applied: boolean;
  affectedDossiers: AffectedDossier[];
  affectedCount: number;
}

export async function changeProvinceCalendarSettings(
  ctx: ServiceContext,
  actor: Actor,
  settings: ProvinceCalendarSettings,
  options: { reason: string; confirm: boolean },
  origin: RequestOrigin,
): Promise<ProvinceSettingsChange> {
  await requireProvinceAdmin(ctx.db, actor, 'Chỉ quản trị viên cấp tỉnh được sửa giờ làm việc chung của tỉnh.');
  const reason = requireReason(options.reason, 'Cần ghi lý do thay đổi giờ làm việc.');
  const stored = await loadStoredCalendar(ctx.db, ctx.provinceCode);
  const merged = { ...(stored.settings ?? {}), ...settings };
  const edited = definitionFromStored({ settings: merged, years: stored.years });
  compileCalendar(edited); // refuses overlapping or reversed periods, a bad cut-off… naming the field
  const answer = (applied: boolean, affected: AffectedDossier[]): ProvinceSettingsChange => ({
    settings: { workingPeriods: edited.workingPeriods, saturdayReception: edited.saturdayReception, forwardingCutoff: edited.forwardingCutoff },
    applied,
    affectedDossiers: affected.slice(0, 500),
    affectedCount: affected.length,
  });
  if (!options.confirm) return answer(false, await calendarChangeImpact(ctx, ctx.db, provinceEdit(ctx.db, edited), ctx.now().getTime()));
  const affected = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const moved = await calendarChangeImpact(ctx, trx, provinceEdit(trx, edited), now.getTime());
    await saveProvinceSettings(trx, ctx.provinceCode, merged, actor.username, now);
    await bumpCalendarRevision(trx, ctx.provinceCode);
    await applyCalendarImpact(ctx, trx, moved);
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: 'calendar.settings.update', entityType: 'calendar_settings',
      entityId: ctx.provinceCode, details: { reason, before: stored.settings, after: merged, movedDossiers: moved.map((d) => d.code) },
      requestId: origin.requestId, address: origin.address });
    return moved;
  });
  return answer(true, affected);
}
