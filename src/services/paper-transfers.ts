// The paper file's journey (chuyển hồ sơ giấy): opened at intake (counter → competent agency, due by the
// forwarding deadline on the counter's calendar), handed over by the `transfer` action, signed for by the
// agency; supplements taken in at a counter and results travel the same way. Each handover is a row of
// the dossier's history; the monitoring list shows what is overdue or due soon per unit.
import { forbidden, notFound, invalid } from '../domain/errors.ts';
import { forwardingDeadline } from '../domain/calendar/index.ts';
import {
  planPaperTransfer,
  recordPaperReceived,
  recordPaperSent,
  type Accepted,
  type PaperPurpose,
  type PaperTransfer,
} from '../domain/dossier/index.ts';
import { watchPaperTransfer, type PaperWatch } from '../domain/dossier/paper-watch.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import { findDossier, type DossierRecord } from '../store/dossiers.ts';
import {
  cancelUnsentTransfers,
  insertPaperTransfer,
  listPaperTransfers,
  listPendingTransfers,
  recordHandover,
  type PaperTransferRecord,
} from '../store/paper-transfers.ts';
import { findUnit, subtreeCodesOf } from '../store/units.ts';
import type { Db } from '../store/database.ts';
import { unitCalendar } from './calendar.ts';
import { appendDossierEvent } from './dossier-events.ts';
import { requireDossierScope } from './dossier-access.ts';
import { runIdempotent } from './idempotency.ts';
import { stepAfterPaperReceipt } from './dossier-workflow.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

export const PAPER_PURPOSE_LABELS_VI: Record<PaperPurpose, string> = {
  dossier: 'Hồ sơ giấy',
  supplement: 'Hồ sơ bổ sung',
  result: 'Kết quả giải quyết',
};

/** The forwarding rule applies to papers going to the agency that decides (the dossier, a supplement). */
async function deadlineFor(ctx: ServiceContext, db: Db, fromUnitCode: string, readyAt: number, timed: boolean) {
  if (!timed) return null;
  return forwardingDeadline(await unitCalendar(ctx, fromUnitCode, db), readyAt);
}

/** Intake: the paper file must leave the counter for the competent agency by the forwarding deadline. */
export async function openIntakePaperTransfer(
  ctx: ServiceContext, trx: Db, d: { code: string; receivingUnitCode: string; competentUnitCode: string; receivedAt: number },
): Promise<void> {
  const deadline = await deadlineFor(ctx, trx, d.receivingUnitCode, d.receivedAt, true);
  await insertPaperTransfer(trx, ctx.provinceCode, d.code, planPaperTransfer({
    purpose: 'dossier', fromUnitCode: d.receivingUnitCode, toUnitCode: d.competentUnitCode, readyAt: d.receivedAt, deadline,
  }));
}

/** Carries out an accepted action's paper effects inside its transaction. */
export async function applyPaperEffects(ctx: ServiceContext, trx: Db, input: { dossier: DossierRecord; decision: Accepted; actor: Actor; at: number }): Promise<void> {
  const { dossier, decision, actor, at } = input;
  if ((decision.action === 'reject' || decision.action === 'withdraw') && decision.fromStatus === 'received') {
    await cancelUnsentTransfers(trx, ctx.provinceCode, dossier.code, new Date(at), decision.action === 'reject' ? 'Hồ sơ bị từ chối tại bộ phận tiếp nhận' : 'Người nộp rút hồ sơ');
  }
  for (const effect of decision.effects) {
    if (effect.kind !== 'paper_transfer') continue;
    const handover = { username: actor.username, unitCode: actor.unitCode, at };
    if (decision.action === 'transfer') {
      // The counter officer hands over the file opened at intake; dossiers received before the journey
      // was recorded get their record now, with the deadline of their receipt.
      const open = (await listPaperTransfers(trx, ctx.provinceCode, dossier.code))
        .find((t) => t.purpose === 'dossier' && t.sent === null && t.cancelledAt === null && t.fromUnitCode === effect.fromUnitCode);
      if (open) {
        const sent = recordPaperSent(open, handover);
        if (!sent.ok) throw sent.error;
        await recordHandover(trx, ctx.provinceCode, dossier.code, open.seq, 'sent', handover);
      } else {
        const readyAt = dossier.receivedAt.getTime();
        const planned = planPaperTransfer({ ...effect, readyAt, deadline: await deadlineFor(ctx, trx, effect.fromUnitCode, readyAt, true) });
        await insertPaperTransfer(trx, ctx.provinceCode, dossier.code, { ...planned, sent: handover });
      }
      continue;
    }
    const timed = effect.toUnitCode === dossier.competentUnitCode;
    await insertPaperTransfer(trx, ctx.provinceCode, dossier.code, planPaperTransfer({
      ...effect, readyAt: at, deadline: await deadlineFor(ctx, trx, effect.fromUnitCode, at, timed),
    }));
  }
}

