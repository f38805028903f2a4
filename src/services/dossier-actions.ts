// One step on a dossier (contract: POST /dossiers/{code}/actions). The pure state machine decides; this
// command loads the history, checks scope, appends the action with its clock events, moves the cached
// status only if nobody acted in between (one winner, the other gets 409), and emits an outbox event —
// all in one transaction, answered idempotently.
import { conflict, invalid, notFound, isAppError } from '../domain/errors.ts';
import { decide, isActionType, type ActionRequest, type ActorFacts } from '../domain/dossier/index.ts';
import { type ProcedureClock } from '../domain/sla/index.ts';
import { parseInstant, formatInstantVN } from '../domain/time/instant.ts';
import { recipientProblem } from '../domain/dossier/result-recipient.ts';
import { appendAction, appendOutbox, advanceDossier, findDossier, listActions, type DossierRecord } from '../store/dossiers.ts';
import { findStaffByUsername } from '../store/staff.ts';
import { unitCalendar } from './calendar.ts';
import { clockEventsOf, clockOf, factsOf } from './dossier-history.ts';
import { requireDossierScope } from './dossier-access.ts';
import { runIdempotent } from './idempotency.ts';
import { planWorkflowMove } from './dossier-workflow.ts';
import { afterAction } from './dossier-after-action.ts';
import { countOpenSubDossiersOf } from './sub-dossiers.ts';
import { recordDossierFacts } from './stats-facts.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';
import type { Db } from '../store/database.ts';

/** The action as sent over HTTP (people are named by username, instants are ISO text). */
export interface ActionBody {
  type: string;
  idempotencyKey: string;
  note?: string;
  reason?: string;
  assignee?: string;
  toStep?: string;
  direction?: 'next' | 'back';
  to?: string;
  missingDocuments?: string[];
  extension?: { kind: 'added' | 'newTimeLimit' | 'newDueAt'; days?: number; hours?: number; dueAt?: string };
  resultNumber?: string;
  signer?: string;
  signedAt?: string;
  fileRef?: string;
  method?: 'counter' | 'post';
  recipientName?: string;
  recipientRole?: 'applicant' | 'representative';
  recipientIdNumber?: string;
  authorisation?: string;
  postalTrackingNumber?: string;
}

export interface ActionAnswer {
  code: string;
  action: string;
  seq: number;
  status: string;
  dueAt: string | null;
  at: string;
}

async function staffFacts(db: Db, username: string | undefined, field: string): Promise<ActorFacts | undefined> {
  if (username === undefined) return undefined;
  const staff = await findStaffByUsername(db, username);
  if (!staff || !staff.active) throw invalid('UNKNOWN_STAFF', `Trường "${field}": không có cán bộ "${username}" đang hoạt động.`, { field, value: username });
  return { username: staff.username, roles: staff.roles, unitCode: staff.unitCode };
}

async function toRequest(db: Db, body: ActionBody): Promise<ActionRequest> {
  const type = body.type;
  if (!isActionType(type)) throw invalid('UNKNOWN_ACTION', `Thao tác "${type}" không tồn tại.`, { field: 'type', value: type });
  switch (type) {
    case 'assign': {
      const assignee = await staffFacts(db, body.assignee, 'assignee');
      if (!assignee) throw invalid('REQUIRED', 'Trường "assignee": cần chọn chuyên viên được phân công.', { field: 'assignee' });
      return { type, assignee, ...(body.note !== undefined ? { note: body.note } : {}) };
    }
    case 'forward': {
      const to = await staffFacts(db, body.to, 'to');
      return { type, toStep: body.toStep ?? '', direction: body.direction ?? 'next', ...(to ? { to } : {}), ...(body.note !== undefined ? { note: body.note } : {}) };
    }
    case 'request_supplement':
      return { type, reason: body.reason ?? '', ...(body.missingDocuments ? { missingDocuments: body.missingDocuments } : {}) };
    case 'pause':
      return { type, reason: body.reason as never, ...(body.note !== undefined ? { note: body.note } : {}) };
    case 'extend': {
      const e = body.extension;
      const extension = e === undefined ? undefined
        : e.kind === 'newDueAt' ? { kind: e.kind, dueAt: parseInstant(e.dueAt ?? '', 'extension.dueAt') }
        : { kind: e.kind, duration: e.hours !== undefined ? { unit: 'hours' as const, value: e.hours } : { unit: 'days' as const, value: e.days ?? 0 } };
      return { type, reason: body.reason ?? '', extension: extension as never };
    }
    case 'reject':
      return { type, reason: body.reason ?? '' };
    case 'record_result':
      return { type, resultNumber: body.resultNumber ?? '', signer: body.signer ?? '', signedAt: parseInstant(body.signedAt ?? '', 'signedAt'),
        ...(body.fileRef !== undefined ? { fileRef: body.fileRef } : {}) };
    case 'return_result':
      return { type, method: body.method as never, ...(body.recipientName !== undefined ? { recipientName: body.recipientName } : {}),
        ...(body.postalTrackingNumber !== undefined ? { postalTrackingNumber: body.postalTrackingNumber } : {}), ...(body.note !== undefined ? { note: body.note } : {}) };
    case 'withdraw':
      return { type, ...(body.reason !== undefined ? { reason: body.reason } : {}) };
    default:
      return { type, ...(body.note !== undefined ? { note: body.note } : {}) } as ActionRequest;
  }
}

