// Takes the end-of-day in-progress snapshots (stats_open_daily) of the days that have ended and were not
// taken yet, oldest first, at most SNAPSHOT_DAYS_PER_RUN days a run (a fresh install catches up on its
// history over a few ticks). A singleton job under a lease; the snapshot table's keys make a second
// instance's overlapping run fail and roll back rather than count twice.
import type { ServiceContext } from '../services/context.ts';
import { claimJobLease, releaseJobLease } from '../store/job-leases.ts';
import { rescopeIfTreeMoved } from '../services/stats-rebuild.ts';
import { firstIntakeDay, lastSnapshotDay, takeOpenSnapshots } from '../store/stats-open.ts';
import { dayNumberOfIsoDate, isoDateOfDayNumber, localDayNumber } from '../domain/calendar/local-time.ts';

export const STATS_SNAPSHOT_JOB = 'stats-snapshots';
export const SNAPSHOT_DAYS_PER_RUN = 92;

export interface SnapshotJobReport {
  leaseHeld: boolean;
  /** Units a restructuring moved in the tree, whose scope rows were re-derived first (0 most ticks). */
  rescopedUnits: number;
  days: number;
  rows: number;
}

/** The days to take now: from the day after the last one taken (or the first intake) to yesterday. */
export async function pendingSnapshotDays(ctx: ServiceContext): Promise<{ from: string; to: string } | undefined> {
  const yesterday = localDayNumber(ctx.now().getTime()) - 1;
  const last = await lastSnapshotDay(ctx.db, ctx.provinceCode);
  const first = last ? dayNumberOfIsoDate(last)! + 1 : await firstIntakeDay(ctx.db, ctx.provinceCode).then((d) => (d ? dayNumberOfIsoDate(d) : undefined));
  if (first === undefined || first > yesterday) return undefined;
  return { from: isoDateOfDayNumber(first), to: isoDateOfDayNumber(Math.min(yesterday, first + SNAPSHOT_DAYS_PER_RUN - 1)) };
}

export async function takeDueSnapshots(ctx: ServiceContext, options: { holder: string; leaseMs: number }): Promise<SnapshotJobReport> {
  if (!(await claimJobLease(ctx.db, STATS_SNAPSHOT_JOB, options.holder, ctx.now(), options.leaseMs))) return { leaseHeld: false, rescopedUnits: 0, days: 0, rows: 0 };
  let failure: string | null = null;
  try {
    // First the tree: snapshots are summed over it, so a moved unit re-derives the scope rows and forgets them.
    const rescopedUnits = (await rescopeIfTreeMoved(ctx)).staleUnits;
    const range = await pendingSnapshotDays(ctx);
    if (!range) return { leaseHeld: true, rescopedUnits, days: 0, rows: 0 };
    const taken = await ctx.db.transaction().execute((trx) => takeOpenSnapshots(trx, ctx.provinceCode, range.from, range.to, ctx.now()));
    return { leaseHeld: true, rescopedUnits, ...taken };
  } catch (error) {
    failure = (error as Error).message;
    throw error;
  } finally {
    await releaseJobLease(ctx.db, STATS_SNAPSHOT_JOB, options.holder, ctx.now(), failure);
  }
}
