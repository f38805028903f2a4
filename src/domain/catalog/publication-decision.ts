// A publication decision (quyết định công bố) as an admin or the demo seed submits it: checked here,
// stored by the store. Kind `location_free_list`: additions to / removals from the location-free list.
import { invalid, type AppError } from '../errors.ts';
import { cleanLine } from './text.ts';
import type { PublicationOp } from './location-free.ts';

export type PublicationKind = 'location_free_list';
export const PUBLICATION_KINDS: readonly PublicationKind[] = ['location_free_list'];

export interface PublicationEntry {
  procedureCode: string;
  op: PublicationOp;
}

export interface PublicationDecision {
  code: string;
  title: string;
  kind: PublicationKind;
  effectiveAt: number;
  /** A list made up for demonstrations (the province's own lists were not published). */
  isDemo: boolean;
  note: string | null;
  entries: PublicationEntry[];
}

export interface PublicationDecisionInput {
  code?: unknown;
  title?: unknown;
  kind?: unknown;
  effectiveAt?: unknown;
  isDemo?: unknown;
  note?: unknown;
  entries?: unknown;
}

export function validatePublicationDecision(input: PublicationDecisionInput): PublicationDecision | AppError {
  const code = cleanLine(input.code);
  if (!code || code.length > 100) return invalid('INVALID_DECISION', 'Số/mã quyết định là bắt buộc (tối đa 100 ký tự).', { field: 'code' });
  const title = cleanLine(input.title);
  if (!title) return invalid('INVALID_DECISION', 'Trích yếu quyết định là bắt buộc.', { field: 'title' });
  if (!PUBLICATION_KINDS.includes(input.kind as PublicationKind)) {
    return invalid('INVALID_DECISION', 'Loại quyết định không hợp lệ (location_free_list).', { field: 'kind', value: input.kind });
  }
  if (typeof input.effectiveAt !== 'number' || !Number.isFinite(input.effectiveAt)) {
    return invalid('INVALID_DECISION', 'Ngày hiệu lực của quyết định không hợp lệ.', { field: 'effectiveAt' });
  }
  if (!Array.isArray(input.entries) || input.entries.length === 0) {
    return invalid('INVALID_DECISION', 'Quyết định phải có ít nhất một thủ tục.', { field: 'entries' });
  }
  const entries: PublicationEntry[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of input.entries.entries()) {
    const procedureCode = cleanLine((entry as { procedureCode?: unknown })?.procedureCode);
    const op = (entry as { op?: unknown })?.op;
    if (!procedureCode || (op !== 'add' && op !== 'remove')) {
      return invalid('INVALID_DECISION', `Mục ${index + 1} của quyết định không hợp lệ (cần mã thủ tục và add/remove).`, { field: `entries[${index}]` });
    }
    if (seen.has(procedureCode)) {
      return invalid('INVALID_DECISION', `Thủ tục ${procedureCode} xuất hiện hai lần trong quyết định.`, { field: `entries[${index}]`, procedureCode });
    }
    seen.add(procedureCode);
    entries.push({ procedureCode, op });
  }
  return {
    code,
    title,
    kind: input.kind as PublicationKind,
    effectiveAt: input.effectiveAt,
    isDemo: input.isDemo === true,
    note: cleanLine(input.note) || null,
    entries,
  };
}
