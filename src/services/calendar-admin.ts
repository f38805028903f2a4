// Administrators edit a year of the province calendar (holidays, compensatory days, make-up Saturdays)
// or confirm a provisional year. A change is first previewed (what moves), then applied only when
// confirmed, with a reason; it is audited with who, why, before → after, and bumps the calendar revision
// so that every instance recompiles.
import { compileCalendar, type YearSchedule } from '../domain/calendar/index.ts';
import { yearEditProblem } from '../domain/calendar/year-edit.ts';
import { invalid } from '../domain/errors.ts';
import { appendAudit } from '../store/audit.ts';
import { bumpCalendarRevision, saveYear } from '../store/calendar.ts';
import { provinceCalendar } from './calendar.ts';
import { runIdempotent } from './idempotency.ts';
import { requireProvinceAdmin, requireReason } from './admin-checks.ts';
import { applyCalendarImpact, calendarChangeImpact, provinceEdit, type AffectedDossier } from './calendar-impact.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';
import type { Db } from '../store/database.ts';

export interface YearView extends YearSchedule {
  year: number;
  revision: number;
}

export async function getCalendarYear(ctx: ServiceContext, year: number): Promise<YearView> {
  const province = await provinceCalendar(ctx);
  const schedule = province.definition.years[String(year)];
  if (!schedule) {
    const years = Object.keys(province.definition.years).map(Number);
    throw invalid('CALENDAR_OUT_OF_RANGE', `Năm ${year} nằm ngoài khoảng lịch hỗ trợ ${Math.min(...years)}–${Math.max(...years)}.`, { field: 'year', value: year });
  }
  return { year, revision: province.revision, ...schedule };
}

export interface YearEdit {
  status: 'official' | 'provisional';
  nonWorkingWeekdays: string[];
  makeupWorkingSaturdays: string[];
  holidayBreaks?: YearSchedule['holidayBreaks'];
  basis?: string;
}

export interface YearChange {
  year: number;
  daysOffAdded: string[];
  daysOffRemoved: string[];
  makeupDaysAdded: string[];
  makeupDaysRemoved: string[];
  statusBefore: string;
  statusAfter: string;
  applied: boolean;
  revision: number;
  /** Open dossiers whose promised instant moves with this edit (first 500), and how many in all. */
  affectedDossiers: AffectedDossier[];
  affectedCount: number;
}

const difference = (a: readonly string[], b: readonly string[]) => a.filter((d) => !b.includes(d)).sort();


export async function changeCalendarYear(
  ctx: ServiceContext,
  actor: Actor,
  year: number,
  edit: YearEdit,
  options: { confirm: boolean; reason: string; idempotencyKey?: string | undefined },
  origin: RequestOrigin,
): Promise<YearChange> {
  await requireProvinceAdmin(ctx.db, actor, 'Chỉ quản trị viên cấp tỉnh được sửa lịch làm việc.');
  const reason = requireReason(options.reason, 'Cần ghi lý do thay đổi lịch (ví dụ số thông báo của Chính phủ).');
  const current = await getCalendarYear(ctx, year);
  const schedule: YearSchedule = {
    status: edit.status,
    nonWorkingWeekdays: [...new Set(edit.nonWorkingWeekdays)].sort(),
    makeupWorkingSaturdays: [...new Set(edit.makeupWorkingSaturdays)].sort(),
    holidayBreaks: edit.holidayBreaks ?? current.holidayBreaks,
    basis: edit.basis ?? current.basis,
  };
  const problem = yearEditProblem(year, schedule);
  if (problem) throw problem;
  const province = await provinceCalendar(ctx);
  const edited = { ...province.definition, years: { ...province.definition.years, [String(year)]: schedule } };
  // Validates the whole calendar with the edit in place (dates real, days off on weekdays, make-up days on weekends…).
  compileCalendar(edited);
  const change = (applied: boolean, revision: number, affected: AffectedDossier[]): YearChange => ({
    year,
    daysOffAdded: difference(schedule.nonWorkingWeekdays, current.nonWorkingWeekdays),
    daysOffRemoved: difference(current.nonWorkingWeekdays, schedule.nonWorkingWeekdays),
    makeupDaysAdded: difference(schedule.makeupWorkingSaturdays, current.makeupWorkingSaturdays),
    makeupDaysRemoved: difference(current.makeupWorkingSaturdays, schedule.makeupWorkingSaturdays),
    statusBefore: current.status,
    statusAfter: schedule.status,
    applied,
    revision,
    affectedDossiers: affected.slice(0, 500),
    affectedCount: affected.length,
  });
  if (!options.confirm) return change(false, current.revision, await calendarChangeImpact(ctx, ctx.db, provinceEdit(ctx.db, edited), ctx.now().getTime()));

  const apply = async (trx: Db) => {
    const now = ctx.now();
    // Computed before the save, against the calendar still in force: what moves is what this edit moves.
    const affected = await calendarChangeImpact(ctx, trx, provinceEdit(trx, edited), now.getTime());
    await saveYear(trx, ctx.provinceCode, year, schedule, actor.username, reason, now);
    const revision = await bumpCalendarRevision(trx, ctx.provinceCode);
    await applyCalendarImpact(ctx, trx, affected);
    const result = change(true, revision, affected);
    const { year: _y, revision: _r, ...before } = current;
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: 'calendar.year.update', entityType: 'calendar_year',
      entityId: String(year), details: { reason, before, after: schedule, change: result }, requestId: origin.requestId,
      address: origin.address });
    return result;
  };
  if (!options.idempotencyKey) return ctx.db.transaction().execute(apply);
  const { answer } = await runIdempotent(ctx.db, { scope: actor.username, key: options.idempotencyKey, command: 'calendar.year.update',
    request: { year, edit, reason: options.reason } }, apply);
  return answer;
}
