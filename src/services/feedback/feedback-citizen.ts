// What the sender does with the tracking code and their phone (contract: GET /public/feedback/{code}?phone=):
// follow the message, add the information asked for, rate the answer once. A wrong code or phone gets
// the same "not found", so codes cannot be probed; nothing about a linked dossier is ever shown.
import { notFound } from '../../domain/errors.ts';
import {
  ACTION_LABELS_VI,
  applyFeedbackEvent,
  checkFeedbackAction,
  checkStaffText,
  FEEDBACK_STATUS_LABELS_VI,
  KIND_LABELS_VI,
  normaliseTrackingCode,
  type FeedbackEventType,
} from '../../domain/feedback/index.ts';
import { normalisePhone } from '../../domain/dossier/identity-numbers.ts';
import { formatInstantVN } from '../../domain/time/instant.ts';
import { appendAudit } from '../../store/audit.ts';
import { advanceFeedback, appendFeedbackEvent, findFeedback, listFeedbackEvents, type FeedbackRow } from '../../store/feedback.ts';
import { findUnit } from '../../store/units.ts';
import type { Db } from '../../store/database.ts';
import type { RequestOrigin, ServiceContext } from '../context.ts';
import { conflict } from '../../domain/errors.ts';
import { cacheOf, feedbackCalendar, stateOfRecords } from './feedback-state.ts';
import { listFeedbackAttachments } from '../../store/feedback-attachments.ts';

const iso = (d: Date | null) => (d ? formatInstantVN(d.getTime()) : null);
const notFoundForSender = () => notFound('FEEDBACK_NOT_FOUND', 'Không tìm thấy câu hỏi, phản ánh với mã theo dõi và số điện thoại đã nhập.');

export async function findForSender(db: Db, provinceCode: string, rawCode: string, rawPhone: string | undefined): Promise<FeedbackRow> {
  const code = normaliseTrackingCode(rawCode);
  const phone = rawPhone ? normalisePhone(rawPhone) : null;
  const row = code ? await findFeedback(db, provinceCode, code) : undefined;
  if (!row || phone === null || row.phone !== phone) throw notFoundForSender();
  return row;
}

export async function lookupFeedback(ctx: ServiceContext, rawCode: string, phone: string | undefined) {
  const row = await findForSender(ctx.db, ctx.provinceCode, rawCode, phone);
  const events = await listFeedbackEvents(ctx.db, ctx.provinceCode, row.code);
  const unit = await findUnit(ctx.db, row.unit_code);
  const last = (type: string) => [...events].reverse().find((e) => e.type === type) ?? null;
  const answered = row.status === 'answered' || row.status === 'published';
  return {
    code: row.code,
    kind: row.kind,
    kindLabel: KIND_LABELS_VI[row.kind],
    status: row.status,
    statusLabel: FEEDBACK_STATUS_LABELS_VI[row.status],
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    field: row.field,
    text: row.text,
    receivedAt: formatInstantVN(row.received_at.getTime()),
    dueAt: formatInstantVN(row.resolve_due_at.getTime()),
    unitName: unit?.name ?? row.unit_code,
    answer: answered ? row.answer : null,
    answeredAt: answered ? iso(row.answered_at) : null,
    published: row.status === 'published',
    refusalReason: row.status === 'refused' ? last('refuse')?.text ?? null : null,
    infoRequest: row.status === 'info_requested' ? last('request_info')?.text ?? null : null,
    rating: row.rated_at ? { satisfied: row.rating_satisfied === true, at: iso(row.rated_at) } : null,
    canRate: answered && row.rated_at === null,
    // The sender sees the names of the files sent with it (not the files: the tracking page is public).
    attachments: (await listFeedbackAttachments(ctx.db, ctx.provinceCode, row.code)).map((a) => ({ fileName: a.fileName, size: a.sizeBytes })),
    steps: events.map((e) => ({ at: formatInstantVN(e.at.getTime()), label: ACTION_LABELS_VI[e.type as FeedbackEventType] ?? e.type,
      status: e.toStatus, statusLabel: FEEDBACK_STATUS_LABELS_VI[e.toStatus as FeedbackRow['status']] ?? e.toStatus })),
  };
}

