// Before an answer is published as public Q&A, what identifies the sender goes: their name, phone
// numbers, e-mail addresses, ID numbers (9 or 12 digits), tax codes and dossier codes. The officer
// still reviews (and may rewrite) the public text; this is the safe default, not a guarantee.
import { cleanText } from './submission.ts';

export const HIDDEN = '[đã ẩn]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function anonymise(text: string, sender: { fullName?: string | null; phone?: string | null; email?: string | null }): string {
  let out = cleanText(text);
  const name = sender.fullName?.normalize('NFC').trim();
  if (name) {
    out = out.replace(new RegExp(escapeRegExp(name).replace(/\s+/g, '\\s+'), 'giu'), HIDDEN);
  }
  out = out
    // e-mail addresses
    .replace(/[^\s@<>()"]+@[^\s@<>()"]+\.[^\s@<>()".,;:!?]+/gu, HIDDEN)
    // dossier codes 000.00.53.H48-220921-0099 and tracking codes PA-241205-XXXXXX
    .replace(/\b[0-9A-Z]{2,4}(?:\.[0-9A-Z]{2,4}){2,4}-\d{6}-\d{4}\b/giu, HIDDEN)
    .replace(/\bPA-\d{6}-[0-9A-Z]{6}\b/giu, HIDDEN)
    // phone numbers (+84 / 0084 / 0 followed by 8–10 digits, separators allowed) and runs of 9+ digits
    // (ID numbers, tax codes, bank accounts)
    .replace(/(?:\+84|0084|\b0)(?:[\s.-]?\d){8,10}\b/gu, HIDDEN)
    .replace(/\b\d(?:[\s.-]?\d){8,}\b/gu, HIDDEN);
  if (sender.phone) out = out.split(sender.phone).join(HIDDEN);
  return out;
}
