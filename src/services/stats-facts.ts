// The one hook every dossier command calls next to its outbox event, inside its own transaction:
// the event becomes a fact row and its additive delta lands in the day's rollups (stats_daily and the
// scope rows), so the dashboard counts a new intake at once and a rolled-back command counts nothing.
// Sub-dossiers are never counted.
import { localDate } from '../domain/stats/period.ts';
import { hasAnyCount, rollupDeltas } from '../domain/stats/rollup-deltas.ts';
import type { FinishOutcome } from '../domain/sla/index.ts';
import { addToDailyRollup, findDossierFactKeys, insertStatsEvent } from '../store/stats.ts';
import { addToScopeRollup } from '../store/stats-scope.ts';
import type { Db } from '../store/database.ts';

export interface DossierFactEvent {
  code: string;
  seq: number;
  /** 'receive' for the intake, else the action type. */
  action: string;
  at: Date;
  /** Only on the action that finished the legal clock. */
  outcome?: FinishOutcome | undefined;
}

/** Call with the command's transaction (`trx`), never the outer handle. */
export async function recordDossierFacts(trx: Db, provinceCode: string, event: DossierFactEvent): Promise<void> {
  const keys = await findDossierFactKeys(trx, provinceCode, event.code);
  if (!keys || keys.parentCode !== null) return;
  const processingMs = event.outcome ? event.at.getTime() - keys.receivedAt.getTime() : null;
  const day = localDate(event.at.getTime());
  const inserted = await insertStatsEvent(trx, provinceCode, {
    dossierCode: event.code, seq: event.seq, action: event.action, at: event.at, day, keys, outcome: event.outcome ?? null, processingMs,
  });
  if (!inserted) return;
  const deltas = rollupDeltas({ action: event.action, outcome: event.outcome ?? null, processingMs });
  if (!hasAnyCount(deltas)) return;
  await addToDailyRollup(trx, provinceCode, day, keys, deltas);
  // The same deltas under every scope unit of the two units (the summary's fast path, migration 0026).
  await addToScopeRollup(trx, provinceCode, day, keys, deltas);
}
