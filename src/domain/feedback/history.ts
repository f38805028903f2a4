// A message's history is a list of events, appended and never changed (like a dossier's actions); its
// state is what the events add up to. Pure: the service stores the events and caches the state.
import type { FeedbackStatus } from './kinds.ts';

export type FeedbackEventType =
  | 'submitted'
  | 'accept'
  | 'refuse'
  | 'request_info'
  | 'info_received'
  | 'answer'
  | 'publish'
  | 'reassign'
  /** The unit closed in a restructuring plan: its successor takes over (not a reassignment). */
  | 'restructure'
  | 'rate';

export interface FeedbackEvent {
  type: FeedbackEventType;
  at: number;
  /** The responsible unit after the event (changes only on submitted, reassign and restructure). */
  unitCode: string;
  /** For `rate`. */
  satisfied?: boolean;
}

export interface InfoRequest {
  requestedAt: number;
  receivedAt: number | null;
}

export interface FeedbackState {
  status: FeedbackStatus;
  unitCode: string;
  receivedAt: number;
  /** First decision on the message (accept, refuse or ask for more): the classification (indicator 5.1). */
  classifiedAt: number | null;
  classification: 'accept' | 'refuse' | 'request_info' | null;
  refusedAt: number | null;
  infoRequests: InfoRequest[];
  answeredAt: number | null;
  publishedAt: number | null;
  rating: { satisfied: boolean; at: number } | null;
  reassignments: number;
}

const NEXT_STATUS: Record<Exclude<FeedbackEventType, 'submitted'>, FeedbackStatus | null> = {
  accept: 'accepted',
  refuse: 'refused',
  request_info: 'info_requested',
  info_received: 'accepted',
  answer: 'answered',
  publish: 'published',
  reassign: null,
  restructure: null,
  rate: null,
};

/** Folds the events (first one `submitted`) into the state. Throws on a history that does not start
 * with `submitted`: that is a programming error, not user input. */
export function replayFeedback(events: readonly FeedbackEvent[]): FeedbackState {
  const first = events[0];
  if (!first || first.type !== 'submitted') throw new Error('feedback history must start with submitted');
  let state: FeedbackState = {
    status: 'received',
    unitCode: first.unitCode,
    receivedAt: first.at,
    classifiedAt: null,
    classification: null,
    refusedAt: null,
    infoRequests: [],
    answeredAt: null,
    publishedAt: null,
    rating: null,
    reassignments: 0,
  };
  for (const event of events.slice(1)) state = applyFeedbackEvent(state, event);
  return state;
}

export function applyFeedbackEvent(state: FeedbackState, event: FeedbackEvent): FeedbackState {
  if (event.type === 'submitted') throw new Error('submitted can only be the first event');
  const next: FeedbackState = { ...state, infoRequests: state.infoRequests.map((r) => ({ ...r })), unitCode: event.unitCode };
  const status = NEXT_STATUS[event.type];
  if (status !== null) next.status = status;
  if ((event.type === 'accept' || event.type === 'refuse' || event.type === 'request_info') && next.classifiedAt === null) {
    next.classifiedAt = event.at;
    next.classification = event.type;
  }
  switch (event.type) {
    case 'refuse':
      next.refusedAt = event.at;
      break;
    case 'request_info':
      next.infoRequests.push({ requestedAt: event.at, receivedAt: null });
      break;
    case 'info_received': {
      const open = next.infoRequests[next.infoRequests.length - 1];
      if (open && open.receivedAt === null) open.receivedAt = event.at;
      break;
    }
    case 'answer':
      next.answeredAt = event.at;
      break;
    case 'publish':
      next.publishedAt = event.at;
      break;
    case 'reassign':
      next.reassignments += 1;
      break;
    case 'rate':
      next.rating = { satisfied: event.satisfied === true, at: event.at };
      break;
    default:
      break;
  }
  return next;
}
