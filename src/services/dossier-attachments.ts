// Scanned attachments of a dossier: upload (type recognised from the content, size-limited, checksum
// verified, stored by SHA-256), list and download. The upload is a command like any other — idempotent,
// audited, one transaction for its row — and is exported for other callers: the counter (staff, scoped
// here) and the citizen portal (online filing, with the citizen as the uploader; that caller has already
// checked that the dossier is the citizen's). Refused uploads store nothing, neither bytes nor row.
import { fileTypeFromBuffer } from 'file-type';
import { invalid, notFound } from '../domain/errors.ts';
import {
  isAcceptedMediaType,
  isAttachmentId,
  normaliseDocumentName,
  normaliseFileName,
  normaliseSha256,
} from '../domain/files/attachment-rules.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import { appendAudit } from '../store/audit.ts';
import { findAttachment, insertAttachment, listAttachments, type AttachmentRecord } from '../store/attachments.ts';
import { findDossier, type DossierRecord } from '../store/dossiers.ts';
import { requireDossierScope } from './dossier-access.ts';
import { runIdempotent } from './idempotency.ts';
import { sha256Of, storageOf } from './storage/index.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

/** Who uploads: an officer (checked against the dossier's units here) or a signed-in citizen. */
export type Uploader =
  | { kind: 'staff'; actor: Actor }
  | { kind: 'citizen'; citizenId: string; fullName: string };

export interface UploadRequest {
  dossierCode: string;
  bytes: Uint8Array;
  fileName: string;
  /** The checklist item (thành phần hồ sơ) the scan belongs to. */
  documentName?: string | undefined;
  /** The SHA-256 the client computed (hex); a mismatch refuses the upload. */
  sha256?: string | undefined;
  idempotencyKey: string;
}

export interface AttachmentView {
  id: string;
  dossierCode: string;
  documentName: string | null;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: { kind: 'staff' | 'citizen'; id: string; name: string; unitCode: string | null };
  uploadedAt: string;
  /** The earlier dossier's scan this one reuses (tái sử dụng dữ liệu đã số hóa); null for an upload. */
  reusedFrom: { dossierCode: string; attachmentId: string } | null;
}

export const attachmentView = (a: AttachmentRecord): AttachmentView => ({
  id: a.id,
  dossierCode: a.dossierCode,
  documentName: a.documentName,
  fileName: a.fileName,
  mediaType: a.mediaType,
  size: a.sizeBytes,
  sha256: a.sha256,
  uploadedBy: { kind: a.uploaderKind, id: a.uploaderId, name: a.uploaderName, unitCode: a.uploaderUnitCode },
  uploadedAt: formatInstantVN(a.uploadedAt.getTime()),
  reusedFrom: a.reusedFrom,
});

export const maxUploadBytes = (ctx: ServiceContext): number => ctx.settings.uploadMaxMegabytes * 1024 * 1024;

/** The refusal of a file over the limit (also raised by the HTTP layer before reading the whole body). */
export const fileTooLarge = (maxBytes: number, size?: number) =>
  invalid('FILE_TOO_LARGE', `Tệp đính kèm vượt quá dung lượng cho phép (tối đa ${formatMegabytes(maxBytes)}).`,
    { field: 'file', maxBytes, ...(size !== undefined ? { size } : {}) });

const formatMegabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

/** The checks that need only the bytes, in the order a citizen can act on them. */
export async function checkUpload(ctx: ServiceContext, bytes: Uint8Array, declaredSha256: string | undefined) {
  if (bytes.byteLength === 0) throw invalid('EMPTY_FILE', 'Tệp đính kèm rỗng.', { field: 'file' });
  const maxBytes = maxUploadBytes(ctx);
  if (bytes.byteLength > maxBytes) throw fileTooLarge(maxBytes, bytes.byteLength);
  const detected = await fileTypeFromBuffer(bytes);
  if (!isAcceptedMediaType(detected?.mime)) {
    throw invalid('UNSUPPORTED_FILE_TYPE', 'Chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên tệp).',
      { field: 'file', detected: detected?.mime ?? null, accepted: ['application/pdf', 'image/jpeg', 'image/png'] });
  }
  const sha256 = sha256Of(bytes);
  if (declaredSha256 !== undefined) {
    const declared = normaliseSha256(declaredSha256);
    if (declared === null) throw invalid('INVALID_CHECKSUM', 'Trường "sha256": mã kiểm tra phải gồm 64 ký tự thập lục phân (SHA-256).', { field: 'sha256' });
    if (declared !== sha256) {
      throw invalid('CHECKSUM_MISMATCH', 'Mã kiểm tra (SHA-256) không khớp với nội dung tệp nhận được; tệp có thể bị hỏng khi truyền, vui lòng gửi lại.',
        { field: 'sha256', declared, actual: sha256 });
    }
  }
  return { mediaType: detected.mime, sha256, size: bytes.byteLength };
}

