// Metadata rows of dossier attachments (the bytes are in the blob store, addressed by sha256).
import type { Db } from './database.ts';
import type { AttachmentMediaType } from '../domain/files/attachment-rules.ts';

export interface AttachmentRecord {
  id: string;
  dossierCode: string;
  documentName: string | null;
  fileName: string;
  mediaType: AttachmentMediaType;
  sizeBytes: number;
  sha256: string;
  uploaderKind: 'staff' | 'citizen';
  uploaderId: string;
  uploaderName: string;
  uploaderUnitCode: string | null;
  uploadedAt: Date;
}

type Row = {
  id: string; dossier_code: string; document_name: string | null; file_name: string; media_type: AttachmentMediaType; size_bytes: number;
  sha256: string; uploader_kind: 'staff' | 'citizen'; uploader_id: string; uploader_name: string; uploader_unit_code: string | null; uploaded_at: Date;
};

const toRecord = (r: Row): AttachmentRecord => ({
  id: r.id,
  dossierCode: r.dossier_code,
  documentName: r.document_name,
  fileName: r.file_name,
  mediaType: r.media_type,
  sizeBytes: Number(r.size_bytes),
  sha256: r.sha256,
  uploaderKind: r.uploader_kind,
  uploaderId: r.uploader_id,
  uploaderName: r.uploader_name,
  uploaderUnitCode: r.uploader_unit_code,
  uploadedAt: r.uploaded_at,
});

const COLUMNS = ['id', 'dossier_code', 'document_name', 'file_name', 'media_type', 'size_bytes', 'sha256', 'uploader_kind', 'uploader_id',
  'uploader_name', 'uploader_unit_code', 'uploaded_at'] as const;

export async function insertAttachment(db: Db, provinceCode: string, a: Omit<AttachmentRecord, 'id'>): Promise<AttachmentRecord> {
  const row = await db
    .insertInto('dossier_attachments')
    .values({
      province_code: provinceCode,
      dossier_code: a.dossierCode,
      document_name: a.documentName,
      file_name: a.fileName,
      media_type: a.mediaType,
      size_bytes: a.sizeBytes,
      sha256: a.sha256,
      uploader_kind: a.uploaderKind,
      uploader_id: a.uploaderId,
      uploader_name: a.uploaderName,
      uploader_unit_code: a.uploaderUnitCode,
      uploaded_at: a.uploadedAt,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function listAttachments(db: Db, provinceCode: string, dossierCode: string): Promise<AttachmentRecord[]> {
  const rows = await db
    .selectFrom('dossier_attachments')
    .select(COLUMNS)
    .where('province_code', '=', provinceCode)
    .where('dossier_code', '=', dossierCode)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map(toRecord);
}

export async function findAttachment(db: Db, provinceCode: string, dossierCode: string, id: string): Promise<AttachmentRecord | undefined> {
  const row = await db
    .selectFrom('dossier_attachments')
    .select(COLUMNS)
    .where('province_code', '=', provinceCode)
    .where('dossier_code', '=', dossierCode)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}
