// The legal clock of a message (Decision 766/QĐ-TTg, indicator group 5): refuse within 2 working days,
// ask for more information within 5, resolve (answer) within 15, publish within 2 working days of the
// answer — on the province's working calendar, never plain days.
//
// Choices (docs/decisions/0010-feedback.md):
// - Receipt outside working hours counts from the next working period (as for dossiers).
// - While the unit waits for the citizen's information, the 15-day resolve clock stands still (the time
//   the citizen takes is excluded, as domain.md §5 excludes a dossier's supplement time).
// - The publish deadline is measured for the answers that are published; an unpublished answer is not
//   open work (a complaint about one's own dossier is usually not for publication).
// - Reassignment between units does not restart any clock: the citizen's deadline is the province's.
import {
  dueDate,
  instantAtCoordinate,
  workingBudgetMs,
  workingCoordinate,
  workingTimeBetween,
  type WorkingCalendar,
} from '../calendar/index.ts';
import type { FeedbackState } from './history.ts';

export interface FeedbackTimeLimits {
  refuseDays: number;
  requestInfoDays: number;
  resolveDays: number;
  publishDays: number;
  /** Due-soon warning this many working days before a due instant. */
  dueSoonDays: number;
}

export const LEGAL_TIME_LIMITS: FeedbackTimeLimits = { refuseDays: 2, requestInfoDays: 5, resolveDays: 15, publishDays: 2, dueSoonDays: 1 };

export type DeadlineKind = 'refuse' | 'request_info' | 'resolve' | 'publish';

export type DeadlineState =
  /** Done at or before the due instant. */
  | 'met'
  /** Done after the due instant. */
  | 'late'
  /** Still possible and not yet due. */
  | 'open'
  /** Still possible, due within the warning window. */
  | 'due_soon'
  /** Still possible and past due. */
  | 'overdue'
  /** Not applicable any more (e.g. the refusal window of a message that was accepted). */
  | 'closed';

export interface FeedbackDeadline {
  kind: DeadlineKind;
  dueAt: number;
  doneAt: number | null;
  state: DeadlineState;
}

const days = (value: number) => ({ unit: 'days' as const, value });

/** Working time the resolve clock stood still waiting for the citizen, up to `now` for an open request. */
export function waitingTime(calendar: WorkingCalendar, state: FeedbackState, now: number): number {
  return state.infoRequests.reduce((sum, r) => sum + workingTimeBetween(calendar, r.requestedAt, Math.max(r.requestedAt, r.receivedAt ?? now)), 0);
}

/** The resolve (answer) deadline: 15 working days from receipt plus the time spent waiting for the
 * citizen. While waiting, it is projected as if the information arrived `now`. */
export function resolveDueAt(calendar: WorkingCalendar, state: FeedbackState, now: number, limits = LEGAL_TIME_LIMITS): number {
  const base = dueDate(calendar, state.receivedAt, days(limits.resolveDays));
  const waited = waitingTime(calendar, state, now);
  if (waited === 0) return base;
  return instantAtCoordinate(calendar, workingCoordinate(calendar, base, 'dueAt') + waited, 'dueAt');
}

function judge(calendar: WorkingCalendar, dueAt: number, doneAt: number | null, stillPossible: boolean, now: number, limits: FeedbackTimeLimits): DeadlineState {
  if (doneAt !== null) return doneAt <= dueAt ? 'met' : 'late';
  if (!stillPossible) return 'closed';
  if (now > dueAt) return 'overdue';
  const warnFrom = instantAtCoordinate(calendar, Math.max(0, workingCoordinate(calendar, dueAt, 'dueAt') - workingBudgetMs(calendar, days(limits.dueSoonDays))), 'dueAt');
  return now >= warnFrom ? 'due_soon' : 'open';
}

/** Every deadline of the message, judged at `now`. */
export function feedbackDeadlines(calendar: WorkingCalendar, state: FeedbackState, now: number, limits = LEGAL_TIME_LIMITS): FeedbackDeadline[] {
  const refuseDue = dueDate(calendar, state.receivedAt, days(limits.refuseDays));
  const infoDue = dueDate(calendar, state.receivedAt, days(limits.requestInfoDays));
  const resolveDue = resolveDueAt(calendar, state, now, limits);
  const firstInfo = state.infoRequests[0]?.requestedAt ?? null;
  const waiting = state.status === 'info_requested';
  const result: FeedbackDeadline[] = [
    // Refusal (and, with it, the classification) is due while the message is not yet classified.
    { kind: 'refuse', dueAt: refuseDue, doneAt: state.refusedAt, state: judge(calendar, refuseDue, state.refusedAt, state.classifiedAt === null, now, limits) },
    { kind: 'request_info', dueAt: infoDue, doneAt: firstInfo,
      state: judge(calendar, infoDue, firstInfo, state.status === 'received' || state.status === 'accepted', now, limits) },
    { kind: 'resolve', dueAt: resolveDue, doneAt: state.answeredAt,
      // Waiting for the citizen: the clock stands still, so it is neither due soon nor overdue.
      state: state.refusedAt !== null ? 'closed' : waiting && state.answeredAt === null ? 'open' : judge(calendar, resolveDue, state.answeredAt, state.status === 'received' || state.status === 'accepted', now, limits) },
  ];
  if (state.answeredAt !== null) {
    const publishDue = dueDate(calendar, state.answeredAt, days(limits.publishDays));
    result.push({ kind: 'publish', dueAt: publishDue, doneAt: state.publishedAt, state: judge(calendar, publishDue, state.publishedAt, false, now, limits) });
  }
  return result;
}

export type Urgency = 'none' | 'open' | 'due_soon' | 'overdue';

export interface OpenWork {
  /** The deadline the unit works towards now: classification while received, the answer after. */
  nextDeadline: DeadlineKind | null;
  dueAt: number | null;
  urgency: Urgency;
}

/** What the lists show: the next deadline of an open message and how urgent it is. */
export function openWork(calendar: WorkingCalendar, state: FeedbackState, now: number, limits = LEGAL_TIME_LIMITS): OpenWork {
  const deadlines = feedbackDeadlines(calendar, state, now, limits);
  const pick = (kind: DeadlineKind) => deadlines.find((d) => d.kind === kind)!;
  let next: FeedbackDeadline | null = null;
  if (state.status === 'received') {
    // Classify first (accept, refuse or ask for more within 2 working days).
    next = pick('refuse');
  } else if (state.status === 'accepted' || state.status === 'info_requested') {
    next = pick('resolve');
  }
  if (!next) return { nextDeadline: null, dueAt: null, urgency: 'none' };
  const urgency: Urgency = next.state === 'overdue' ? 'overdue' : next.state === 'due_soon' ? 'due_soon' : 'open';
  return { nextDeadline: next.kind, dueAt: next.dueAt, urgency };
}
