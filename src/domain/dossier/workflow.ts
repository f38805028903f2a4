// The steps a dossier goes through (quy trình nội bộ) and where it stands: receive → forward → assign →
// process → review → approve/sign → result to the one-stop → return, each with a role, the side of the
// dossier that performs it and a budget of working minutes. The template comes from the procedure
// version (catalog `content.workflow`); when the version has none, or only the catalog's four phases,
// the rules below give the eight steps (docs/decisions/0008-dossier-workflow.md).
import type { WorkflowTemplate as CatalogWorkflow } from '../catalog/workflow.ts';
import { defaultWorkflow } from '../catalog/workflow.ts';
import type { NormalisedDuration } from '../catalog/duration.ts';
import { HOUR_MS, instantAtCoordinate, workingCoordinate, type WorkingCalendar } from '../calendar/index.ts';
import type { Role } from '../staff/roles.ts';
import type { ActionType } from './action.ts';
import type { UnitSide } from './actor.ts';

export const STEP_KEYS = ['receive', 'forward', 'assign', 'process', 'review', 'approve', 'deliver_result', 'return'] as const;
export type StepKey = (typeof STEP_KEYS)[number];

export const STEP_LABELS_VI: Record<StepKey, string> = {
  receive: 'Tiếp nhận hồ sơ',
  forward: 'Chuyển hồ sơ đến cơ quan giải quyết',
  assign: 'Phân công xử lý',
  process: 'Thẩm định, xử lý hồ sơ',
  review: 'Xem xét, trình ký',
  approve: 'Phê duyệt, ký kết quả',
  deliver_result: 'Chuyển kết quả về Bộ phận Một cửa',
  return: 'Trả kết quả',
};

const STEP_PERFORMERS: Record<StepKey, { role: Role; side: UnitSide }> = {
  receive: { role: 'reception', side: 'receiving' },
  forward: { role: 'reception', side: 'receiving' },
  assign: { role: 'leader', side: 'competent' },
  process: { role: 'processing', side: 'competent' },
  review: { role: 'leader', side: 'competent' },
  approve: { role: 'leader', side: 'competent' },
  deliver_result: { role: 'processing', side: 'competent' },
  return: { role: 'reception', side: 'return' },
};

export interface DossierStep {
  key: StepKey;
  name: string;
  role: Role;
  side: UnitSide;
  /** Working minutes this step may use. */
  budgetMinutes: number;
  /** The later steps an officer may send the dossier to from here (`forward`); absent = any later step. */
  next?: StepKey[];
}

/**
 * The roles an administrator may give each step: those the state machine lets take the actions that
 * happen at it (transitions.ts), so a template never names someone who could not do the work.
 */
export const STEP_ROLE_CHOICES: Record<StepKey, readonly Role[]> = {
  receive: ['reception'],
  forward: ['reception'],
  assign: ['leader'],
  process: ['processing', 'leader'],
  review: ['leader', 'processing'],
  approve: ['leader'],
  deliver_result: ['processing', 'leader'],
  return: ['reception'],
};

/** The fixed performing side and default role of each step. */
export const stepPerformer = (key: StepKey): { role: Role; side: UnitSide } => STEP_PERFORMERS[key];

export interface DossierWorkflow {
  steps: DossierStep[];
  /** Where the steps came from: the version's own eight-step template, the catalog's four phases
   * refined, or the default (the version had no usable template). */
  source: 'version' | 'version_phases' | 'default';
}

export const isStepKey = (value: unknown): value is StepKey => typeof value === 'string' && (STEP_KEYS as readonly string[]).includes(value);
const PHASE_KEYS = new Set(['receive', 'process', 'approve', 'return']);
const DAY_MINUTES = 8 * 60;

const step = (key: StepKey, budgetMinutes: number): DossierStep => ({ key, name: STEP_LABELS_VI[key], ...STEP_PERFORMERS[key], budgetMinutes });

/**
 * Refines the catalog's four phases into the eight steps, keeping each phase's total:
 * - receive R → receive 0 (done at the counter when the receipt is issued) + forward R;
 * - process P → assign 10% (at most 1 day) + review 20% (at most 2 days) + process the rest;
 * - approve A → approve (and sign) A;
 * - return T → deliver_result ⌊T/2⌋ + return the rest.
 */
