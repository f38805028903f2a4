// A dossier's clock as a list of segments rebuilt from its events. The due point is kept as a working
// coordinate (see calendar/working-time.ts): a pause moves it by exactly the working time it lasted, so
// the remaining time after a resume is counted from the resume instant.
import { conflict, invalid, isAppError } from '../errors.ts';
import {
  dueDate,
  instantAtCoordinate,
  workingBudgetMs,
  workingCoordinate,
  type WorkingCalendar,
} from '../calendar/index.ts';
import type { ProcedureClock } from './clock-config.ts';
import type { ClockEvent, Extension, PauseReason } from './clock-events.ts';
import { fail, ok, type Result } from './result.ts';

export type ClockSegment =
  | { kind: 'running'; from: number; to: number | null }
  | { kind: 'paused'; reason: PauseReason; from: number; to: number | null };

export type ClockPhase = 'running' | 'paused' | 'finished';

/** Derived from events under one compiled calendar; persist the events, not this. */
export interface ClockState {
  procedure: ProcedureClock;
  receivedAt: number;
  phase: ClockPhase;
  segments: ClockSegment[];
  /** Working coordinate at which the time limit (plus any extension) runs out. */
  dueCoordinate: number;
  /** Working time the extension added (0 without one). Only one extension is allowed. */
  extension: { grantedAt: number; addedMs: number } | null;
  supplementRequests: number;
  /** Instant the current pause began, when paused. */
  pausedAt: number | null;
  pauseReason: PauseReason | null;
  finishedAt: number | null;
  lastEventAt: number;
}

const coordinate = (calendar: WorkingCalendar, at: number) => workingCoordinate(calendar, at, 'at');

function initialDueCoordinate(calendar: WorkingCalendar, procedure: ProcedureClock, from: number): number {
  return coordinate(calendar, dueDate(calendar, from, procedure.timeLimit));
}

/** Working time the procedure's own time limit gave at receipt (for `newTimeLimit` extensions). */
function baseBudgetMs(calendar: WorkingCalendar, state: ClockState): number {
  const limit = state.procedure.timeLimit;
  if (limit.unit === 'days' || limit.unit === 'hours') return workingBudgetMs(calendar, limit);
  return initialDueCoordinate(calendar, state.procedure, state.receivedAt) - coordinate(calendar, state.receivedAt);
}

/** The due coordinate if the clock were running again at `at` (identity when running). */
export function dueCoordinateIfResumedAt(calendar: WorkingCalendar, state: ClockState, at: number): number {
  if (state.phase !== 'paused' || state.pausedAt === null) return state.dueCoordinate;
  if (state.pauseReason === 'supplement' && state.procedure.supplementPolicy === 'restart') {
    return initialDueCoordinate(calendar, state.procedure, at) + (state.extension?.addedMs ?? 0);
  }
  return state.dueCoordinate + coordinate(calendar, at) - coordinate(calendar, state.pausedAt);
}

function extensionMs(calendar: WorkingCalendar, state: ClockState, at: number, extension: Extension): number {
  switch (extension.kind) {
    case 'added':
      return workingBudgetMs(calendar, extension.duration);
    case 'newTimeLimit':
      return workingBudgetMs(calendar, extension.duration) - baseBudgetMs(calendar, state);
    case 'newDueAt':
      return coordinate(calendar, extension.dueAt) - dueCoordinateIfResumedAt(calendar, state, at);
  }
}

function closeLast(segments: ClockSegment[], at: number): ClockSegment[] {
  const last = segments[segments.length - 1];
  return last ? [...segments.slice(0, -1), { ...last, to: at }] : segments;
}

function pause(state: ClockState, at: number, reason: PauseReason): ClockState {
  return {
    ...state,
    phase: 'paused',
    pausedAt: at,
    pauseReason: reason,
    segments: [...closeLast(state.segments, at), { kind: 'paused', reason, from: at, to: null }],
  };
}

function resume(calendar: WorkingCalendar, state: ClockState, at: number): ClockState {
  return {
    ...state,
    phase: 'running',
    dueCoordinate: dueCoordinateIfResumedAt(calendar, state, at),
    pausedAt: null,
    pauseReason: null,
    segments: [...closeLast(state.segments, at), { kind: 'running', from: at, to: null }],
  };
}

const refuse = (code: string, message: string, event: ClockEvent) => fail(conflict(code, message, { field: 'type', event }));

