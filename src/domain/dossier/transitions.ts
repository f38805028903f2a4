// The transition table: for each action, the statuses it may start from, who may take it from there,
// and the status it leads to. Plain data, so the UI, the docs and the tests read the same rules.
import type { ActionType } from './action.ts';
import type { Performer } from './actor.ts';
import type { DossierStatus } from './status.ts';

export interface TransitionRule {
  /** Allowed starting statuses, each with the performers allowed from it. */
  from: Partial<Record<DossierStatus, readonly Performer[]>>;
  /** The resulting status; `null` keeps the current one (assign again, forward, extend). */
  to: DossierStatus | null;
  /** A processing officer may take it only on a dossier assigned or forwarded to them; leaders always can. */
  handlerOnly: boolean;
}

const receptionAtReceiving: Performer = { role: 'reception', side: 'receiving' };
const receptionAtReturn: Performer = { role: 'reception', side: 'return' };
const processingOfficer: Performer = { role: 'processing', side: 'competent' };
const leader: Performer = { role: 'leader', side: 'competent' };

const fromEach = (statuses: readonly DossierStatus[], performers: readonly Performer[]) =>
  Object.fromEntries(statuses.map((s) => [s, performers])) as Partial<Record<DossierStatus, readonly Performer[]>>;

/** Statuses in which the competent agency holds an undecided dossier. */
const AT_AGENCY_UNDECIDED: readonly DossierStatus[] = ['transferred', 'processing', 'awaiting_supplement', 'paused'];

export const TRANSITIONS: Record<ActionType, TransitionRule> = {
  // The paper file (and the electronic one) leaves the one-stop unit for the competent agency.
  transfer: { from: { received: [receptionAtReceiving] }, to: 'transferred', handlerOnly: false },
  // The agency head assigns an officer (Decree 61 art. 19); again later to reassign.
  assign: { from: fromEach(['transferred', 'processing'], [leader]), to: 'processing', handlerOnly: false },
  // To the next workflow step (e.g. the leader's review) or back; the status stays "processing".
  forward: { from: { processing: [processingOfficer, leader] }, to: null, handlerOnly: true },
  // Within 3 working days of receipt (checked in decide); the clock follows the supplement policy.
  request_supplement: { from: { processing: [processingOfficer, leader] }, to: 'awaiting_supplement', handlerOnly: true },
  // The applicant brings the papers to a counter they chose, or the officer accepts them online.
  receive_supplement: {
    from: { awaiting_supplement: [receptionAtReceiving, receptionAtReturn, processingOfficer, leader] },
    to: 'processing',
    handlerOnly: true,
  },
  pause: { from: { processing: [processingOfficer, leader] }, to: 'paused', handlerOnly: true },
  resume: { from: { paused: [processingOfficer, leader] }, to: 'processing', handlerOnly: true },
  // The apology and new date (Mẫu 04) is the competent agency's letter, signed by its head.
  extend: { from: fromEach(['transferred', 'processing', 'paused', 'approved'], [leader]), to: null, handlerOnly: false },
  // Before transfer the one-stop unit refuses ("không được tiếp nhận"); afterwards the agency head.
  reject: {
    from: { received: [receptionAtReceiving], ...fromEach(AT_AGENCY_UNDECIDED, [leader]) },
    to: 'rejected',
    handlerOnly: false,
  },
  approve: { from: { processing: [leader] }, to: 'approved', handlerOnly: false },
  // Whoever issues the signed result (officer or leader) records it and sends it to the return unit.
  record_result: { from: { approved: [processingOfficer, leader] }, to: 'result_ready', handlerOnly: false },
  return_result: { from: { result_ready: [receptionAtReturn] }, to: 'returned', handlerOnly: false },
  // The applicant asks at one of the counters they used; possible until the agency has decided.
  withdraw: {
    from: fromEach(['received', ...AT_AGENCY_UNDECIDED], [receptionAtReceiving, receptionAtReturn]),
    to: 'withdrawn',
    handlerOnly: false,
  },
};

export function allowedFromStatuses(action: ActionType): DossierStatus[] {
  return Object.keys(TRANSITIONS[action].from) as DossierStatus[];
}

export function performersFrom(action: ActionType, status: DossierStatus): readonly Performer[] | undefined {
  return TRANSITIONS[action].from[status];
}

export function nextStatusOf(action: ActionType, from: DossierStatus): DossierStatus {
  return TRANSITIONS[action].to ?? from;
}
