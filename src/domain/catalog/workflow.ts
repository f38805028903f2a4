// The workflow template a dossier of the procedure follows by default: intake at the receiving unit,
// processing and approval at the competent agency, return at the return unit, each step with a time
// budget in working minutes. Budgets add up to the legal time limit; the dossier workflow may refine
// them per procedure later (an admin edit is a new version).
import type { NormalisedDuration } from './duration.ts';

export type WorkflowRole = 'reception' | 'processing' | 'leader';
export type WorkflowPerformer = 'receiving_unit' | 'competent_agency' | 'return_unit';
/** The catalog's four phases; an administrator's template (dossier/workflow-edit.ts) uses the eight
 * detailed steps of dossier/workflow.ts. */
export type PhaseKey = 'receive' | 'process' | 'approve' | 'return';
export type TemplateStepKey = PhaseKey | 'forward' | 'assign' | 'review' | 'deliver_result';

export interface WorkflowStep {
  key: TemplateStepKey;
  name: string;
  role: WorkflowRole;
  performer: WorkflowPerformer;
  /** Working minutes; null when the time limit could not be normalised. */
  budgetMinutes: number | null;
  /** Administrator's templates only: the later steps an officer may forward to from this one. */
  next?: TemplateStepKey[];
}

export interface WorkflowTemplate {
  steps: WorkflowStep[];
  /** Sum of the budgets: the legal limit in working minutes (null when unknown). */
  totalMinutes: number | null;
  /** True when the limit is "same day": the budgets split one nominal working day. */
  nominal: boolean;
  /** Set by the administrator's editor: the steps are the detailed ones, used as given (never refined
   * as phases, even when only receive/process/approve/return are kept). */
  detailed?: true;
}

const MINUTES_PER_DAY = 8 * 60;

/**
 * Default split of the limit T (working minutes): receive 10% (at most one working day: paper dossiers
 * go to the competent agency within the day, domain.md §3.4), approve 15% (at most two days), return 10%
 * (at most one day), processing gets the rest. Same-day limits split one nominal working day.
 */
/** The legal limit in working minutes the steps share (one nominal day for same-day limits); null when unknown. */
export function limitMinutes(limit: NormalisedDuration): number | null {
  return totalMinutes(limit);
}

export function defaultWorkflow(limit: NormalisedDuration): WorkflowTemplate {
  const total = totalMinutes(limit);
  const budgets = total === null ? null : split(total);
  const step = (key: PhaseKey, name: string, role: WorkflowRole, performer: WorkflowPerformer): WorkflowStep => ({
    key, name, role, performer, budgetMinutes: budgets ? budgets[key] : null,
  });
  return {
    steps: [
      step('receive', 'Tiếp nhận hồ sơ', 'reception', 'receiving_unit'),
      step('process', 'Thẩm định, xử lý hồ sơ', 'processing', 'competent_agency'),
      step('approve', 'Phê duyệt kết quả', 'leader', 'competent_agency'),
      step('return', 'Trả kết quả', 'reception', 'return_unit'),
    ],
    totalMinutes: total,
    nominal: limit.unit === 'sameDay' || limit.unit === 'sameDayOrNextIfAfter',
  };
}

function totalMinutes(limit: NormalisedDuration): number | null {
  switch (limit.unit) {
    case 'days':
      return Math.round(limit.value * MINUTES_PER_DAY);
    case 'hours':
      return Math.round(limit.value * 60);
    case 'sameDay':
    case 'sameDayOrNextIfAfter':
      return MINUTES_PER_DAY;
    default:
      return null;
  }
}

function split(total: number): Record<PhaseKey, number> {
  const receive = Math.min(Math.round(total * 0.1), MINUTES_PER_DAY);
  const approve = Math.min(Math.round(total * 0.15), 2 * MINUTES_PER_DAY);
  const ret = Math.min(Math.round(total * 0.1), MINUTES_PER_DAY);
  return { receive, approve, return: ret, process: total - receive - approve - ret };
}
