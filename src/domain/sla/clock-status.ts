// What the desk and the dashboard show for a clock at `now`: due instant, remaining or overdue working
// time, due-soon warning (the apology deadline), and the outcome once finished.
import { instantAtCoordinate, workingBudgetMs, workingCoordinate, type WorkingCalendar } from '../calendar/index.ts';
import { DEFAULT_CLOCK_POLICY, type ClockPolicy } from './clock-config.ts';
import { dueCoordinateIfResumedAt, dueInstantOf, type ClockPhase, type ClockSegment, type ClockState } from './clock-state.ts';
import { classifyFinish, type FinishClassification } from './finish-outcome.ts';
import { formatRemainingVN } from './remaining-text.ts';

export interface ClockStatus {
  phase: ClockPhase;
  /** The promised instant. While paused: the instant it would be if the clock resumed at `now`. */
  dueAt: number;
  dueAtIsProjected: boolean;
  /** Working ms left (negative: overdue), frozen while paused. */
  remainingMs: number;
  remainingText: string;
  overdue: boolean;
  dueSoon: boolean;
  /** Latest instant for the apology and new appointment (Mẫu 04), `dueSoonWithin` before the due instant. */
  apologyDeadlineAt: number;
  supplementRequests: number;
  extended: boolean;
  segments: ClockSegment[];
  finish?: FinishClassification;
}

export function clockStatus(calendar: WorkingCalendar, state: ClockState, now: number, policy: ClockPolicy = DEFAULT_CLOCK_POLICY): ClockStatus {
  const paused = state.phase === 'paused';
  // A finished clock is measured where it stopped (its pause, if it finished while paused).
  const measuredAt = state.phase === 'finished' ? (state.pausedAt ?? state.finishedAt ?? now) : now;
  const dueCoordinate = paused ? dueCoordinateIfResumedAt(calendar, state, now) : state.dueCoordinate;
  const dueAt = dueInstantOf(calendar, dueCoordinate);
  const remainingMs = dueCoordinate - workingCoordinate(calendar, measuredAt, 'now');
  const overdue = remainingMs < 0 || (!paused && measuredAt > dueAt);
  const thresholdMs = workingBudgetMs(calendar, policy.dueSoonWithin);
  const finish = classifyFinish(calendar, state, policy);
  return {
    phase: state.phase,
    dueAt,
    dueAtIsProjected: paused,
    remainingMs,
    remainingText: overdue && remainingMs === 0 ? 'Quá hạn' : formatRemainingVN(remainingMs, policy.hoursPerDay),
    overdue,
    dueSoon: state.phase === 'running' && !overdue && remainingMs <= thresholdMs,
    apologyDeadlineAt: instantAtCoordinate(calendar, dueCoordinate - thresholdMs, 'dueSoonWithin'),
    supplementRequests: state.supplementRequests,
    extended: state.extension !== null,
    segments: state.segments,
    ...(finish ? { finish } : {}),
  };
}
