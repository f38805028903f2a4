// What a notification template is: a name and a pure function from the queued payload to the texts of
// every channel. Payloads carry the dossier code and dates, never ID numbers (CCCD, tax codes).
import { instantVN } from '../../../domain/dossier/vn-text.ts';

export interface RenderedMessage {
  /** E-mail subject; also the title of an in-app message. */
  subject: string;
  /** Plain-text body (e-mail, in-app). */
  text: string;
  /** SMS text, without diacritics (GSM-7: 160 characters a segment; brand-name SMS in Vietnam are sent unaccented). */
  sms: string;
}

export interface TemplateContext {
  /** MOTCUA_PUBLIC_URL without a trailing slash. */
  publicUrl: string;
  /** The sending instant (ms), for messages that must not go out late (a one-time code). */
  now?: number;
}

export interface NotificationTemplate {
  name: string;
  /** What the message is, for the staff list of a dossier's notifications. */
  label: string;
  render(payload: Record<string, unknown>, context: TemplateContext): RenderedMessage;
  /** Payload fields that must not outlive delivery (a one-time code): removed once sent or failed. */
  transientFields?: readonly string[];
}

/** The public lookup page of a dossier (the QR codes on the forms open the same page). */
export function lookupLink(context: TemplateContext, code: string): string {
  return `${context.publicUrl}/tra-cuu?ma=${encodeURIComponent(code)}`;
}

export function text(payload: Record<string, unknown>, field: string, fallback = ''): string {
  const value = payload[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}

/** "15:30 ngày 10/03/2025" from an ISO instant in the payload (empty when absent). */
export function instantText(payload: Record<string, unknown>, field: string): string {
  const ms = Date.parse(text(payload, field));
  return Number.isNaN(ms) ? '' : instantVN(ms);
}

/** "Nguyễn Văn An" → "Nguyen Van An" (case kept; đ → d). */
export function withoutDiacritics(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** Mail signature of every message to citizens. */
export function signature(context: TemplateContext): string {
  return [
    '--',
    'Trung tâm Phục vụ hành chính công tỉnh Bình Dương',
    `Tra cứu hồ sơ: ${context.publicUrl}/tra-cuu`,
    'Thư này được gửi tự động, vui lòng không trả lời.',
  ].join('\n');
}
