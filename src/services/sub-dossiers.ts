// Inter-agency sub-dossiers (hồ sơ liên thông): opened by the competent agency on a dossier being
// processed, with a deadline from its budget on the coordinating agency's calendar; processed and
// answered by the coordinating agency's officers (scoped to their unit); closed without an answer only
// with a reason. Each step is appended to the parent's history, so it races with the parent's actions
// under the one-winner rule — an approval and an opening cannot both slip through.
import { forbidden, invalid, notFound } from '../domain/errors.ts';
import { dueDate, type Duration } from '../domain/calendar/index.ts';
import { type ActorFacts } from '../domain/dossier/index.ts';
import {
  openSubDossierRefusal,
  subDossierActionRefusal,
  subDossierCode,
  SUB_DOSSIER_STATUS_LABELS_VI,
  type SubDossierAction,
} from '../domain/dossier/sub-dossier.ts';
import { isValidAt } from '../domain/network/unit.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import { findDossier, listActions, type DossierRecord } from '../store/dossiers.ts';
import { findStaffByUsername } from '../store/staff.ts';
import {
  closeOpenSubDossiersOf,
  countOpenSubDossiers,
  findSubDossier,
  insertSubDossier,
  listSubDossiersForUnits,
  listSubDossiersOf,
  nextSubDossierSeq,
  updateOpenSubDossier,
  type SubDossierRecord,
} from '../store/sub-dossiers.ts';
import { findUnit, subtreeCodesOf } from '../store/units.ts';
import type { Db } from '../store/database.ts';
import { unitCalendar } from './calendar.ts';
import { factsOf } from './dossier-history.ts';
import { appendDossierEvent, concurrentChange } from './dossier-events.ts';
import { requireDossierScope } from './dossier-access.ts';
import { runIdempotent } from './idempotency.ts';
import { appendAudit } from '../store/audit.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

const actorFacts = (actor: Actor): ActorFacts => ({ username: actor.username, roles: actor.roles, unitCode: actor.unitCode });

async function parentFacts(ctx: ServiceContext, db: Db, parent: DossierRecord) {
  const facts = factsOf(parent, await listActions(db, ctx.provinceCode, parent.code));
  return { ...facts, openSubDossiers: await countOpenSubDossiers(db, ctx.provinceCode, parent.code) };
}

export interface OpenSubDossierBody {
  coordinatingUnitCode: string;
  request: string;
  days?: number;
  hours?: number;
  idempotencyKey: string;
}

export async function openSubDossier(ctx: ServiceContext, actor: Actor, parentCode: string, body: OpenSubDossierBody, origin: RequestOrigin) {
  const parent = await findDossier(ctx.db, ctx.provinceCode, parentCode);
  if (!parent) throw notFound('DOSSIER_NOT_FOUND', `Không có hồ sơ mã "${parentCode}".`);
  await requireDossierScope(ctx, actor, parent, origin);
  const { idempotencyKey, ...fingerprint } = body;
  const { answer } = await runIdempotent(ctx.db, { scope: actor.username, key: idempotencyKey, command: `dossier.sub_open:${parentCode}`, request: fingerprint }, async (trx) => {
    const now = ctx.now();
    const current = await findDossier(trx, ctx.provinceCode, parentCode);
    if (!current) throw notFound('DOSSIER_NOT_FOUND', `Không có hồ sơ mã "${parentCode}".`);
    const unit = await findUnit(trx, body.coordinatingUnitCode);
    const budget: Duration | undefined = body.hours !== undefined ? { unit: 'hours', value: body.hours } : body.days !== undefined ? { unit: 'days', value: body.days } : undefined;
    const refusal = openSubDossierRefusal(await parentFacts(ctx, trx, current), actorFacts(actor), {
      coordinatingUnitCode: body.coordinatingUnitCode,
      coordinatingIsAgency: unit !== undefined && unit.type === 'agency' && isValidAt(unit, now.getTime()),
      request: body.request,
      budget,
    });
    if (refusal) throw refusal;
    const seq = await nextSubDossierSeq(trx, ctx.provinceCode, parentCode);
    const code = subDossierCode(parentCode, seq);
    // The coordinating agency counts its deadline on its own calendar.
    const dueAt = dueDate(await unitCalendar(ctx, body.coordinatingUnitCode, trx), now.getTime(), budget as Duration);
    await insertSubDossier(trx, ctx.provinceCode, {
      code, parentCode, seq, coordinatingUnitCode: body.coordinatingUnitCode, request: body.request.trim(), budget: budget as Duration,
      status: 'open', openedBy: actor.username, openedAt: now, dueAt: new Date(dueAt),
    });
    await appendDossierEvent(ctx, trx, current, actor, { type: 'sub_dossier_opened', reason: body.request.trim(),
      payload: { subDossierCode: code, coordinatingUnitCode: body.coordinatingUnitCode, dueAt: formatInstantVN(dueAt) } }, now, origin);
    // Allowed, but the coordination then ends after the parent's promised date: say so.
    const warnings = current.dueAt && dueAt > current.dueAt.getTime()
      ? [{ code: 'SUB_DOSSIER_AFTER_PARENT_DUE', message: `Thời hạn phối hợp (${formatInstantVN(dueAt)}) sau ngày hẹn trả của hồ sơ chính (${formatInstantVN(current.dueAt.getTime())}).` }]
      : [];
    return { ...(await subDossierView(ctx, trx, (await findSubDossier(trx, ctx.provinceCode, code))!, now.getTime())), warnings };
  });
  return answer;
}

