// The contract's summary (GET /stats/summary) and the operations dashboard, answered from the rollups:
// the scope rows and end-of-day snapshots when they serve (stats-fast-path.ts, decision 0026), else the
// daily rollups and the open dossiers (the in-progress split is a matter of time, not of events).
import { addCounters, ZERO_COUNTERS, type RollupCounters } from '../domain/stats/rollup-deltas.ts';
import { snapshotInstant, MAX_SERIES_DAYS } from '../domain/stats/period.ts';
import { inProgressBy, sumRollups, type Breakdown, type FactFilter, type InProgressCounts, type SnapshotFilter } from '../store/stats.ts';
import { listAllUnits } from '../store/units.ts';
import { satisfactionOf, type Satisfaction } from './stats-satisfaction.ts';
import { inProgressOf, periodFacts, scopeRowsServe } from './stats-fast-path.ts';
import { queueWaitsOf, type QueueWaitRow } from './stats-queue-waits.ts';
import { resolveStatsScope, type StatsQuery, type StatsScope } from './stats-scope.ts';
import { loadStructure, primaryTargetOf, regroupCounters, regroupRows, structureMode, type StructureMode, type StructureQuery, type StructureRole, type StructureView } from './stats-structure.ts';
import type { Unit } from '../domain/network/unit.ts';
import type { Actor, ServiceContext } from './context.ts';

export interface StatsSummary {
  received: { total: number; direct: number; online: number; postal: number };
  finished: { early: number; onTime: number; late: number };
  inProgress: InProgressCounts;
  returned: number;
  rejected: number;
  withdrawn: number;
  satisfaction: Satisfaction;
}

export interface SummaryAnswer extends StatsSummary {
  period: { from: string; to: string };
  unitCode: string;
}

const filters = (ctx: ServiceContext, scope: StatsScope): { facts: FactFilter; snapshot: SnapshotFilter; at: Date } => ({
  facts: { fromDay: scope.period.from, toDay: scope.period.to, unitCodes: scope.unitCodes, procedureCodes: scope.procedureCodes, channel: scope.channel },
  snapshot: { unitCodes: scope.unitCodes, procedureCodes: scope.procedureCodes, channel: scope.channel },
  at: new Date(snapshotInstant(scope.period, ctx.now().getTime())),
});

export function summaryOf(byChannel: ReadonlyArray<{ key: string; counters: RollupCounters }>, inProgress: InProgressCounts, satisfaction: Satisfaction): StatsSummary {
  const total = byChannel.reduce((sum, row) => addCounters(sum, row.counters), ZERO_COUNTERS);
  const channel = (name: string) => byChannel.find((row) => row.key === name)?.counters.received ?? 0;
  return {
    received: { total: total.received, direct: channel('direct'), online: channel('online'), postal: channel('postal') },
    finished: { early: total.finishedEarly, onTime: total.finishedOnTime, late: total.finishedLate },
    inProgress,
    returned: total.returned,
    rejected: total.rejected,
    withdrawn: total.withdrawn,
    satisfaction,
  };
}

export async function statsSummary(ctx: ServiceContext, actor: Actor, query: StatsQuery): Promise<SummaryAnswer> {
  const scope = await resolveStatsScope(ctx, actor, query);
  const f = filters(ctx, scope);
  const fast = await scopeRowsServe(ctx, scope);
  const [byChannel, inProgress, satisfaction] = await Promise.all([
    periodFacts(ctx, scope, 'channel', fast),
    inProgressOf(ctx, scope, f.at, fast),
    satisfactionOf(ctx.db, ctx.provinceCode, f.facts),
  ]);
  return {
    period: { from: scope.period.from, to: scope.period.to },
    unitCode: scope.unit.code,
    ...summaryOf(byChannel, inProgress, satisfaction),
  };
}

export interface DashboardRow {
  key: string;
  name: string;
  type?: string | undefined;
  received: number;
  finishedEarly: number;
  finishedOnTime: number;
  finishedLate: number;
  returned: number;
  rejected: number;
  withdrawn: number;
  supplementRequests: number;
  averageProcessingHours: number | null;
  inProgressOnTime: number;
  inProgressOverdue: number;
  /** In progress when the period began (số kỳ trước chuyển qua). */
  carriedOver: number;
}

