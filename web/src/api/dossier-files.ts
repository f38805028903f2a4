// A dossier's scanned attachments (list, upload as the raw file body, download links) and the links of
// its printable forms (Mẫu 01–05, PDF).
import { api, apiUrl, ApiError, errorFromBody } from './client.ts';

export interface Attachment {
  id: string;
  dossierCode: string;
  documentName: string | null;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: { kind: string; id: string; name: string; unitCode: string | null };
  uploadedAt: string;
  /** Set when the scan was reused from an earlier dossier of the same applicant. */
  reusedFrom?: { dossierCode: string; attachmentId: string } | null;
  downloadUrl: string;
}

/** A scan in one of the applicant's earlier dossiers that may be attached again (tái sử dụng). */
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

export function fetchReusableDocuments(code: string, signal?: AbortSignal): Promise<{ items: ReusableDocument[] }> {
  return api.get<{ items: ReusableDocument[] }>(`/dossiers/${encodeURIComponent(code)}/reusable-documents`, undefined, signal);
}

export function reuseDocument(code: string, sourceAttachmentId: string, idempotencyKey: string): Promise<Attachment> {
  return api.post<Attachment>(`/dossiers/${encodeURIComponent(code)}/attachments/reuse`, { sourceAttachmentId, idempotencyKey });
}

export const ACCEPTED_FILE_TYPES = 'application/pdf,image/jpeg,image/png';

export function fetchAttachments(code: string, signal?: AbortSignal): Promise<{ items: Attachment[] }> {
  return api.get<{ items: Attachment[] }>(`/dossiers/${encodeURIComponent(code)}/attachments`, undefined, signal);
}

/** SHA-256 of the file in hex, so the server can refuse bytes damaged on the way; null where the browser
 * has no Web Crypto (plain-http intranet addresses), and the server then checks the content alone. */
async function sha256Hex(file: Blob): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `citizen`: the citizen portal's route (the signed-in citizen's own dossier). */
/** An attachment is labelled with its document's name, at most 500 characters (some catalogue names
 * are legal paragraphs thousands of characters long): longer names are cut with an ellipsis. */
export function attachmentLabel(documentName: string): string | undefined {
  const name = documentName.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (name === '') return undefined;
  return name.length <= 500 ? name : `${name.slice(0, 499).trimEnd()}…`;
}

export async function uploadAttachment(code: string, file: File, documentName: string, idempotencyKey: string, by: 'staff' | 'citizen' = 'staff'): Promise<Attachment> {
  const sha256 = await sha256Hex(file);
  const url = apiUrl(`${by === 'citizen' ? '/citizen' : ''}/dossiers/${encodeURIComponent(code)}/attachments`, { fileName: file.name, documentName: attachmentLabel(documentName), sha256, idempotencyKey });
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '');
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) throw errorFromBody(response.status, data);
  if (data === undefined) throw new ApiError(response.status, 'BAD_RESPONSE', '');
  return data as Attachment;
}

export const DOSSIER_FORM_NAMES = ['mau-01', 'mau-02', 'mau-03', 'mau-04', 'mau-05'] as const;
export type DossierFormName = (typeof DOSSIER_FORM_NAMES)[number];

export const dossierFormUrl = (code: string, form: DossierFormName) => apiUrl(`/dossiers/${encodeURIComponent(code)}/forms/${form}`);

export const trackingBookUrl = (unitCode: string, from: string, to: string) => apiUrl('/reports/tracking-book', { unitCode, from, to });