export interface HandoverBody {
  idempotencyKey: string;
  note?: string;
}

async function handover(ctx: ServiceContext, actor: Actor, code: string, seq: number, body: HandoverBody, origin: RequestOrigin, side: 'sent' | 'received') {
  const dossier = await findDossier(ctx.db, ctx.provinceCode, code);
  if (!dossier) throw notFound('DOSSIER_NOT_FOUND', `Không có hồ sơ mã "${code}".`);
  await requireDossierScope(ctx, actor, dossier, origin);
  const note = body.note?.trim() || null;
  if (note !== null && note.length > 2000) throw invalid('TEXT_TOO_LONG', 'Trường "note": không được dài quá 2000 ký tự.', { field: 'note' });
  const command = `dossier.paper_${side}:${code}:${seq}`;
  const { answer } = await runIdempotent(ctx.db, { scope: actor.username, key: body.idempotencyKey, command, request: { note } }, async (trx) => {
    const now = ctx.now();
    const current = await findDossier(trx, ctx.provinceCode, code);
    const transfer = (await listPaperTransfers(trx, ctx.provinceCode, code)).find((t) => t.seq === seq);
    if (!current || !transfer) throw notFound('PAPER_TRANSFER_NOT_FOUND', `Hồ sơ "${code}" không có lượt chuyển hồ sơ giấy số ${seq}.`);
    const unit = side === 'sent' ? transfer.fromUnitCode : transfer.toUnitCode;
    if (actor.unitCode !== unit) {
      throw forbidden(side === 'sent' ? 'NOT_SENDING_UNIT' : 'NOT_RECEIVING_UNIT',
        side === 'sent'
          ? `Chỉ cán bộ của đơn vị chuyển (${unit}) được ghi nhận việc chuyển hồ sơ giấy này.`
          : `Chỉ cán bộ của đơn vị nhận (${unit}) được xác nhận đã nhận hồ sơ giấy này.`, { unitCode: unit });
    }
    if (transfer.cancelledAt !== null) throw invalid('PAPER_TRANSFER_CANCELLED', 'Lượt chuyển hồ sơ giấy này đã hủy vì hồ sơ đã kết thúc tại bộ phận tiếp nhận.');
    const done = { username: actor.username, unitCode: actor.unitCode, at: now.getTime() };
    const checked = side === 'sent' ? recordPaperSent(transfer, done) : recordPaperReceived(transfer, done);
    if (!checked.ok) throw checked.error;
    await recordHandover(trx, ctx.provinceCode, code, seq, side, done);
    const historySeq = await appendDossierEvent(ctx, trx, current, actor, {
      type: side === 'sent' ? 'paper_sent' : 'paper_received',
      reason: note,
      payload: { transferSeq: seq, purpose: transfer.purpose, fromUnitCode: transfer.fromUnitCode, toUnitCode: transfer.toUnitCode,
        deadline: transfer.deadline === null ? null : formatInstantVN(transfer.deadline) },
    }, now, origin);
    if (side === 'received' && transfer.purpose === 'result' && transfer.toUnitCode === current.returnUnitCode) {
      await stepAfterPaperReceipt(ctx, trx, current);
    }
    const view = await viewOf(ctx, trx, { ...transfer, ...checked.value }, now.getTime());
    return { code, historySeq, transfer: view };
  });
  return answer;
}

export const dispatchPaper = (ctx: ServiceContext, actor: Actor, code: string, seq: number, body: HandoverBody, origin: RequestOrigin) =>
  handover(ctx, actor, code, seq, body, origin, 'sent');

