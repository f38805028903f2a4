// National on-time test (domain.md §5): finished at or before the promised instant; citizen supplement
// time excluded (the clock was paused or restarted); more than one supplement request counts as late.
import { workingCoordinate, HOUR_MS, type WorkingCalendar } from '../calendar/index.ts';
import { localDayNumber } from '../calendar/local-time.ts';
import type { ClockPolicy } from './clock-config.ts';
import { dueInstantOf, type ClockState } from './clock-state.ts';

export type FinishOutcome = 'early' | 'on_time' | 'late';
export type LateReason = 'finished_after_due' | 'multiple_supplement_requests';

export interface FinishClassification {
  outcome: FinishOutcome;
  lateReasons: LateReason[];
  /** The instant the finish was measured against (the extended one only if extensions excuse lateness). */
  measuredAgainst: number;
}

/**
 * Classifies a finished clock. A dossier finished while paused is measured at the instant it paused (its
 * clock stopped there). Returns undefined while the clock has not finished.
 */
export function classifyFinish(calendar: WorkingCalendar, state: ClockState, policy: ClockPolicy): FinishClassification | undefined {
  if (state.phase !== 'finished' || state.finishedAt === null) return undefined;
  const finishedAt = state.pausedAt ?? state.finishedAt;
  const extensionMs = policy.extensionExcusesLateness ? 0 : (state.extension?.addedMs ?? 0);
  const dueCoordinate = state.dueCoordinate - extensionMs;
  const dueAt = dueInstantOf(calendar, dueCoordinate);

  const lateReasons: LateReason[] = [];
  if (finishedAt > dueAt) lateReasons.push('finished_after_due');
  if (state.supplementRequests > 1) lateReasons.push('multiple_supplement_requests');
  if (lateReasons.length > 0) return { outcome: 'late', lateReasons, measuredAgainst: dueAt };

  const early =
    policy.early.rule === 'beforeDueDay'
      ? localDayNumber(finishedAt) < localDayNumber(dueAt)
      : dueCoordinate - workingCoordinate(calendar, finishedAt, 'finishedAt') >= Math.round(policy.early.hours * HOUR_MS);
  return { outcome: early ? 'early' : 'on_time', lateReasons, measuredAgainst: dueAt };
}