export interface SubDossierActionBody {
  type: SubDossierAction;
  assignee?: string;
  answer?: string;
  reason?: string;
  idempotencyKey: string;
}

/** Whether the officer may see the sub-dossier: its coordinating agency, or the parent's own units (not
 * another coordinating agency of the same parent), in scope. Denials are logged like the dossier's. */
async function requireSubScope(ctx: ServiceContext, actor: Actor, sub: SubDossierRecord, parent: DossierRecord, origin: RequestOrigin): Promise<void> {
  const scope = new Set(await subtreeCodesOf(ctx.db, actor.unitCode));
  if ([sub.coordinatingUnitCode, parent.receivingUnitCode, parent.competentUnitCode, parent.returnUnitCode].some((u) => scope.has(u))) return;
  await appendAudit(ctx.db, { provinceCode: ctx.provinceCode, at: ctx.now(), actor, action: 'dossier.access_denied', entityType: 'sub_dossier',
    entityId: sub.code, requestId: origin.requestId, address: origin.address });
  throw forbidden('OUT_OF_SCOPE', 'Hồ sơ liên thông này không thuộc đơn vị của bạn.');
}

async function load(ctx: ServiceContext, db: Db, code: string) {
  const sub = await findSubDossier(db, ctx.provinceCode, code);
  const parent = sub ? await findDossier(db, ctx.provinceCode, sub.parentCode) : undefined;
  if (!sub || !parent) throw notFound('SUB_DOSSIER_NOT_FOUND', `Không có hồ sơ liên thông mã "${code}".`);
  return { sub, parent };
}

export async function actOnSubDossier(ctx: ServiceContext, actor: Actor, code: string, body: SubDossierActionBody, origin: RequestOrigin) {
  const { sub, parent } = await load(ctx, ctx.db, code);
  await requireSubScope(ctx, actor, sub, parent, origin);
  if (!['assign', 'answer', 'close'].includes(body.type)) throw invalid('UNKNOWN_ACTION', `Trường "type": thao tác "${body.type}" không tồn tại (assign, answer, close).`, { field: 'type' });
  const { idempotencyKey, ...fingerprint } = body;
  const { answer } = await runIdempotent(ctx.db, { scope: actor.username, key: idempotencyKey, command: `dossier.sub_action:${code}`, request: fingerprint }, async (trx) => {
    const now = ctx.now();
    const { sub: current, parent: parentNow } = await load(ctx, trx, code);
    let assignee: ActorFacts | undefined;
    if (body.type === 'assign' && body.assignee !== undefined) {
      const staff = await findStaffByUsername(trx, body.assignee);
      if (!staff || !staff.active) throw invalid('UNKNOWN_STAFF', `Trường "assignee": không có cán bộ "${body.assignee}" đang hoạt động.`, { field: 'assignee' });
      assignee = { username: staff.username, roles: staff.roles, unitCode: staff.unitCode };
    }
    const refusal = subDossierActionRefusal(current, await parentFacts(ctx, trx, parentNow), actorFacts(actor), body.type, { assignee, answer: body.answer, reason: body.reason });
    if (refusal) throw refusal;
    const change = body.type === 'assign' ? { assigneeUsername: assignee!.username }
      : body.type === 'answer' ? { status: 'answered' as const, answeredBy: actor.username, answeredAt: now, answer: body.answer!.trim() }
      : { status: 'closed' as const, closedBy: actor.username, closedAt: now, closeReason: body.reason!.trim() };
    if (!(await updateOpenSubDossier(trx, ctx.provinceCode, code, change))) throw concurrentChange();
    const type = body.type === 'assign' ? 'sub_dossier_assigned' : body.type === 'answer' ? 'sub_dossier_answered' : 'sub_dossier_closed';
    await appendDossierEvent(ctx, trx, parentNow, actor, {
      type,
      reason: body.type === 'answer' ? body.answer!.trim() : body.type === 'close' ? body.reason!.trim() : null,
      payload: { subDossierCode: code, coordinatingUnitCode: current.coordinatingUnitCode, ...(assignee ? { assignee: assignee.username } : {}),
        late: body.type === 'answer' && now.getTime() > current.dueAt.getTime() },
    }, now, origin);
    return subDossierView(ctx, trx, (await findSubDossier(trx, ctx.provinceCode, code))!, now.getTime());
  });
  return answer;
}