export interface DashboardAnswer extends SummaryAnswer {
  unitName: string;
  carriedOver: number;
  supplementRequests: number;
  extensions: number;
  averageProcessingHours: number | null;
  /** Receiving units rolled up to the level just below the chosen unit (Center / Branch / Reception Point). */
  byReceivingUnit: DashboardRow[];
  byCompetentAgency: DashboardRow[];
  byProcedure: DashboardRow[];
  /** Per district (GSO code of the Branch's area), for the map. */
  byDistrict: DashboardRow[];
  /** Per day of the period (omitted beyond MAX_SERIES_DAYS). */
  daily: DashboardRow[] | null;
  /** Waits from ticket issue to first call, per reception unit and service group (tickets issued in the period). */
  queueWaits: QueueWaitRow[];
  /** Set when the per-unit rows are read in another structure (issue 9): the structure's mode and day. */
  structure?: { mode: StructureMode; at: string };
}

const hours = (c: RollupCounters) => {
  const finished = c.finishedEarly + c.finishedOnTime + c.finishedLate;
  return finished === 0 ? null : Math.round((c.processingMs / finished / 3_600_000) * 10) / 10;
};

function rowsOf(
  facts: ReadonlyArray<{ key: string; counters: RollupCounters }>,
  open: ReadonlyArray<{ key: string } & InProgressCounts>,
  groupOf: (key: string) => { key: string; name: string; type?: string | undefined },
  openAtStart: ReadonlyArray<{ key: string } & InProgressCounts> = [],
): DashboardRow[] {
  const sums = new Map<string, { meta: { key: string; name: string; type?: string | undefined }; c: RollupCounters; open: InProgressCounts; carried: number }>();
  const entry = (key: string) => {
    const meta = groupOf(key);
    let e = sums.get(meta.key);
    if (!e) sums.set(meta.key, (e = { meta, c: { ...ZERO_COUNTERS }, open: { onTime: 0, overdue: 0 }, carried: 0 }));
    return e;
  };
  for (const row of openAtStart) entry(row.key).carried += row.onTime + row.overdue;
  for (const row of facts) {
    const e = entry(row.key);
    e.c = addCounters(e.c, row.counters);
  }
  for (const row of open) {
    const e = entry(row.key);
    e.open = { onTime: e.open.onTime + row.onTime, overdue: e.open.overdue + row.overdue };
  }
  return [...sums.values()].map(({ meta, c, open: o, carried }) => ({
    key: meta.key, name: meta.name, ...(meta.type ? { type: meta.type } : {}),
    received: c.received, finishedEarly: c.finishedEarly, finishedOnTime: c.finishedOnTime, finishedLate: c.finishedLate,
    returned: c.returned, rejected: c.rejected, withdrawn: c.withdrawn, supplementRequests: c.supplementRequests,
    averageProcessingHours: hours(c), inProgressOnTime: o.onTime, inProgressOverdue: o.overdue, carriedOver: carried,
  }));
}

/** Dossiers received outside the chosen subtree but decided by an agency inside it. */
export const OTHER_RECEIVING_NAME = 'Đơn vị tiếp nhận khác (hồ sơ do cơ quan trong phạm vi giải quyết)';

/** The ancestor of `code` that is a direct child of `root` (or root itself); undefined outside the subtree. */
export function childOf(units: ReadonlyMap<string, Unit>, root: string, code: string): Unit | undefined {
  let unit = units.get(code);
  while (unit) {
    if (unit.code === root || unit.parentCode === root) return unit;
    unit = unit.parentCode ? units.get(unit.parentCode) : undefined;
  }
  return undefined;
}

/** The Branch (district) a receiving unit belongs to. */
function districtOf(units: ReadonlyMap<string, Unit>, code: string): Unit | undefined {
  let unit = units.get(code);
  while (unit && unit.type !== 'branch') unit = unit.parentCode ? units.get(unit.parentCode) : undefined;
  return unit;
}

