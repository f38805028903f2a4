// The dossier's workflow state cached on its row (migration 0008): the template snapshot, the current
// step and its deadline, and who holds the dossier. The history (dossier_actions) stays the truth.
import type { Db } from './database.ts';

export interface WorkflowState {
  workflow: unknown | null;
  currentStep: string | null;
  stepDueAt: Date | null;
  handlerUsername: string | null;
}

export async function findWorkflowState(db: Db, provinceCode: string, code: string): Promise<WorkflowState | undefined> {
  const row = await db
    .selectFrom('dossiers')
    .select(['workflow', 'current_step', 'step_due_at', 'handler_username'])
    .where('province_code', '=', provinceCode)
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? { workflow: row.workflow, currentStep: row.current_step, stepDueAt: row.step_due_at, handlerUsername: row.handler_username } : undefined;
}

export async function saveWorkflowState(db: Db, provinceCode: string, code: string, state: Partial<WorkflowState>): Promise<void> {
  await db
    .updateTable('dossiers')
    .set({
      ...(state.workflow !== undefined ? { workflow: JSON.stringify(state.workflow) } : {}),
      ...(state.currentStep !== undefined ? { current_step: state.currentStep } : {}),
      ...(state.stepDueAt !== undefined ? { step_due_at: state.stepDueAt } : {}),
      ...(state.handlerUsername !== undefined ? { handler_username: state.handlerUsername } : {}),
    })
    .where('province_code', '=', provinceCode)
    .where('code', '=', code)
    .execute();
}

export interface OpenDossierRow {
  code: string;
  procedureName: string;
  status: string;
  receivingUnitCode: string;
  competentUnitCode: string;
  receivedAt: Date;
  dueAt: Date | null;
  finishedAt: Date | null;
  currentStep: string | null;
  stepDueAt: Date | null;
  handlerUsername: string | null;
}

/** Unfinished dossiers the units decide (competent agency), most urgent first. */
export async function listOpenDossiersDecidedBy(db: Db, provinceCode: string, unitCodes: readonly string[], limit: number): Promise<OpenDossierRow[]> {
  if (unitCodes.length === 0) return [];
  const rows = await db
    .selectFrom('dossiers')
    .select(['code', 'procedure_name', 'status', 'receiving_unit_code', 'competent_unit_code', 'received_at', 'due_at', 'finished_at', 'current_step', 'step_due_at', 'handler_username'])
    .where('province_code', '=', provinceCode)
    .where('competent_unit_code', 'in', unitCodes)
    .where('finished_at', 'is', null)
    .orderBy('due_at', (ob) => ob.asc().nullsLast())
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    code: r.code, procedureName: r.procedure_name, status: r.status, receivingUnitCode: r.receiving_unit_code, competentUnitCode: r.competent_unit_code,
    receivedAt: r.received_at, dueAt: r.due_at, finishedAt: r.finished_at, currentStep: r.current_step, stepDueAt: r.step_due_at, handlerUsername: r.handler_username,
  }));
}

/** Active processing officers and leaders of the units (who can hold a dossier there). */
export async function listHandlersOfUnits(db: Db, provinceCode: string, unitCodes: readonly string[]): Promise<Array<{ username: string; fullName: string; unitCode: string; roles: string[] }>> {
  if (unitCodes.length === 0) return [];
  const rows = await db
    .selectFrom('staff_users')
    .select(['username', 'full_name', 'unit_code', 'roles'])
    .where('province_code', '=', provinceCode)
    .where('unit_code', 'in', unitCodes)
    .where('active', '=', true)
    .orderBy('unit_code')
    .orderBy('username')
    .execute();
  return rows
    .filter((r) => r.roles.includes('processing') || r.roles.includes('leader'))
    .map((r) => ({ username: r.username, fullName: r.full_name, unitCode: r.unit_code, roles: r.roles }));
}
