// The dossier state machine: may this officer take this action on this dossier now, and if so what
// follows (new status, clock events, effects). Checks run in a fixed order so the answer names the most
// basic obstacle: status (409) → role (403) → unit (403) → handler (403) → legal rules (409) → request (400).
import { conflict, invalid, type AppError } from '../errors.ts';
import type { ClockEvent } from '../sla/index.ts';
import { formatInstantVN } from '../time/instant.ts';
import { instantVN } from './vn-text.ts';
import { ACTION_LABELS_VI, ACTION_TYPES, isActionType, type ActionRequest, type ActionType } from './action.ts';
import { requestProblem, textOf } from './action-payload.ts';
import { matchingPerformers, type ActorFacts, type Performer } from './actor.ts';
import type { Decision, Effect } from './decision.ts';
import { actionNotAllowed, notHandler, outOfScope, roleNotAllowed } from './dossier-errors.ts';
import type { DossierFacts } from './dossier-facts.ts';
import { allowedFromStatuses, nextStatusOf, performersFrom, TRANSITIONS } from './transitions.ts';

/**
 * Why `actor` may not take `action` on `dossier` at `now` (request contents aside), or undefined when
 * they may. `allowedActions` and `decide` share it, so the UI never offers what the server refuses.
 */
export function actionRefusal(dossier: DossierFacts, action: ActionType, actor: ActorFacts, now: number): AppError | undefined {
  if (!isActionType(action)) {
    return invalid('UNKNOWN_ACTION', `Trường "type": thao tác "${String(action)}" không tồn tại.`, { field: 'type', value: action });
  }
  if (!Number.isFinite(now)) return invalid('INVALID_INSTANT', 'Thời điểm thực hiện thao tác không hợp lệ.', { field: 'now' });
  const performers = performersFrom(action, dossier.status);
  if (performers === undefined) return actionNotAllowed(action, dossier.status, allowedFromStatuses(action));
  const byRole = performers.filter((p) => actor.roles.includes(p.role));
  if (byRole.length === 0) return roleNotAllowed(action, performers, dossier);
  const matched = matchingPerformers(performers, actor, dossier);
  if (matched.length === 0) return outOfScope(action, byRole, dossier);
  if (TRANSITIONS[action].handlerOnly && needsHandler(matched) && dossier.handlerUsername !== actor.username) {
    return notHandler(action, dossier.handlerUsername);
  }
  return legalRuleRefusal(dossier, action, now);
}

/** Only a processing officer is bound to their own dossiers; a leader or a counter officer is not. */
const needsHandler = (matched: readonly Performer[]) => matched.every((p) => p.role === 'processing');

function legalRuleRefusal(dossier: DossierFacts, action: ActionType, now: number): AppError | undefined {
  // Decree 61/2018 and Mẫu 04: the return date may be rescheduled only once.
  if (action === 'extend' && dossier.extensionGranted) {
    return conflict('EXTENSION_ALREADY_GRANTED', 'Hồ sơ đã được gia hạn một lần: chỉ được hẹn lại ngày trả kết quả một lần.', { action });
  }
  // Inter-agency work (liên thông): the decision waits for the coordinating agencies, unless the
  // competent agency closes their sub-dossier explicitly, with a reason.
  if (action === 'approve' && (dossier.openSubDossiers ?? 0) > 0) {
    return conflict(
      'SUB_DOSSIERS_OPEN',
      `Chưa thể phê duyệt: còn ${dossier.openSubDossiers} hồ sơ liên thông chờ ý kiến cơ quan phối hợp (hoặc đóng hồ sơ liên thông, nêu lý do).`,
      { action, openSubDossiers: dossier.openSubDossiers },
    );
  }
  // Decree 61/2018: an insufficient dossier must be answered within 3 working days of receipt.
  if (action === 'request_supplement' && now > dossier.supplementRequestDeadline) {
    return conflict(
      'SUPPLEMENT_REQUEST_TOO_LATE',
      `Đã quá thời hạn yêu cầu bổ sung hồ sơ: chỉ được yêu cầu trong 3 ngày làm việc kể từ khi tiếp nhận (hạn cuối ${instantVN(dossier.supplementRequestDeadline)}).`,
      { action, deadline: formatInstantVN(dossier.supplementRequestDeadline) },
    );
  }
  return undefined;
}

/** The actions this officer may take on this dossier now ("thao tác được phép"), in contract order. */
export function allowedActions(dossier: DossierFacts, actor: ActorFacts, now: number): ActionType[] {
  return ACTION_TYPES.filter((action) => actionRefusal(dossier, action, actor, now) === undefined);
}