export async function statsDashboard(ctx: ServiceContext, actor: Actor, query: StatsQuery & StructureQuery): Promise<DashboardAnswer> {
  structureMode(query);
  const scope = await resolveStatsScope(ctx, actor, query);
  const f = filters(ctx, scope);
  const db = ctx.db;
  const p = ctx.provinceCode;
  const facts = (by: Breakdown) => sumRollups(db, p, f.facts, by);
  const open = (by: Breakdown) => inProgressBy(db, p, f.at, f.snapshot, by);
  const start = new Date(scope.period.startsAt);
  const fast = await scopeRowsServe(ctx, scope);
  const [byChannel, total, plainReceiving, plainReceivingOpen, plainCompetent, plainCompetentOpen, procedure, procedureOpen, satisfaction, allUnits, plainAtStart] = await Promise.all([
    periodFacts(ctx, scope, 'channel', fast), inProgressOf(ctx, scope, f.at, fast), facts('receiving'), open('receiving'), facts('competent'), open('competent'),
    facts('procedure'), open('procedure'), satisfactionOf(db, p, f.facts), listAllUnits(db), inProgressBy(db, p, start, f.snapshot, 'receiving'),
  ]);
  const daily = scope.period.days <= MAX_SERIES_DAYS ? rowsOf(await periodFacts(ctx, scope, 'day', fast), [], (key) => ({ key, name: key })) : null;
  // Per-unit rows in another structure (issue 9): re-grouped onto its units; totals are untouched.
  const view = await loadStructure(ctx, query, scope);
  const [receiving, receivingOpen, receivingAtStart, competent, competentOpen] = view ? await Promise.all([
    regroupCounters(view, 'receiving', plainReceiving), regroupOpen(view, 'receiving', plainReceivingOpen), regroupOpen(view, 'receiving', plainAtStart),
    regroupCounters(view, 'competent', plainCompetent), regroupOpen(view, 'competent', plainCompetentOpen),
  ]) : [plainReceiving, plainReceivingOpen, plainAtStart, plainCompetent, plainCompetentOpen];
  const units = view?.units ?? new Map(allUnits.map((u) => [u.code, u]));
  const queueWaits = await queueWaitsOf(ctx, scope, new Map([...units.values()].map((u) => [u.code, u.name])), view ? await primaryTargetOf(view, 'receiving') : undefined);
  const procedureNames = await procedureNamesOf(ctx, procedure.map((r) => r.key));
  const totals = byChannel.reduce((sum, row) => addCounters(sum, row.counters), ZERO_COUNTERS);
  const unitGroup = (key: string) => {
    const unit = childOf(units, scope.unit.code, key);
    return unit ? { key: unit.code, name: unit.name, type: unit.type } : { key: '_other', name: OTHER_RECEIVING_NAME };
  };
  const districtGroup = (key: string) => {
    const branch = districtOf(units, key);
    return branch ? { key: branch.areaCode ?? branch.code, name: branch.name, type: 'district' } : { key: '_none', name: 'Trung tâm (cấp tỉnh)' };
  };
  const byProcedure = rowsOf(procedure, procedureOpen, (key) => ({ key, name: procedureNames.get(key) ?? key }))
    .sort((a, b) => b.received - a.received || a.key.localeCompare(b.key));
  return {
    period: { from: scope.period.from, to: scope.period.to },
    unitCode: scope.unit.code,
    unitName: scope.unit.name,
    carriedOver: receivingAtStart.reduce((n, r) => n + r.onTime + r.overdue, 0),
    ...summaryOf(byChannel, total, satisfaction),
    supplementRequests: totals.supplementRequests,
    extensions: totals.extensions,
    averageProcessingHours: hours(totals),
    byReceivingUnit: rowsOf(receiving, receivingOpen, unitGroup, receivingAtStart).sort((a, b) => a.key.localeCompare(b.key)),
    byCompetentAgency: rowsOf(competent, competentOpen, (key) => ({ key, name: units.get(key)?.name ?? key, type: 'agency' }))
      .sort((a, b) => b.received - a.received || a.key.localeCompare(b.key)),
    byProcedure: byProcedure.slice(0, 50),
    byDistrict: rowsOf(receiving, receivingOpen, districtGroup, receivingAtStart).filter((r) => r.key !== '_none').sort((a, b) => a.key.localeCompare(b.key)),
    daily,
    queueWaits,
    ...(view ? { structure: { mode: view.mode, at: view.day } } : {}),
  };
}

const regroupOpen = (view: StructureView, role: StructureRole, rows: ReadonlyArray<{ key: string } & InProgressCounts>) =>
  regroupRows(view, role, rows, ['onTime', 'overdue'] as const);

async function procedureNamesOf(ctx: ServiceContext, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('procedure_versions').select(['procedure_code', 'name', 'version'])
    .where('province_code', '=', ctx.provinceCode).where('procedure_code', 'in', [...codes]).orderBy('version').execute();
  return new Map(rows.map((r) => [r.procedure_code, r.name]));
}
