// "Hồ sơ của tôi": the signed-in citizen's dossiers (filed online by them, or anywhere under their
// verified identity number), each with its live timeline, due date and what is expected of them now;
// and the online answer to a supplement request, which the officers see at once in the history.
import { conflict, forbidden, invalid, notFound } from '../../domain/errors.ts';
import { historyStepLabel } from '../../domain/dossier/history-labels.ts';
import { SUBMITTED_ONLINE, statusLabelVi } from '../../domain/portal/online-filing.ts';
import { formatInstantVN } from '../../domain/time/instant.ts';
import { appendAction, appendOutbox, findDossier, listActions, type ActionRecord, type DossierRecord } from '../../store/dossiers.ts';
import { findOnlineFiling, findRating, listCitizenDossierCodes, touchDossier, type OnlineFilingRecord } from '../../store/portal.ts';
import { findUnit } from '../../store/units.ts';
import { appendAudit } from '../../store/audit.ts';
import type { CitizenRecord } from '../../store/citizens.ts';
import { clockView, statusFacts } from '../dossier-read.ts';
import { runIdempotent } from '../idempotency.ts';
import { citizenActor } from './citizen-auth.ts';
import { otpIdentityOf } from './citizen-otp.ts';
import { paymentsOf } from './payments.ts';
import { attachmentsOfDossier, uploadAttachment } from '../dossier-attachments.ts';
import type { RequestOrigin, ServiceContext } from '../context.ts';

const iso = (d: Date | null) => (d ? formatInstantVN(d.getTime()) : null);

/** The owner: who filed it online, or the applicant whose identity number the provider verified; a
 * citizen signed in with a one-time code owns the dossiers whose applicant gave that phone or e-mail. */
export function ownsDossier(citizen: CitizenRecord, dossier: DossierRecord, filing: OnlineFilingRecord | undefined): boolean {
  if (filing?.citizenId === citizen.id) return true;
  const contact = otpIdentityOf(citizen);
  if (contact) return contact.channel === 'sms' ? dossier.applicantPhone === contact.identifier : applicantEmailOf(dossier) === contact.identifier;
  if (filing) return false;
  return citizen.idNumber !== null && dossier.applicantIdNumber === citizen.idNumber;
}

function applicantEmailOf(dossier: DossierRecord): string | null {
  const email = (dossier.applicant as { email?: unknown }).email;
  return typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase() : null;
}

async function ownDossier(ctx: ServiceContext, citizen: CitizenRecord, code: string) {
  const dossier = await findDossier(ctx.db, ctx.provinceCode, code);
  if (!dossier) throw notFound('DOSSIER_NOT_FOUND', `Không có hồ sơ mã "${code}".`);
  const filing = await findOnlineFiling(ctx.db, ctx.provinceCode, code);
  if (!ownsDossier(citizen, dossier, filing)) throw forbidden('NOT_YOUR_DOSSIER', 'Hồ sơ này không phải của bạn.');
  return { dossier, filing };
}

type Expected =
  | { kind: 'pay'; amount: number }
  | { kind: 'wait_receipt' }
  | { kind: 'supplement'; reason: string | null; missingDocuments: string[]; requestedAt: string }
  | { kind: 'wait' }
  | { kind: 'collect'; where: 'unit' | 'online' | 'post'; unitName: string }
  | { kind: 'rate' }
  | { kind: 'done' }
  | { kind: 'refused'; reason: string | null };

function lastOfType(actions: readonly ActionRecord[], type: string): ActionRecord | undefined {
  return [...actions].reverse().find((a) => a.type === type);
}

function supplementRequest(actions: readonly ActionRecord[]) {
  const request = lastOfType(actions, 'request_supplement');
  if (!request) return null;
  const body = (request.payload as { request?: { missingDocuments?: string[] } }).request;
  return { reason: request.reason, missingDocuments: body?.missingDocuments ?? [], requestedAt: formatInstantVN(request.at.getTime()) };
}

