// Pure helpers of the counter screen: accent-free matching for the pickers, the shape checks done while
// typing (the server checks again), the land/building hint, and the received-papers bookkeeping.
import type { ChecklistItem, ReceivedDocument } from '../api/counter.ts';

/** "Xã An Linh" → "xa an linh" (đ → d), for matching what an officer types without accents. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every typed word starts a word of the text: "an li" finds "Xã An Linh", not "Xã Tân Lập". */
export function matchesWords(text: string, query: string): boolean {
  const words = fold(query).split(' ').filter(Boolean);
  const haystack = ` ${fold(text).replace(/[^a-z0-9]+/g, ' ')} `;
  return words.every((w) => haystack.includes(` ${w}`));
}

export const digitsOnly = (text: string) => text.replace(/[\s.]/g, '');

/** 12 digits (the server also checks the province prefix and birth year). */
export function isCccdShape(text: string): boolean {
  return /^\d{12}$/.test(digitsOnly(text));
}

export function isTaxCodeShape(text: string): boolean {
  return /^\d{10}(?:-?\d{3})?$/.test(digitsOnly(text));
}

/** Land, housing and construction procedures are routed by the property's commune. */
export function isPropertyProcedure(field: string, name: string): boolean {
  const text = fold(`${field} ${name}`);
  return /\bdat dai\b|\bxay dung\b|\bnha o\b|quyen su dung dat|\bcong trinh\b/.test(text);
}

export interface ReceivedRow {
  received: boolean;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
}

export function emptyRow(): ReceivedRow {
  return { received: false, originals: 0, certifiedCopies: 0, photocopies: 0 };
}

/** Ticking "received" with no count filled records what the procedure asks for (at least one original). */
export function tickRow(row: ReceivedRow, item: ChecklistItem, received: boolean): ReceivedRow {
  if (!received) return { ...row, received: false };
  if (row.originals + row.certifiedCopies + row.photocopies > 0) return { ...row, received: true };
  const asked = item.asked;
  const certified = asked.certifiedCopies ?? 0;
  const photo = asked.photocopies ?? 0;
  const originals = asked.originals ?? (certified + photo > 0 ? 0 : 1);
  return { received: true, originals: originals > 0 || certified + photo > 0 ? originals : 1, certifiedCopies: certified, photocopies: photo };
}

export function setCount(row: ReceivedRow, key: 'originals' | 'certifiedCopies' | 'photocopies', value: number): ReceivedRow {
  const next = { ...row, [key]: Number.isFinite(value) && value > 0 ? Math.min(Math.floor(value), 100) : 0 };
  return { ...next, received: next.originals + next.certifiedCopies + next.photocopies > 0 };
}

export function missingRequired(items: readonly ChecklistItem[], rows: readonly ReceivedRow[]): ChecklistItem[] {
  return items.filter((item, i) => !item.optional && !rows[i]?.received);
}

export function receivedDocuments(items: readonly ChecklistItem[], rows: readonly ReceivedRow[]): ReceivedDocument[] {
  return items.flatMap((item, i) => {
    const row = rows[i];
    return row?.received ? [{ name: item.name, originals: row.originals, certifiedCopies: row.certifiedCopies, photocopies: row.photocopies }] : [];
  });
}
