// Reading messages: the officer's list (open / overdue / all, for the unit or its subtree, most urgent
// first), one message with its history, deadlines and the actions allowed now, the indicators 5.1–5.3,
// complaints linked to a dossier, indicator 5.4's count, and the public Q&A.
import { createHash } from 'node:crypto';
import { invalid, notFound } from '../../domain/errors.ts';
import {
  ACTION_LABELS_VI,
  allowedFeedbackActions,
  FEEDBACK_STATUS_LABELS_VI,
  feedbackIndicators,
  KIND_LABELS_VI,
  type FeedbackEventType,
} from '../../domain/feedback/index.ts';
import { maskPhone } from '../../domain/dossier/index.ts';
import { prepareSearchQuery } from '../../domain/catalog/search-query.ts';
import { formatInstantVN, parseDateOrInstant } from '../../domain/time/instant.ts';
import { findDossier } from '../../store/dossiers.ts';
import {
  complaintsOfDossier,
  dossiersWithComplaint,
  feedbackForIndicators,
  findFeedback,
  listEventsOf,
  listFeedbackEvents,
  listFeedbackForUnits,
  openCountsByUnit,
  type FeedbackRow,
} from '../../store/feedback.ts';
import { searchPublications } from '../../store/feedback-publications.ts';
import { listNotificationsFor } from '../../store/notifications.ts';
import { findUnit, subtreeCodesOf } from '../../store/units.ts';
import { requireDossierScope } from '../dossier-access.ts';
import { requireUnitInScope } from '../admin-checks.ts';
import type { Actor, RequestOrigin, ServiceContext } from '../context.ts';
import { requireFeedbackCode, requireFeedbackScope } from './feedback-actions.ts';
import { attachmentsOfFeedback } from './feedback-attachments.ts';
import { feedbackCalendar, feedbackDeadlines, openWork, stateOfRecords } from './feedback-state.ts';

const iso = (d: Date | null) => (d ? formatInstantVN(d.getTime()) : null);

function summaryOf(row: FeedbackRow, urgency: string) {
  return {
    code: row.code,
    kind: row.kind,
    kindLabel: KIND_LABELS_VI[row.kind],
    status: row.status,
    statusLabel: FEEDBACK_STATUS_LABELS_VI[row.status],
    unitCode: row.unit_code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    field: row.field,
    fullName: row.full_name,
    phone: maskPhone(row.phone),
    excerpt: [...row.text].slice(0, 160).join(''),
    receivedAt: formatInstantVN(row.received_at.getTime()),
    nextDueAt: iso(row.next_due_at),
    dueAt: formatInstantVN(row.resolve_due_at.getTime()),
    urgency,
    dossierLinked: row.dossier_code !== null,
  };
}

export interface FeedbackListParams {
  filter: 'open' | 'overdue' | 'all';
  subtree?: boolean | undefined;
  unitCode?: string | undefined;
  limit: number;
  offset: number;
}

export async function listFeedback(ctx: ServiceContext, actor: Actor, q: FeedbackListParams) {
  const root = q.unitCode ?? actor.unitCode;
  if (q.unitCode) await requireUnitInScope(ctx.db, actor, q.unitCode);
  const units = q.subtree ? await subtreeCodesOf(ctx.db, root) : [root];
  const now = ctx.now();
  const result = await listFeedbackForUnits(ctx.db, ctx.provinceCode, { unitCodes: units, filter: q.filter, now, limit: q.limit, offset: q.offset });
  const calendar = await feedbackCalendar(ctx);
  const events = await listEventsOf(ctx.db, ctx.provinceCode, result.items.map((r) => r.code));
  return {
    total: result.total,
    // The managers' overview of the same scope: open and overdue per unit (units with nothing open omitted).
    byUnit: await openCountsByUnit(ctx.db, ctx.provinceCode, units, now),
    items: result.items.map((row) => summaryOf(row, openWork(calendar, stateOfRecords(events.get(row.code) ?? []), now.getTime()).urgency)),
  };
}

export async function getFeedback(ctx: ServiceContext, actor: Actor, rawCode: string, origin: RequestOrigin) {
  const code = requireFeedbackCode(rawCode);
  const row = await findFeedback(ctx.db, ctx.provinceCode, code);
  if (!row) throw notFound('FEEDBACK_NOT_FOUND', `Không có câu hỏi, phản ánh mã "${rawCode}".`);
  await requireFeedbackScope(ctx, actor, row, origin);
  const events = await listFeedbackEvents(ctx.db, ctx.provinceCode, code);
  const state = stateOfRecords(events);
  const now = ctx.now().getTime();
  const calendar = await feedbackCalendar(ctx);
  const unitName = async (unitCode: string | null) => (unitCode ? (await findUnit(ctx.db, unitCode))?.name ?? unitCode : null);
  return {
    ...summaryOf(row, openWork(calendar, state, now).urgency),
    unitName: await unitName(row.unit_code),
    channel: row.channel,
    text: row.text,
    phone: row.phone,
    email: row.email,
    answer: row.answer,
    routingBasis: row.routing_basis,
    // The officer sees the code the sender typed, and whether it was verified against the phone.
    claimedDossierCode: row.claimed_dossier_code,
    dossierCode: row.dossier_code,
    rating: row.rated_at ? { satisfied: row.rating_satisfied === true, at: iso(row.rated_at) } : null,
    deadlines: feedbackDeadlines(calendar, state, now).map((d) => ({ kind: d.kind, dueAt: formatInstantVN(d.dueAt), doneAt: d.doneAt === null ? null : formatInstantVN(d.doneAt), state: d.state })),
    allowedActions: allowedFeedbackActions(state, actor.roles),
    history: await Promise.all(events.map(async (e) => ({
      seq: e.seq, type: e.type, label: ACTION_LABELS_VI[e.type as FeedbackEventType] ?? e.type, at: formatInstantVN(e.at.getTime()),
      actorUsername: e.actorUsername, actorUnitCode: e.actorUnitCode, fromStatus: e.fromStatus, toStatus: e.toStatus,
      fromUnitCode: e.fromUnitCode, toUnitCode: e.toUnitCode, toUnitName: e.fromUnitCode !== e.toUnitCode ? await unitName(e.toUnitCode) : null, text: e.text,
    }))),
    // Files the sender or the counter officer sent: for the handling unit only (never in the public Q&A).
    attachments: (await attachmentsOfFeedback(ctx, code)).map((a) => ({ ...a, downloadUrl: `/api/v1/feedback/${encodeURIComponent(code)}/attachments/${a.id}` })),
    notifications: (await listNotificationsFor(ctx.db, ctx.provinceCode, 'feedback', code)).map((n) => ({
      channel: n.channel, template: n.template, status: n.status, createdAt: formatInstantVN(n.createdAt.getTime()),
    })),
  };
}

