// Wording of the catalog's normalised values: time limits, fees, document counts.
import type { TFunction } from 'i18next';
import type { Duration, Fee, ProcedureSummary, RequiredDocument } from '../api/procedures.ts';

/** Vietnamese-style number: 1.601, 1,5 (English: 1,601, 1.5). */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB').format(value);
}

/** The time limit of a search result: "15 ngày làm việc", "4 giờ làm việc" or "Chưa chuẩn hóa". */
export function summaryTimeLimit(item: Pick<ProcedureSummary, 'processingDays' | 'processingHours'>, t: TFunction): string {
  if (item.processingDays !== null) return t('catalog.days', { count: item.processingDays });
  if (item.processingHours !== null) return t('catalog.hours', { count: item.processingHours });
  return t('catalog.unparsed');
}

export function durationText(duration: Duration, t: TFunction): string {
  switch (duration.unit) {
    case 'days':
      return t('catalog.days', { count: duration.value ?? 0 });
    case 'hours':
      return t('catalog.hours', { count: duration.value ?? 0 });
    case 'sameDay':
      return t('catalog.sameDay');
    case 'sameDayOrNextIfAfter':
      return t('catalog.sameDayOrNext', { cutoff: duration.cutoff ?? '' });
    default:
      return t('catalog.unparsed');
  }
}

export function feeText(fee: Fee, published: string, t: TFunction, language: string): string {
  switch (fee.kind) {
    case 'free':
      return t('catalog.free');
    case 'amount':
      return fee.currency === 'USD'
        ? `${formatNumber(fee.amount ?? 0, language)} USD`
        : `${formatNumber(fee.amount ?? 0, language)} ${language === 'vi' ? 'đồng' : 'VND'}`;
    case 'unspecified':
      return t('catalog.feeUnspecified');
    default:
      return fee.text || published || t('catalog.feeUnspecified');
  }
}

/** A document row with no count at all and a trailing colon is a heading of the list ("…các giấy tờ sau:"). */
export function isDocumentHeading(doc: RequiredDocument): boolean {
  const counts = [doc.originals, doc.copies, doc.certifiedCopies, doc.photocopies];
  return counts.every((n) => !n) && doc.name.trim().endsWith(':');
}

/** Drops the "- " / "+ " bullets the source writes before names (the table is the list). */
export function documentName(name: string): string {
  return name.replace(/^\s*[-+•*]\s+/, '').trim();
}

/** A count cell: the number, or a dash for none / not stated. */
export function countText(value: number | null, t: TFunction): string {
  return value ? String(value) : t('catalog.none');
}

/** Copies column: certified copies when stated (marked), plain copies otherwise. */
export function copiesText(doc: RequiredDocument, t: TFunction): string {
  const parts: string[] = [];
  if (doc.certifiedCopies) parts.push(t('catalog.certified', { count: doc.certifiedCopies }));
  if (doc.copies) parts.push(String(doc.copies));
  return parts.length > 0 ? parts.join(' + ') : t('catalog.none');
}

/** "2024-12-02T00:00:00+07:00" → "02/12/2024" (the date as written, province time). */
export function formatDateNumeric(instant: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(instant);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : instant;
}

/**
 * Address of a procedure's page. Codes contain a dot (1.001193) and the server's SPA fallback answers a path
 * ending in ".<letters or digits>" as a missing file, so the address ends with a slash to stay loadable.
 */
export function procedurePath(code: string): string {
  return `/thu-tuc/${encodeURIComponent(code)}`;
}
