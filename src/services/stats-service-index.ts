// GET /stats/index-766: the service index (Decision 766/QĐ-TTg, domain.md §7) of a unit's subtree (the
// province from the Center) for a month, quarter or year, each indicator the system can compute from its
// own data scored by the configured rules (domain/service-index), the others "not measured"; and the
// same for each unit directly below it, for comparison.
//
// How each measured input is read (motcua's reading; see domain/service-index/config.ts for points):
// - 1.3 catalog versions in force at the period's end without an import problem / all (province catalog).
// - 2.1 dossiers finished early or on time / finished (rollups, domain.md §5's on-time test).
// - 2.2 average share of the promised working time used by the dossiers whose result was recorded.
// - 3.1 procedures with an online level (full or partial) / all; 3.2 of those, the ones that received an
//   online dossier in the scope and period; 3.3 dossiers received online / received (rollups).
// - 3.5 fee-bearing procedures (a published fee > 0) offered online (fee paid through the payment
//   platform on filing) / fee-bearing procedures; 3.6 dossiers of fee-bearing procedures paid online / all.
// - 4.1 results recorded for procedures whose result is issued electronically (digitally signed) / results.
// - 4.2 dossiers received with at least one scanned or uploaded attachment / received.
// - 5.1–5.3 the feedback indicators (domain/feedback/indicators.ts); 5.4 = 100% − (late rate + rate of
//   dossiers with a complaint or a "Không hài lòng" rating), over dossiers finished in the period.
// - 1.4 dossiers received whose latest state the national portal has / received (store/national-portal-sync;
//   not measured while MOTCUA_NATIONAL_PORTAL=none).
// - 4.3 dossiers received with at least one scan reused from the applicant's earlier dossier / received.
// Not measured: 1.1, 1.2 (publication dates of the legal bases), 4.4, 4.5 (national data store /
// VNeID-level records).
import { invalid } from '../domain/errors.ts';
import { workingCoordinate, type WorkingCalendar } from '../domain/calendar/index.ts';
import { feedbackIndicators } from '../domain/feedback/index.ts';
import {
  DEFAULT_SERVICE_INDEX_CONFIG, scoreServiceIndex, type IndicatorId, type Measurement, type ServiceIndexConfig, type ServiceIndexScore,
} from '../domain/service-index/index.ts';
import { addCounters, ZERO_COUNTERS } from '../domain/stats/rollup-deltas.ts';
import { localDate } from '../domain/stats/period.ts';
import { dayNumberOfIsoDate, isoDateOfDayNumber } from '../domain/calendar/local-time.ts';
import { sumRollups } from '../store/stats.ts';
import { feedbackForIndicators, listEventsOf } from '../store/feedback.ts';
import { catalogAt, dossiersComplainedOrDisliked, intakeCounts, proceduresWithOnlineIntake, recordedResults, type CatalogProcedure, type EventScope } from '../store/service-index.ts';
import { portalSyncCounts } from '../store/national-portal-sync.ts';
import { provinceCalendar } from './calendar.ts';
import { feedbackCalendar, feedbackDeadlines, stateOfRecords } from './feedback/feedback-state.ts';
import { resolveStatsScope } from './stats-scope.ts';
import { loadStructure, structureMode, type StructureQuery } from './stats-structure.ts';
import { childUnitGroups } from './stats-structure-groups.ts';
import { loadServiceIndexConfig } from './service-index-config.ts';
import type { Actor, ServiceContext } from './context.ts';

export const INDEX_PERIODS = ['month', 'quarter', 'year'] as const;
export type IndexPeriodKind = (typeof INDEX_PERIODS)[number];

export interface IndexQuery extends StructureQuery {
  unitCode?: string | undefined;
  period?: string | undefined;
  /** Any day inside the period; default today. */
  at?: string | undefined;
}

/** The calendar month, quarter or year containing `at` (YYYY-MM-DD), both ends included. */
export function indexPeriod(kind: string, at: string): { kind: IndexPeriodKind; from: string; to: string; label: string } {
  if (!(INDEX_PERIODS as readonly string[]).includes(kind)) {
    throw invalid('INVALID_PERIOD_KIND', `Kỳ "${kind}" không hợp lệ: chọn month (tháng), quarter (quý) hoặc year (năm).`, { field: 'period', allowed: INDEX_PERIODS });
  }
  if (dayNumberOfIsoDate(at) === undefined) throw invalid('INVALID_DATE', `Trường "at" phải là ngày YYYY-MM-DD hợp lệ.`, { field: 'at', value: at });
  const year = Number(at.slice(0, 4));
  const month = Number(at.slice(5, 7));
  const [first, last] = kind === 'month' ? [month, month] : kind === 'quarter' ? [Math.floor((month - 1) / 3) * 3 + 1, Math.floor((month - 1) / 3) * 3 + 3] : [1, 12];
  const pad = (n: number) => String(n).padStart(2, '0');
  const from = `${year}-${pad(first)}-01`;
  const nextMonthStart = last === 12 ? `${year + 1}-01-01` : `${year}-${pad(last + 1)}-01`;
  const to = isoDateOfDayNumber(dayNumberOfIsoDate(nextMonthStart)! - 1);
  const label = kind === 'month' ? `Tháng ${month}/${year}` : kind === 'quarter' ? `Quý ${Math.floor((month - 1) / 3) + 1}/${year}` : `Năm ${year}`;
  return { kind: kind as IndexPeriodKind, from, to, label };
}