export async function getSubDossier(ctx: ServiceContext, actor: Actor, code: string, origin: RequestOrigin) {
  const { sub, parent } = await load(ctx, ctx.db, code);
  await requireSubScope(ctx, actor, sub, parent, origin);
  const now = ctx.now().getTime();
  const facts = await parentFacts(ctx, ctx.db, parent);
  const allowed = (['assign', 'answer', 'close'] as const).filter((type) =>
    subDossierActionRefusal(sub, facts, actorFacts(actor), type, { assignee: { username: '-', roles: ['processing'], unitCode: sub.coordinatingUnitCode }, answer: 'x', reason: 'x' }) === undefined);
  return {
    ...(await subDossierView(ctx, ctx.db, sub, now)),
    parent: { code: parent.code, procedureName: parent.procedureName, status: parent.status, competentUnitCode: parent.competentUnitCode,
      dueAt: parent.dueAt ? formatInstantVN(parent.dueAt.getTime()) : null, documents: parent.documents },
    allowedActions: allowed,
  };
}

async function subDossierView(ctx: ServiceContext, db: Db, s: SubDossierRecord, now: number) {
  const unit = await findUnit(db, s.coordinatingUnitCode);
  const iso = (d: Date | null) => (d ? formatInstantVN(d.getTime()) : null);
  return {
    code: s.code,
    parentCode: s.parentCode,
    coordinatingUnitCode: s.coordinatingUnitCode,
    coordinatingUnitName: unit?.name ?? s.coordinatingUnitCode,
    request: s.request,
    budget: s.budget,
    status: s.status,
    statusLabel: SUB_DOSSIER_STATUS_LABELS_VI[s.status],
    openedBy: s.openedBy,
    openedAt: formatInstantVN(s.openedAt.getTime()),
    dueAt: formatInstantVN(s.dueAt.getTime()),
    overdue: s.status === 'open' ? now > s.dueAt.getTime() : s.answeredAt !== null && s.answeredAt.getTime() > s.dueAt.getTime(),
    assigneeUsername: s.assigneeUsername,
    answeredBy: s.answeredBy,
    answeredAt: iso(s.answeredAt),
    answer: s.answer,
    closedBy: s.closedBy,
    closedAt: iso(s.closedAt),
    closeReason: s.closeReason,
  };
}

export type SubDossierView = Awaited<ReturnType<typeof subDossierView>>;

export async function subDossiersOf(ctx: ServiceContext, parentCode: string, now: number): Promise<SubDossierView[]> {
  const list = await listSubDossiersOf(ctx.db, ctx.provinceCode, parentCode);
  return Promise.all(list.map((s) => subDossierView(ctx, ctx.db, s, now)));
}

/** The coordinating agency's share of the inbox, shown apart from its dossiers. */
export async function coordinationInbox(ctx: ServiceContext, unitCodes: readonly string[], now: number) {
  const { items, total } = await listSubDossiersForUnits(ctx.db, ctx.provinceCode, unitCodes, { openOnly: true, limit: 100 });
  return { total, items: await Promise.all(items.map((s) => subDossierView(ctx, ctx.db, s, now))) };
}

/** The parent was refused or withdrawn: nothing is left to coordinate. */
export async function closeSubDossiersWithParent(ctx: ServiceContext, trx: Db, parentCode: string, actor: Actor, at: Date): Promise<void> {
  await closeOpenSubDossiersOf(trx, ctx.provinceCode, parentCode, actor.username, at, 'Hồ sơ chính đã kết thúc');
}

export async function countOpenSubDossiersOf(db: Db, provinceCode: string, parentCode: string): Promise<number> {
  return countOpenSubDossiers(db, provinceCode, parentCode);
}
