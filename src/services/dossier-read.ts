// Reading dossiers: an officer's view (scoped: timeline, clock, the actions allowed to them now), the
// officer's inbox (most urgent first, ID numbers masked), and the citizen's public lookup (code + phone
// or ID number; nothing personal beyond initials).
import { notFound } from '../domain/errors.ts';
import {
  allowedActions,
  applicantInitials,
  maskIdNumber,
  normaliseDossierCode,
} from '../domain/dossier/index.ts';
import { portalCodeOf, statusLabelVi, SUBMITTED_ONLINE } from '../domain/portal/online-filing.ts';
import { historyStepLabel, isWorkflowEvent } from '../domain/dossier/history-labels.ts';
import { STEP_LABELS_VI, isStepKey } from '../domain/dossier/workflow.ts';
import { normalisePhone } from '../domain/dossier/identity-numbers.ts';
import type { ProcedureClock } from '../domain/sla/index.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import { findDossier, findDossierWithReturnUnit, listActions, listDossiersForUnits, type ActionRecord, type DossierRecord } from '../store/dossiers.ts';
import { findUnit, subtreeCodesOf } from '../store/units.ts';
import { unitCalendar } from './calendar.ts';
import { clockEventsOf, clockOf, factsOf } from './dossier-history.ts';
import { requireDossierScope } from './dossier-access.ts';
import { onlineReceiptActionsFor } from './portal/online-receipt.ts';
import { guardLookup } from './portal/lookup-limit.ts';
import { workflowView } from './dossier-workflow.ts';
import { paperTransfersOf } from './paper-transfers.ts';
import { coordinationInbox, countOpenSubDossiersOf, subDossiersOf } from './sub-dossiers.ts';
import { urgencyOf } from './dossier-urgency.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

const iso = (d: Date | null) => (d ? formatInstantVN(d.getTime()) : null);

function timelineOf(actions: readonly ActionRecord[]) {
  return actions.map((a) => ({
    seq: a.seq,
    type: a.type,
    label: historyStepLabel(a.type),
    at: formatInstantVN(a.at.getTime()),
    actorUsername: a.actorUsername,
    actorRoles: a.actorRoles,
    actorUnitCode: a.actorUnitCode,
    fromStatus: a.fromStatus,
    toStatus: a.toStatus,
    reason: a.reason,
    step: (a.payload as { step?: string | null }).step ?? null,
  }));
}

/** Before an online filing is received (or when its receipt was refused) no legal clock runs. */
function receivedYet(actions: readonly ActionRecord[]): boolean {
  return clockEventsOf(actions).length > 0;
}

/** Public status facts, including the online sub-step (national codes 1 and 3). */
export function statusFacts(dossier: DossierRecord, actions: readonly ActionRecord[]) {
  const facts = factsOf(dossier, actions);
  const refusedOnline = actions.some((a) => a.type === 'refuse_online');
  return {
    status: dossier.status,
    statusLabel: statusLabelVi(dossier.status),
    portalStatusCode: portalCodeOf(dossier.status, { rejectedAtReceipt: facts.rejectedAtReceipt, refusedOnline }),
    receivedAt: receivedYet(actions) ? formatInstantVN(dossier.receivedAt.getTime()) : null,
    submittedAt: actions[0]?.type === 'submit_online' ? formatInstantVN(actions[0].at.getTime()) : null,
  };
}

export async function clockView(ctx: ServiceContext, dossier: DossierRecord, actions: readonly ActionRecord[], now: number) {
  if (!receivedYet(actions)) return null;
  const calendar = await unitCalendar(ctx, dossier.receivingUnitCode);
  const clock = clockOf(calendar, dossier.clock as ProcedureClock, clockEventsOf(actions), now);
  return {
    phase: clock.phase,
    dueAt: formatInstantVN(clock.dueAt),
    remainingText: clock.remainingText,
    overdue: clock.overdue,
    dueSoon: clock.dueSoon,
    supplementRequests: clock.supplementRequests,
    extended: clock.extended,
    outcome: clock.finish?.outcome ?? null,
  };
}

