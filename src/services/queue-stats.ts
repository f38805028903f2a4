// Queue statistics for managers and dashboards, scoped to the officer's subtree: per unit, group,
// counter, officer or hour, with tickets per working hour of the period (from the unit's calendar).
import { forbidden, invalid } from '../domain/errors.ts';
import { workingTimeBetween } from '../domain/calendar/index.ts';
import { HOUR_MS } from '../domain/calendar/local-time.ts';
import { formatInstantVN, parseDateOrInstant } from '../domain/time/instant.ts';
import { subtreeCodesOf } from '../store/units.ts';
import { queueStats, type StatsDimension, type StatsRow } from '../store/queue-stats.ts';
import { anyInScope } from './admin-checks.ts';
import { unitCalendar } from './calendar.ts';
import type { Actor, ServiceContext } from './context.ts';

export const STATS_DIMENSIONS: readonly StatsDimension[] = ['unit', 'group', 'counter', 'officer', 'hour'];

export interface StatsAnswer {
  unitCode: string;
  from: string;
  to: string;
  by: StatsDimension;
  workingHours: number;
  items: Array<StatsRow & { ticketsPerWorkingHour: number | null }>;
}

export async function queueStatistics(ctx: ServiceContext, actor: Actor, query: { unitCode?: string | undefined; from: string; to: string; by?: string | undefined; serviceGroup?: string | undefined }): Promise<StatsAnswer> {
  const unitCode = query.unitCode ?? actor.unitCode;
  if (!(await anyInScope(ctx.db, actor, [unitCode]))) throw forbidden('OUT_OF_SCOPE', `Đơn vị "${unitCode}" nằm ngoài phạm vi của bạn.`, { unitCode });
  const by = (query.by ?? 'unit') as StatsDimension;
  if (!STATS_DIMENSIONS.includes(by)) throw invalid('INVALID_DIMENSION', `Tham số "by" phải là một trong: ${STATS_DIMENSIONS.join(', ')}.`, { field: 'by' });
  const from = parseDateOrInstant(query.from, 'from');
  const to = parseDateOrInstant(query.to, 'to');
  if (!(to > from)) throw invalid('INVALID_PERIOD', 'Thời điểm kết thúc ("to") phải sau thời điểm bắt đầu ("from").', { field: 'to' });
  if (to - from > 366 * 24 * HOUR_MS) throw invalid('PERIOD_TOO_LONG', 'Khoảng thời gian thống kê tối đa một năm.', { field: 'to' });
  const units = await subtreeCodesOf(ctx.db, unitCode);
  const rows = await queueStats(ctx.db, ctx.provinceCode, { unitCodes: units, from: new Date(from), to: new Date(to), group: query.serviceGroup, by });
  const workingHours = workingTimeBetween(await unitCalendar(ctx, unitCode), from, to) / HOUR_MS;
  return {
    unitCode, from: formatInstantVN(from), to: formatInstantVN(to), by, workingHours,
    items: rows.map((r) => ({ ...r, ticketsPerWorkingHour: by === 'hour' || workingHours === 0 ? null : Math.round((r.tickets / workingHours) * 100) / 100 })),
  };
}
