// Receiving a question or feedback (contract: POST /public/feedback; officers enter one at a counter on the
// citizen's behalf with the same checks). In one transaction: the per-address limit, the topic checks
// (procedure in the catalog; dossier code linked only when the phone matches), routing to the responsible
// unit, the tracking code, the first event, the audit entry and the acknowledgement to the sender.
import { randomBytes } from 'node:crypto';
import { invalid, rateLimited } from '../../domain/errors.ts';
import { formatTrackingCode, routeFeedback, validateSubmission, type FeedbackSubmission, type FeedbackSubmissionInput } from '../../domain/feedback/index.ts';
import { normaliseDossierCode } from '../../domain/dossier/index.ts';
import { competentDepartmentCode } from '../../domain/network/competent-department.ts';
import { unitCodes } from '../../domain/network/binh-duong-network.ts';
import { isValidAt } from '../../domain/network/unit.ts';
import { formatInstantVN } from '../../domain/time/instant.ts';
import { appendAudit } from '../../store/audit.ts';
import { findDossier } from '../../store/dossiers.ts';
import { appendFeedbackEvent, feedbackCodeTaken, insertFeedback, lockAndCountRecentFromAddress } from '../../store/feedback.ts';
import { versionAt } from '../../store/procedures.ts';
import { findUnit } from '../../store/units.ts';
import type { Db } from '../../store/database.ts';
import { runIdempotent } from '../idempotency.ts';
import type { Actor, RequestOrigin, ServiceContext } from '../context.ts';
import { cacheOf, feedbackCalendar } from './feedback-state.ts';
import { notifySender } from './feedback-notify.ts';
import { replayFeedback } from '../../domain/feedback/index.ts';

export interface SubmitRequest extends FeedbackSubmissionInput {
  /** Honeypot: a field people never see. Anything in it means a robot filled the form. */
  website?: unknown;
  idempotencyKey?: string | undefined;
}

export interface SubmitAnswer {
  code: string;
  status: string;
  dueAt: string;
}

export interface SubmitChannel {
  channel: 'portal' | 'counter';
  /** The officer entering it at a counter. */
  actor?: Actor | undefined;
  /** A signed-in citizen (OpenID Connect subject), when the portal knows one. */
  citizenSubject?: string | undefined;
}

export async function submitFeedback(ctx: ServiceContext, request: SubmitRequest, origin: RequestOrigin, via: SubmitChannel = { channel: 'portal' }): Promise<SubmitAnswer> {
  if (via.channel === 'portal' && request.website !== undefined && request.website !== null && request.website !== '') {
    await appendAudit(ctx.db, { provinceCode: ctx.provinceCode, at: ctx.now(), actor: null, action: 'feedback.spam_refused', entityType: 'feedback', entityId: null,
      requestId: origin.requestId, address: origin.address });
    throw invalid('SPAM_SUSPECTED', 'Không gửi được: biểu mẫu có trường ẩn được điền (dấu hiệu gửi tự động). Vui lòng tải lại trang và gửi lại.', { field: 'website' });
  }
  const checked = validateSubmission(request);
  if (!checked.ok) throw checked.error;
  const submission = checked.value;
  const { idempotencyKey, website: _honeypot, ...fingerprint } = request;
  const act = (trx: Db) => receive(ctx, trx, submission, origin, via);
  if (!idempotencyKey) return ctx.db.transaction().execute(act);
  const scope = via.actor ? via.actor.username : `feedback:${submission.phone}`;
  const { answer } = await runIdempotent(ctx.db, { scope, key: idempotencyKey, command: 'feedback.submit', request: fingerprint }, act);
  return answer;
}