type CitizenAction = 'rate' | 'info_received';

async function citizenAct(ctx: ServiceContext, rawCode: string, phone: string | undefined, action: CitizenAction,
  details: { text: string | null; payload: Record<string, unknown> }, origin: RequestOrigin) {
  const now = ctx.now();
  const at = now.getTime();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findForSender(trx, ctx.provinceCode, rawCode, phone);
    const events = await listFeedbackEvents(trx, ctx.provinceCode, row.code);
    const state = stateOfRecords(events);
    // A repeated rating with the same choice is a retry: answer as the first time.
    if (action === 'rate' && state.rating && state.rating.satisfied === details.payload.satisfied) {
      return { code: row.code, status: row.status, rating: { satisfied: state.rating.satisfied, at: formatInstantVN(state.rating.at) } };
    }
    const check = checkFeedbackAction(state, action, { kind: 'citizen' });
    if (!check.ok) throw check.error;
    const next = applyFeedbackEvent(state, { type: action, at, unitCode: state.unitCode, ...(action === 'rate' ? { satisfied: details.payload.satisfied === true } : {}) });
    const seq = row.event_count + 1;
    await appendFeedbackEvent(trx, ctx.provinceCode, row.code, {
      seq, type: action, at: now, actorUsername: null, actorRoles: [], actorUnitCode: null, fromStatus: state.status, toStatus: next.status,
      fromUnitCode: state.unitCode, toUnitCode: state.unitCode, text: details.text, payload: details.payload,
    }).catch(() => {
      throw conflict('CONCURRENT_ACTION', 'Câu hỏi, phản ánh vừa được cập nhật; vui lòng tải lại và thử lại.');
    });
    const calendar = await feedbackCalendar(ctx, trx);
    const moved = await advanceFeedback(trx, ctx.provinceCode, row.code, row.event_count, {
      ...cacheOf(calendar, next, at), at: now, ...(next.rating ? { rating: { satisfied: next.rating.satisfied, at: new Date(next.rating.at) } } : {}),
    });
    if (!moved) throw conflict('CONCURRENT_ACTION', 'Câu hỏi, phản ánh vừa được cập nhật; vui lòng tải lại và thử lại.');
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor: null, action: `feedback.${action}`, entityType: 'feedback', entityId: row.code,
      details: action === 'rate' ? { satisfied: details.payload.satisfied } : {}, requestId: origin.requestId, address: origin.address });
    return { code: row.code, status: next.status, rating: next.rating ? { satisfied: next.rating.satisfied, at: formatInstantVN(next.rating.at) } : null };
  });
}

/** The sender rates the answer (hài lòng / không hài lòng), once. */
export async function rateFeedback(ctx: ServiceContext, rawCode: string, body: { phone?: string; satisfied: boolean; comment?: string }, origin: RequestOrigin) {
  const comment = body.comment ? checkStaffText(body.comment, 'comment', 0, 1000, 'góp ý') : null;
  if (comment && !comment.ok) throw comment.error;
  return citizenAct(ctx, rawCode, body.phone, 'rate', { text: comment?.ok ? comment.value || null : null, payload: { satisfied: body.satisfied } }, origin);
}

/** The sender gives the information the unit asked for; the answer clock runs again. */
export async function addFeedbackInformation(ctx: ServiceContext, rawCode: string, body: { phone?: string; text: string }, origin: RequestOrigin) {
  const text = checkStaffText(body.text, 'text', 5, 5000, 'thông tin bổ sung');
  if (!text.ok) throw text.error;
  return citizenAct(ctx, rawCode, body.phone, 'info_received', { text: text.value, payload: {} }, origin);
}