function expectedOf(dossier: DossierRecord, actions: readonly ActionRecord[], filing: OnlineFilingRecord | undefined, paid: boolean, rated: boolean, returnUnitName: string): Expected {
  const answeredSupplement = (() => {
    const request = lastOfType(actions, 'request_supplement');
    const answer = lastOfType(actions, 'citizen_supplement');
    return request !== undefined && answer !== undefined && answer.seq > request.seq;
  })();
  switch (dossier.status) {
    case SUBMITTED_ONLINE:
      return filing && filing.feeAmount > 0 && !paid ? { kind: 'pay', amount: filing.feeAmount } : { kind: 'wait_receipt' };
    case 'awaiting_supplement':
      return answeredSupplement ? { kind: 'wait' } : { kind: 'supplement', ...supplementRequest(actions)! };
    case 'result_ready':
      return { kind: 'collect', where: filing?.resultDelivery ?? (dossier.returnByPost ? 'post' : 'unit'), unitName: returnUnitName };
    case 'returned':
      return rated ? { kind: 'done' } : { kind: 'rate' };
    case 'rejected':
      return { kind: 'refused', reason: actions[actions.length - 1]?.reason ?? null };
    case 'withdrawn':
      return { kind: 'done' };
    default:
      return filing && filing.feeAmount > 0 && !paid ? { kind: 'pay', amount: filing.feeAmount } : { kind: 'wait' };
  }
}

export async function listCitizenDossiers(ctx: ServiceContext, citizen: CitizenRecord) {
  const codes = await listCitizenDossierCodes(ctx.db, ctx.provinceCode, citizen.id, { idNumber: citizen.idNumber, contact: otpIdentityOf(citizen) });
  const items = [];
  for (const code of codes) {
    const d = await citizenDossier(ctx, citizen, code);
    items.push({ code: d.code, procedureName: d.procedureName, status: d.status, statusLabel: d.statusLabel, submittedAt: d.submittedAt,
      receivedAt: d.receivedAt, dueAt: d.dueAt, expected: d.expected });
  }
  return { items, total: items.length };
}

export async function citizenDossier(ctx: ServiceContext, citizen: CitizenRecord, code: string) {
  const { dossier, filing } = await ownDossier(ctx, citizen, code);
  const actions = await listActions(ctx.db, ctx.provinceCode, code);
  const payments = await paymentsOf(ctx, code);
  const rating = await findRating(ctx.db, ctx.provinceCode, code);
  const nameOf = async (unitCode: string) => (await findUnit(ctx.db, unitCode))?.name ?? unitCode;
  const returnUnitName = await nameOf(dossier.returnUnitCode);
  const paid = payments.some((p) => p.status === 'paid');
  const clock = await clockView(ctx, dossier, actions, ctx.now().getTime());
  return {
    code: dossier.code,
    procedureCode: dossier.procedureCode,
    procedureName: dossier.procedureName,
    channel: dossier.channel,
    ...statusFacts(dossier, actions),
    dueAt: iso(dossier.dueAt),
    remainingText: clock && dossier.finishedAt === null ? clock.remainingText : null,
    overdue: clock?.overdue ?? false,
    receivingUnitName: await nameOf(dossier.receivingUnitCode),
    returnUnitName,
    resultDelivery: filing?.resultDelivery ?? (dossier.returnByPost ? 'post' : 'unit'),
    postalAddress: filing?.postalAddress ?? null,
    applicant: dossier.applicant,
    documents: dossier.documents,
    fee: { amount: filing?.feeAmount ?? 0, paid, payments },
    attachments: (await attachmentsOfDossier(ctx, code)).map((a) => ({ id: a.id, documentName: a.documentName, fileName: a.fileName, size: a.size,
      uploadedAt: a.uploadedAt, byMe: a.uploadedBy.kind === 'citizen' })),
    supplementRequest: dossier.status === 'awaiting_supplement' ? supplementRequest(actions) : null,
    rating: rating ? { overall: rating.overall, ratedAt: formatInstantVN(rating.ratedAt.getTime()), points: rating.points } : null,
    expected: expectedOf(dossier, actions, filing, paid, rating !== undefined, returnUnitName),
    // Officers are shown by their unit, not by name.
    timeline: await Promise.all(actions.map(async (a) => ({
      seq: a.seq, at: formatInstantVN(a.at.getTime()), type: a.type, label: historyStepLabel(a.type), status: a.toStatus, statusLabel: statusLabelVi(a.toStatus),
      reason: a.reason, unitName: a.actorUnitCode ? await nameOf(a.actorUnitCode) : null,
    }))),
  };
}