/** Uploads one scan to a dossier. A retried upload (same idempotency key) answers the first result. */
export async function uploadAttachment(ctx: ServiceContext, uploader: Uploader, request: UploadRequest, origin: RequestOrigin): Promise<AttachmentView> {
  const dossier = await findDossier(ctx.db, ctx.provinceCode, request.dossierCode);
  if (!dossier) throw notFound('DOSSIER_NOT_FOUND', `Không có hồ sơ mã "${request.dossierCode}".`);
  if (uploader.kind === 'staff') await requireDossierScope(ctx, uploader.actor, dossier, origin);
  const fileName = normaliseFileName(request.fileName);
  const documentName = normaliseDocumentName(request.documentName);
  const checked = await checkUpload(ctx, request.bytes, request.sha256);
  const who = uploaderFacts(uploader);
  const { answer } = await runIdempotent(ctx.db, {
    scope: who.scope,
    key: request.idempotencyKey,
    command: `dossier.attachment:${dossier.code}`,
    request: { fileName, documentName, sha256: checked.sha256, size: checked.size },
  }, async (trx) => {
    // Bytes first, row second: a row never points at a missing blob. A blob whose transaction then fails
    // is an orphan that a later identical upload reuses.
    await storageOf(ctx).put(checked.sha256, request.bytes);
    const now = ctx.now();
    const record = await insertAttachment(trx, ctx.provinceCode, {
      dossierCode: dossier.code, documentName, fileName, mediaType: checked.mediaType, sizeBytes: checked.size, sha256: checked.sha256,
      uploaderKind: uploader.kind, uploaderId: who.id, uploaderName: who.name, uploaderUnitCode: who.unitCode, uploadedAt: now,
    });
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor: who.auditActor, action: 'dossier.attachment.upload', entityType: 'dossier',
      entityId: dossier.code, details: { attachmentId: record.id, fileName, documentName, mediaType: checked.mediaType, size: checked.size, sha256: checked.sha256 },
      requestId: origin.requestId, address: origin.address });
    return attachmentView(record);
  });
  return answer;
}

export function uploaderFacts(uploader: Uploader) {
  if (uploader.kind === 'staff') {
    const { actor } = uploader;
    return { scope: actor.username, id: actor.username, name: actor.fullName, unitCode: actor.unitCode as string | null, auditActor: actor };
  }
  // Same audit "who" as the portal's citizen actions (no staff role, no unit).
  const username = `citizen:${uploader.citizenId}`;
  return { scope: username, id: uploader.citizenId, name: uploader.fullName, unitCode: null, auditActor: { username, roles: ['citizen'], unitCode: '' } };
}

async function scopedDossier(ctx: ServiceContext, actor: Actor, code: string, origin: RequestOrigin): Promise<DossierRecord> {
  const dossier = await findDossier(ctx.db, ctx.provinceCode, code);
  if (!dossier) throw notFound('DOSSIER_NOT_FOUND', `Không có hồ sơ mã "${code}".`);
  await requireDossierScope(ctx, actor, dossier, origin);
  return dossier;
}

/** The dossier's attachments, oldest first (no access check: for callers that did their own). */
export async function attachmentsOfDossier(ctx: ServiceContext, code: string): Promise<AttachmentView[]> {
  return (await listAttachments(ctx.db, ctx.provinceCode, code)).map(attachmentView);
}

export async function listDossierAttachments(ctx: ServiceContext, actor: Actor, code: string, origin: RequestOrigin): Promise<AttachmentView[]> {
  const dossier = await scopedDossier(ctx, actor, code, origin);
  return attachmentsOfDossier(ctx, dossier.code);
}

/** One attachment with its bytes, checked against their SHA-256 (no access check: see the scoped one). */
export async function openAttachment(ctx: ServiceContext, code: string, id: string): Promise<{ attachment: AttachmentView; bytes: Buffer }> {
  const record = isAttachmentId(id) ? await findAttachment(ctx.db, ctx.provinceCode, code, id) : undefined;
  if (!record) throw notFound('ATTACHMENT_NOT_FOUND', `Hồ sơ "${code}" không có tệp đính kèm "${id}".`);
  const bytes = await storageOf(ctx).get(record.sha256);
  // A row whose bytes are gone is a storage fault, not a client error: it surfaces as a 500 and in the log.
  if (!bytes) throw new Error(`attachment ${record.id} of ${code}: blob ${record.sha256} is missing from the store`);
  return { attachment: attachmentView(record), bytes };
}

/** An officer downloads a scan: scoped like the dossier, and recorded (these are personal papers). */
export async function downloadAttachment(ctx: ServiceContext, actor: Actor, code: string, id: string, origin: RequestOrigin) {
  const dossier = await scopedDossier(ctx, actor, code, origin);
  const opened = await openAttachment(ctx, dossier.code, id);
  await appendAudit(ctx.db, { provinceCode: ctx.provinceCode, at: ctx.now(), actor, action: 'dossier.attachment.download', entityType: 'dossier',
    entityId: dossier.code, details: { attachmentId: id }, requestId: origin.requestId, address: origin.address });
  return opened;
}

