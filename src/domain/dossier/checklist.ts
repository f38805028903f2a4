// The document checklist at the counter (kiểm tra thành phần hồ sơ): the papers a procedure version asks
// for — its common documents plus those of the chosen case (trường hợp) — against what the officer
// recorded as received (originals, certified copies, photocopies). A required paper not received in any
// form blocks the receipt: the officer hands over the supplement form (Mẫu 02) instead (Decree 61 art. 15).
import { foldVietnamese } from '../catalog/text.ts';
import type { ProcedureContent } from '../catalog/procedure-content.ts';
import type { RequiredDocument } from '../catalog/required-document.ts';
import { invalid, type AppError } from '../errors.ts';
import { fail, ok, type Result } from '../sla/result.ts';

export interface ChecklistItem {
  name: string;
  /** "(nếu có)", "trường hợp …": asked for only when it applies; its absence does not block a receipt. */
  optional: boolean;
  /** Counts the published procedure asks for (null: not stated). */
  asked: Pick<RequiredDocument, 'originals' | 'copies' | 'certifiedCopies' | 'photocopies'>;
}

export interface ReceivedDocument {
  name: string;
  originals?: number | undefined;
  certifiedCopies?: number | undefined;
  photocopies?: number | undefined;
}

// A paper the text itself makes conditional: "(nếu có)", "nếu có", "(trường hợp …)", "trong trường hợp",
// "đối với trường hợp". Its applicability is the officer's judgement, not a blocking rule.
const CONDITIONAL = /\bneu co\b|^\W*\(?\s*truong hop\b|\btrong truong hop\b|\bdoi voi truong hop\b/;

export function isConditionalDocument(name: string): boolean {
  return CONDITIONAL.test(foldVietnamese(name));
}

/** Same paper when the names agree after Unicode, case, spacing and leading bullet ("- ", "+ ") folding. */
export function documentKey(name: string): string {
  return foldVietnamese(name).replace(/^[\s\-+*•.]+/, '').replace(/[\s.;:,]+$/, '');
}

/** The case's name as published, or undefined when the procedure has no such case. */
export function findCase(content: Pick<ProcedureContent, 'cases'>, caseName: string): ProcedureContent['cases'][number] | undefined {
  const key = documentKey(caseName);
  return content.cases.find((c) => documentKey(c.name) === key);
}

/**
 * What a group of papers in the published catalog is. The national catalog groups papers under headings
 * that are really of three kinds: papers every applicant brings ("Giấy tờ phải nộp", "Giấy tờ phải xuất
 * trình"), remarks ("Lưu ý"), and alternative cases ("Trường hợp …", "Đối với …") the officer picks from.
 */
export type CaseRole = 'always' | 'note' | 'alternative';

const ALWAYS = /^\W*(?:\(?[0-9ivx]+[.)]\s*)?(?:cac\s+)?(?:giay to\s+)?(?:phai\s+)?(?:nop|xuat trinh)\b|^\W*(?:cac\s+)?giay to phai (?:nop|xuat trinh)|^\W*thanh phan ho so\b/;
const NOTE = /^\W*(?:luu y|ghi chu|chu y)\b/;

export function caseRole(name: string): CaseRole {
  const key = documentKey(name);
  if (NOTE.test(key)) return 'note';
  if (ALWAYS.test(key)) return 'always';
  return 'alternative';
}

/** The cases an officer chooses between at the counter (the others apply always, or are remarks). */
export function alternativeCases(content: Pick<ProcedureContent, 'cases'>): string[] {
  return content.cases.filter((c) => caseRole(c.name) === 'alternative').map((c) => c.name);
}

/**
 * The checklist for a procedure version and (optionally) one of its cases: the common papers, those of
 * the groups every applicant brings, then the chosen case's. Remarks ("Lưu ý") are listed as optional.
 */
export function checklistFor(content: Pick<ProcedureContent, 'documents' | 'cases'>, caseName?: string | null): Result<ChecklistItem[]> {
  const entries: Array<{ document: RequiredDocument; optional: boolean }> = content.documents.map((document) => ({ document, optional: false }));
  for (const group of content.cases) {
    const role = caseRole(group.name);
    if (role === 'always') entries.push(...group.documents.map((document) => ({ document, optional: false })));
  }
  if (caseName) {
    const chosen = findCase(content, caseName);
    if (!chosen) {
      return fail(invalid('UNKNOWN_PROCEDURE_CASE', `Thủ tục không có trường hợp "${caseName}"; hãy chọn một trường hợp trong danh sách.`, { field: 'caseName', value: caseName }));
    }
    if (caseRole(chosen.name) === 'alternative') entries.push(...chosen.documents.map((document) => ({ document, optional: false })));
  }
  for (const group of content.cases) {
    if (caseRole(group.name) === 'note') entries.push(...group.documents.map((document) => ({ document, optional: true })));
  }
  const seen = new Set<string>();
  const items: ChecklistItem[] = [];
  for (const { document: d, optional } of entries) {
    const key = documentKey(d.name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    items.push({
      name: d.name,
      optional: optional || isConditionalDocument(d.name),
      asked: { originals: d.originals, copies: d.copies, certifiedCopies: d.certifiedCopies, photocopies: d.photocopies },
    });
  }
  return ok(items);
}

const receivedCount = (d: ReceivedDocument) => (d.originals ?? 0) + (d.certifiedCopies ?? 0) + (d.photocopies ?? 0);

/** Required papers of the checklist that were not received in any form. */
export function missingDocuments(checklist: readonly ChecklistItem[], received: readonly ReceivedDocument[]): ChecklistItem[] {
  const got = new Set(received.filter((d) => receivedCount(d) > 0).map((d) => documentKey(d.name)));
  return checklist.filter((item) => !item.optional && !got.has(documentKey(item.name)));
}

/**
 * The refusal a receipt gets when required papers are missing: it names each, so the officer can fill
 * the supplement form (Mẫu 02) "một lần, đầy đủ" — once and completely.
 */
export function missingDocumentsError(missing: readonly ChecklistItem[]): AppError {
  const names = missing.map((m) => m.name);
  const shown = names.slice(0, 5).map((n) => `“${n.length > 120 ? `${n.slice(0, 119)}…` : n}”`).join('; ');
  return invalid(
    'DOCUMENTS_MISSING',
    `Hồ sơ chưa đủ thành phần, chưa được tiếp nhận: thiếu ${names.length} giấy tờ bắt buộc (${shown}${names.length > 5 ? '; …' : ''}). ` +
      'Lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) cho người nộp.',
    { field: 'documents', missing: names, form: 'Mẫu 02' },
  );
}