export async function actOnDossier(ctx: ServiceContext, actor: Actor, code: string, body: ActionBody, origin: RequestOrigin): Promise<ActionAnswer> {
  const { idempotencyKey, ...fingerprint } = body;
  const dossier = await findDossier(ctx.db, ctx.provinceCode, code);
  if (!dossier) throw notFound('DOSSIER_NOT_FOUND', `Không có hồ sơ mã "${code}".`);
  await requireDossierScope(ctx, actor, dossier, origin);
  const { answer } = await runIdempotent(ctx.db, { scope: actor.username, key: idempotencyKey, command: `dossier.action:${code}`, request: fingerprint },
    (trx) => act(ctx, trx, actor, code, body));
  return answer;
}

async function act(ctx: ServiceContext, trx: Db, actor: Actor, code: string, body: ActionBody): Promise<ActionAnswer> {
  const now = ctx.now();
  const at = now.getTime();
  const dossier = await findDossier(trx, ctx.provinceCode, code);
  if (!dossier) throw notFound('DOSSIER_NOT_FOUND', `Không có hồ sơ mã "${code}".`);
  const actions = await listActions(trx, ctx.provinceCode, code);
  const facts = { ...factsOf(dossier, actions), openSubDossiers: await countOpenSubDossiersOf(trx, ctx.provinceCode, code) };
  const request = await toRequest(trx, body);
  const decision = decide(facts, request, { username: actor.username, roles: actor.roles, unitCode: actor.unitCode }, at);
  if (!decision.ok) throw decision.error;
  const recipient = recipientProblemOf(dossier, body, at);
  if (recipient) throw recipient;
  const move = await planWorkflowMove(trx, ctx.provinceCode, dossier, facts, decision, request);

  const calendar = await unitCalendar(ctx, dossier.receivingUnitCode, trx);
  const events = [...clockEventsOf(actions), ...decision.clockEvents];
  const clock = clockOf(calendar, dossier.clock as ProcedureClock, events, at);
  const seq = dossier.actionCount + 1;
  const finished = clock.phase === 'finished';
  // The on-time outcome (domain.md §5) is fixed by the action that finishes the clock and kept in the
  // history, so reports rebuilt later do not depend on later calendar edits.
  const outcome = finished && dossier.finishedAt === null ? clock.finish?.outcome : undefined;
  try {
    await appendAction(trx, ctx.provinceCode, code, {
      seq, type: decision.action, at: now, actorUsername: actor.username, actorRoles: actor.roles, actorUnitCode: actor.unitCode,
      fromStatus: decision.fromStatus, toStatus: decision.nextStatus, reason: decision.reason,
      payload: { decision, request: fingerprint(body), step: move.step, ...(outcome ? { outcome } : {}) }, clockEvents: decision.clockEvents,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw concurrentAction();
    throw error;
  }
  const moved = await advanceDossier(trx, ctx.provinceCode, code, dossier.actionCount, {
    status: decision.nextStatus,
    dueAt: new Date(clock.dueAt),
    finishedAt: finished ? (dossier.finishedAt ?? now) : null,
    at: now,
  });
  if (!moved) throw concurrentAction();
  await afterAction(ctx, trx, { dossier, decision, actor, now, move, calendar, dueAt: clock.dueAt });
  await appendOutbox(trx, ctx.provinceCode, 'dossier.status_changed', code, {
    code, action: decision.action, from: decision.fromStatus, status: decision.nextStatus, at: formatInstantVN(at), effects: decision.effects,
  });
  await recordDossierFacts(trx, ctx.provinceCode, { code, seq, action: decision.action, at: now, outcome });
  return { code, action: decision.action, seq, status: decision.nextStatus, dueAt: formatInstantVN(clock.dueAt), at: formatInstantVN(at) };
}

/**
 * A return at the counter that names who collects (role and CCCD, as the counter screen always does) is
 * checked against the dossier: the applicant's own CCCD, the representative named at intake, or a
 * recorded power of attorney. API callers that send only a name keep the contract's minimal form.
 */
function recipientProblemOf(dossier: DossierRecord, body: ActionBody, at: number) {
  if (body.type !== 'return_result' || body.method !== 'counter') return undefined;
  if (body.recipientRole === undefined && body.recipientIdNumber === undefined) return undefined;
  const applicant = dossier.applicant as { kind?: string; idNumber?: string; representative?: { idNumber?: string } | null };
  return recipientProblem(
    { kind: applicant.kind === 'organization' ? 'organization' : 'citizen', idNumber: applicant.idNumber ?? null, representativeIdNumber: applicant.representative?.idNumber ?? null },
    { role: body.recipientRole ?? 'applicant', idNumber: body.recipientIdNumber ?? '', authorisation: body.authorisation },
    new Date(at + 7 * 3_600_000).getUTCFullYear(),
  );
}

function fingerprint(body: ActionBody): Omit<ActionBody, 'idempotencyKey'> {
  const { idempotencyKey: _key, ...rest } = body;
  return rest;
}

const concurrentAction = () =>
  conflict('CONCURRENT_ACTION', 'Hồ sơ vừa được người khác xử lý; vui lòng tải lại và thử lại.');

function isUniqueViolation(error: unknown): boolean {
  return !isAppError(error) && typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
