// An administrator's edit of a procedure's workflow template (quy trình nội bộ), checked before it
// becomes a new procedure version: known steps in the engine's order, each once; the steps every
// dossier needs; roles that the state machine lets do the step's work; every step reachable from the
// receipt along the "next" links; exactly one final step; budgets that add up to the legal limit.
// Every problem is reported at once, each with a code and a Vietnamese sentence naming it.
//
// Budget rule: the budgets must add up EXACTLY to the legal limit (not merely ≤). The promised instant
// (`dueAt`, domain.md §5) is always the legal limit on the calendar, and step deadlines are scheduled
// back from it (decision 0008): time left unassigned would silently become the first step's, and a
// total above the limit would put the first steps' deadlines before the receipt. Finishing early is
// still rewarded (domain.md §6, index 1) by working faster than the step deadlines, not by a plan that
// leaves part of the legal time to nobody.
import type { SupplementPolicy } from '../sla/index.ts';
import { isRole, ROLE_LABELS_VI, type Role } from '../staff/roles.ts';
import type { WorkflowPerformer, WorkflowTemplate } from '../catalog/workflow.ts';
import { isStepKey, STEP_KEYS, STEP_LABELS_VI, STEP_ROLE_CHOICES, stepPerformer, type DossierStep, type StepKey } from './workflow.ts';
import type { UnitSide } from './actor.ts';

export interface WorkflowStepDraft {
  key: string;
  name?: string | undefined;
  role: string;
  budgetMinutes: number;
  /** Later steps an officer may forward to; absent = the following step (and any later one). */
  next?: string[] | undefined;
}

export interface WorkflowDraft {
  steps: WorkflowStepDraft[];
  supplementPolicy: string;
}

export interface WorkflowProblem {
  code: string;
  message: string;
  /** The step concerned (its key as sent), when one is. */
  step?: string;
}

export interface CheckedWorkflow {
  steps: DossierStep[];
  supplementPolicy: SupplementPolicy;
  totalMinutes: number;
}

export type WorkflowCheck = { ok: true; value: CheckedWorkflow } | { ok: false; problems: WorkflowProblem[] };

/** Steps no dossier can do without: it is received, decided by the agency, signed, and returned. */
export const REQUIRED_STEPS: readonly StepKey[] = ['receive', 'process', 'approve', 'return'];
const MAX_NAME = 200;
/** One step may not take longer than a year of working days (a typo guard; real limits are far lower). */
const MAX_BUDGET_MINUTES = 250 * 8 * 60;

