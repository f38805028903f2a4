// The facts about a dossier that `decide` reads. The service derives them from the stored row and its
// action history; `applyDecision` gives the facts after an accepted action, so folding the history
// from intake reproduces them (the status is derived, never edited).
import type { PauseActionReason } from './action.ts';
import type { DossierUnits } from './actor.ts';
import type { Accepted } from './decision.ts';
import type { DossierStatus } from './status.ts';

export interface DossierFacts extends DossierUnits {
  status: DossierStatus;
  receivedAt: number;
  /** Last instant a supplement request is allowed: `supplementRequestDeadline(calendar, receivedAt)`
   * from src/domain/sla, computed by the caller on the competent agency's calendar. */
  supplementRequestDeadline: number;
  supplementRequests: number;
  extensionGranted: boolean;
  /** Current promised instant (ngày hẹn trả), from the clock; null when unknown. */
  dueAt: number | null;
  /** The person the dossier sits with (assigned or forwarded to); null before assignment. */
  handlerUsername: string | null;
  pauseReason: PauseActionReason | null;
  /** Refused by the one-stop unit before transfer (portal code 3). */
  rejectedAtReceipt: boolean;
  /** Inter-agency sub-dossiers still waiting for the coordinating agency (sub-dossier.ts); the caller
   * counts them, absent = none. */
  openSubDossiers?: number;
}

/** The facts of a dossier just received. */
export function receivedDossier(
  units: DossierUnits,
  receivedAt: number,
  supplementRequestDeadline: number,
  dueAt: number | null = null,
): DossierFacts {
  return {
    ...units,
    status: 'received',
    receivedAt,
    supplementRequestDeadline,
    supplementRequests: 0,
    extensionGranted: false,
    dueAt,
    handlerUsername: null,
    pauseReason: null,
    rejectedAtReceipt: false,
  };
}

/** Facts after an accepted decision. `dueAt` only moves here for an explicit new due instant; otherwise
 * the caller refreshes it from the clock. */
export function applyDecision(facts: DossierFacts, decision: Accepted): DossierFacts {
  let next: DossierFacts = { ...facts, status: decision.nextStatus };
  for (const effect of decision.effects) {
    if (effect.kind === 'handler') next = { ...next, handlerUsername: effect.username };
  }
  for (const event of decision.clockEvents) {
    switch (event.type) {
      case 'supplement_requested':
        next = { ...next, supplementRequests: next.supplementRequests + 1 };
        break;
      case 'paused':
        next = { ...next, pauseReason: event.reason };
        break;
      case 'resumed':
        next = { ...next, pauseReason: null };
        break;
      case 'extension_granted':
        next = { ...next, extensionGranted: true, dueAt: event.extension.kind === 'newDueAt' ? event.extension.dueAt : next.dueAt };
        break;
      default:
        break;
    }
  }
  if (decision.action === 'reject' && decision.fromStatus === 'received') next = { ...next, rejectedAtReceipt: true };
  return next;
}
