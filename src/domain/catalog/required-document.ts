// Required documents (thành phần hồ sơ) with their counts. The source's counts come from splitting
// "… ngày 01/01/2026 1 bản chính" by a heuristic, which sometimes glues the end of a number in the name
// to the count ("…ngày 01/01/" + 20261). Such counts are repaired when the name visibly ends where a
// number was cut, and flagged either way.
import { cleanLine, foldVietnamese } from './text.ts';
import { problem, type NormalisationProblem } from './problems.ts';

export interface RequiredDocument {
  name: string;
  /** bản chính */
  originals: number | null;
  /** bản sao, kind not stated (the national portal's "bản sao") */
  copies: number | null;
  /** bản sao có chứng thực */
  certifiedCopies: number | null;
  /** bản chụp / photo */
  photocopies: number | null;
  /** mẫu đơn, tờ khai (file name or form code) */
  template: string | null;
}

export interface DocumentInput {
  name?: unknown;
  originals?: unknown;
  copies?: unknown;
  certifiedCopies?: unknown;
  photocopies?: unknown;
  template?: unknown;
  templateHint?: unknown;
}

export type CountField = 'originals' | 'copies' | 'certifiedCopies' | 'photocopies';
const COUNT_FIELDS: readonly CountField[] = ['originals', 'copies', 'certifiedCopies', 'photocopies'];

/** More than this many of one paper is not a real requirement. */
export const MAX_PLAUSIBLE_COUNT = 20;
// Name endings after which the source cut a number: "Mẫu số", "ngày 01/01/", "Nghị định", "Điều", "BM.NCC.20."
const CUT_NUMBER_TAIL = /(?:\bso|\bmau|\bnghi dinh|\bthong tu|\bdieu|\bkhoan|\bngay|[/.-])\s*$/;

export interface DocumentReading {
  document: RequiredDocument;
  problems: NormalisationProblem[];
  /** A count that is not a non-negative integer: the row is refused. */
  invalidCount?: CountField;
}

export function normaliseDocument(input: DocumentInput, path: string): DocumentReading {
  let name = cleanLine(input.name);
  const problems: NormalisationProblem[] = [];
  const document: RequiredDocument = {
    name,
    originals: null,
    copies: null,
    certifiedCopies: null,
    photocopies: null,
    template: cleanLine(input.template ?? input.templateHint) || null,
  };
  let repairedName = false;
  for (const field of COUNT_FIELDS) {
    const raw = input[field];
    if (raw === undefined || raw === null || raw === '') continue;
    const count = typeof raw === 'number' ? raw : /^\s*\d+\s*$/.test(String(raw)) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(count) || count < 0) return { document, problems, invalidCount: field };
    if (count >= 10 && !repairedName && CUT_NUMBER_TAIL.test(foldVietnamese(name))) {
      repairedName = true;
      const digits = String(count);
      const repaired = Number(digits.slice(-1));
      problems.push(problem('DOCUMENT_COUNT_REPAIRED', 'review', `${path}.${field}`, digits,
        `Số lượng "${digits}" dính với số ở cuối tên giấy tờ; đã tách thành "${digits.slice(0, -1)}" (tên) và ${repaired} (số lượng).`));
      name = `${name}${digits.slice(0, -1)}`;
      document[field] = repaired;
    } else if (count > MAX_PLAUSIBLE_COUNT) {
      problems.push(problem('DOCUMENT_COUNT_IMPLAUSIBLE', 'unparsed', `${path}.${field}`, String(count),
        `Số lượng ${count} không hợp lý; để trống cho quản trị viên nhập lại.`));
    } else {
      document[field] = count;
    }
  }
  document.name = name;
  return { document, problems };
}
