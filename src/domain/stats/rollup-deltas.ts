// What one dossier event adds to its day's rollup row. The live hook and the rebuild's SQL
// (store/stats-rebuild.ts) apply the same mapping; the tests prove they agree.
import type { FinishOutcome } from '../sla/index.ts';
import { INTAKE_STEP } from '../dossier/history-labels.ts';

export interface RollupCounters {
  received: number;
  finishedEarly: number;
  finishedOnTime: number;
  finishedLate: number;
  processingMs: number;
  returned: number;
  rejected: number;
  withdrawn: number;
  supplementRequests: number;
  extensions: number;
}

export const ZERO_COUNTERS: RollupCounters = {
  received: 0, finishedEarly: 0, finishedOnTime: 0, finishedLate: 0, processingMs: 0,
  returned: 0, rejected: 0, withdrawn: 0, supplementRequests: 0, extensions: 0,
};

export const COUNTER_NAMES = Object.keys(ZERO_COUNTERS) as Array<keyof RollupCounters>;

/** The action type of the intake step (dossier_actions.type of seq 1). */
export const INTAKE_ACTION = INTAKE_STEP;

export interface DossierEvent {
  action: string;
  /** Set only on the action that finished the legal clock (record_result, reject or withdraw). */
  outcome?: FinishOutcome | null | undefined;
  /** Received → finished, for the finishing action. */
  processingMs?: number | null | undefined;
}

/**
 * Finished counts every dossier whose clock finished (processed, rejected or withdrawn: domain.md §5's
 * on-time test), by outcome; rejected and withdrawn are also counted on their own, returned counts the
 * hand-over of a result.
 */
export function rollupDeltas(event: DossierEvent): RollupCounters {
  const d: RollupCounters = { ...ZERO_COUNTERS };
  if (event.action === INTAKE_ACTION) d.received = 1;
  if (event.outcome === 'early') d.finishedEarly = 1;
  if (event.outcome === 'on_time') d.finishedOnTime = 1;
  if (event.outcome === 'late') d.finishedLate = 1;
  if (event.outcome) d.processingMs = Math.max(0, Math.round(event.processingMs ?? 0));
  if (event.action === 'return_result') d.returned = 1;
  if (event.action === 'reject') d.rejected = 1;
  if (event.action === 'withdraw') d.withdrawn = 1;
  if (event.action === 'request_supplement') d.supplementRequests = 1;
  if (event.action === 'extend') d.extensions = 1;
  return d;
}

export function hasAnyCount(d: RollupCounters): boolean {
  return COUNTER_NAMES.some((name) => d[name] !== 0);
}

export function addCounters(a: RollupCounters, b: RollupCounters): RollupCounters {
  const sum = { ...a };
  for (const name of COUNTER_NAMES) sum[name] = a[name] + b[name];
  return sum;
}
