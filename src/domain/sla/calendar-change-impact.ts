// "Show which dossiers a calendar edit affects before saving": replay each open clock under the old and
// the new calendar and report those whose due instant moves (holidays declared after intake move the due
// dates of running dossiers).
import { isAppError, type AppError } from '../errors.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import type { ProcedureClock } from './clock-config.ts';
import type { ClockEvent } from './clock-events.ts';
import { replayClock } from './clock-state.ts';
import { clockStatus } from './clock-status.ts';

export interface TrackedClock {
  id: string;
  procedure: ProcedureClock;
  events: readonly ClockEvent[];
}

export interface DueDateShift {
  id: string;
  phase: 'running' | 'paused';
  before: number;
  after: number;
  /** Paused clocks: due instants as if resumed at `now`. */
  projected: boolean;
}

export interface CalendarChangeImpact {
  affected: DueDateShift[];
  /** Clocks that cannot be evaluated under one of the calendars (e.g. out of its range). */
  failed: { id: string; error: AppError }[];
}

export function affectedByCalendarChange(
  oldCalendar: WorkingCalendar,
  newCalendar: WorkingCalendar,
  clocks: readonly TrackedClock[],
  now: number,
): CalendarChangeImpact {
  const affected: DueDateShift[] = [];
  const failed: { id: string; error: AppError }[] = [];
  for (const clock of clocks) {
    const events = clock.events.filter((e) => e.at <= now);
    const before = replayClock(oldCalendar, clock.procedure, events);
    const after = replayClock(newCalendar, clock.procedure, events);
    if (!before.ok || !after.ok) {
      failed.push({ id: clock.id, error: before.ok ? (after as { ok: false; error: AppError }).error : before.error });
      continue;
    }
    const phase = before.value.phase;
    if (phase === 'finished') continue;
    try {
      const oldDue = clockStatus(oldCalendar, before.value, now).dueAt;
      const newDue = clockStatus(newCalendar, after.value, now).dueAt;
      if (oldDue !== newDue) affected.push({ id: clock.id, phase, before: oldDue, after: newDue, projected: phase === 'paused' });
    } catch (error) {
      if (!isAppError(error)) throw error;
      failed.push({ id: clock.id, error });
    }
  }
  return { affected, failed };
}
