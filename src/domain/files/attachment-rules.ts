// Rules for scanned attachments (bản scan thành phần hồ sơ), pure: which content types are accepted, how a
// file name sent by a client is made safe to store and to send back, and how a checksum is spelled.
import { invalid } from '../errors.ts';

/** Accepted content, recognised from the bytes (never from the name or the declared type). */
export const ACCEPTED_MEDIA_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
} as const;

export type AttachmentMediaType = keyof typeof ACCEPTED_MEDIA_TYPES;

export function isAcceptedMediaType(mime: string | undefined): mime is AttachmentMediaType {
  return mime !== undefined && Object.hasOwn(ACCEPTED_MEDIA_TYPES, mime);
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A SHA-256 in lower-case hex; a client may send upper case. Null when it is not one. */
export function normaliseSha256(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  return SHA256_HEX.test(value) ? value : null;
}

export const isSha256 = (value: string): boolean => SHA256_HEX.test(value);

const MAX_NAME = 200;

/**
 * The stored name of an uploaded file: its last path component (browsers on Windows send `C:\…`), NFC,
 * without control characters, spaces collapsed, at most 200 characters keeping the extension.
 */
export function normaliseFileName(raw: string, field = 'fileName'): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = last
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') {
    throw invalid('INVALID_FILE_NAME', `Trường "${field}": cần tên tệp (ví dụ "don-de-nghi.pdf").`, { field });
  }
  if (cleaned.length <= MAX_NAME) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, MAX_NAME - extension.length) + extension;
}

/** The name to download under: the stored name, with the extension of its real content. */
export function downloadName(fileName: string, mediaType: AttachmentMediaType): string {
  const extension = ACCEPTED_MEDIA_TYPES[mediaType];
  const lower = fileName.toLowerCase();
  const matches = extension === 'jpg' ? /\.(jpe?g)$/.test(lower) : lower.endsWith(`.${extension}`);
  return matches ? fileName : `${fileName}.${extension}`;
}

/** ASCII look-alike of a Vietnamese name for old clients ("Đơn đề nghị.pdf" → "Don de nghi.pdf"). */
export function asciiFallback(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
}

/** RFC 6266 Content-Disposition with an ASCII `filename` and the exact UTF-8 `filename*`. */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encoded}`;
}

/** A document label (which checklist item the scan belongs to): NFC, spaces collapsed, or null. */
export function normaliseDocumentName(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const value = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (value.length > 500) throw invalid('INVALID_DOCUMENT_NAME', 'Trường "documentName": tên thành phần hồ sơ dài tối đa 500 ký tự.', { field: 'documentName' });
  return value === '' ? null : value;
}

/**
 * Content-Security-Policy for a served PDF or image: nothing may load from it, but the browser's own PDF
 * viewer must run (the app's `object-src 'none'` would leave an inline PDF blank in Chromium).
 */
export const FILE_RESPONSE_CSP = "default-src 'none'; object-src 'self'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

/** Attachment ids are UUIDs: anything else cannot name one, and is answered "not found" without a query. */
export const isAttachmentId = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