export async function getDossier(ctx: ServiceContext, actor: Actor, code: string, origin: RequestOrigin) {
  const dossier = await findDossier(ctx.db, ctx.provinceCode, code);
  if (!dossier) throw notFound('DOSSIER_NOT_FOUND', `Không có hồ sơ mã "${code}".`);
  await requireDossierScope(ctx, actor, dossier, origin);
  const actions = await listActions(ctx.db, ctx.provinceCode, code);
  const now = ctx.now().getTime();
  const facts = { ...factsOf(dossier, actions), openSubDossiers: await countOpenSubDossiersOf(ctx.db, ctx.provinceCode, code) };
  const nameOf = async (unitCode: string) => (await findUnit(ctx.db, unitCode))?.name ?? unitCode;
  return {
    code: dossier.code,
    status: dossier.status,
    receivingUnitName: await nameOf(dossier.receivingUnitCode),
    competentUnitName: await nameOf(dossier.competentUnitCode),
    returnUnitName: await nameOf(dossier.returnUnitCode),
    statusLabel: statusLabelVi(dossier.status),
    portalStatusCode: statusFacts(dossier, actions).portalStatusCode,
    submittedAt: statusFacts(dossier, actions).submittedAt,
    procedureCode: dossier.procedureCode,
    procedureVersion: dossier.procedureVersion,
    procedureName: dossier.procedureName,
    channel: dossier.channel,
    applicant: dossier.applicant,
    receivingUnitCode: dossier.receivingUnitCode,
    competentUnitCode: dossier.competentUnitCode,
    returnUnitCode: dossier.returnUnitCode,
    receivedAt: formatInstantVN(dossier.receivedAt.getTime()),
    receivedBy: dossier.receivedBy,
    dueAt: iso(dossier.dueAt),
    finishedAt: iso(dossier.finishedAt),
    handlerUsername: facts.handlerUsername,
    documents: dossier.documents,
    clock: await clockView(ctx, dossier, actions, now),
    allowedActions: dossier.status === SUBMITTED_ONLINE
      ? onlineReceiptActionsFor(dossier.status, dossier.receivingUnitCode, actor)
      : allowedActions(facts, { username: actor.username, roles: actor.roles, unitCode: actor.unitCode }, now),
    timeline: timelineOf(actions),
    workflow: await workflowView(ctx, dossier, now),
    paperTransfers: await paperTransfersOf(ctx, code, now),
    subDossiers: await subDossiersOf(ctx, code, now),
  };
}

export interface MyDossiersQuery {
  status?: string | undefined;
  subtree?: boolean | undefined;
  side?: 'receiving' | 'competent' | 'return' | undefined;
  q?: string | undefined;
  /** Workflow step key. */
  step?: string | undefined;
  overdue?: boolean | undefined;
  /** A username, `me`, or `none` (not assigned yet). */
  handler?: string | undefined;
  limit: number;
  offset: number;
}

/** One search text read every way an officer types it: a dossier code, a phone, a CCCD, a name. */
function searchForms(text: string) {
  const compact = text.replace(/[\s.\-]/g, '');
  return {
    code: normaliseDossierCode(text),
    phone: /^(\+?84|0)\d{9,10}$/.test(compact) ? normalisePhone(compact) : null,
    idNumber: /^\d{9,13}$/.test(compact) ? compact : null,
    name: text.replace(/\s+/g, ' ').trim().slice(0, 100),
  };
}

