// Factories for SLA clock tests (not used by product code).
import { provinceCalendar, vn } from '../calendar/calendar-test-support.ts';
import type { Duration, WorkingCalendar } from '../calendar/index.ts';
import { procedureClock, type SupplementPolicy } from './clock-config.ts';
import type { ClockEvent, Extension, PauseReason } from './clock-events.ts';
import { replayClock, type ClockState } from './clock-state.ts';

export const received = (at: string): ClockEvent => ({ type: 'received', at: vn(at) });
export const paused = (at: string, reason: Exclude<PauseReason, 'supplement'> = 'fee'): ClockEvent => ({ type: 'paused', at: vn(at), reason });
export const resumed = (at: string): ClockEvent => ({ type: 'resumed', at: vn(at) });
export const supplementRequested = (at: string): ClockEvent => ({ type: 'supplement_requested', at: vn(at) });
export const supplementReceived = (at: string): ClockEvent => ({ type: 'supplement_received', at: vn(at) });
export const extended = (at: string, extension: Extension): ClockEvent => ({ type: 'extension_granted', at: vn(at), extension });
export const finished = (at: string): ClockEvent => ({ type: 'finished', at: vn(at) });

/** Replays events under the province calendar and fails the test on a refusal. */
export function clockOf(
  events: ClockEvent[],
  timeLimit: Duration = { unit: 'days', value: 5 },
  policy: SupplementPolicy = 'restart',
  calendar: WorkingCalendar = provinceCalendar(),
): ClockState {
  const result = replayClock(calendar, procedureClock(timeLimit, policy), events);
  if (!result.ok) throw result.error;
  return result.value;
}
