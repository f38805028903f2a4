// The dossiers behind a dashboard number: the events of a measure in the period (received, finished
// late, returned…) or the dossiers in progress at the period's end (on time / overdue), in the same
// scope and filters as the number itself, optionally narrowed to one receiving unit's subtree or one agency.
import { invalid } from '../domain/errors.ts';
import { snapshotInstant } from '../domain/stats/period.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import { listEventDossiers, listInProgressDossiers, type DrillMeasure, type DrillRow } from '../store/stats.ts';
import { subtreeCodesOf } from '../store/units.ts';
import { resolveStatsScope, type StatsQuery } from './stats-scope.ts';
import type { Actor, ServiceContext } from './context.ts';

export const DRILL_MEASURES = ['received', 'finished', 'finished_early', 'finished_on_time', 'finished_late', 'returned', 'rejected', 'withdrawn',
  'supplement_requests', 'in_progress_on_time', 'in_progress_overdue'] as const;
export type DrillMeasureName = (typeof DRILL_MEASURES)[number];

export interface DrillQuery extends StatsQuery {
  measure: string;
  receivingUnitCode?: string | undefined;
  competentUnitCode?: string | undefined;
  limit: number;
  offset: number;
}

export async function drillDown(ctx: ServiceContext, actor: Actor, query: DrillQuery) {
  if (!(DRILL_MEASURES as readonly string[]).includes(query.measure)) {
    throw invalid('UNKNOWN_MEASURE', `Chỉ tiêu "${query.measure}" không tồn tại.`, { field: 'measure', allowed: DRILL_MEASURES });
  }
  const scope = await resolveStatsScope(ctx, actor, query);
  const receivingCodes = query.receivingUnitCode ? await subtreeCodesOf(ctx.db, query.receivingUnitCode) : undefined;
  const base = { unitCodes: scope.unitCodes, procedureCodes: scope.procedureCodes, channel: scope.channel, receivingCodes, competentUnitCode: query.competentUnitCode };
  const page = { limit: query.limit, offset: query.offset };
  const measure = query.measure as DrillMeasureName;
  const result = measure === 'in_progress_on_time' || measure === 'in_progress_overdue'
    ? await listInProgressDossiers(ctx.db, ctx.provinceCode, new Date(snapshotInstant(scope.period, ctx.now().getTime())), base,
      measure === 'in_progress_overdue' ? 'overdue' : 'on_time', page)
    : await listEventDossiers(ctx.db, ctx.provinceCode, { ...base, fromDay: scope.period.from, toDay: scope.period.to }, measure as DrillMeasure, page);
  return { measure, period: { from: scope.period.from, to: scope.period.to }, unitCode: scope.unit.code, total: result.total, items: result.items.map(view) };
}

const iso = (d: Date | null) => (d ? formatInstantVN(d.getTime()) : null);

function view(r: DrillRow) {
  return {
    code: r.code, at: formatInstantVN(r.at.getTime()), procedureCode: r.procedureCode, procedureName: r.procedureName, channel: r.channel,
    receivingUnitCode: r.receivingUnitCode, competentUnitCode: r.competentUnitCode, status: r.status, receivedAt: iso(r.receivedAt),
    dueAt: iso(r.dueAt), finishedAt: iso(r.finishedAt), outcome: r.outcome,
  };
}
