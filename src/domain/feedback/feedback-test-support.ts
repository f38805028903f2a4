// Factories for the feedback domain tests (not used by product code).
import { replayFeedback, type FeedbackEvent, type FeedbackEventType } from './history.ts';

export function history(unitCode: string, receivedAt: number, steps: ReadonlyArray<[FeedbackEventType, number, Partial<FeedbackEvent>?]>): FeedbackEvent[] {
  return [{ type: 'submitted', at: receivedAt, unitCode }, ...steps.map(([type, at, extra]) => ({ type, at, unitCode, ...extra }))];
}

export const stateOf = (unitCode: string, receivedAt: number, steps: ReadonlyArray<[FeedbackEventType, number, Partial<FeedbackEvent>?]>) =>
  replayFeedback(history(unitCode, receivedAt, steps));
