// Inter-agency sub-dossiers (một cửa liên thông, Decree 61/2018 art. 19; domain.md §3.5): the competent
// agency asks a coordinating agency (cơ quan phối hợp) for its part, with its own deadline. A
// sub-dossier belongs to its parent and is never a dossier of its own. Who may do what:
// - open: the competent agency's leader, or the processing officer holding the parent, while the parent
//   is being processed (processing or paused);
// - assign: the coordinating agency's leader, to one of its processing officers;
// - answer: the coordinating agency's assigned officer (or any of its officers before assignment) or
//   its leader;
// - close without an answer: the competent agency's leader or the holder, with a reason.
// The parent cannot be approved while a sub-dossier is open (state-machine.ts).
import { conflict, forbidden, type AppError } from '../errors.ts';
import { durationProblem, type Duration } from '../calendar/index.ts';
import type { ActorFacts } from './actor.ts';
import { fieldError } from './dossier-errors.ts';
import type { DossierFacts } from './dossier-facts.ts';
import { MAX_TEXT_LENGTH, textOf } from './action-payload.ts';
import { STATUS_LABELS_VI } from './status.ts';

export type SubDossierStatus = 'open' | 'answered' | 'closed';
export type SubDossierAction = 'assign' | 'answer' | 'close';

export const SUB_DOSSIER_STATUS_LABELS_VI: Record<SubDossierStatus, string> = {
  open: 'Đang xin ý kiến phối hợp',
  answered: 'Đã có ý kiến phối hợp',
  closed: 'Đã đóng (không chờ ý kiến)',
};

/** `<parent code>-LT01`: readable next to the parent, never a legal dossier code (parseDossierCode refuses it). */
export function subDossierCode(parentCode: string, seq: number): string {
  return `${parentCode}-LT${String(seq).padStart(2, '0')}`;
}

export interface SubDossierFacts {
  status: SubDossierStatus;
  coordinatingUnitCode: string;
  assigneeUsername: string | null;
}

const OPEN_FROM = new Set(['processing', 'paused']);

function textProblem(value: string | undefined, field: string, missing: string): AppError | undefined {
  const text = textOf(value);
  if (text === null) return fieldError('REQUIRED', field, missing, value);
  if (text.length > MAX_TEXT_LENGTH) return fieldError('TEXT_TOO_LONG', field, `không được dài quá ${MAX_TEXT_LENGTH} ký tự.`);
  return undefined;
}

/** The competent agency's leader, or the processing officer holding the parent. */
function isParentWorker(parent: DossierFacts, actor: ActorFacts): boolean {
  if (actor.unitCode !== parent.competentUnitCode) return false;
  return actor.roles.includes('leader') || (actor.roles.includes('processing') && parent.handlerUsername === actor.username);
}

export function openSubDossierRefusal(
  parent: DossierFacts,
  actor: ActorFacts,
  request: { coordinatingUnitCode: string; coordinatingIsAgency: boolean; request: string | undefined; budget: Duration | undefined },
): AppError | undefined {
  if (!OPEN_FROM.has(parent.status)) {
    return conflict('PARENT_NOT_IN_PROCESSING', `Chỉ xin ý kiến cơ quan phối hợp khi hồ sơ đang được xử lý (hiện: "${STATUS_LABELS_VI[parent.status]}").`, { status: parent.status });
  }
  if (!isParentWorker(parent, actor)) {
    return forbidden('NOT_PARENT_HANDLER', 'Chỉ lãnh đạo hoặc chuyên viên đang xử lý hồ sơ của cơ quan giải quyết được mở hồ sơ liên thông.');
  }
  if (!request.coordinatingIsAgency || request.coordinatingUnitCode === parent.competentUnitCode) {
    return fieldError('INVALID_COORDINATING_UNIT', 'coordinatingUnitCode', 'phải là một cơ quan khác đang hoạt động (cơ quan phối hợp).', request.coordinatingUnitCode);
  }
  const text = textProblem(request.request, 'request', 'cần nêu nội dung đề nghị phối hợp.');
  if (text) return text;
  if (request.budget === undefined) return fieldError('REQUIRED', 'days', 'cần thời hạn phối hợp (số ngày hoặc giờ làm việc).');
  if (request.budget.unit !== 'days' && request.budget.unit !== 'hours') return fieldError('INVALID_DURATION', 'days', 'thời hạn phối hợp tính bằng ngày hoặc giờ làm việc.');
  const field = request.budget.unit === 'days' ? 'days' : 'hours';
  const problem = durationProblem(request.budget, field);
  if (problem) return problem;
  if (!(request.budget.value > 0)) return fieldError('INVALID_DURATION', field, 'phải lớn hơn 0.', request.budget.value);
  return undefined;
}

export function subDossierActionRefusal(
  sub: SubDossierFacts,
  parent: DossierFacts,
  actor: ActorFacts,
  action: SubDossierAction,
  request: { assignee?: ActorFacts | undefined; answer?: string | undefined; reason?: string | undefined },
): AppError | undefined {
  if (sub.status !== 'open') {
    return conflict('SUB_DOSSIER_NOT_OPEN', `Hồ sơ liên thông đã kết thúc ("${SUB_DOSSIER_STATUS_LABELS_VI[sub.status]}").`, { status: sub.status });
  }
  const atCoordinating = actor.unitCode === sub.coordinatingUnitCode;
  switch (action) {
    case 'assign': {
      if (!atCoordinating || !actor.roles.includes('leader')) return forbidden('ROLE_NOT_ALLOWED', 'Chỉ lãnh đạo cơ quan phối hợp được phân công xử lý hồ sơ liên thông.');
      const a = request.assignee;
      if (!a || a.unitCode !== sub.coordinatingUnitCode || !(a.roles.includes('processing') || a.roles.includes('leader'))) {
        return fieldError('HANDLER_NOT_ELIGIBLE', 'assignee', `phải là chuyên viên hoặc lãnh đạo của cơ quan phối hợp (${sub.coordinatingUnitCode}).`, a?.username);
      }
      return undefined;
    }
    case 'answer': {
      const leader = atCoordinating && actor.roles.includes('leader');
      const officer = atCoordinating && actor.roles.includes('processing') && (sub.assigneeUsername === null || sub.assigneeUsername === actor.username);
      if (!leader && !officer) {
        return forbidden('NOT_HANDLER', sub.assigneeUsername && atCoordinating
          ? `Hồ sơ liên thông đang do ${sub.assigneeUsername} xử lý.`
          : 'Chỉ cán bộ của cơ quan phối hợp được trả lời hồ sơ liên thông.');
      }
      return textProblem(request.answer, 'answer', 'cần nội dung ý kiến / kết quả phối hợp.');
    }
    case 'close':
      if (!isParentWorker(parent, actor)) return forbidden('NOT_PARENT_HANDLER', 'Chỉ lãnh đạo hoặc chuyên viên đang xử lý hồ sơ chính được đóng hồ sơ liên thông.');
      return textProblem(request.reason, 'reason', 'cần nêu lý do đóng hồ sơ liên thông khi chưa có ý kiến phối hợp.');
  }
}
