// What a procedure and the province decide about a dossier's clock.
import type { Duration, WorkingDuration } from '../calendar/index.ts';

/** Decree 61/2018 art. 19 cl. 4: once the complete dossier arrives the time limit restarts from zero
 * (`restart`, the default). Many systems instead pause the clock while the citizen supplements (`pause`). */
export type SupplementPolicy = 'restart' | 'pause';

export interface ProcedureClock {
  timeLimit: Duration;
  supplementPolicy: SupplementPolicy;
}

/** When a finished dossier counts as "early" (trước hạn) — (open) in law. */
export type EarlyRule =
  /** Finished on a calendar day before the due instant's day (default). */
  | { rule: 'beforeDueDay' }
  /** Finished with at least this much working time left. */
  | { rule: 'workingTimeBeforeDue'; hours: number };

export interface ClockPolicy {
  early: EarlyRule;
  /** How close to the due instant a dossier is "due soon"; also the apology deadline (Mẫu 04: at the
   * latest 1 working day before the due date). */
  dueSoonWithin: WorkingDuration;
  /** Whether finishing by the extended due instant counts as on time. (open) — default false: the dossier
   * is measured against the instant promised on the receipt (Mẫu 01), the apology admits the delay. */
  extensionExcusesLateness: boolean;
  /** Working hours shown as one day in remaining-time texts (domain.md §5: 8). */
  hoursPerDay: number;
}

export const DEFAULT_CLOCK_POLICY: ClockPolicy = {
  early: { rule: 'beforeDueDay' },
  dueSoonWithin: { unit: 'days', value: 1 },
  extensionExcusesLateness: false,
  hoursPerDay: 8,
};

export function procedureClock(timeLimit: Duration, supplementPolicy: SupplementPolicy = 'restart'): ProcedureClock {
  return { timeLimit, supplementPolicy };
}
