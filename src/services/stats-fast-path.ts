// Where the summary's figures are read from (decision 0026). Without a procedure or field filter, and
// while the unit's subtree in the scope rollups' closure is its subtree today, the event counters come
// from stats_scope_daily (≤ 3 rows a day for the unit) and the in-progress split of a period that has
// ended from its end-of-day snapshot; otherwise from stats_daily and the live dossiers table, as before.
import { inProgressBy, sumRollups, type InProgressCounts } from '../store/stats.ts';
import { scopeRowsMatchTree, sumScopeRollups } from '../store/stats-scope.ts';
import { openSnapshotOf } from '../store/stats-open.ts';
import { isoDateOfDayNumber, localDayNumber, localTimeOfDay } from '../domain/calendar/local-time.ts';
import type { RollupCounters } from '../domain/stats/rollup-deltas.ts';
import type { StatsScope } from './stats-scope.ts';
import type { ServiceContext } from './context.ts';

export type FactRows = Array<{ key: string; counters: RollupCounters }>;

/** Whether the scope rows answer this question exactly. */
export async function scopeRowsServe(ctx: ServiceContext, scope: StatsScope): Promise<boolean> {
  return scope.procedureCodes === undefined && (await scopeRowsMatchTree(ctx.db, scope.unit.code, scope.unitCodes));
}

/** Event counters of the period, by channel or by day. */
export async function periodFacts(ctx: ServiceContext, scope: StatsScope, by: 'channel' | 'day', fast: boolean): Promise<FactRows> {
  const period = { fromDay: scope.period.from, toDay: scope.period.to };
  if (fast) return sumScopeRollups(ctx.db, ctx.provinceCode, { unitCode: scope.unit.code, ...period, channel: scope.channel }, by);
  return sumRollups(ctx.db, ctx.provinceCode, { ...period, unitCodes: scope.unitCodes, procedureCodes: scope.procedureCodes, channel: scope.channel }, by);
}

/**
 * In progress at `at`: the end-of-day snapshot when `at` is the end of a day whose snapshot was taken
 * (and the scope rows serve), else the live read of the dossiers table.
 */
export async function inProgressOf(ctx: ServiceContext, scope: StatsScope, at: Date, fast: boolean): Promise<InProgressCounts> {
  // A day-end instant (00:00 local) that has passed: the snapshot of the day before it, if taken.
  if (fast && localTimeOfDay(at.getTime()) === 0 && at.getTime() <= ctx.now().getTime()) {
    const day = isoDateOfDayNumber(localDayNumber(at.getTime()) - 1);
    const snap = await openSnapshotOf(ctx.db, ctx.provinceCode, scope.unit.code, day, scope.channel);
    if (snap) return snap;
  }
  const [row] = await inProgressBy(ctx.db, ctx.provinceCode, at, { unitCodes: scope.unitCodes, procedureCodes: scope.procedureCodes, channel: scope.channel }, 'total');
  return { onTime: row?.onTime ?? 0, overdue: row?.overdue ?? 0 };
}
