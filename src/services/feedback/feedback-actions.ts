// An officer's step on a message (accept, refuse, ask for more, record the information, answer, publish,
// reassign): the pure transition table decides, the message must be in the officer's unit subtree, the
// event is appended and the cached row moved only if nobody acted in between (one winner, the other
// 409), the sender is notified and the audit log written — one transaction, answered idempotently.
import { conflict, forbidden, invalid, notFound } from '../../domain/errors.ts';
import {
  anonymise,
  applyFeedbackEvent,
  checkFeedbackAction,
  checkStaffText,
  isStaffFeedbackAction,
  normaliseTrackingCode,
  type FeedbackEventType,
  type StaffFeedbackAction,
} from '../../domain/feedback/index.ts';
import { isValidAt } from '../../domain/network/unit.ts';
import { formatInstantVN } from '../../domain/time/instant.ts';
import { appendAudit } from '../../store/audit.ts';
import { advanceFeedback, appendFeedbackEvent, findFeedback, listFeedbackEvents, type FeedbackRow } from '../../store/feedback.ts';
import { insertPublication } from '../../store/feedback-publications.ts';
import { findUnit } from '../../store/units.ts';
import type { Db } from '../../store/database.ts';
import { anyInScope } from '../admin-checks.ts';
import { runIdempotent } from '../idempotency.ts';
import type { Actor, RequestOrigin, ServiceContext } from '../context.ts';
import { cacheOf, feedbackCalendar, stateOfRecords } from './feedback-state.ts';
import { notifySender, type FeedbackTemplate } from './feedback-notify.ts';

export interface FeedbackActionBody {
  type: string;
  idempotencyKey: string;
  /** refuse: the reason; reassign: why it goes elsewhere. */
  reason?: string;
  /** request_info: what is missing; info_received: what the citizen said; answer: the answer; accept: a note. */
  text?: string;
  /** reassign */
  toUnitCode?: string;
  /** publish: the public (anonymised) texts; default: the anonymised original question and answer. */
  publicQuestion?: string;
  publicAnswer?: string;
}

export interface FeedbackActionAnswer {
  code: string;
  action: string;
  seq: number;
  status: string;
  unitCode: string;
  at: string;
}

export function requireFeedbackCode(raw: string): string {
  const code = normaliseTrackingCode(raw);
  if (!code) throw notFound('FEEDBACK_NOT_FOUND', `Không có câu hỏi, phản ánh mã "${raw}".`);
  return code;
}

/** Throws 403 (recorded) when the message is not in the officer's unit subtree. */
export async function requireFeedbackScope(ctx: ServiceContext, actor: Actor, row: FeedbackRow, origin: RequestOrigin): Promise<void> {
  if (await anyInScope(ctx.db, actor, [row.unit_code])) return;
  await appendAudit(ctx.db, { provinceCode: ctx.provinceCode, at: ctx.now(), actor, action: 'feedback.access_denied', entityType: 'feedback', entityId: row.code,
    requestId: origin.requestId, address: origin.address });
  throw forbidden('OUT_OF_SCOPE', 'Câu hỏi, phản ánh này không thuộc đơn vị của bạn.');
}

export async function actOnFeedback(ctx: ServiceContext, actor: Actor, rawCode: string, body: FeedbackActionBody, origin: RequestOrigin): Promise<FeedbackActionAnswer> {
  const code = requireFeedbackCode(rawCode);
  const row = await findFeedback(ctx.db, ctx.provinceCode, code);
  if (!row) throw notFound('FEEDBACK_NOT_FOUND', `Không có câu hỏi, phản ánh mã "${rawCode}".`);
  const { idempotencyKey, ...fingerprint } = body;
  // A retry after success must get the first answer even though the message may have moved out of scope.
  return (await runIdempotent(ctx.db, { scope: actor.username, key: idempotencyKey, command: `feedback.action:${code}`, request: fingerprint },
    (trx) => act(ctx, trx, actor, code, body, origin)).catch(async (error) => {
    if (error instanceof ScopeDenied) await requireFeedbackScope(ctx, actor, row, origin);
    throw error;
  })).answer;
}

class ScopeDenied extends Error {}

const TEMPLATE_OF: Partial<Record<FeedbackEventType, FeedbackTemplate>> = {
  refuse: 'feedback.refused',
  request_info: 'feedback.info_requested',
  answer: 'feedback.answered',
  publish: 'feedback.published',
};

