// Queue waits for the operations dashboard: average and 90th-percentile wait from ticket issue to the
// first call, per reception unit of the scope and per service group, over the dashboard's period
// (tickets issued in it). Read straight from the ticket rows (store/queue-stats.ts), as the queue's own
// statistics do, so the two pages agree.
import { queueStats, type StatsRow } from '../store/queue-stats.ts';
import type { StatsScope } from './stats-scope.ts';
import type { ServiceContext } from './context.ts';

export interface QueueWaitRow {
  unitCode: string;
  unitName: string;
  /** null on the unit's row (all its groups). */
  serviceGroup: string | null;
  serviceGroupName: string | null;
  tickets: number;
  called: number;
  avgWaitSeconds: number | null;
  p90WaitSeconds: number | null;
}

/**
 * `targetOf` (a structure view's main successor or as-of unit) reports each ticket's unit under another
 * one: waits are recomputed over the tickets of the regrouped units, not averaged from per-unit rows
 * (a 90th percentile does not add up).
 */
export async function queueWaitsOf(ctx: ServiceContext, scope: StatsScope, unitNames: ReadonlyMap<string, string>, targetOf?: (code: string) => string): Promise<QueueWaitRow[]> {
  const unitTargets = targetOf ? new Map(scope.unitCodes.map((code) => [code, targetOf(code)])) : undefined;
  const filter = { unitCodes: scope.unitCodes, from: new Date(scope.period.startsAt), to: new Date(scope.period.endsAt), unitTargets };
  const [byUnit, byGroup, groups] = await Promise.all([
    queueStats(ctx.db, ctx.provinceCode, { ...filter, by: 'unit' }),
    queueStats(ctx.db, ctx.provinceCode, { ...filter, by: 'unitGroup' }),
    ctx.db.selectFrom('queue_service_groups').select(['unit_code', 'code', 'name']).where('province_code', '=', ctx.provinceCode)
      .where('unit_code', 'in', scope.unitCodes).execute(),
  ]);
  const groupName = new Map(groups.map((g) => [`${unitTargets?.get(g.unit_code) ?? g.unit_code}|${g.code}`, g.name]));
  const row = (unitCode: string, group: string | null, r: StatsRow): QueueWaitRow => ({
    unitCode, unitName: unitNames.get(unitCode) ?? unitCode, serviceGroup: group, serviceGroupName: group === null ? null : groupName.get(`${unitCode}|${group}`) ?? group,
    tickets: r.tickets, called: r.called, avgWaitSeconds: r.avgWaitSeconds, p90WaitSeconds: r.p90WaitSeconds,
  });
  const rows: QueueWaitRow[] = [];
  for (const unit of byUnit) {
    rows.push(row(unit.key, null, unit));
    for (const g of byGroup.filter((r) => r.key.startsWith(`${unit.key}|`))) rows.push(row(unit.key, g.key.slice(unit.key.length + 1), g));
  }
  return rows;
}
