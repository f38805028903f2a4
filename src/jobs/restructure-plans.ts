// Restructuring plans accepted ahead of time take effect at their instant: a singleton job under a lease
// (one instance applies, the others skip the tick), and inside it the plan service's advisory lock and
// status check, so a plan is applied exactly once even if a lease ever expired mid-run.
import type { ServiceContext } from '../services/context.ts';
import { applyDuePlans } from '../services/restructure.ts';
import { claimJobLease, releaseJobLease } from '../store/job-leases.ts';

export const RESTRUCTURE_JOB = 'restructure-plans';

export interface RestructureJobReport {
  leaseHeld: boolean;
  applied: number;
}

export async function applyScheduledPlans(ctx: ServiceContext, options: { holder: string; leaseMs: number; log?: (ids: string[]) => void }): Promise<RestructureJobReport> {
  if (!(await claimJobLease(ctx.db, RESTRUCTURE_JOB, options.holder, ctx.now(), options.leaseMs))) return { leaseHeld: false, applied: 0 };
  let failure: string | null = null;
  try {
    const ids = await applyDuePlans(ctx);
    if (ids.length > 0) options.log?.(ids);
    return { leaseHeld: true, applied: ids.length };
  } catch (error) {
    failure = (error as Error).message;
    throw error;
  } finally {
    await releaseJobLease(ctx.db, RESTRUCTURE_JOB, options.holder, ctx.now(), failure);
  }
}
