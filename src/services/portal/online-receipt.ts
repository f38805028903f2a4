// The receiving unit's officer takes in an online filing (national status 1 → 2, "Được tiếp nhận") or
// refuses it (→ 3, "Không được tiếp nhận"), after the same completeness check as at the counter
// (domain.md §3 item 3: "Online: same checks"). The legal clock starts at this receipt, on the receiving
// unit's calendar (outside working hours: from the next working period, §5), and the supplement-request
// window (3 working days) runs from it.
import { conflict, forbidden, invalid, notFound } from '../../domain/errors.ts';
import { SUBMITTED_ONLINE } from '../../domain/portal/online-filing.ts';
import { clockStatus, startClock, supplementRequestDeadline, type ProcedureClock } from '../../domain/sla/index.ts';
import { formatInstantVN } from '../../domain/time/instant.ts';
import { appendAction, appendOutbox, findDossier } from '../../store/dossiers.ts';
import { markReceived } from '../../store/portal.ts';
import { appendAudit } from '../../store/audit.ts';
import { versionAt } from '../../store/procedures.ts';
import { INTAKE_STEP } from '../../domain/dossier/history-labels.ts';
import { unitCalendar } from '../calendar.ts';
import { startWorkflow } from '../dossier-workflow.ts';
import { openIntakePaperTransfer } from '../paper-transfers.ts';
import { recordDossierFacts } from '../stats-facts.ts';
import { runIdempotent } from '../idempotency.ts';
import type { Actor, RequestOrigin, ServiceContext } from '../context.ts';
import type { Db } from '../../store/database.ts';

export const ONLINE_RECEIPT_ACTIONS = ['receive_online', 'refuse_online'] as const;
export type OnlineReceiptAction = (typeof ONLINE_RECEIPT_ACTIONS)[number];

export function isOnlineReceiptAction(type: string): type is OnlineReceiptAction {
  return (ONLINE_RECEIPT_ACTIONS as readonly string[]).includes(type);
}

/** What an officer may do with a dossier still waiting for receipt. */
export function onlineReceiptActionsFor(status: string, receivingUnitCode: string, actor: Pick<Actor, 'roles' | 'unitCode'>): OnlineReceiptAction[] {
  if (status !== SUBMITTED_ONLINE) return [];
  return actor.roles.includes('reception') && actor.unitCode === receivingUnitCode ? [...ONLINE_RECEIPT_ACTIONS] : [];
}

export async function actOnOnlineFiling(ctx: ServiceContext, actor: Actor, code: string, body: { type: OnlineReceiptAction; idempotencyKey: string; reason?: string; note?: string },
  origin: RequestOrigin) {
  const { idempotencyKey, ...fingerprint } = body;
  const { answer } = await runIdempotent(ctx.db, { scope: actor.username, key: idempotencyKey, command: `dossier.action:${code}`, request: fingerprint },
    (trx) => receiveOrRefuse(ctx, trx, actor, code, body, origin));
  return answer;
}

async function receiveOrRefuse(ctx: ServiceContext, trx: Db, actor: Actor, code: string, body: { type: OnlineReceiptAction; reason?: string; note?: string },
  origin: RequestOrigin) {
  const now = ctx.now();
  const at = now.getTime();
  const dossier = await findDossier(trx, ctx.provinceCode, code);
  if (!dossier) throw notFound('DOSSIER_NOT_FOUND', `Không có hồ sơ mã "${code}".`);
  if (dossier.status !== SUBMITTED_ONLINE) {
    throw conflict('ACTION_NOT_ALLOWED', 'Hồ sơ này không còn ở trạng thái chờ tiếp nhận trực tuyến.', { action: body.type, status: dossier.status });
  }
  if (!actor.roles.includes('reception')) throw forbidden('ROLE_NOT_ALLOWED', 'Chỉ cán bộ tiếp nhận được tiếp nhận hồ sơ trực tuyến.');
  if (actor.unitCode !== dossier.receivingUnitCode) throw forbidden('OUT_OF_SCOPE', 'Hồ sơ trực tuyến này được nộp vào đơn vị khác.');
  const seq = dossier.actionCount + 1;
  let answer: { status: string; dueAt: string | null };
  if (body.type === 'receive_online') {
    const calendar = await unitCalendar(ctx, dossier.receivingUnitCode, trx);
    const clock = clockStatus(calendar, startClock(calendar, dossier.clock as ProcedureClock, at), at);
    const deadline = supplementRequestDeadline(calendar, at);
    await appendAction(trx, ctx.provinceCode, code, {
      seq, type: 'receive_online', at: now, actorUsername: actor.username, actorRoles: actor.roles, actorUnitCode: actor.unitCode,
      fromStatus: SUBMITTED_ONLINE, toStatus: 'received', reason: null,
      payload: { supplementRequestDeadline: deadline, note: body.note ?? null }, clockEvents: [{ type: 'received', at }],
    });
    if (!(await markReceived(trx, ctx.provinceCode, code, dossier.actionCount, { status: 'received', receivedAt: now, receivedBy: actor.username,
      dueAt: new Date(clock.dueAt), finishedAt: null }))) throw concurrent();
    // From here on it is a received dossier like one taken at a counter: the procedure's workflow starts,
    // the file is due at the competent agency by the forwarding rule, and statistics count it as received.
    const version = await versionAt(trx, ctx.provinceCode, dossier.procedureCode, dossier.receivedAt);
    if (version && version.version === dossier.procedureVersion && version.content.timeLimit.unit !== 'unparsed') {
      await startWorkflow(trx, ctx.provinceCode, code, { template: version.content.workflow, timeLimit: version.content.timeLimit, calendar, dueAt: clock.dueAt });
    }
    await openIntakePaperTransfer(ctx, trx, { code, receivingUnitCode: dossier.receivingUnitCode, competentUnitCode: dossier.competentUnitCode, receivedAt: at });
    await recordDossierFacts(trx, ctx.provinceCode, { code, seq, action: INTAKE_STEP, at: now });
    answer = { status: 'received', dueAt: formatInstantVN(clock.dueAt) };
  } else {
    const reason = body.reason?.trim() ?? '';
    if (reason.length < 5) throw invalid('REASON_REQUIRED', 'Cần nêu rõ lý do từ chối tiếp nhận (Mẫu 03).', { field: 'reason' });
    await appendAction(trx, ctx.provinceCode, code, {
      seq, type: 'refuse_online', at: now, actorUsername: actor.username, actorRoles: actor.roles, actorUnitCode: actor.unitCode,
      fromStatus: SUBMITTED_ONLINE, toStatus: 'rejected', reason, payload: { form: 'mau_03' }, clockEvents: [],
    });
    if (!(await markReceived(trx, ctx.provinceCode, code, dossier.actionCount, { status: 'rejected', receivedAt: dossier.receivedAt,
      receivedBy: dossier.receivedBy, dueAt: null, finishedAt: now }))) throw concurrent();
    answer = { status: 'rejected', dueAt: null };
  }
  await appendOutbox(trx, ctx.provinceCode, 'dossier.status_changed', code, { code, action: body.type, from: SUBMITTED_ONLINE, status: answer.status,
    at: formatInstantVN(at), effects: [{ kind: 'notify_applicant' }] });
  await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: `dossier.${body.type}`, entityType: 'dossier', entityId: code,
    requestId: origin.requestId, address: origin.address });
  return { code, action: body.type, seq, status: answer.status, dueAt: answer.dueAt, at: formatInstantVN(at) };
}

const concurrent = () => conflict('CONCURRENT_ACTION', 'Hồ sơ vừa được người khác xử lý; vui lòng tải lại và thử lại.');
