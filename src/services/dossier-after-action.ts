// What an accepted action changes besides the status, in the action's transaction: the workflow step
// and holder, the paper file's journey, and (when the dossier ends) its open sub-dossiers.
import { isTerminal, type Accepted } from '../domain/dossier/index.ts';
import type { WorkingCalendar } from '../domain/calendar/index.ts';
import type { DossierRecord } from '../store/dossiers.ts';
import type { Db } from '../store/database.ts';
import { saveWorkflowMove, type WorkflowMove } from './dossier-workflow.ts';
import { applyPaperEffects } from './paper-transfers.ts';
import { closeSubDossiersWithParent } from './sub-dossiers.ts';
import type { Actor, ServiceContext } from './context.ts';

export async function afterAction(
  ctx: ServiceContext,
  trx: Db,
  input: { dossier: DossierRecord; decision: Accepted; actor: Actor; now: Date; move: WorkflowMove; calendar: WorkingCalendar; dueAt: number },
): Promise<void> {
  const { dossier, decision, actor, now, move } = input;
  await saveWorkflowMove(trx, ctx.provinceCode, dossier.code, move, input.calendar, input.dueAt);
  await applyPaperEffects(ctx, trx, { dossier, decision, actor, at: now.getTime() });
  if (isTerminal(decision.nextStatus)) await closeSubDossiersWithParent(ctx, trx, dossier.code, actor, now);
}