/** The competent agency (or the return counter) signs for the papers it received. */
export const confirmPaperReceipt = (ctx: ServiceContext, actor: Actor, code: string, seq: number, body: HandoverBody, origin: RequestOrigin) =>
  handover(ctx, actor, code, seq, body, origin, 'received');

const handoverView = (h: PaperTransfer['sent']) => (h ? { username: h.username, unitCode: h.unitCode, at: formatInstantVN(h.at) } : null);

async function viewOf(ctx: ServiceContext, db: Db, t: PaperTransferRecord, now: number) {
  const calendar = await unitCalendar(ctx, t.fromUnitCode, db);
  const watch = watchPaperTransfer(calendar, t, now);
  const nameOf = async (unitCode: string) => (await findUnit(db, unitCode))?.name ?? unitCode;
  return {
    dossierCode: t.dossierCode,
    seq: t.seq,
    purpose: t.purpose,
    purposeLabel: PAPER_PURPOSE_LABELS_VI[t.purpose],
    fromUnitCode: t.fromUnitCode,
    fromUnitName: await nameOf(t.fromUnitCode),
    toUnitCode: t.toUnitCode,
    toUnitName: await nameOf(t.toUnitCode),
    readyAt: formatInstantVN(t.readyAt),
    deadline: t.deadline === null ? null : formatInstantVN(t.deadline),
    deadlineRule: t.deadlineRule,
    sent: handoverView(t.sent),
    received: handoverView(t.received),
    cancelledAt: t.cancelledAt === null ? null : formatInstantVN(t.cancelledAt),
    cancelReason: t.cancelReason,
    watch: watch.watch,
    late: watch.late,
    lateByMinutes: Math.floor(watch.lateByMs / 60_000),
    remainingWorkingMinutes: watch.remainingWorkingMs === null ? null : Math.floor(watch.remainingWorkingMs / 60_000),
  };
}

export type PaperTransferView = Awaited<ReturnType<typeof viewOf>>;

/** The journey of one dossier's papers, for the dossier page. */
export async function paperTransfersOf(ctx: ServiceContext, code: string, now: number): Promise<PaperTransferView[]> {
  const list = await listPaperTransfers(ctx.db, ctx.provinceCode, code);
  return Promise.all(list.map((t) => viewOf(ctx, ctx.db, t, now)));
}

export interface PaperWatchQuery {
  direction: 'outgoing' | 'incoming' | 'both';
  /** attention = overdue or due soon. */
  watch?: PaperWatch | 'attention' | undefined;
  subtree?: boolean | undefined;
  limit: number;
}

/**
 * Monitoring (giám sát chuyển hồ sơ giấy): papers of the officer's unit (or its subtree) still to leave
 * or still to arrive, earliest deadline first, each marked overdue / due soon / on track / in transit.
 */
export async function listPaperWatch(ctx: ServiceContext, actor: Actor, query: PaperWatchQuery) {
  const units = query.subtree ? await subtreeCodesOf(ctx.db, actor.unitCode) : [actor.unitCode];
  const now = ctx.now().getTime();
  const pending = await listPendingTransfers(ctx.db, ctx.provinceCode, { unitCodes: units, direction: query.direction, limit: 1000 });
  const names = await procedureNames(ctx.db, ctx.provinceCode, [...new Set(pending.map((t) => t.dossierCode))]);
  const views: Array<PaperTransferView & { procedureName: string }> = [];
  for (const t of pending) {
    const view = await viewOf(ctx, ctx.db, t, now);
    const wanted = query.watch === undefined || (query.watch === 'attention' ? view.watch === 'overdue' || view.watch === 'due_soon' : view.watch === query.watch);
    if (wanted) views.push({ ...view, procedureName: names.get(t.dossierCode) ?? '' });
  }
  const count = (w: PaperWatch) => views.filter((v) => v.watch === w).length;
  return { total: views.length, overdue: count('overdue'), dueSoon: count('due_soon'), items: views.slice(0, query.limit) };
}

async function procedureNames(db: Db, provinceCode: string, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('dossiers').select(['code', 'procedure_name']).where('province_code', '=', provinceCode).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.procedure_name]));
}
