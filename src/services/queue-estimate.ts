// People ahead and the estimated wait of a group at a unit, from its counters and recent serving times.
import { DAY_MS } from '../domain/calendar/local-time.ts';
import { estimateWaitMs, typicalServiceMs, waitMinutes } from '../domain/queue/index.ts';
import type { CounterRow } from '../store/queue-config.ts';
import { recentServiceTimes } from '../store/queue-tickets.ts';
import type { Db } from '../store/database.ts';

/**
 * Counters that serve the group: those with an officer signed in; when none is signed in yet (before
 * opening) the unit's counters for the group, since they will open.
 */
export function servingCounters(counters: readonly CounterRow[], group: string): number {
  const forGroup = counters.filter((c) => c.serviceGroups.includes(group));
  const open = forGroup.filter((c) => c.officerUsername !== null).length;
  return open > 0 ? open : forGroup.length;
}

export async function estimatedWaitMinutes(db: Db, provinceCode: string, unitCode: string, group: string, ahead: number, counters: readonly CounterRow[], now: Date): Promise<number | null> {
  const recent = await recentServiceTimes(db, provinceCode, unitCode, group, new Date(now.getTime() - 7 * DAY_MS));
  return waitMinutes(estimateWaitMs(ahead, servingCounters(counters, group), typicalServiceMs(recent)));
}
