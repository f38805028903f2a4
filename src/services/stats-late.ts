// The late list (danh sách hồ sơ quá hạn / sắp đến hạn): open dossiers in scope that are overdue or due
// within one working day (the apology deadline, Mẫu 04), with the step, the officer and the working time
// over or left, measured on the province calendar.
import { dueDate, workingCoordinate, type WorkingCalendar } from '../domain/calendar/index.ts';
import { formatRemainingVN } from '../domain/sla/index.ts';
import { historyStepLabel } from '../domain/dossier/history-labels.ts';
import { STATUS_LABELS_VI, type DossierStatus } from '../domain/dossier/index.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import { listLateDossiers, type LateRow } from '../store/stats-late.ts';
import { listAllUnits } from '../store/units.ts';
import { provinceCalendar } from './calendar.ts';
import { resolveStatsScope, type StatsQuery } from './stats-scope.ts';
import type { Actor, ServiceContext } from './context.ts';

export interface LateItem {
  code: string;
  procedureCode: string;
  procedureName: string;
  receivingUnitCode: string;
  receivingUnitName: string;
  competentUnitCode: string;
  competentUnitName: string;
  status: string;
  statusLabel: string;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  /** Working ms past the due instant (negative: still left). */
  overdueWorkingMs: number;
  overdueText: string;
  step: string;
  stepAt: string;
  officer: string;
  officerName: string | null;
}

export interface LateQuery extends StatsQuery {
  which?: 'overdue' | 'due_soon' | 'all' | undefined;
}

/** Streams the late list in batches of `batch` rows (an export of a whole province never sits in memory). */
export async function* lateDossiers(ctx: ServiceContext, actor: Actor, query: LateQuery, batch = 500): AsyncGenerator<LateItem[]> {
  const scope = await resolveStatsScope(ctx, actor, query);
  const now = ctx.now().getTime();
  const { calendar } = await provinceCalendar(ctx);
  const dueSoonLimit = dueDate(calendar, now, { unit: 'days', value: 1 });
  const dueBefore = new Date(query.which === 'overdue' ? now : dueSoonLimit);
  const units = new Map((await listAllUnits(ctx.db)).map((u) => [u.code, u.name]));
  const filter = { unitCodes: scope.unitCodes, procedureCodes: scope.procedureCodes, channel: scope.channel };
  let after: { dueAt: Date; code: string } | undefined;
  for (;;) {
    const rows = await listLateDossiers(ctx.db, ctx.provinceCode, filter, dueBefore, { limit: batch, after });
    const items = rows.map((r) => lateItem(r, calendar, now, units)).filter((i) => query.which !== 'due_soon' || !i.overdue);
    if (items.length > 0) yield items;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1]!;
    after = { dueAt: last.dueAt, code: last.code };
  }
}

export async function lateList(ctx: ServiceContext, actor: Actor, query: LateQuery, limit: number): Promise<{ items: LateItem[]; truncated: boolean }> {
  const items: LateItem[] = [];
  for await (const page of lateDossiers(ctx, actor, query, Math.min(limit + 1, 500))) {
    items.push(...page);
    if (items.length > limit) return { items: items.slice(0, limit), truncated: true };
  }
  return { items, truncated: false };
}

function lateItem(r: LateRow, calendar: WorkingCalendar, now: number, units: ReadonlyMap<string, string>): LateItem {
  const overMs = workingCoordinate(calendar, now) - workingCoordinate(calendar, r.dueAt.getTime());
  const overdue = r.dueAt.getTime() < now;
  return {
    code: r.code, procedureCode: r.procedureCode, procedureName: r.procedureName,
    receivingUnitCode: r.receivingUnitCode, receivingUnitName: units.get(r.receivingUnitCode) ?? r.receivingUnitCode,
    competentUnitCode: r.competentUnitCode, competentUnitName: units.get(r.competentUnitCode) ?? r.competentUnitCode,
    status: r.status, statusLabel: STATUS_LABELS_VI[r.status as DossierStatus] ?? r.status,
    receivedAt: formatInstantVN(r.receivedAt.getTime()), dueAt: formatInstantVN(r.dueAt.getTime()),
    overdue, overdueWorkingMs: overMs, overdueText: formatRemainingVN(-overMs),
    step: historyStepLabel(r.lastStep), stepAt: formatInstantVN(r.lastStepAt.getTime()),
    officer: r.handlerUsername ?? r.lastActor, officerName: r.handlerName,
  };
}