const hasFee = (content: unknown): boolean => {
  const c = content as { channels?: Array<{ fee?: { kind?: string; amount?: number } }>; cases?: Array<{ terms?: Array<{ fee?: { kind?: string; amount?: number } }> }> } | null;
  const fees = [...(c?.channels ?? []), ...(c?.cases ?? []).flatMap((k) => k.terms ?? [])].map((t) => t.fee);
  return fees.some((f) => f?.kind === 'amount' && (f.amount ?? 0) > 0);
};

const ratio = (count: number, total: number): Measurement => ({ kind: 'ratio', count, total });
const notMeasured = (reason: string): Measurement => ({ kind: 'not_measured', reason });

/** Inputs the measured indicators need, gathered for one subtree and period. */
export async function measureServiceIndex(
  ctx: ServiceContext, unitCodes: readonly string[], period: { from: string; to: string }, shared: { catalog: CatalogProcedure[]; calendar: WorkingCalendar; feedbackCalendar: WorkingCalendar },
): Promise<Partial<Record<IndicatorId, Measurement>>> {
  const p = ctx.provinceCode;
  const scope: EventScope = { fromDay: period.from, toDay: period.to, unitCodes };
  const startsAt = new Date(`${period.from}T00:00:00+07:00`);
  const endsAt = new Date(Date.parse(`${period.to}T00:00:00+07:00`) + 86_400_000);
  const { catalog } = shared;
  const online = catalog.filter((c) => c.onlineLevel !== 'none');
  const feeBearing = catalog.filter((c) => hasFee(c.content));
  const [rollups, onlineUsed, intake, results, complained, feedbackRows] = await Promise.all([
    sumRollups(ctx.db, p, { fromDay: period.from, toDay: period.to, unitCodes }, 'channel'),
    proceduresWithOnlineIntake(ctx.db, p, scope),
    intakeCounts(ctx.db, p, scope, feeBearing.map((c) => c.code)),
    resultTimes(ctx, scope, shared.calendar),
    dossiersComplainedOrDisliked(ctx.db, p, unitCodes, startsAt, endsAt),
    feedbackForIndicators(ctx.db, p, unitCodes, startsAt, endsAt),
  ]);
  const totals = rollups.reduce((sum, r) => addCounters(sum, r.counters), ZERO_COUNTERS);
  const onlineReceived = rollups.find((r) => r.key === 'online')?.counters.received ?? 0;
  const finishedCount = totals.finishedEarly + totals.finishedOnTime + totals.finishedLate;


  const events = await listEventsOf(ctx.db, p, feedbackRows.map((r) => r.code));
  const judgedAt = Math.min(endsAt.getTime(), ctx.now().getTime());
  const feedback = feedbackIndicators(feedbackRows.map((row) => {
    const state = stateOfRecords(events.get(row.code) ?? []);
    return { kind: row.kind, state, deadlines: feedbackDeadlines(shared.feedbackCalendar, state, judgedAt) };
  }), startsAt.getTime(), endsAt.getTime());

  const onlineCodes = new Set(online.map((c) => c.code));
  const portalSync = ctx.settings.nationalPortal.mode === 'none' ? undefined : await portalSyncCounts(ctx.db, p, scope);
  return {
    '1.1': notMeasured('Cần ngày hiệu lực của văn bản quy định thủ tục, hệ thống chưa lưu.'),
    '1.2': notMeasured('Cần ngày công bố, cập nhật của từng thủ tục so với quyết định công bố, hệ thống chưa lưu.'),
    '1.3': ratio(catalog.filter((c) => c.problemCount === 0).length, catalog.length),
    '1.4': portalSync ? ratio(portalSync.synced, portalSync.received) : notMeasured('Hệ thống chưa bật đồng bộ hồ sơ với Cổng Dịch vụ công quốc gia (MOTCUA_NATIONAL_PORTAL=none).'),
    '2.1': ratio(totals.finishedEarly + totals.finishedOnTime, finishedCount),
    '2.2': { kind: 'percent', percent: results.timed === 0 ? 0 : (results.shareSum / results.timed) * 100, basis: results.timed },
    '3.1': ratio(online.length, catalog.length),
    '3.2': ratio(onlineUsed.filter((code) => onlineCodes.has(code)).length, online.length),
    '3.3': ratio(onlineReceived, totals.received),
    '3.5': ratio(feeBearing.filter((c) => c.onlineLevel !== 'none').length, feeBearing.length),
    '3.6': ratio(intake.paidOnline, intake.feeBearing),
    '4.1': ratio(results.electronic, results.count),
    '4.2': ratio(intake.digitised, intake.received),
    '4.3': ratio(intake.reused, intake.received),
    '4.4': notMeasured('Hệ thống chưa kết nối Kho quản lý dữ liệu điện tử quốc gia.'),
    '4.5': notMeasured('Hệ thống chưa ghi nhận mức định danh VNeID của tài khoản.'),
    '5.1': ratio(feedback.classification.count, feedback.classification.total),
    '5.2': ratio(feedback.timeliness.count, feedback.timeliness.total),
    '5.3': ratio(feedback.satisfaction.count, feedback.satisfaction.total),
    '5.4': ratio(Math.max(0, finishedCount - totals.finishedLate - complained), finishedCount),
  };
}

