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
  /** Set when the scan was reused from an earlier dossier of the same applicant (tái sử dụng). */
  reusedFrom: { dossierCode: string; attachmentId: string } | null;
}

type Row = {
  id: string; dossier_code: string; document_name: string | null; file_name: string; media_type: AttachmentMediaType; size_bytes: number;
  sha256: string; uploader_kind: 'staff' | 'citizen'; uploader_id: string; uploader_name: string; uploader_unit_code: string | null; uploaded_at: Date;
  reused_from_dossier: string | null; reused_from_id: string | null;
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
  reusedFrom: r.reused_from_dossier && r.reused_from_id ? { dossierCode: r.reused_from_dossier, attachmentId: r.reused_from_id } : null,
});

const COLUMNS = ['id', 'dossier_code', 'document_name', 'file_name', 'media_type', 'size_bytes', 'sha256', 'uploader_kind', 'uploader_id',
  'uploader_name', 'uploader_unit_code', 'uploaded_at', 'reused_from_dossier', 'reused_from_id'] as const;

export async function insertAttachment(db: Db, provinceCode: string, a: Omit<AttachmentRecord, 'id' | 'reusedFrom'> & Partial<Pick<AttachmentRecord, 'reusedFrom'>>): Promise<AttachmentRecord> {
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
      reused_from_dossier: a.reusedFrom?.dossierCode ?? null,
      reused_from_id: a.reusedFrom?.attachmentId ?? null,
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

/** Any attachment of the province by id, with its dossier's applicant identity number (for reuse checks). */
export async function findAttachmentWithApplicant(db: Db, provinceCode: string, id: string): Promise<(AttachmentRecord & { applicantIdNumber: string | null }) | undefined> {
  const row = await db
    .selectFrom('dossier_attachments as a')
    .innerJoin('dossiers as d', (join) => join.onRef('d.province_code', '=', 'a.province_code').onRef('d.code', '=', 'a.dossier_code'))
    .select(COLUMNS.map((c) => `a.${c}` as const))
    .select('d.applicant_id_number')
    .where('a.province_code', '=', provinceCode)
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row ? { ...toRecord(row as Row), applicantIdNumber: row.applicant_id_number } : undefined;
}

export interface ApplicantDocument extends AttachmentRecord {
  procedureName: string;
  receivedAt: Date;
}

/**
 * The scans of an applicant's other dossiers (same identity number), newest first: one per distinct file
 * (the newest copy), at most `limit`.
 */
export async function listApplicantDocuments(db: Db, provinceCode: string, idNumber: string, exceptDossier: string, limit: number): Promise<ApplicantDocument[]> {
  const rows = await db
    .selectFrom('dossiers as d')
    .innerJoin('dossier_attachments as a', (join) => join.onRef('a.province_code', '=', 'd.province_code').onRef('a.dossier_code', '=', 'd.code'))
    .select(COLUMNS.map((c) => `a.${c}` as const))
    .select(['d.procedure_name', 'd.received_at'])
    .where('d.province_code', '=', provinceCode)
    .where('d.applicant_id_number', '=', idNumber)
    .where('d.code', '<>', exceptDossier)
    .orderBy('a.uploaded_at', 'desc')
    .orderBy('a.id')
    .limit(limit * 4)
    .execute();
  const seen = new Set<string>();
  const documents: ApplicantDocument[] = [];
  for (const row of rows) {
    if (seen.has(row.sha256)) continue;
    seen.add(row.sha256);
    documents.push({ ...toRecord(row as Row), procedureName: row.procedure_name, receivedAt: row.received_at });
    if (documents.length === limit) break;
  }
  return documents;
}