export function refinePhases(phases: Record<'receive' | 'process' | 'approve' | 'return', number>): DossierStep[] {
  const assign = Math.min(Math.round(phases.process * 0.1), DAY_MINUTES);
  const review = Math.min(Math.round(phases.process * 0.2), 2 * DAY_MINUTES);
  const deliver = Math.floor(phases.return / 2);
  return [
    step('receive', 0),
    step('forward', phases.receive),
    step('assign', assign),
    step('process', phases.process - assign - review),
    step('review', review),
    step('approve', phases.approve),
    step('deliver_result', deliver),
    step('return', phases.return - deliver),
  ];
}

/** The eight steps for a legal time limit when the version carries no template. */
export function defaultDossierWorkflow(timeLimit: NormalisedDuration): DossierWorkflow {
  return { steps: fromPhases(defaultWorkflow(timeLimit)) ?? [], source: 'default' };
}

function fromPhases(template: CatalogWorkflow): DossierStep[] | undefined {
  const budgets: Partial<Record<string, number>> = {};
  for (const s of template.steps) {
    if (!PHASE_KEYS.has(s.key) || !validBudget(s.budgetMinutes) || budgets[s.key] !== undefined) return undefined;
    budgets[s.key] = s.budgetMinutes as number;
  }
  return refinePhases({ receive: budgets.receive ?? 0, process: budgets.process ?? 0, approve: budgets.approve ?? 0, return: budgets.return ?? 0 });
}

const validBudget = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** A detailed template: known step keys in the canonical order, each once, with budgets. */
function fromDetailed(steps: readonly unknown[]): DossierStep[] | undefined {
  let last = -1;
  const out: DossierStep[] = [];
  for (const raw of steps) {
    const s = raw as { key?: unknown; budgetMinutes?: unknown; name?: unknown; role?: unknown; next?: unknown };
    if (!isStepKey(s.key) || !validBudget(s.budgetMinutes)) return undefined;
    const index = STEP_KEYS.indexOf(s.key);
    if (index <= last) return undefined;
    last = index;
    const name = typeof s.name === 'string' && s.name.trim() !== '' ? s.name.trim() : STEP_LABELS_VI[s.key];
    // An administrator's template (workflow-edit.ts) may name the role among those allowed, and the steps
    // that may follow; anything else keeps the defaults.
    const role = STEP_ROLE_CHOICES[s.key].find((r) => r === s.role) ?? STEP_PERFORMERS[s.key].role;
    const next = Array.isArray(s.next) && s.next.every((k) => isStepKey(k) && STEP_KEYS.indexOf(k) > index) ? { next: s.next as StepKey[] } : {};
    out.push({ ...step(s.key, s.budgetMinutes), name, role, ...next });
  }
  // The dossier is always received and returned; the agency always decides.
  const keys = new Set(out.map((s) => s.key));
  return keys.has('receive') && keys.has('process') && keys.has('approve') && keys.has('return') ? out : undefined;
}

/**
 * The workflow a dossier follows, from its procedure version's template (`content.workflow`, possibly
 * absent in versions stored before templates existed) and the legal time limit.
 */
export function resolveDossierWorkflow(template: unknown, timeLimit: NormalisedDuration): DossierWorkflow {
  const steps = (template as { steps?: unknown } | null | undefined)?.steps;
  if (Array.isArray(steps) && steps.length > 0) {
    const detailed = (template as { detailed?: unknown }).detailed === true;
    const onlyPhases = !detailed && steps.every((s) => PHASE_KEYS.has(String((s as { key?: unknown }).key)));
    const resolved = onlyPhases ? fromPhases(template as CatalogWorkflow) : fromDetailed(steps);
    if (resolved) return { steps: resolved, source: onlyPhases ? 'version_phases' : 'version' };
  }
  return defaultDossierWorkflow(timeLimit);
}

export const stepIndex = (workflow: DossierWorkflow, key: string | null): number => workflow.steps.findIndex((s) => s.key === key);

/** The first step of the template at or after `key` in the canonical order (a template may skip steps). */
export function stepAtOrAfter(workflow: DossierWorkflow, key: StepKey): StepKey | null {
  const from = STEP_KEYS.indexOf(key);
  return workflow.steps.find((s) => STEP_KEYS.indexOf(s.key) >= from)?.key ?? null;
}

/** The step a dossier stands at right after its receipt. */
export const stepAfterIntake = (workflow: DossierWorkflow): StepKey | null => stepAtOrAfter(workflow, 'forward');