/** "2 ngày 3 giờ 30 phút làm việc" (8 working hours a day). */
export function workingMinutesVi(minutes: number): string {
  const days = Math.floor(minutes / 480);
  const hours = Math.floor((minutes % 480) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days} ngày` : '', hours ? `${hours} giờ` : '', rest ? `${rest} phút` : ''].filter(Boolean);
  return `${parts.length ? parts.join(' ') : '0 phút'} làm việc`;
}

const label = (key: string) => (isStepKey(key) ? `"${STEP_LABELS_VI[key]}" (${key})` : `"${key}"`);

/**
 * Checks a draft against the legal limit of the version it edits (working minutes; null when the
 * version's limit is not normalised, which no template can fix).
 */
export function checkWorkflowDraft(draft: WorkflowDraft, limitMinutes: number | null): WorkflowCheck {
  const problems: WorkflowProblem[] = [];
  const add = (code: string, message: string, step?: string) => problems.push({ code, message, ...(step !== undefined ? { step } : {}) });

  if (limitMinutes === null) add('WORKFLOW_LIMIT_UNKNOWN', 'Thời hạn giải quyết của phiên bản chưa được chuẩn hóa; cần nhập lại thời hạn trước khi sửa quy trình.');
  const policy = draft.supplementPolicy === 'restart' || draft.supplementPolicy === 'pause' ? draft.supplementPolicy : null;
  if (policy === null) add('INVALID_SUPPLEMENT_POLICY', `Cách tính thời hạn khi bổ sung "${draft.supplementPolicy}" không hợp lệ; chọn "restart" (tính lại) hoặc "pause" (tạm dừng).`);
  if (draft.steps.length === 0) {
    add('WORKFLOW_EMPTY', 'Quy trình phải có ít nhất các bước tiếp nhận, xử lý, phê duyệt và trả kết quả.');
    return { ok: false, problems };
  }

  // Keys: known, once each, in the engine's order (the dossier moves forward along it).
  const seen = new Set<string>();
  let lastOrder = -1;
  for (const s of draft.steps) {
    if (!isStepKey(s.key)) {
      add('UNKNOWN_STEP', `Bước "${s.key}" không có trong các bước quy trình; các bước: ${STEP_KEYS.join(', ')}.`, s.key);
      continue;
    }
    if (seen.has(s.key)) add('DUPLICATE_STEP', `Bước ${label(s.key)} xuất hiện nhiều lần.`, s.key);
    else if (STEP_KEYS.indexOf(s.key) < lastOrder) add('STEP_ORDER', `Bước ${label(s.key)} đặt sai thứ tự; thứ tự các bước: ${STEP_KEYS.join(' → ')}.`, s.key);
    seen.add(s.key);
    lastOrder = Math.max(lastOrder, STEP_KEYS.indexOf(s.key));
  }
  for (const key of REQUIRED_STEPS) {
    if (!seen.has(key)) add('REQUIRED_STEP_MISSING', `Quy trình thiếu bước bắt buộc ${label(key)}.`, key);
  }

  for (const s of draft.steps) {
    if (!isStepKey(s.key)) continue;
    const name = (s.name ?? '').trim();
    if (name.length > MAX_NAME) add('STEP_NAME_TOO_LONG', `Tên bước ${label(s.key)} dài quá ${MAX_NAME} ký tự.`, s.key);
    if (!isRole(s.role)) add('UNKNOWN_ROLE', `Bước ${label(s.key)}: vai trò "${s.role}" không tồn tại.`, s.key);
    else if (!STEP_ROLE_CHOICES[s.key].includes(s.role)) {
      const allowed = STEP_ROLE_CHOICES[s.key].map((r) => ROLE_LABELS_VI[r]).join(' hoặc ');
      add('ROLE_NOT_ALLOWED', `Bước ${label(s.key)} không thể giao cho ${ROLE_LABELS_VI[s.role]}; chỉ ${allowed} thực hiện được bước này.`, s.key);
    }
    if (!Number.isSafeInteger(s.budgetMinutes) || s.budgetMinutes < 0 || s.budgetMinutes > MAX_BUDGET_MINUTES) {
      add('INVALID_BUDGET', `Bước ${label(s.key)}: thời gian phải là số phút làm việc nguyên, từ 0 đến ${MAX_BUDGET_MINUTES}.`, s.key);
    }
  }
  const structural = problems.some((p) => ['UNKNOWN_STEP', 'DUPLICATE_STEP', 'STEP_ORDER'].includes(p.code));

  // The path: each step leads to its `next` (default: the following step). Targets must be later steps
  // of the template; then every step must be reachable from the first and exactly one step ends it.
  if (!structural) {
    const keys = draft.steps.map((s) => s.key as StepKey);
    const edges = new Map<StepKey, StepKey[]>();
    draft.steps.forEach((s, i) => {
      const key = s.key as StepKey;
      if (s.next === undefined) {
        edges.set(key, i + 1 < keys.length ? [keys[i + 1]!] : []);
        return;
      }
      const valid: StepKey[] = [];
      for (const target of s.next) {
        if (!isStepKey(target) || !keys.includes(target)) add('UNKNOWN_NEXT_STEP', `Bước ${label(key)} chuyển đến bước ${label(target)} không có trong quy trình.`, key);
        else if (keys.indexOf(target) <= i) add('NEXT_NOT_FORWARD', `Bước ${label(key)} chỉ được chuyển tiếp đến bước sau nó, không phải ${label(target)}.`, key);
        else if (!valid.includes(target)) valid.push(target);
      }
      edges.set(key, valid);
    });
    const finals = keys.filter((k) => (edges.get(k) ?? []).length === 0);
    if (finals.length !== 1) {
      add('FINAL_STEP_COUNT', `Quy trình phải có đúng một bước kết thúc; hiện có ${finals.length}: ${finals.map(label).join(', ') || '(không có)'}.`);
    }
    const reached = new Set<StepKey>([keys[0]!]);
    const queue = [keys[0]!];
    while (queue.length > 0) {
      for (const target of edges.get(queue.shift()!) ?? []) {
        if (!reached.has(target)) {
          reached.add(target);
          queue.push(target);
        }
      }
    }
    for (const k of keys) {
      if (!reached.has(k)) add('UNREACHABLE_STEP', `Bước ${label(k)} không thể đến được từ bước ${label(keys[0]!)} theo các bước chuyển tiếp.`, k);
    }
  }

  const total = draft.steps.reduce((sum, s) => sum + (Number.isSafeInteger(s.budgetMinutes) && s.budgetMinutes > 0 ? s.budgetMinutes : 0), 0);
  if (limitMinutes !== null && !problems.some((p) => p.code === 'INVALID_BUDGET')) {
    if (total > limitMinutes) {
      add('WORKFLOW_BUDGET_EXCEEDS_LIMIT', `Tổng thời gian các bước (${workingMinutesVi(total)}) vượt thời hạn giải quyết theo quy định (${workingMinutesVi(limitMinutes)}) ${workingMinutesVi(total - limitMinutes)}.`);
    } else if (total < limitMinutes) {
      add('WORKFLOW_BUDGET_BELOW_LIMIT', `Tổng thời gian các bước (${workingMinutesVi(total)}) chưa bằng thời hạn giải quyết (${workingMinutesVi(limitMinutes)}); còn ${workingMinutesVi(limitMinutes - total)} chưa giao cho bước nào.`);
    }
  }

  if (problems.length > 0 || policy === null) return { ok: false, problems };
  const steps = draft.steps.map((s): DossierStep => {
    const key = s.key as StepKey;
    const name = (s.name ?? '').trim() || STEP_LABELS_VI[key];
    return { key, name, role: s.role as Role, side: stepPerformer(key).side, budgetMinutes: s.budgetMinutes, ...(s.next !== undefined ? { next: [...new Set(s.next)] as StepKey[] } : {}) };
  });
  return { ok: true, value: { steps, supplementPolicy: policy, totalMinutes: total } };
}

const PERFORMER_OF_SIDE: Record<UnitSide, WorkflowPerformer> = { receiving: 'receiving_unit', competent: 'competent_agency', return: 'return_unit' };

/** The checked steps as the version's `content.workflow` (detailed: used as given by every dossier). */
export function toVersionTemplate(checked: CheckedWorkflow, nominal: boolean): WorkflowTemplate {
  return {
    steps: checked.steps.map((s) => ({
      key: s.key,
      name: s.name,
      role: s.role as WorkflowTemplate['steps'][number]['role'],
      performer: PERFORMER_OF_SIDE[s.side],
      budgetMinutes: s.budgetMinutes,
      ...(s.next ? { next: s.next } : {}),
    })),
    totalMinutes: checked.totalMinutes,
    nominal,
    detailed: true,
  };
}

/** A one-line summary of steps for the audit log: "receive 0 · forward 480 · …" with roles. */
export function describeSteps(steps: readonly Pick<DossierStep, 'key' | 'role' | 'budgetMinutes' | 'next'>[]): string {
  return steps.map((s) => `${s.key}[${s.role}] ${s.budgetMinutes}${s.next ? ` → ${s.next.join('|')}` : ''}`).join(' · ');
}