function period(from: string, to: string): { from: Date; to: Date } {
  const start = parseDateOrInstant(from, 'from');
  // A date `to` includes that whole day.
  const end = parseDateOrInstant(to, 'to') + (/^\d{4}-\d{2}-\d{2}$/.test(to) ? 86_400_000 : 0);
  if (end <= start) throw invalid('INVALID_PERIOD', 'Ngày kết thúc phải sau ngày bắt đầu.', { field: 'to' });
  return { from: new Date(start), to: new Date(end) };
}

/** Indicators 5.1–5.3 for a unit's subtree over a period (dates inclusive), judged at the period's end or now. */
export async function feedbackIndicatorsFor(ctx: ServiceContext, actor: Actor, q: { from: string; to: string; unitCode?: string | undefined }) {
  const unitCode = q.unitCode ?? actor.unitCode;
  await requireUnitInScope(ctx.db, actor, unitCode);
  const { from, to } = period(q.from, q.to);
  const units = await subtreeCodesOf(ctx.db, unitCode);
  const rows = await feedbackForIndicators(ctx.db, ctx.provinceCode, units, from, to);
  const events = await listEventsOf(ctx.db, ctx.provinceCode, rows.map((r) => r.code));
  const calendar = await feedbackCalendar(ctx);
  const judgedAt = Math.min(to.getTime(), ctx.now().getTime());
  const items = rows.map((row) => {
    const state = stateOfRecords(events.get(row.code) ?? []);
    return { kind: row.kind, state, deadlines: feedbackDeadlines(calendar, state, judgedAt) };
  });
  const complaints = await dossiersWithComplaint(ctx.db, ctx.provinceCode, { unitCodes: units, from, to });
  return {
    unitCode,
    from: formatInstantVN(from.getTime()),
    to: formatInstantVN(to.getTime()),
    ...feedbackIndicators(items, from.getTime(), to.getTime()),
    dossiersWithComplaint: complaints.reduce((n, c) => n + c.dossiers, 0),
  };
}

/** Indicator 5.4's numerator for the stats module: dossiers with a complaint, per unit, in a period. */
export async function dossiersWithComplaintFor(ctx: ServiceContext, q: { unitCodes: readonly string[]; from: Date; to: Date }) {
  return dossiersWithComplaint(ctx.db, ctx.provinceCode, q);
}

/** Complaints linked to a dossier (its staff page); same scope as the dossier. */
export async function complaintsForDossier(ctx: ServiceContext, actor: Actor, dossierCode: string, origin: RequestOrigin) {
  const dossier = await findDossier(ctx.db, ctx.provinceCode, dossierCode);
  if (!dossier) throw notFound('DOSSIER_NOT_FOUND', `Không có hồ sơ mã "${dossierCode}".`);
  await requireDossierScope(ctx, actor, dossier, origin);
  const rows = await complaintsOfDossier(ctx.db, ctx.provinceCode, dossier.code);
  return {
    items: rows.map((row) => ({
      code: row.code, kind: row.kind, kindLabel: KIND_LABELS_VI[row.kind], status: row.status, statusLabel: FEEDBACK_STATUS_LABELS_VI[row.status],
      receivedAt: formatInstantVN(row.received_at.getTime()), unitCode: row.unit_code, text: row.text, answer: row.answer,
      rating: row.rated_at ? { satisfied: row.rating_satisfied === true } : null,
    })),
  };
}

/** Public Q&A: published answers, newest first, by procedure and/or accent-insensitive words. */
export async function searchPublicQuestions(ctx: ServiceContext, q: { q?: string | undefined; procedureCode?: string | undefined; limit: number; offset: number }) {
  const prepared = prepareSearchQuery(q.q);
  const result = await searchPublications(ctx.db, { provinceCode: ctx.provinceCode, procedureCode: q.procedureCode, words: prepared?.words, limit: q.limit, offset: q.offset });
  return {
    total: result.total,
    items: result.items.map((p) => ({
      // Not the tracking code: a public page must not hand out what, with a phone, opens the message.
      id: createHash('sha256').update(p.feedbackCode).digest('hex').slice(0, 16), kind: p.kind, kindLabel: KIND_LABELS_VI[p.kind as keyof typeof KIND_LABELS_VI] ?? p.kind,
      procedureCode: p.procedureCode, field: p.field, question: p.question, answer: p.answer, unitName: p.unitName,
      publishedAt: formatInstantVN(p.publishedAt.getTime()),
    })),
  };
}