/**
 * Over the results recorded in the period, read page by page: how many, how many electronic, and Σ of the
 * share of the promised working time each used (received → result over received → due, province calendar).
 */
async function resultTimes(ctx: ServiceContext, scope: EventScope, calendar: WorkingCalendar, batch = 5000) {
  const totals = { count: 0, electronic: 0, timed: 0, shareSum: 0 };
  const coordinate = (d: Date) => workingCoordinate(calendar, d.getTime());
  let after: { at: Date; code: string } | undefined;
  for (;;) {
    const rows = await recordedResults(ctx.db, ctx.provinceCode, scope, { limit: batch, after });
    for (const r of rows) {
      totals.count++;
      if (r.electronicResult) totals.electronic++;
      if (r.dueAt === null) continue;
      const promised = coordinate(r.dueAt) - coordinate(r.receivedAt);
      if (promised <= 0) continue;
      totals.timed++;
      totals.shareSum += (coordinate(r.at) - coordinate(r.receivedAt)) / promised;
    }
    if (rows.length < batch) return totals;
    const last = rows[rows.length - 1]!;
    after = { at: last.at, code: last.code };
  }
}

/** Where the dashboard's drill-down finds the dossiers behind an indicator (GET /stats/dossiers). */
const DRILL: Partial<Record<IndicatorId, { measure: string; channel?: string }>> = {
  '2.1': { measure: 'finished_late' },
  '2.2': { measure: 'finished' },
  '3.3': { measure: 'received', channel: 'online' },
  '4.2': { measure: 'received' },
  '4.3': { measure: 'received' },
  '5.4': { measure: 'finished_late' },
};

export interface UnitIndex {
  unitCode: string;
  unitName: string;
  score: ServiceIndexScore;
}

export async function serviceIndex(ctx: ServiceContext, actor: Actor, query: IndexQuery, config?: ServiceIndexConfig) {
  const today = localDate(ctx.now().getTime());
  const period = indexPeriod(query.period ?? 'month', query.at ?? today);
  structureMode(query);
  if (period.from > today) {
    throw invalid('PERIOD_IN_FUTURE', `Kỳ ${period.label} chưa bắt đầu: chưa có số liệu để tính chỉ số.`, { field: 'at', from: period.from });
  }
  const scope = await resolveStatsScope(ctx, actor, { unitCode: query.unitCode, from: period.from, to: period.to });
  const cfg = config ?? (await loadServiceIndexConfig(ctx));
  const endsAt = new Date(Math.min(Date.parse(`${period.to}T00:00:00+07:00`) + 86_400_000, ctx.now().getTime()));
  const shared = { catalog: await catalogAt(ctx.db, ctx.provinceCode, endsAt), calendar: (await provinceCalendar(ctx)).calendar, feedbackCalendar: await feedbackCalendar(ctx) };
  const measure = async (codes: readonly string[]) => scoreServiceIndex(cfg, await measureServiceIndex(ctx, codes, period, shared));
  const score = await measure(scope.unitCodes);
  // structure=asOf|mapped: the rows are the units of that structure (the scope's own score does not change).
  const view = await loadStructure(ctx, query, scope);
  const byUnit: UnitIndex[] = [];
  for (const group of await childUnitGroups(ctx, scope, view)) {
    byUnit.push({ unitCode: group.unitCode, unitName: group.unitName, score: await measure(group.codes) });
  }
  return {
    ...(view ? { structure: { mode: view.mode, at: view.day } } : {}),
    unitCode: scope.unit.code,
    unitName: scope.unit.name,
    period: { kind: period.kind, label: period.label, from: period.from, to: period.to },
    ...withDrill(score),
    byUnit: byUnit.map((u) => ({ unitCode: u.unitCode, unitName: u.unitName, points: u.score.points, measuredMaxPoints: u.score.measuredMaxPoints,
      groups: u.score.groups.map((g) => ({ id: g.id, points: g.points, maxPoints: g.maxPoints, measuredMaxPoints: g.measuredMaxPoints })) })),
    config: { source: cfg === DEFAULT_SERVICE_INDEX_CONFIG ? 'default' : 'configured' },
  };
}

function withDrill(score: ServiceIndexScore) {
  return {
    ...score,
    groups: score.groups.map((g) => ({ ...g, indicators: g.indicators.map((i) => ({ ...i, drill: DRILL[i.id] ?? null })) })),
  };
}

