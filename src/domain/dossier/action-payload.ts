// The meaning of each action's request: a reason where the law asks for one (supplement request,
// extension, rejection), an eligible assignee, a complete result, a recipient. Shape (types, required
// keys) is the HTTP schema's job; here blank text, wrong people and impossible instants are refused.
import type { AppError } from '../errors.ts';
import { DAY_MS, durationProblem, HOUR_MS } from '../calendar/index.ts';
import { formatInstantVN } from '../time/instant.ts';
import { instantVN } from './vn-text.ts';
import { PAUSE_REASONS, type ActionRequest } from './action.ts';
import type { ActorFacts } from './actor.ts';
import { fieldError } from './dossier-errors.ts';
import type { DossierFacts } from './dossier-facts.ts';

export const MAX_TEXT_LENGTH = 2000;

/** Trimmed text, or null when absent or blank. */
export function textOf(value: string | undefined | null): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function requiredText(value: string | undefined, field: string, code: string, missing: string): AppError | undefined {
  const text = textOf(value);
  if (text === null) return fieldError(code, field, missing, value);
  return optionalText(text, field);
}

function optionalText(value: string | undefined | null, field: string): AppError | undefined {
  if (typeof value === 'string' && value.length > MAX_TEXT_LENGTH) {
    return fieldError('TEXT_TOO_LONG', field, `không được dài quá ${MAX_TEXT_LENGTH} ký tự.`);
  }
  return undefined;
}

/** Someone who may hold the dossier at the competent agency: a processing officer or leader there. */
function handlerProblem(person: ActorFacts | undefined, field: string, facts: DossierFacts): AppError | undefined {
  if (person === undefined || textOf(person.username) === null) return fieldError('HANDLER_REQUIRED', field, 'cần chọn người nhận hồ sơ.');
  const eligible = person.unitCode === facts.competentUnitCode && (person.roles.includes('processing') || person.roles.includes('leader'));
  if (!eligible) {
    return fieldError(
      'HANDLER_NOT_ELIGIBLE',
      field,
      `${person.username} không phải chuyên viên hoặc lãnh đạo của cơ quan giải quyết hồ sơ (${facts.competentUnitCode}).`,
      person.username,
    );
  }
  return undefined;
}

/** The first problem with the request, or undefined when it can be carried out. */
export function requestProblem(facts: DossierFacts, request: ActionRequest, now: number): AppError | undefined {
  switch (request.type) {
    case 'transfer':
    case 'receive_supplement':
    case 'resume':
    case 'approve':
      return optionalText(request.note, 'note');
    case 'assign':
      return handlerProblem(request.assignee, 'assignee', facts) ?? optionalText(request.note, 'note');
    case 'forward':
      if (textOf(request.toStep) === null) return fieldError('STEP_REQUIRED', 'toStep', 'cần chọn bước xử lý tiếp theo.');
      if (request.direction !== 'next' && request.direction !== 'back') {
        return fieldError('INVALID_DIRECTION', 'direction', 'phải là "next" (bước tiếp theo) hoặc "back" (trả lại bước trước).', request.direction);
      }
      return (request.to === undefined ? undefined : handlerProblem(request.to, 'to', facts)) ?? optionalText(request.note, 'note');
    case 'request_supplement':
      return requiredText(request.reason, 'reason', 'REASON_REQUIRED', 'cần nêu đầy đủ, một lần các giấy tờ phải bổ sung và lý do.');
    case 'pause':
      if (!PAUSE_REASONS.includes(request.reason)) {
        return fieldError('INVALID_PAUSE_REASON', 'reason', 'phải là fee, consultation hoặc citizen_request.', request.reason);
      }
      return optionalText(request.note, 'note');
    case 'extend':
      return requiredText(request.reason, 'reason', 'REASON_REQUIRED', 'cần nêu lý do gia hạn (ghi trên phiếu xin lỗi).') ?? extensionProblem(facts, request.extension, now);
    case 'reject':
      return requiredText(request.reason, 'reason', 'REASON_REQUIRED', 'cần nêu rõ lý do từ chối.');
    case 'record_result':
      return (
        requiredText(request.resultNumber, 'resultNumber', 'RESULT_INCOMPLETE', 'cần số, ký hiệu văn bản kết quả.') ??
        requiredText(request.signer, 'signer', 'RESULT_INCOMPLETE', 'cần người ký văn bản kết quả.') ??
        signedAtProblem(facts, request.signedAt, now)
      );
    case 'return_result':
      if (request.method === 'counter') {
        return requiredText(request.recipientName, 'recipientName', 'RECIPIENT_REQUIRED', 'cần họ tên người nhận kết quả.') ?? optionalText(request.note, 'note');
      }
      if (request.method === 'post') {
        return requiredText(request.postalTrackingNumber, 'postalTrackingNumber', 'POSTAL_TRACKING_REQUIRED', 'cần số hiệu bưu gửi.') ?? optionalText(request.note, 'note');
      }
      return fieldError('INVALID_RETURN_METHOD', 'method', 'phải là "counter" (tại quầy) hoặc "post" (qua bưu chính).', (request as { method?: unknown }).method);
    case 'withdraw':
      return optionalText(request.reason, 'reason');
  }
}

function extensionProblem(facts: DossierFacts, extension: Extract<ActionRequest, { type: 'extend' }>['extension'] | undefined, now: number): AppError | undefined {
  if (extension === undefined) return fieldError('INVALID_EXTENSION', 'extension', 'cần thời gian gia hạn hoặc ngày hẹn trả mới.');
  switch (extension.kind) {
    case 'added':
    case 'newTimeLimit': {
      const problem = durationProblem(extension.duration, 'extension.duration');
      if (problem) return problem;
      if (!(extension.duration.value > 0)) return fieldError('INVALID_EXTENSION', 'extension.duration.value', 'phải lớn hơn 0.', extension.duration.value);
      return undefined;
    }
    case 'newDueAt': {
      const dueAt = extension.dueAt;
      if (!Number.isFinite(dueAt)) return fieldError('INVALID_EXTENSION', 'extension.dueAt', 'phải là thời điểm hợp lệ.', dueAt);
      const floor = Math.max(now, facts.dueAt ?? -Infinity);
      if (dueAt <= floor) {
        return fieldError('EXTENSION_NOT_LATER', 'extension.dueAt', `ngày hẹn mới phải sau ${instantVN(floor)}.`, formatInstantVN(dueAt));
      }
      return undefined;
    }
    default:
      return fieldError('INVALID_EXTENSION', 'extension.kind', 'phải là added, newTimeLimit hoặc newDueAt.', (extension as { kind?: unknown }).kind);
  }
}

const vnDay = (epochMs: number) => Math.floor((epochMs + 7 * HOUR_MS) / DAY_MS);

function signedAtProblem(facts: DossierFacts, signedAt: number, now: number): AppError | undefined {
  if (!Number.isFinite(signedAt)) return fieldError('INVALID_SIGNED_AT', 'signedAt', 'phải là thời điểm hợp lệ.', signedAt);
  if (signedAt > now) return fieldError('INVALID_SIGNED_AT', 'signedAt', 'ngày ký không được sau thời điểm hiện tại.', formatInstantVN(signedAt));
  // A result may carry only its date (00:00 that day): compare calendar days in Vietnam.
  if (vnDay(signedAt) < vnDay(facts.receivedAt)) {
    return fieldError('INVALID_SIGNED_AT', 'signedAt', 'ngày ký không được trước ngày tiếp nhận hồ sơ.', formatInstantVN(signedAt));
  }
  return undefined;
}
