// `motcua stats rebuild [--verify]`: recompute the reporting facts from the dossier history and prove the
// live rollups match it. --verify only compares (exit 1 on any difference); without it the facts are
// replaced by the recomputation and compared again.
import { diffRollupsWithHistory, historyRollups, replaceFactsFromHistory, type RollupDifference } from '../store/stats-rebuild.ts';
import { diffScopeRollups, replaceScopeRollupsIfStale, staleScopeUnits } from '../store/stats-scope.ts';
import { clearOpenSnapshots } from '../store/stats-open.ts';
import type { ServiceContext } from './context.ts';

export interface RebuildReport {
  verifiedOnly: boolean;
  /** Rollup rows that differed before the rebuild. */
  differencesBefore: number;
  sample: RollupDifference[];
  /** After a rebuild: rows that still differ (always 0 unless commands raced in a way the locks missed). */
  differencesAfter: number;
  historyRollupRows: number;
  /** Scope rows (stats_scope_daily) that differ from the history under their stored unit tree, before / after. */
  scopeDifferencesBefore: number;
  scopeDifferencesAfter: number;
  /** Units whose ancestry in the scope rows' tree differs from today's (their subtrees are answered from
   * stats_daily until a rebuild); 0 after a rebuild, which then also forgets the end-of-day snapshots. */
  staleTreeUnits: number;
  events?: number;
  rollups?: number;
  scopeRows?: number;
}

export async function rebuildStats(ctx: ServiceContext, options: { verifyOnly: boolean }): Promise<RebuildReport> {
  const before = await diffRollupsWithHistory(ctx.db, ctx.provinceCode);
  const scopeBefore = await diffScopeRollups(ctx.db, ctx.provinceCode, historyRollups(ctx.provinceCode));
  if (options.verifyOnly) {
    return {
      verifiedOnly: true, differencesBefore: before.count, sample: before.sample, differencesAfter: before.count, historyRollupRows: before.rows,
      scopeDifferencesBefore: scopeBefore.count, scopeDifferencesAfter: scopeBefore.count, staleTreeUnits: scopeBefore.staleUnits,
    };
  }
  const written = await ctx.db.transaction().execute(async (trx) => {
    const result = await replaceFactsFromHistory(trx, ctx.provinceCode);
    // Snapshots were expanded over the old tree: forget them; the job takes them again from the dossiers.
    if (scopeBefore.staleUnits > 0) await clearOpenSnapshots(trx, ctx.provinceCode);
    return result;
  });
  const after = await diffRollupsWithHistory(ctx.db, ctx.provinceCode);
  const scopeAfter = await diffScopeRollups(ctx.db, ctx.provinceCode, historyRollups(ctx.provinceCode));
  return {
    verifiedOnly: false, differencesBefore: before.count, sample: before.sample, differencesAfter: after.count, historyRollupRows: after.rows,
    scopeDifferencesBefore: scopeBefore.count, scopeDifferencesAfter: scopeAfter.count, staleTreeUnits: scopeAfter.staleUnits, ...written,
  };
}

/**
 * After a restructuring moved units in the tree: re-derive the scope rows from stats_daily under today's
 * tree and forget the end-of-day snapshots summed over the old one (the snapshot job takes them again).
 * Until then the summary answers the moved subtrees from stats_daily, exact but slower; the snapshot job
 * calls this each tick, so nobody has to remember `motcua stats rebuild` after a plan takes effect.
 */
export async function rescopeIfTreeMoved(ctx: ServiceContext): Promise<{ staleUnits: number; scopeRows: number }> {
  if ((await staleScopeUnits(ctx.db)) === 0) return { staleUnits: 0, scopeRows: 0 };
  return ctx.db.transaction().execute(async (trx) => {
    const rescoped = await replaceScopeRollupsIfStale(trx, ctx.provinceCode);
    if (rescoped.staleUnits > 0) await clearOpenSnapshots(trx, ctx.provinceCode);
    return rescoped;
  });
}
