// Metadata rows of files sent with a question or feedback (the bytes are in the blob store, by sha256).
import type { Db } from './database.ts';
import type { AttachmentMediaType } from '../domain/files/attachment-rules.ts';

export interface FeedbackAttachmentRecord {
  id: string;
  feedbackCode: string;
  fileName: string;
  mediaType: AttachmentMediaType;
  sizeBytes: number;
  sha256: string;
  uploaderKind: 'sender' | 'staff';
  /** The officer's username; null when the sender uploaded it. */
  uploaderId: string | null;
  uploadedAt: Date;
}

const COLUMNS = ['id', 'feedback_code', 'file_name', 'media_type', 'size_bytes', 'sha256', 'uploader_kind', 'uploader_id', 'uploaded_at'] as const;

type Row = {
  id: string; feedback_code: string; file_name: string; media_type: AttachmentMediaType; size_bytes: number; sha256: string;
  uploader_kind: 'sender' | 'staff'; uploader_id: string | null; uploaded_at: Date;
};

const toRecord = (r: Row): FeedbackAttachmentRecord => ({
  id: r.id, feedbackCode: r.feedback_code, fileName: r.file_name, mediaType: r.media_type, sizeBytes: Number(r.size_bytes), sha256: r.sha256,
  uploaderKind: r.uploader_kind, uploaderId: r.uploader_id, uploadedAt: r.uploaded_at,
});

export async function insertFeedbackAttachment(db: Db, provinceCode: string, a: Omit<FeedbackAttachmentRecord, 'id'>): Promise<FeedbackAttachmentRecord> {
  const row = await db.insertInto('feedback_attachments').values({
    province_code: provinceCode, feedback_code: a.feedbackCode, file_name: a.fileName, media_type: a.mediaType, size_bytes: a.sizeBytes,
    sha256: a.sha256, uploader_kind: a.uploaderKind, uploader_id: a.uploaderId, uploaded_at: a.uploadedAt,
  }).returning(COLUMNS).executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function listFeedbackAttachments(db: Db, provinceCode: string, feedbackCode: string): Promise<FeedbackAttachmentRecord[]> {
  const rows = await db.selectFrom('feedback_attachments').select(COLUMNS)
    .where('province_code', '=', provinceCode).where('feedback_code', '=', feedbackCode)
    .orderBy('uploaded_at').orderBy('id').execute();
  return rows.map(toRecord);
}

export async function findFeedbackAttachment(db: Db, provinceCode: string, feedbackCode: string, id: string): Promise<FeedbackAttachmentRecord | undefined> {
  const row = await db.selectFrom('feedback_attachments').select(COLUMNS)
    .where('province_code', '=', provinceCode).where('feedback_code', '=', feedbackCode).where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/**
 * Locks the message's row for the rest of the transaction and counts its files, so two uploads at once
 * cannot both pass the cap. Undefined when there is no such message.
 */
export async function lockAndCountAttachments(db: Db, provinceCode: string, feedbackCode: string): Promise<{ status: string; count: number } | undefined> {
  const row = await db.selectFrom('feedback').select('status').where('province_code', '=', provinceCode).where('code', '=', feedbackCode).forUpdate().executeTakeFirst();
  if (!row) return undefined;
  const counted = await db.selectFrom('feedback_attachments').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('province_code', '=', provinceCode).where('feedback_code', '=', feedbackCode).executeTakeFirstOrThrow();
  return { status: row.status, count: Number(counted.n) };
}