/** Starts a clock at receipt. Throws (invalid) when the receipt is outside the calendar's range. */
export function startClock(calendar: WorkingCalendar, procedure: ProcedureClock, receivedAt: number): ClockState {
  return {
    procedure,
    receivedAt,
    phase: 'running',
    segments: [{ kind: 'running', from: receivedAt, to: null }],
    dueCoordinate: initialDueCoordinate(calendar, procedure, receivedAt),
    extension: null,
    supplementRequests: 0,
    pausedAt: null,
    pauseReason: null,
    finishedAt: null,
    lastEventAt: receivedAt,
  };
}

/** Applies one event after `received`. Refusals (wrong phase, second extension …) are error values. */
export function applyClockEvent(calendar: WorkingCalendar, state: ClockState, event: ClockEvent): Result<ClockState> {
  if (!Number.isFinite(event.at)) return fail(invalid('INVALID_EVENT', 'Trường "at" phải là thời điểm hợp lệ.', { field: 'at' }));
  if (event.at < state.lastEventAt) return refuse('EVENT_OUT_OF_ORDER', 'Sự kiện có thời điểm trước sự kiện trước đó.', event);
  if (state.phase === 'finished') return refuse('CLOCK_FINISHED', 'Hồ sơ đã kết thúc, không thể ghi thêm sự kiện thời hạn.', event);
  const next = { ...state, lastEventAt: event.at };
  try {
    switch (event.type) {
      case 'received':
        return refuse('ALREADY_RECEIVED', 'Hồ sơ đã được tiếp nhận.', event);
      case 'paused':
        if (state.phase !== 'running') return refuse('CLOCK_NOT_RUNNING', 'Chỉ tạm dừng được khi đang tính thời hạn.', event);
        return ok(pause(next, event.at, event.reason));
      case 'supplement_requested':
        if (state.phase !== 'running') return refuse('CLOCK_NOT_RUNNING', 'Chỉ yêu cầu bổ sung được khi đang tính thời hạn.', event);
        return ok(pause({ ...next, supplementRequests: state.supplementRequests + 1 }, event.at, 'supplement'));
      case 'resumed':
        if (state.phase !== 'paused') return refuse('CLOCK_NOT_PAUSED', 'Thời hạn không ở trạng thái tạm dừng.', event);
        if (state.pauseReason === 'supplement') {
          return refuse('SUPPLEMENT_PENDING', 'Đang chờ bổ sung hồ sơ: dùng sự kiện nhận hồ sơ bổ sung.', event);
        }
        return ok(resume(calendar, next, event.at));
      case 'supplement_received':
        if (state.phase !== 'paused' || state.pauseReason !== 'supplement') {
          return refuse('NO_SUPPLEMENT_PENDING', 'Không có yêu cầu bổ sung đang chờ.', event);
        }
        return ok(resume(calendar, next, event.at));
      case 'extension_granted': {
        // Decree 61/2018 and Mẫu 04: the return date may be rescheduled only once.
        if (state.extension !== null) return refuse('EXTENSION_ALREADY_GRANTED', 'Chỉ được hẹn lại ngày trả kết quả một lần.', event);
        const addedMs = extensionMs(calendar, state, event.at, event.extension);
        if (!(addedMs > 0)) {
          return fail(invalid('EXTENSION_NOT_LATER', 'Gia hạn phải làm hạn giải quyết muộn hơn hạn hiện tại.', { field: 'extension', event }));
        }
        return ok({ ...next, extension: { grantedAt: event.at, addedMs }, dueCoordinate: state.dueCoordinate + addedMs });
      }
      case 'finished':
        return ok({ ...next, phase: 'finished', finishedAt: event.at, segments: closeLast(state.segments, event.at) });
    }
  } catch (error) {
    if (isAppError(error)) return fail(error);
    throw error;
  }
}

/** Rebuilds a clock from its events (the first must be `received`). */
export function replayClock(calendar: WorkingCalendar, procedure: ProcedureClock, events: readonly ClockEvent[]): Result<ClockState> {
  const [first, ...rest] = events;
  if (first?.type !== 'received') {
    return fail(invalid('CLOCK_NOT_RECEIVED', 'Sự kiện đầu tiên phải là tiếp nhận hồ sơ.', { field: 'events[0]' }));
  }
  let state: ClockState;
  try {
    state = startClock(calendar, procedure, first.at);
  } catch (error) {
    if (isAppError(error)) return fail(error);
    throw error;
  }
  for (const event of rest) {
    const result = applyClockEvent(calendar, state, event);
    if (!result.ok) return result;
    state = result.value;
  }
  return ok(state);
}

/** The due instant of a clock's current due coordinate. */
export function dueInstantOf(calendar: WorkingCalendar, dueCoordinate: number): number {
  return instantAtCoordinate(calendar, dueCoordinate, 'dueAt');
}
