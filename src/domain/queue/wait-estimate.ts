// Estimated wait: the people ahead, shared among the open counters serving the group, times a typical
// serving time learnt from recent finished tickets (the median, so one long dossier does not swing it).
import { MINUTE_MS } from '../calendar/local-time.ts';

/** Serving time assumed when a group has no recent history. */
export const DEFAULT_SERVICE_MS = 8 * MINUTE_MS;

/** The median of recent serving times, ignoring impossible values; the default without data. */
export function typicalServiceMs(recentServiceMs: readonly number[], fallback = DEFAULT_SERVICE_MS): number {
  const values = recentServiceMs.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (values.length === 0) return fallback;
  const mid = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}

/**
 * Expected wait (ms) of someone with `ahead` people before them when `counters` counters serve the group.
 * With no counter open the wait is unknown (undefined), never zero.
 */
export function estimateWaitMs(ahead: number, counters: number, serviceMs: number): number | undefined {
  if (!(counters >= 1)) return undefined;
  if (ahead <= 0) return 0;
  return Math.ceil(ahead / counters) * serviceMs;
}

export function waitMinutes(ms: number | undefined): number | null {
  return ms === undefined ? null : Math.ceil(ms / MINUTE_MS);
}