async function act(ctx: ServiceContext, trx: Db, actor: Actor, code: string, body: FeedbackActionBody, origin: RequestOrigin): Promise<FeedbackActionAnswer> {
  const now = ctx.now();
  const at = now.getTime();
  const row = await findFeedback(trx, ctx.provinceCode, code);
  if (!row) throw notFound('FEEDBACK_NOT_FOUND', `Không có câu hỏi, phản ánh mã "${code}".`);
  if (!(await anyInScope(trx, actor, [row.unit_code]))) throw new ScopeDenied();
  if (!isStaffFeedbackAction(body.type)) throw invalid('UNKNOWN_ACTION', `Thao tác "${body.type}" không tồn tại.`, { field: 'type', value: body.type });
  const action: StaffFeedbackAction = body.type;
  const events = await listFeedbackEvents(trx, ctx.provinceCode, code);
  const state = stateOfRecords(events);
  const check = checkFeedbackAction(state, action, { kind: 'staff', roles: actor.roles });
  if (!check.ok) throw check.error;

  const details = await detailsOf(trx, ctx, row, action, body, at);
  const next = applyFeedbackEvent(state, { type: action, at, unitCode: details.toUnitCode });
  const seq = row.event_count + 1;
  await appendFeedbackEvent(trx, ctx.provinceCode, code, {
    seq, type: action, at: now, actorUsername: actor.username, actorRoles: actor.roles, actorUnitCode: actor.unitCode,
    fromStatus: state.status, toStatus: next.status, fromUnitCode: state.unitCode, toUnitCode: details.toUnitCode, text: details.text, payload: details.payload,
  }).catch((error: unknown) => {
    if (/duplicate key|unique/i.test(String((error as Error).message))) throw concurrent();
    throw error;
  });
  const calendar = await feedbackCalendar(ctx, trx);
  const moved = await advanceFeedback(trx, ctx.provinceCode, code, row.event_count, {
    ...cacheOf(calendar, next, at), at: now, ...(action === 'answer' ? { answer: details.text } : {}),
  });
  if (!moved) throw concurrent();
  if (action === 'publish') {
    await insertPublication(trx, ctx.provinceCode, {
      feedbackCode: code, procedureCode: row.procedure_code, field: row.field, kind: row.kind,
      question: String(details.payload.publicQuestion), answer: String(details.payload.publicAnswer), unitCode: state.unitCode, publishedAt: now,
    });
  }
  await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: `feedback.${action}`, entityType: 'feedback', entityId: code,
    details: { from: state.status, to: next.status, fromUnit: state.unitCode, toUnit: details.toUnitCode }, requestId: origin.requestId, address: origin.address });
  const template = TEMPLATE_OF[action];
  if (template) {
    await notifySender(trx, ctx.provinceCode, row, template, seq, {
      text: action === 'publish' ? null : details.text,
      ...(action === 'answer' || action === 'publish' ? { canRate: true } : {}),
    });
  }
  return { code, action, seq, status: next.status, unitCode: details.toUnitCode, at: formatInstantVN(at) };
}

async function detailsOf(trx: Db, ctx: ServiceContext, row: FeedbackRow, action: StaffFeedbackAction, body: FeedbackActionBody, at: number) {
  const keep = { toUnitCode: row.unit_code, text: null as string | null, payload: {} as Record<string, unknown> };
  const need = (value: string | undefined, field: string, min: number, max: number, what: string) => {
    const checked = checkStaffText(value, field, min, max, what);
    if (!checked.ok) throw checked.error;
    return checked.value;
  };
  switch (action) {
    case 'accept':
      return { ...keep, text: body.text ? need(body.text, 'text', 1, 2000, 'ghi chú') : null };
    case 'refuse':
      return { ...keep, text: need(body.reason, 'reason', 5, 2000, 'lý do từ chối') };
    case 'request_info':
      return { ...keep, text: need(body.text, 'text', 5, 2000, 'nội dung cần bổ sung') };
    case 'info_received':
      return { ...keep, text: need(body.text, 'text', 1, 5000, 'thông tin bổ sung') };
    case 'answer':
      return { ...keep, text: need(body.text, 'text', 10, 10000, 'nội dung trả lời') };
    case 'publish': {
      const sender = { fullName: row.full_name, phone: row.phone, email: row.email };
      const question = need(anonymise(body.publicQuestion ?? row.text, sender), 'publicQuestion', 10, 5000, 'câu hỏi công khai');
      const answer = need(anonymise(body.publicAnswer ?? row.answer ?? '', sender), 'publicAnswer', 10, 10000, 'câu trả lời công khai');
      return { ...keep, payload: { publicQuestion: question, publicAnswer: answer } };
    }
    case 'reassign': {
      const to = (body.toUnitCode ?? '').trim();
      const unit = to ? await findUnit(trx, to) : undefined;
      if (!unit || unit.provinceCode !== ctx.provinceCode || !isValidAt(unit, at)) {
        throw invalid('UNKNOWN_UNIT', `Không có đơn vị đang hoạt động mã "${to}".`, { field: 'toUnitCode', value: to });
      }
      if (unit.code === row.unit_code) throw conflict('SAME_UNIT', 'Câu hỏi, phản ánh đã thuộc đơn vị này.', { field: 'toUnitCode' });
      return { ...keep, toUnitCode: unit.code, text: need(body.reason, 'reason', 5, 2000, 'lý do chuyển') };
    }
  }
}

const concurrent = () => conflict('CONCURRENT_ACTION', 'Câu hỏi, phản ánh vừa được người khác xử lý; vui lòng tải lại và thử lại.');
