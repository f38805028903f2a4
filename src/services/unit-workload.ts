// The leader's view of the unit's work (lãnh đạo theo dõi, phân công): for the leader's agency and the
// units below it, the unfinished dossiers it decides, counted per officer holding them, overdue, due
// soon and not yet assigned, with the list itself most urgent first. Sub-dossiers the unit coordinates
// are counted apart (they are never dossiers).
import { forbidden, notFound } from '../domain/errors.ts';
import { STATUS_LABELS_VI, type DossierStatus } from '../domain/dossier/index.ts';
import { isStepKey, STEP_LABELS_VI } from '../domain/dossier/workflow.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import { listHandlersOfUnits, listOpenDossiersDecidedBy } from '../store/dossier-workflow.ts';
import { findUnit, subtreeCodesOf } from '../store/units.ts';
import { anyInScope } from './admin-checks.ts';
import { urgencyOf } from './dossier-urgency.ts';
import { coordinationInbox } from './sub-dossiers.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

const MAX_OPEN = 2000;
/** Statuses in which the agency has the dossier but nobody holds it yet. */
const AWAITING_ASSIGNMENT = new Set(['transferred', 'processing']);

export async function unitWorkload(ctx: ServiceContext, actor: Actor, unitCode: string | undefined, _origin: RequestOrigin) {
  const root = unitCode ?? actor.unitCode;
  const unit = await findUnit(ctx.db, root);
  if (!unit) throw notFound('UNIT_NOT_FOUND', `Không có đơn vị mã "${root}".`);
  if (!(await anyInScope(ctx.db, actor, [root]))) throw forbidden('OUT_OF_SCOPE', `Đơn vị "${root}" nằm ngoài phạm vi quản lý của bạn.`, { unitCode: root });
  const units = await subtreeCodesOf(ctx.db, root);
  const now = ctx.now().getTime();
  const open = await listOpenDossiersDecidedBy(ctx.db, ctx.provinceCode, units, MAX_OPEN);
  const items = await Promise.all(open.map(async (d) => {
    const urgency = await urgencyOf(ctx, d, now);
    return {
      code: d.code,
      procedureName: d.procedureName,
      status: d.status,
      statusLabel: STATUS_LABELS_VI[d.status as DossierStatus] ?? d.status,
      competentUnitCode: d.competentUnitCode,
      receivedAt: formatInstantVN(d.receivedAt.getTime()),
      dueAt: d.dueAt ? formatInstantVN(d.dueAt.getTime()) : null,
      currentStep: d.currentStep,
      currentStepName: isStepKey(d.currentStep) ? STEP_LABELS_VI[d.currentStep] : null,
      stepDueAt: d.stepDueAt ? formatInstantVN(d.stepDueAt.getTime()) : null,
      stepOverdue: d.stepDueAt !== null && now > d.stepDueAt.getTime(),
      handlerUsername: d.handlerUsername,
      awaitingAssignment: d.handlerUsername === null && AWAITING_ASSIGNMENT.has(d.status),
      ...urgency,
    };
  }));

  const handlers = await listHandlersOfUnits(ctx.db, ctx.provinceCode, units);
  const tally = (list: typeof items) => ({
    open: list.length,
    overdue: list.filter((i) => i.overdue).length,
    dueSoon: list.filter((i) => i.dueSoon).length,
    stepOverdue: list.filter((i) => i.stepOverdue).length,
  });
  const known = new Set(handlers.map((h) => h.username));
  // People holding dossiers who are no longer staff of the unit (moved, deactivated) still show up.
  const strays = [...new Set(items.map((i) => i.handlerUsername).filter((u): u is string => u !== null && !known.has(u)))];
  const officers = [
    ...handlers.map((h) => ({ username: h.username, fullName: h.fullName, unitCode: h.unitCode, roles: h.roles, active: true })),
    ...strays.map((username) => ({ username, fullName: username, unitCode: null, roles: [] as string[], active: false })),
  ].map((o) => ({ ...o, ...tally(items.filter((i) => i.handlerUsername === o.username)) }));
  const unassigned = items.filter((i) => i.awaitingAssignment);
  return {
    unitCode: root,
    unitName: unit.name,
    units,
    at: formatInstantVN(now),
    totals: tally(items),
    unassigned: tally(unassigned),
    officers,
    items,
    truncated: open.length === MAX_OPEN,
    subDossiers: await coordinationInbox(ctx, units, now),
  };
}
