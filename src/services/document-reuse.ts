// Reuse of digitised papers (tái sử dụng dữ liệu đã số hóa; Decree 45/2020 art. 9, Circular 01/2023): a
// scan from an earlier dossier of the same applicant (same identity number) is attached to a new dossier
// instead of being scanned again. The new row points at the same blob and names its source; nothing about
// the source changes. Who may: an officer in the new dossier's scope (the applicant stands at the counter
// with the identity paper, whichever point they chose — phi địa giới), or the citizen signed in with the
// electronic identity whose number the dossier carries. Listing another dossier's papers is a read of
// personal data, so it is audited like any other.
import { conflict, forbidden, invalid, notFound } from '../domain/errors.ts';
import { isAttachmentId, normaliseDocumentName } from '../domain/files/attachment-rules.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import { appendAudit } from '../store/audit.ts';
import { findAttachmentWithApplicant, insertAttachment, listApplicantDocuments } from '../store/attachments.ts';
import { findDossier, type DossierRecord } from '../store/dossiers.ts';
import type { CitizenRecord } from '../store/citizens.ts';
import { attachmentView, uploaderFacts, type AttachmentView, type Uploader } from './dossier-attachments.ts';
import { requireDossierScope } from './dossier-access.ts';
import { runIdempotent } from './idempotency.ts';
import { storageOf } from './storage/index.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

const MAX_LISTED = 50;

/** Who asks: an officer, or a citizen whose own dossier it is (the portal checked ownership). */
export type ReuseRequester = { kind: 'staff'; actor: Actor } | { kind: 'citizen'; citizen: CitizenRecord };

export interface ReusableDocument {
  attachmentId: string;
  dossierCode: string;
  procedureName: string;
  receivedAt: string;
  documentName: string | null;
  fileName: string;
  mediaType: string;
  size: number;
  uploadedAt: string;
}

export interface ReuseRequest {
  sourceAttachmentId: string;
  /** The checklist item in the new dossier; defaults to the source's. */
  documentName?: string | undefined;
  idempotencyKey: string;
}

/** The dossier, checked for the requester, and the identity number whose papers may be reused. */
async function dossierForReuse(ctx: ServiceContext, requester: ReuseRequester, code: string, origin: RequestOrigin): Promise<{ dossier: DossierRecord; idNumber: string }> {
  const dossier = await findDossier(ctx.db, ctx.provinceCode, code);
  if (!dossier) throw notFound('DOSSIER_NOT_FOUND', `Không có hồ sơ mã "${code}".`);
  if (requester.kind === 'staff') {
    await requireDossierScope(ctx, requester.actor, dossier, origin);
  } else if (requester.citizen.idNumber === null || requester.citizen.idNumber !== dossier.applicantIdNumber) {
    // Signed in by a one-time code (no verified identity), or filing for someone else: their papers are not theirs to take.
    throw forbidden('REUSE_NEEDS_IDENTITY', 'Chỉ người nộp đăng nhập bằng định danh điện tử (VNeID) trùng với số giấy tờ của hồ sơ mới dùng lại được giấy tờ đã số hóa.');
  }
  if (!dossier.applicantIdNumber) {
    throw conflict('REUSE_NO_ID_NUMBER', 'Hồ sơ chưa có số giấy tờ tùy thân (CCCD) hoặc mã số thuế của người nộp, nên không tìm được giấy tờ đã số hóa trước đây.');
  }
  return { dossier, idNumber: dossier.applicantIdNumber };
}

/** The applicant's scans from their other dossiers, newest first, one per distinct file. */
export async function reusableDocuments(ctx: ServiceContext, requester: ReuseRequester, code: string, origin: RequestOrigin): Promise<ReusableDocument[]> {
  const { dossier, idNumber } = await dossierForReuse(ctx, requester, code, origin);
  const documents = await listApplicantDocuments(ctx.db, ctx.provinceCode, idNumber, dossier.code, MAX_LISTED);
  await appendAudit(ctx.db, { provinceCode: ctx.provinceCode, at: ctx.now(), actor: uploaderFacts(uploaderOf(requester)).auditActor, action: 'dossier.reusable_documents.read',
    entityType: 'dossier', entityId: dossier.code, details: { sourceDossiers: [...new Set(documents.map((d) => d.dossierCode))] },
    requestId: origin.requestId, address: origin.address });
  return documents.map((d) => ({
    attachmentId: d.id, dossierCode: d.dossierCode, procedureName: d.procedureName, receivedAt: formatInstantVN(d.receivedAt.getTime()),
    documentName: d.documentName, fileName: d.fileName, mediaType: d.mediaType, size: d.sizeBytes, uploadedAt: formatInstantVN(d.uploadedAt.getTime()),
  }));
}

/** Attaches an earlier dossier's scan to this dossier. A retried request (same key) answers the first result. */
export async function reuseDocument(ctx: ServiceContext, requester: ReuseRequester, code: string, request: ReuseRequest, origin: RequestOrigin): Promise<AttachmentView> {
  const { dossier, idNumber } = await dossierForReuse(ctx, requester, code, origin);
  const source = isAttachmentId(request.sourceAttachmentId) ? await findAttachmentWithApplicant(ctx.db, ctx.provinceCode, request.sourceAttachmentId) : undefined;
  // Another person's paper answers exactly like a missing one: its existence is not disclosed.
  if (!source || source.applicantIdNumber !== idNumber || source.dossierCode === dossier.code) {
    throw notFound('REUSABLE_DOCUMENT_NOT_FOUND', 'Không có giấy tờ đã số hóa này trong các hồ sơ trước đây của người nộp.', { field: 'sourceAttachmentId' });
  }
  const documentName = request.documentName === undefined ? source.documentName : normaliseDocumentName(request.documentName);
  if (!(await storageOf(ctx).get(source.sha256))) {
    throw invalid('REUSABLE_DOCUMENT_UNAVAILABLE', 'Tệp của giấy tờ này không còn trong kho lưu trữ; vui lòng scan lại.', { field: 'sourceAttachmentId' });
  }
  const uploader = uploaderOf(requester);
  const who = uploaderFacts(uploader);
  const { answer } = await runIdempotent(ctx.db, {
    scope: who.scope,
    key: request.idempotencyKey,
    command: `dossier.attachment.reuse:${dossier.code}`,
    request: { sourceAttachmentId: source.id, documentName },
  }, async (trx) => {
    const now = ctx.now();
    const record = await insertAttachment(trx, ctx.provinceCode, {
      dossierCode: dossier.code, documentName, fileName: source.fileName, mediaType: source.mediaType, sizeBytes: source.sizeBytes, sha256: source.sha256,
      uploaderKind: uploader.kind, uploaderId: who.id, uploaderName: who.name, uploaderUnitCode: who.unitCode, uploadedAt: now,
      reusedFrom: { dossierCode: source.dossierCode, attachmentId: source.id },
    });
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor: who.auditActor, action: 'dossier.attachment.reuse', entityType: 'dossier',
      entityId: dossier.code, details: { attachmentId: record.id, sourceDossier: source.dossierCode, sourceAttachmentId: source.id, documentName, sha256: source.sha256 },
      requestId: origin.requestId, address: origin.address });
    return attachmentView(record);
  });
  return answer;
}

/** The requester as the attachment rules know them (same scope, name and audit identity as an upload). */
function uploaderOf(requester: ReuseRequester): Uploader {
  return requester.kind === 'staff' ? requester : { kind: 'citizen', citizenId: requester.citizen.id, fullName: requester.citizen.fullName };
}