async function receive(ctx: ServiceContext, trx: Db, s: FeedbackSubmission,
  origin: RequestOrigin, via: SubmitChannel): Promise<SubmitAnswer> {
  const now = ctx.now();
  const at = now.getTime();
  if (via.channel === 'portal') {
    const since = new Date(at - ctx.settings.feedbackWindowMinutes * 60_000);
    const recent = await lockAndCountRecentFromAddress(trx, ctx.provinceCode, origin.address, since);
    if (recent >= ctx.settings.feedbackMaxPerAddress) {
      throw rateLimited('RATE_LIMITED', `Đã nhận ${recent} câu hỏi, phản ánh từ địa chỉ này trong ${ctx.settings.feedbackWindowMinutes} phút qua. Vui lòng thử lại sau, hoặc gọi đường dây nóng của Trung tâm.`,
        { retryAfterSeconds: ctx.settings.feedbackWindowMinutes * 60 });
    }
  }

  let procedureName: string | null = null;
  let procedureAgencyCode: string | null = null;
  let field = s.field;
  if (s.procedureCode) {
    const version = await versionAt(trx, ctx.provinceCode, s.procedureCode, now);
    if (!version) throw invalid('UNKNOWN_PROCEDURE', `Không có thủ tục mã "${s.procedureCode}" trong danh mục đang áp dụng.`, { field: 'procedureCode', value: s.procedureCode });
    const content = version.content;
    procedureName = content.name;
    field ??= content.field;
    if (content.level === 'province') {
      const code = competentDepartmentCode({ competentAuthority: content.agencies.competent, issuingMinistry: content.issuingMinistry, field: content.field }, ctx.provinceCode);
      const unit = await findUnit(trx, code);
      if (unit && unit.type === 'agency' && isValidAt(unit, at)) procedureAgencyCode = unit.code;
    }
  }

  // A dossier is linked only when the sender's phone is the applicant's; otherwise the message is kept
  // (with the code as typed, for the officer) and the answer says nothing about the dossier.
  const dossierCode = s.dossierCode ? normaliseDossierCode(s.dossierCode) : null;
  const dossier = dossierCode ? await findDossier(trx, ctx.provinceCode, dossierCode) : undefined;
  const linked = dossier && dossier.applicantPhone === s.phone ? dossier : undefined;

  const routing = routeFeedback({ centerCode: unitCodes.center(ctx.provinceCode), linkedDossier: linked ?? null, procedureAgencyCode });
  const code = await newCode(trx, ctx.provinceCode, at);
  const calendar = await feedbackCalendar(ctx, trx);
  const state = replayFeedback([{ type: 'submitted', at, unitCode: routing.unitCode }]);
  const cache = cacheOf(calendar, state, at);

  await insertFeedback(trx, ctx.provinceCode, {
    code, kind: s.kind, channel: via.channel, procedure_code: s.procedureCode, procedure_name: procedureName, field,
    claimed_dossier_code: s.dossierCode, dossier_code: linked?.code ?? null, full_name: s.fullName, phone: s.phone, email: s.email, text: s.text,
    citizen_subject: via.citizenSubject ?? null, submitted_by: via.actor?.username ?? null, submitted_address: origin.address,
    unit_code: routing.unitCode, routing_basis: routing.basis, status: 'received', received_at: now, resolve_due_at: cache.resolveDueAt,
    next_due_at: cache.nextDueAt, classified_at: null, answered_at: null, published_at: null, answer: null, rating_satisfied: null, rated_at: null,
  });
  await appendFeedbackEvent(trx, ctx.provinceCode, code, {
    seq: 1, type: 'submitted', at: now, actorUsername: via.actor?.username ?? null, actorRoles: via.actor?.roles ?? [], actorUnitCode: via.actor?.unitCode ?? null,
    fromStatus: null, toStatus: 'received', fromUnitCode: null, toUnitCode: routing.unitCode, text: null,
    payload: { channel: via.channel, routingBasis: routing.basis },
  });
  await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor: via.actor ?? null, action: 'feedback.submitted', entityType: 'feedback', entityId: code,
    details: { kind: s.kind, channel: via.channel, unitCode: routing.unitCode, routingBasis: routing.basis, linkedDossier: linked?.code ?? null },
    requestId: origin.requestId, address: origin.address });
  const dueAt = formatInstantVN(cache.resolveDueAt.getTime());
  await notifySender(trx, ctx.provinceCode, { code, phone: s.phone, email: s.email, full_name: s.fullName }, 'feedback.received', 1, { dueAt, kind: s.kind });
  return { code, status: 'received', dueAt };
}

async function newCode(trx: Db, provinceCode: string, at: number): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = formatTrackingCode(at, randomBytes(6));
    if (!(await feedbackCodeTaken(trx, provinceCode, code))) return code;
  }
  throw new Error('could not draw a free feedback tracking code');
}
