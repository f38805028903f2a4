// The dossier's workflow step: fixed at intake from the procedure version's template (snapshot on the
// row), moved by each action (src/domain/dossier/workflow.ts), with the current step's deadline
// scheduled back from the dossier's due instant, and the holder cached for lists and the leader's view.
import { invalid } from '../domain/errors.ts';
import { applyDecision, type Accepted, type ActionRequest, type DossierFacts } from '../domain/dossier/index.ts';
import {
  isStepKey,
  resolveDossierWorkflow,
  stepAfterAction,
  stepAfterIntake,
  stepDeadlines,
  STEP_KEYS,
  type DossierWorkflow,
  type StepKey,
} from '../domain/dossier/workflow.ts';
import type { Duration, WorkingCalendar } from '../domain/calendar/index.ts';
import type { ProcedureClock } from '../domain/sla/index.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import { findWorkflowState, saveWorkflowState } from '../store/dossier-workflow.ts';
import type { DossierRecord } from '../store/dossiers.ts';
import type { Db } from '../store/database.ts';
import { unitCalendar } from './calendar.ts';
import type { ServiceContext } from './context.ts';

/** The stored snapshot, or (dossiers received before templates were recorded) the default for its limit. */
export function workflowOfDossier(stored: unknown, clock: ProcedureClock): DossierWorkflow {
  const snapshot = stored as DossierWorkflow | null | undefined;
  if (snapshot && Array.isArray(snapshot.steps) && snapshot.steps.every((s) => isStepKey(s.key))) return snapshot;
  return resolveDossierWorkflow(undefined, clock.timeLimit);
}

const stepDueOf = (calendar: WorkingCalendar, workflow: DossierWorkflow, step: StepKey | null, dueAt: number | null): Date | null => {
  if (step === null || dueAt === null) return null;
  const found = stepDeadlines(calendar, workflow, dueAt).find((s) => s.key === step);
  return found ? new Date(found.dueAt) : null;
};

/** Intake: the dossier follows its version's template; the receipt is done, the file is to be forwarded. */
export async function startWorkflow(
  trx: Db, provinceCode: string, code: string, input: { template: unknown; timeLimit: Duration; calendar: WorkingCalendar; dueAt: number },
): Promise<DossierWorkflow> {
  const workflow = resolveDossierWorkflow(input.template, input.timeLimit);
  const step = stepAfterIntake(workflow);
  await saveWorkflowState(trx, provinceCode, code, { workflow, currentStep: step, stepDueAt: stepDueOf(input.calendar, workflow, step, input.dueAt), handlerUsername: null });
  return workflow;
}

export interface WorkflowMove {
  workflow: DossierWorkflow;
  step: StepKey | null;
  handlerUsername: string | null;
}

/** Where an accepted action takes the dossier; refuses (400, nothing written) a `forward` to a step the
 * dossier's workflow does not have or in the wrong direction. */
export async function planWorkflowMove(trx: Db, provinceCode: string, dossier: DossierRecord, facts: DossierFacts, decision: Accepted, request: ActionRequest): Promise<WorkflowMove> {
  const state = await findWorkflowState(trx, provinceCode, dossier.code);
  const workflow = workflowOfDossier(state?.workflow, dossier.clock as ProcedureClock);
  const current = isStepKey(state?.currentStep) ? state.currentStep : null;
  const move = stepAfterAction(workflow, current, decision.action, request.type === 'forward' ? { toStep: request.toStep, direction: request.direction } : undefined);
  if (!move.ok) {
    const value = request.type === 'forward' ? request.toStep : undefined;
    throw invalid(move.code, move.message, { field: 'toStep', value, steps: workflow.steps.map((s) => s.key) });
  }
  return { workflow, step: move.step, handlerUsername: applyDecision(facts, decision).handlerUsername };
}

export async function saveWorkflowMove(trx: Db, provinceCode: string, code: string, move: WorkflowMove, calendar: WorkingCalendar, dueAt: number | null): Promise<void> {
  await saveWorkflowState(trx, provinceCode, code, {
    currentStep: move.step,
    stepDueAt: stepDueOf(calendar, move.workflow, move.step, dueAt),
    handlerUsername: move.handlerUsername,
  });
}

/** The return counter signed for the result: the dossier waits for its return to the applicant. */
export async function stepAfterPaperReceipt(ctx: ServiceContext, trx: Db, dossier: DossierRecord): Promise<void> {
  const state = await findWorkflowState(trx, ctx.provinceCode, dossier.code);
  const workflow = workflowOfDossier(state?.workflow, dossier.clock as ProcedureClock);
  const current = isStepKey(state?.currentStep) ? state.currentStep : null;
  const move = stepAfterAction(workflow, current, 'paper_received_result');
  if (!move.ok || move.step === current) return;
  const calendar = await unitCalendar(ctx, dossier.receivingUnitCode, trx);
  await saveWorkflowState(trx, ctx.provinceCode, dossier.code, { currentStep: move.step, stepDueAt: stepDueOf(calendar, workflow, move.step, dossier.dueAt?.getTime() ?? null) });
}

/** The workflow for the dossier page: every step with its deadline, done / current / upcoming. */
export async function workflowView(ctx: ServiceContext, dossier: DossierRecord, now: number) {
  const state = await findWorkflowState(ctx.db, ctx.provinceCode, dossier.code);
  const workflow = workflowOfDossier(state?.workflow, dossier.clock as ProcedureClock);
  const current = isStepKey(state?.currentStep) ? state.currentStep : null;
  const calendar = await unitCalendar(ctx, dossier.receivingUnitCode);
  const due = dossier.dueAt?.getTime() ?? null;
  const deadlines = due === null ? [] : stepDeadlines(calendar, workflow, due);
  const finished = current === null;
  const currentOrder = current === null ? Infinity : STEP_KEYS.indexOf(current);
  const steps = workflow.steps.map((s) => {
    const order = STEP_KEYS.indexOf(s.key);
    const dueAt = deadlines.find((d) => d.key === s.key)?.dueAt ?? null;
    const state = finished || order < currentOrder ? 'done' : order === currentOrder ? 'current' : 'upcoming';
    return { key: s.key, name: s.name, role: s.role, side: s.side, budgetMinutes: s.budgetMinutes, dueAt: dueAt === null ? null : formatInstantVN(dueAt), state };
  });
  const stepDueAt = state?.stepDueAt?.getTime() ?? null;
  return {
    source: workflow.source,
    currentStep: current,
    currentStepName: workflow.steps.find((s) => s.key === current)?.name ?? null,
    stepDueAt: stepDueAt === null ? null : formatInstantVN(stepDueAt),
    stepOverdue: stepDueAt !== null && !finished && now > stepDueAt,
    steps,
  };
}
