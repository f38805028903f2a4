// Files sent with a question or feedback: uploaded by the sender (tracking code + phone, from the portal
// right after sending) or by an officer (the one who entered it at a counter, or the handling unit);
// checked like dossier scans (type from the content, size limit, optional SHA-256) and kept in the same
// blob store. Only the handling unit lists and downloads them; the public Q&A never carries them.
import type { FeedbackStatus } from '../../domain/feedback/index.ts';
import { checkAttachment } from '../../domain/feedback/index.ts';
import { notFound } from '../../domain/errors.ts';
import { isAttachmentId, normaliseFileName } from '../../domain/files/attachment-rules.ts';
import { formatInstantVN } from '../../domain/time/instant.ts';
import { appendAudit } from '../../store/audit.ts';
import { findFeedback, type FeedbackRow } from '../../store/feedback.ts';
import {
  findFeedbackAttachment,
  insertFeedbackAttachment,
  listFeedbackAttachments,
  lockAndCountAttachments,
  type FeedbackAttachmentRecord,
} from '../../store/feedback-attachments.ts';
import { anyInScope } from '../admin-checks.ts';
import { checkUpload } from '../dossier-attachments.ts';
import { runIdempotent } from '../idempotency.ts';
import { storageOf } from '../storage/index.ts';
import type { Actor, RequestOrigin, ServiceContext } from '../context.ts';
import { requireFeedbackCode, requireFeedbackScope } from './feedback-actions.ts';
import { findForSender } from './feedback-citizen.ts';

export type FeedbackUploader = { kind: 'sender'; phone: string | undefined } | { kind: 'staff'; actor: Actor };

export interface FeedbackUploadRequest {
  bytes: Uint8Array;
  fileName: string;
  sha256?: string | undefined;
  idempotencyKey: string;
}

export interface FeedbackAttachmentView {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  uploadedBy: 'sender' | 'staff';
  uploaderUsername: string | null;
  uploadedAt: string;
}

const view = (a: FeedbackAttachmentRecord): FeedbackAttachmentView => ({
  id: a.id, fileName: a.fileName, mediaType: a.mediaType, size: a.sizeBytes, uploadedBy: a.uploaderKind, uploaderUsername: a.uploaderId,
  uploadedAt: formatInstantVN(a.uploadedAt.getTime()),
});

/** The officer may add files to a message they entered at a counter, or to one of their unit subtree's. */
async function requireStaffUploader(ctx: ServiceContext, actor: Actor, row: FeedbackRow, origin: RequestOrigin): Promise<void> {
  if (row.submitted_by === actor.username) return;
  await requireFeedbackScope(ctx, actor, row, origin);
}

export async function uploadFeedbackAttachment(ctx: ServiceContext, rawCode: string, uploader: FeedbackUploader, request: FeedbackUploadRequest,
  origin: RequestOrigin): Promise<FeedbackAttachmentView> {
  let row: FeedbackRow;
  if (uploader.kind === 'sender') {
    // Same "not found" as the tracking page for a wrong code or phone: nothing to probe.
    row = await findForSender(ctx.db, ctx.provinceCode, rawCode, uploader.phone);
  } else {
    const code = requireFeedbackCode(rawCode);
    const found = await findFeedback(ctx.db, ctx.provinceCode, code);
    if (!found) throw notFound('FEEDBACK_NOT_FOUND', `Không có câu hỏi, phản ánh mã "${rawCode}".`);
    row = found;
    await requireStaffUploader(ctx, uploader.actor, row, origin);
  }
  const fileName = normaliseFileName(request.fileName);
  const checked = await checkUpload(ctx, request.bytes, request.sha256);
  const actor = uploader.kind === 'staff' ? uploader.actor : null;
  const { answer } = await runIdempotent(ctx.db, {
    scope: actor ? actor.username : `feedback:${row.code}`,
    key: request.idempotencyKey,
    command: `feedback.attachment:${row.code}`,
    request: { fileName, sha256: checked.sha256, size: checked.size },
  }, async (trx) => {
    const locked = await lockAndCountAttachments(trx, ctx.provinceCode, row.code);
    if (!locked) throw notFound('FEEDBACK_NOT_FOUND', `Không có câu hỏi, phản ánh mã "${row.code}".`);
    const allowed = checkAttachment(locked.status as FeedbackStatus, locked.count);
    if (!allowed.ok) throw allowed.error;
    // Bytes first, row second: a row never points at a missing blob (see dossier-attachments.ts).
    await storageOf(ctx).put(checked.sha256, request.bytes);
    const now = ctx.now();
    const record = await insertFeedbackAttachment(trx, ctx.provinceCode, {
      feedbackCode: row.code, fileName, mediaType: checked.mediaType, sizeBytes: checked.size, sha256: checked.sha256,
      uploaderKind: uploader.kind, uploaderId: actor?.username ?? null, uploadedAt: now,
    });
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: 'feedback.attachment.upload', entityType: 'feedback', entityId: row.code,
      details: { attachmentId: record.id, fileName, mediaType: checked.mediaType, size: checked.size, sha256: checked.sha256, by: uploader.kind },
      requestId: origin.requestId, address: origin.address });
    return view(record);
  });
  return answer;
}

/** The files of a message, oldest first (no access check: for callers that did their own). */
export async function attachmentsOfFeedback(ctx: ServiceContext, code: string): Promise<FeedbackAttachmentView[]> {
  return (await listFeedbackAttachments(ctx.db, ctx.provinceCode, code)).map(view);
}

/** The handling unit downloads a file (scoped like the message; recorded: these may be personal papers). */
export async function downloadFeedbackAttachment(ctx: ServiceContext, actor: Actor, rawCode: string, id: string, origin: RequestOrigin) {
  const code = requireFeedbackCode(rawCode);
  const row = await findFeedback(ctx.db, ctx.provinceCode, code);
  if (!row) throw notFound('FEEDBACK_NOT_FOUND', `Không có câu hỏi, phản ánh mã "${rawCode}".`);
  await requireFeedbackScope(ctx, actor, row, origin);
  const record = isAttachmentId(id) ? await findFeedbackAttachment(ctx.db, ctx.provinceCode, code, id) : undefined;
  if (!record) throw notFound('ATTACHMENT_NOT_FOUND', `Câu hỏi, phản ánh "${code}" không có tệp đính kèm "${id}".`);
  const bytes = await storageOf(ctx).get(record.sha256);
  // A row whose bytes are gone is a storage fault, not a client error: a 500 and a line in the log.
  if (!bytes) throw new Error(`feedback attachment ${record.id} of ${code}: blob ${record.sha256} is missing from the store`);
  await appendAudit(ctx.db, { provinceCode: ctx.provinceCode, at: ctx.now(), actor, action: 'feedback.attachment.download', entityType: 'feedback',
    entityId: code, details: { attachmentId: id }, requestId: origin.requestId, address: origin.address });
  return { attachment: view(record), bytes };
}

