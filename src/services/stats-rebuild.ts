// `motcua stats rebuild [--verify]`: recompute the reporting facts from the dossier history and prove the
// live rollups match it. --verify only compares (exit 1 on any difference); without it the facts are
// replaced by the recomputation and compared again.
import { diffRollupsWithHistory, replaceFactsFromHistory, type RollupDifference } from '../store/stats-rebuild.ts';
import type { ServiceContext } from './context.ts';

export interface RebuildReport {
  verifiedOnly: boolean;
  /** Rollup rows that differed before the rebuild. */
  differencesBefore: number;
  sample: RollupDifference[];
  /** After a rebuild: rows that still differ (always 0 unless commands raced in a way the locks missed). */
  differencesAfter: number;
  historyRollupRows: number;
  events?: number;
  rollups?: number;
}

export async function rebuildStats(ctx: ServiceContext, options: { verifyOnly: boolean }): Promise<RebuildReport> {
  const before = await diffRollupsWithHistory(ctx.db, ctx.provinceCode);
  if (options.verifyOnly) {
    return { verifiedOnly: true, differencesBefore: before.count, sample: before.sample, differencesAfter: before.count, historyRollupRows: before.rows };
  }
  const written = await ctx.db.transaction().execute((trx) => replaceFactsFromHistory(trx, ctx.provinceCode));
  const after = await diffRollupsWithHistory(ctx.db, ctx.provinceCode);
  return { verifiedOnly: false, differencesBefore: before.count, sample: before.sample, differencesAfter: after.count, historyRollupRows: after.rows, ...written };
}
