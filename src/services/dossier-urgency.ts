// How urgent an open dossier is, for lists (inbox, leader's view): the working time left before its due
// instant on the clock's calendar (the receiving unit's), as officers read it. "Due soon" = at most one
// working day left (DEFAULT_CLOCK_POLICY.dueSoonWithin, the apology threshold).
import { HOUR_MS, workingCoordinate } from '../domain/calendar/index.ts';
import { DEFAULT_CLOCK_POLICY, formatRemainingVN } from '../domain/sla/index.ts';
import { unitCalendar } from './calendar.ts';
import type { ServiceContext } from './context.ts';

export interface Urgency {
  remainingWorkingMinutes: number | null;
  remainingText: string | null;
  overdue: boolean;
  dueSoon: boolean;
}

const DUE_SOON_MS = DEFAULT_CLOCK_POLICY.dueSoonWithin.value * (DEFAULT_CLOCK_POLICY.dueSoonWithin.unit === 'days' ? DEFAULT_CLOCK_POLICY.hoursPerDay : 1) * HOUR_MS;

export async function urgencyOf(ctx: ServiceContext, d: { receivingUnitCode: string; dueAt: Date | null; finishedAt: Date | null }, now: number): Promise<Urgency> {
  if (d.finishedAt !== null || d.dueAt === null) return { remainingWorkingMinutes: null, remainingText: null, overdue: false, dueSoon: false };
  const calendar = await unitCalendar(ctx, d.receivingUnitCode);
  const due = d.dueAt.getTime();
  const remaining = workingCoordinate(calendar, due, 'dueAt') - workingCoordinate(calendar, now, 'now');
  const overdue = now > due;
  return {
    remainingWorkingMinutes: Math.trunc(remaining / 60_000),
    remainingText: overdue && remaining === 0 ? 'Quá hạn' : formatRemainingVN(remaining, DEFAULT_CLOCK_POLICY.hoursPerDay),
    overdue,
    dueSoon: !overdue && remaining <= DUE_SOON_MS,
  };
}