export type StepMove = { ok: true; step: StepKey | null } | { ok: false; code: 'UNKNOWN_STEP' | 'WRONG_DIRECTION'; message: string };

/**
 * The step after an accepted action. `forward` names its target step (next: later than the current one;
 * back: earlier); the other actions move along the template. Actions that do not concern the steps
 * (supplement, pause, extension) keep the current step. `null` = the workflow is over.
 */
export function stepAfterAction(
  workflow: DossierWorkflow,
  current: StepKey | null,
  action: ActionType | 'paper_received_result',
  forward?: { toStep: string; direction: 'next' | 'back' },
): StepMove {
  const at = (key: StepKey): StepMove => ({ ok: true, step: stepAtOrAfter(workflow, key) });
  const before = (key: StepKey) => current === null || STEP_KEYS.indexOf(current) < STEP_KEYS.indexOf(key);
  switch (action) {
    case 'transfer':
      return at('assign');
    case 'assign':
      // A reassignment later in the work keeps the step; the first assignment starts the processing.
      return before('process') ? at('process') : { ok: true, step: current };
    case 'forward': {
      const target = forward?.toStep.trim() ?? '';
      const names = workflow.steps.map((s) => `"${s.key}" (${s.name})`).join(', ');
      if (!isStepKey(target) || stepIndex(workflow, target) < 0) {
        return { ok: false, code: 'UNKNOWN_STEP', message: `Trường "toStep": bước "${target}" không có trong quy trình của hồ sơ; các bước: ${names}.` };
      }
      const here = current === null ? -1 : stepIndex(workflow, current);
      const there = stepIndex(workflow, target);
      const agencyStep = STEP_PERFORMERS[target].side === 'competent' && target !== 'deliver_result';
      if (!agencyStep) {
        return { ok: false, code: 'UNKNOWN_STEP', message: `Trường "toStep": chỉ chuyển được giữa các bước xử lý tại cơ quan giải quyết (không phải "${STEP_LABELS_VI[target]}").` };
      }
      const allowed = current === null ? undefined : workflow.steps[here]?.next;
      if (forward?.direction !== 'back' && allowed && !allowed.includes(target)) {
        const list = allowed.map((k) => `"${k}"`).join(', ') || '(không có)';
        return { ok: false, code: 'WRONG_DIRECTION', message: `Trường "toStep": theo quy trình của thủ tục, từ bước hiện tại chỉ chuyển tiếp được đến ${list}, không phải "${STEP_LABELS_VI[target]}".` };
      }
      if (forward?.direction === 'back' ? there >= here : there <= here) {
        return {
          ok: false,
          code: 'WRONG_DIRECTION',
          message: forward?.direction === 'back'
            ? `Trường "toStep": "${STEP_LABELS_VI[target]}" không phải là bước trước bước hiện tại.`
            : `Trường "toStep": "${STEP_LABELS_VI[target]}" không phải là bước sau bước hiện tại.`,
        };
      }
      return { ok: true, step: target };
    }
    case 'approve':
      return at('approve');
    case 'record_result':
      return at('deliver_result');
    case 'paper_received_result':
      return current === 'deliver_result' ? at('return') : { ok: true, step: current };
    case 'return_result':
    case 'reject':
    case 'withdraw':
      return { ok: true, step: null };
    default:
      return { ok: true, step: current };
  }
}

export interface StepDeadline {
  key: StepKey;
  name: string;
  role: Role;
  side: UnitSide;
  budgetMinutes: number;
  dueAt: number;
}

/**
 * Deadlines of every step, scheduled back from the dossier's due instant: a step is due when the
 * budgets of the steps after it still fit before the due instant. At receipt (budgets adding up to the
 * legal limit) this is the same as laying the budgets end to end from the receipt; when the clock later
 * pauses, restarts after a supplement or is extended, the remaining steps move with the due instant.
 */
export function stepDeadlines(calendar: WorkingCalendar, workflow: DossierWorkflow, dueAt: number): StepDeadline[] {
  const due = workingCoordinate(calendar, dueAt, 'dueAt');
  let after = workflow.steps.reduce((sum, s) => sum + s.budgetMinutes, 0);
  return workflow.steps.map((s) => {
    after -= s.budgetMinutes;
    return { ...s, dueAt: instantAtCoordinate(calendar, due - (after * HOUR_MS) / 60, 'steps') };
  });
}