export interface SupplementAnswer {
  documents: Array<{ name: string; fileIds?: string[] | undefined }>;
  note?: string | undefined;
  idempotencyKey: string;
}

/** The citizen sends the missing documents online; the officer then takes them in (receive_supplement),
 * which restarts or resumes the clock by the procedure's policy. */
export async function answerSupplement(ctx: ServiceContext, citizen: CitizenRecord, code: string, body: SupplementAnswer, origin: RequestOrigin) {
  await ownDossier(ctx, citizen, code);
  if (body.documents.length === 0) throw invalid('DOCUMENTS_REQUIRED', 'Cần gửi ít nhất một giấy tờ bổ sung.', { field: 'documents' });
  const { idempotencyKey, ...fingerprint } = body;
  const { answer } = await runIdempotent(ctx.db, { scope: `citizen:${citizen.id}`, key: idempotencyKey, command: `dossier.citizen_supplement:${code}`, request: fingerprint },
    async (trx) => {
      const now = ctx.now();
      const dossier = (await findDossier(trx, ctx.provinceCode, code))!;
      if (dossier.status !== 'awaiting_supplement') {
        throw conflict('NO_SUPPLEMENT_REQUESTED', 'Hồ sơ không ở trạng thái chờ bổ sung; không cần gửi thêm giấy tờ.', { status: dossier.status });
      }
      const actor = citizenActor(citizen);
      const added = body.documents.map((d) => ({ name: d.name, fileIds: d.fileIds ?? [], source: 'online_supplement', at: formatInstantVN(now.getTime()) }));
      await appendAction(trx, ctx.provinceCode, code, {
        seq: dossier.actionCount + 1, type: 'citizen_supplement', at: now, actorUsername: actor.username, actorRoles: actor.roles,
        actorUnitCode: dossier.receivingUnitCode, fromStatus: dossier.status, toStatus: dossier.status, reason: body.note?.trim() || null,
        payload: { documents: added }, clockEvents: [],
      });
      if (!(await touchDossier(trx, ctx.provinceCode, code, dossier.actionCount, now, [...dossier.documents, ...added]))) {
        throw conflict('CONCURRENT_ACTION', 'Hồ sơ vừa được cập nhật; vui lòng tải lại và gửi lại.');
      }
      await appendOutbox(trx, ctx.provinceCode, 'dossier.supplement_submitted', code, { code, documents: added.length, at: formatInstantVN(now.getTime()) });
      await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: 'dossier.citizen_supplement', entityType: 'dossier', entityId: code,
        details: { documents: added.length }, requestId: origin.requestId, address: origin.address });
      return { code, status: dossier.status, at: formatInstantVN(now.getTime()) };
    });
  return answer;
}

/** The citizen attaches a scan to their dossier while it waits for receipt or for a supplement; the
 * attachments module checks the file (type by content, size, checksum) and records the citizen as uploader. */
/** The citizen's own dossier, when it expects papers from them: while filing online or when asked to supplement. */
export async function requireUploadExpected(ctx: ServiceContext, citizen: CitizenRecord, code: string): Promise<DossierRecord> {
  const { dossier } = await ownDossier(ctx, citizen, code);
  if (dossier.status !== SUBMITTED_ONLINE && dossier.status !== 'awaiting_supplement') {
    throw conflict('UPLOAD_NOT_EXPECTED', 'Chỉ gửi tệp khi nộp hồ sơ (trước khi tiếp nhận) hoặc khi được yêu cầu bổ sung.', { status: dossier.status });
  }
  return dossier;
}

export async function uploadCitizenFile(ctx: ServiceContext, citizen: CitizenRecord, code: string,
  file: { bytes: Uint8Array; fileName: string; documentName?: string | undefined; sha256?: string | undefined; idempotencyKey: string }, origin: RequestOrigin) {
  const dossier = await requireUploadExpected(ctx, citizen, code);
  return uploadAttachment(ctx, { kind: 'citizen', citizenId: citizen.id, fullName: citizen.fullName }, { dossierCode: dossier.code, ...file }, origin);
}