/** Decides one action. Pure: the caller appends the answer (history row, clock events, effects). */
export function decide(dossier: DossierFacts, request: ActionRequest, actor: ActorFacts, now: number): Decision {
  const refusal = actionRefusal(dossier, request.type, actor, now) ?? requestProblem(dossier, request, now);
  if (refusal) return { ok: false, error: refusal };
  return {
    ok: true,
    action: request.type,
    fromStatus: dossier.status,
    nextStatus: nextStatusOf(request.type, dossier.status),
    clockEvents: clockEventsOf(request, now),
    effects: effectsOf(dossier, request, actor),
    reason: reasonOf(request),
  };
}

function clockEventsOf(request: ActionRequest, at: number): ClockEvent[] {
  switch (request.type) {
    case 'request_supplement':
      return [{ type: 'supplement_requested', at }];
    case 'receive_supplement':
      return [{ type: 'supplement_received', at }];
    case 'pause':
      return [{ type: 'paused', at, reason: request.reason }];
    case 'resume':
      return [{ type: 'resumed', at }];
    case 'extend':
      return [{ type: 'extension_granted', at, extension: request.extension }];
    // The clock stops when the agency's work ends: a result exists, a refusal, or a withdrawal.
    // Returning the result later does not move it (domain.md §5: "processed" counts as finished).
    case 'record_result':
    case 'reject':
    case 'withdraw':
      return [{ type: 'finished', at }];
    default:
      return [];
  }
}

function effectsOf(dossier: DossierFacts, request: ActionRequest, actor: ActorFacts): Effect[] {
  const { receivingUnitCode: receiving, competentUnitCode: competent, returnUnitCode: returnUnit } = dossier;
  switch (request.type) {
    case 'transfer':
      return [{ kind: 'paper_transfer', purpose: 'dossier', fromUnitCode: receiving, toUnitCode: competent }];
    case 'assign':
      return [{ kind: 'handler', username: request.assignee.username }];
    case 'forward': {
      const step: Effect = { kind: 'step', toStep: request.toStep.trim(), direction: request.direction };
      return request.to ? [step, { kind: 'handler', username: request.to.username }] : [step];
    }
    case 'request_supplement': {
      const effects: Effect[] = [
        { kind: 'form', form: 'supplement_request' },
        { kind: 'notify_applicant', topic: 'supplement_requested' },
      ];
      // Allowed (still within the 3 days), but more than one request counts as late (domain.md §5).
      if (dossier.supplementRequests > 0) {
        effects.push({
          kind: 'warning',
          code: 'REPEATED_SUPPLEMENT_REQUEST',
          message: `Đây là lần yêu cầu bổ sung thứ ${dossier.supplementRequests + 1}: hồ sơ sẽ bị tính là giải quyết quá hạn.`,
        });
      }
      return effects;
    }
    case 'receive_supplement':
      // Papers handed in at a counter still have to reach the agency.
      return actor.unitCode !== competent
        ? [{ kind: 'paper_transfer', purpose: 'supplement', fromUnitCode: actor.unitCode, toUnitCode: competent }]
        : [];
    case 'extend':
      return [{ kind: 'form', form: 'apology' }, { kind: 'notify_applicant', topic: 'extended' }];
    case 'reject': {
      const effects: Effect[] = [{ kind: 'form', form: 'refusal' }, { kind: 'notify_applicant', topic: 'rejected' }];
      // After transfer the refusal and the papers go back through the return counter.
      if (dossier.status !== 'received') {
        effects.push({ kind: 'paper_transfer', purpose: 'result', fromUnitCode: competent, toUnitCode: returnUnit });
      }
      return effects;
    }
    case 'record_result':
      return [
        {
          kind: 'result',
          resultNumber: request.resultNumber.trim(),
          signer: request.signer.trim(),
          signedAt: request.signedAt,
          fileRef: textOf(request.fileRef),
        },
        { kind: 'paper_transfer', purpose: 'result', fromUnitCode: competent, toUnitCode: returnUnit },
        { kind: 'notify_applicant', topic: 'result_ready' },
      ];
    case 'return_result':
      return [
        {
          kind: 'returned',
          method: request.method,
          recipientName: request.method === 'counter' ? textOf(request.recipientName) : null,
          postalTrackingNumber: request.method === 'post' ? textOf(request.postalTrackingNumber) : null,
        },
      ];
    case 'withdraw':
      // The papers come back from the agency to the counter where the applicant asked.
      return dossier.status === 'received'
        ? []
        : [{ kind: 'paper_transfer', purpose: 'dossier', fromUnitCode: competent, toUnitCode: actor.unitCode }];
    case 'pause':
    case 'resume':
    case 'approve':
      return [];
  }
}

function reasonOf(request: ActionRequest): string | null {
  switch (request.type) {
    case 'request_supplement':
    case 'extend':
    case 'reject':
    case 'withdraw':
      return textOf(request.reason);
    case 'record_result':
      return null;
    default:
      return textOf(request.note);
  }
}

/** The action as a button caption: "Trả kết quả". */
export function actionLabel(action: ActionType): string {
  const label = ACTION_LABELS_VI[action];
  return label.charAt(0).toUpperCase() + label.slice(1);
}
