// Which reminders a running dossier has reached at `now` (the background timer scan asks this of every
// candidate; firing them exactly once is the store's job). Pure: the caller passes the calendar the
// promise was made on and the current promised instant.
//
// - Due-soon warning (cảnh báo sắp đến hạn) to the handler and the leader: when the working time left
//   is at most `dueSoonPercent` of the procedure's time limit. A share rather than a fixed day count:
//   one working day before the end is a warning at receipt for a one-day procedure and far too late for
//   a thirty-day one; 20% scales with the work still to be done.
// - Apology reminder (nhắc lập Phiếu xin lỗi và hẹn lại, Mẫu 04): the apology must go out at the latest
//   1 working day before the due date (Decree 61 art. 19; domain.md §3.6), so the reminder fires when
//   that deadline is reached — unless the one allowed extension was already granted, or the time limit
//   itself is no longer than that day (a same-day or one-day procedure cannot apologise in advance).
// - Overdue (quá hạn): past the promised instant.
import { instantAtCoordinate, workingBudgetMs, workingCoordinate, type Duration, type WorkingCalendar, type WorkingDuration } from '../calendar/index.ts';
import { DEFAULT_CLOCK_POLICY } from './clock-config.ts';

export interface TimerFacts {
  receivedAt: number;
  /** The current promised instant (after extensions, restarts and calendar edits). */
  dueAt: number;
  timeLimit: Duration;
  extended: boolean;
}

export interface TimerPolicy {
  dueSoonPercent: number;
  /** The apology deadline before the due instant (law: 1 working day). */
  apologyWithin: WorkingDuration;
}

export const DEFAULT_TIMER_POLICY: TimerPolicy = { dueSoonPercent: 20, apologyWithin: DEFAULT_CLOCK_POLICY.dueSoonWithin };

export interface TimerState {
  /** Working ms left until the promised instant (≤ 0 once reached). */
  remainingMs: number;
  dueSoonThresholdMs: number;
  apologyDeadlineAt: number;
  dueSoon: boolean;
  apologyReminder: boolean;
  overdue: boolean;
}

/** Working time the procedure allows: its limit in days or hours, else the span promised at receipt. */
export function timeLimitMs(calendar: WorkingCalendar, facts: Pick<TimerFacts, 'receivedAt' | 'dueAt' | 'timeLimit'>): number {
  const limit = facts.timeLimit;
  if (limit.unit === 'days' || limit.unit === 'hours') return workingBudgetMs(calendar, limit);
  return Math.max(0, workingCoordinate(calendar, facts.dueAt) - workingCoordinate(calendar, facts.receivedAt));
}

export function timersAt(calendar: WorkingCalendar, facts: TimerFacts, now: number, policy: TimerPolicy = DEFAULT_TIMER_POLICY): TimerState {
  const dueCoordinate = workingCoordinate(calendar, facts.dueAt);
  const remainingMs = dueCoordinate - workingCoordinate(calendar, now);
  const overdue = now > facts.dueAt;
  const limitMs = timeLimitMs(calendar, facts);
  const dueSoonThresholdMs = Math.floor((limitMs * policy.dueSoonPercent) / 100);
  const apologyMs = workingBudgetMs(calendar, policy.apologyWithin);
  return {
    remainingMs,
    dueSoonThresholdMs,
    apologyDeadlineAt: instantAtCoordinate(calendar, dueCoordinate - apologyMs, 'apologyWithin'),
    dueSoon: !overdue && remainingMs <= dueSoonThresholdMs,
    apologyReminder: !overdue && !facts.extended && limitMs > apologyMs && remainingMs <= apologyMs,
    overdue,
  };
}
