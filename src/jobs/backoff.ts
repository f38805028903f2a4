// Exponential backoff: base, 2×base, 4×base … after the 1st, 2nd, 3rd failed attempt, at most 6 hours.
export const MAX_BACKOFF_MS = 6 * 3_600_000;

export function backoffMs(baseMs: number, failedAttempts: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, failedAttempts - 1));
}
