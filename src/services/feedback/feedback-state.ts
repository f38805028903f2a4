// Stored events → the domain's state, its deadlines on the province calendar, and the cache the row keeps
// for lists (status, unit, answer deadline, next deadline).
import { feedbackDeadlines, openWork, replayFeedback, resolveDueAt, type FeedbackEvent, type FeedbackEventType, type FeedbackState } from '../../domain/feedback/index.ts';
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import type { FeedbackCache, FeedbackEventRecord } from '../../store/feedback.ts';
import type { Db } from '../../store/database.ts';
import { unitCalendar } from '../calendar.ts';
import type { ServiceContext } from '../context.ts';

export function domainEvents(records: readonly FeedbackEventRecord[]): FeedbackEvent[] {
  return records.map((r) => ({
    type: r.type as FeedbackEventType,
    at: r.at.getTime(),
    unitCode: r.toUnitCode,
    ...(typeof r.payload.satisfied === 'boolean' ? { satisfied: r.payload.satisfied } : {}),
  }));
}

export const stateOfRecords = (records: readonly FeedbackEventRecord[]): FeedbackState => replayFeedback(domainEvents(records));

/** Feedback deadlines run on the province's calendar: the citizen's deadline does not change when the
 * message moves between units with different hours. */
export async function feedbackCalendar(ctx: ServiceContext, db: Db = ctx.db): Promise<WorkingCalendar> {
  return unitCalendar(ctx, undefined, db);
}

export function cacheOf(calendar: WorkingCalendar, state: FeedbackState, now: number): Omit<FeedbackCache, 'at'> {
  const work = openWork(calendar, state, now);
  return {
    status: state.status,
    unitCode: state.unitCode,
    resolveDueAt: new Date(resolveDueAt(calendar, state, now)),
    nextDueAt: work.dueAt === null ? null : new Date(work.dueAt),
    classifiedAt: state.classifiedAt === null ? null : new Date(state.classifiedAt),
    answeredAt: state.answeredAt === null ? null : new Date(state.answeredAt),
    publishedAt: state.publishedAt === null ? null : new Date(state.publishedAt),
  };
}

export { feedbackDeadlines, openWork };