export async function listMyDossiers(ctx: ServiceContext, actor: Actor, query: MyDossiersQuery) {
  const units = query.subtree ? await subtreeCodesOf(ctx.db, actor.unitCode) : [actor.unitCode];
  const text = query.q?.trim();
  const now = ctx.now().getTime();
  const handler = query.handler === undefined || query.handler === '' ? undefined : query.handler === 'none' ? null : query.handler === 'me' ? actor.username : query.handler;
  const result = await listDossiersForUnits(ctx.db, ctx.provinceCode, {
    unitCodes: units, status: query.status, side: query.side, search: text ? searchForms(text) : undefined,
    step: query.step, handler, overdueAt: query.overdue ? new Date(now) : undefined,
    limit: query.limit, offset: query.offset,
  });
  const items = await Promise.all(result.items.map(async (d) => ({ d, urgency: await urgencyOf(ctx, d, now) })));
  return {
    total: result.total,
    // Sub-dossiers are never dossiers: the coordinating agency sees them apart, with their own deadlines.
    subDossiers: await coordinationInbox(ctx, units, now),
    items: items.map(({ d, urgency }) => ({
      code: d.code,
      procedureName: d.procedureName,
      status: d.status,
      statusLabel: statusLabelVi(d.status),
      applicantName: String((d.applicant as { fullName?: string }).fullName ?? ''),
      applicantIdNumber: d.applicantIdNumber ? maskIdNumber(d.applicantIdNumber) : null,
      receivingUnitCode: d.receivingUnitCode,
      competentUnitCode: d.competentUnitCode,
      returnUnitCode: d.returnUnitCode,
      returnByPost: d.returnByPost,
      applicantKind: String((d.applicant as { kind?: string }).kind ?? 'citizen'),
      hasRepresentative: Boolean((d.applicant as { representative?: unknown }).representative),
      receivedAt: formatInstantVN(d.receivedAt.getTime()),
      dueAt: iso(d.dueAt),
      overdue: d.finishedAt === null && d.dueAt !== null && d.dueAt.getTime() < now,
      dueSoon: urgency.dueSoon,
      remainingText: urgency.remainingText,
      remainingWorkingMinutes: urgency.remainingWorkingMinutes,
      currentStep: d.currentStep,
      currentStepName: isStepKey(d.currentStep) ? STEP_LABELS_VI[d.currentStep] : null,
      stepDueAt: iso(d.stepDueAt),
      handlerUsername: d.handlerUsername,
    })),
  };
}

/** Public lookup: the code and the applicant's phone or ID number must match; else "not found". Failed
 * attempts are counted per client address in the database, so guessing codes is refused on every instance. */
export async function lookupPublic(ctx: ServiceContext, rawCode: string, proof: { phone?: string | undefined; idNumber?: string | undefined }, origin?: RequestOrigin) {
  const dossier = await guardLookup(ctx, origin, () => findByProof(ctx, rawCode, proof));
  const actions = await listActions(ctx.db, ctx.provinceCode, dossier.code);
  const returned = actions.find((a) => a.toStatus === 'returned');
  // Handovers and inter-agency work are the agencies' business; the citizen follows the status changes.
  const publicActions = actions.filter((a) => !isWorkflowEvent(a.type));
  const last = publicActions[publicActions.length - 1];
  const status = statusFacts(dossier, actions);
  return {
    code: dossier.code,
    procedureName: dossier.procedureName,
    applicantInitials: applicantInitials(String((dossier.applicant as { fullName?: string }).fullName ?? '')),
    status: status.status,
    statusLabel: status.statusLabel,
    portalStatusCode: status.portalStatusCode,
    channel: dossier.channel,
    submittedAt: status.submittedAt,
    receivedAt: status.receivedAt,
    dueAt: iso(dossier.dueAt),
    returnedAt: returned ? formatInstantVN(returned.at.getTime()) : null,
    currentStep: last ? historyStepLabel(last.type) : null,
    returnUnitName: dossier.returnUnitName ?? dossier.returnUnitCode,
    steps: publicActions.map((a) => ({ at: formatInstantVN(a.at.getTime()), status: a.toStatus, statusLabel: statusLabelVi(a.toStatus) })),
  };
}

/** The dossier whose code and applicant's phone (or ID number) match, or undefined (with its return unit's name). */
export async function findByProof(ctx: ServiceContext, rawCode: string, proof: { phone?: string | undefined; idNumber?: string | undefined }) {
  const code = normaliseDossierCode(rawCode);
  const dossier = code ? await findDossierWithReturnUnit(ctx.db, ctx.provinceCode, code) : undefined;
  const phone = proof.phone ? normalisePhone(proof.phone) : null;
  const idNumber = proof.idNumber?.replace(/[\s.]/g, '') ?? null;
  const matches = dossier && ((phone !== null && phone === dossier.applicantPhone) || (idNumber && idNumber === dossier.applicantIdNumber));
  return matches ? dossier : undefined;
}
