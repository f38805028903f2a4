// Public API of the SLA clock: events in, segments / due instant / remaining time / outcome out.
export {
  DEFAULT_CLOCK_POLICY,
  procedureClock,
  type ClockPolicy,
  type EarlyRule,
  type ProcedureClock,
  type SupplementPolicy,
} from './clock-config.ts';
export type { ClockEvent, Extension, PauseReason } from './clock-events.ts';
export {
  applyClockEvent,
  replayClock,
  startClock,
  type ClockPhase,
  type ClockSegment,
  type ClockState,
} from './clock-state.ts';
export { clockStatus, type ClockStatus } from './clock-status.ts';
export { classifyFinish, type FinishClassification, type FinishOutcome, type LateReason } from './finish-outcome.ts';
export { formatRemainingVN } from './remaining-text.ts';
export { planStepDeadlines, type StepBudget, type StepDeadline, type StepPlan } from './step-deadlines.ts';
export {
  affectedByCalendarChange,
  type CalendarChangeImpact,
  type DueDateShift,
  type TrackedClock,
} from './calendar-change-impact.ts';
export { supplementRequestDeadline, SUPPLEMENT_REQUEST_WORKING_DAYS } from './supplement-deadline.ts';
export type { Result } from './result.ts';
