// The dossier code (mã hồ sơ, Decree 61/2018 art. 26; Circular 01/2018 art. 19):
// `<receiving agency identifier>-<YYMMDD>-<NNNN>`, e.g. `000.00.53.H48-220921-0099` — the receipt date in
// Vietnam and that agency's gap-free sequence for the day. The sequence itself is the store's (a locked
// counter row per identifier and day); here: the format, its day key, and parsing for the public lookup.
import { invalid, type AppError } from '../errors.ts';
import { fail, ok, type Result } from '../sla/result.ts';
import { agencyIdentifierProblem } from './agency-identifier.ts';

const VN_OFFSET_MS = 7 * 3_600_000;

/** The law's width. A 10,000th dossier in one day widens the number to 5 digits rather than failing
 * an intake: still unique, still readable, and `parseDossierCode` accepts it (never zero-padded to 5, so
 * each number has exactly one spelling). */
export const SEQUENCE_DIGITS = 4;
export const MAX_SEQUENCE = 99_999;

export interface DossierCodeParts {
  agencyIdentifier: string;
  /** Receipt date in Vietnam, `YYYY-MM-DD`. */
  receivedDate: string;
  sequence: number;
}

/** The receipt day (Vietnam) as `YYYY-MM-DD`: the key of the daily sequence counter. */
export function sequenceDay(receivedAt: number): string {
  return new Date(receivedAt + VN_OFFSET_MS).toISOString().slice(0, 10);
}

function sequenceProblem(sequence: number): AppError | undefined {
  if (Number.isInteger(sequence) && sequence >= 1 && sequence <= MAX_SEQUENCE) return undefined;
  return invalid('INVALID_SEQUENCE', `Số thứ tự hồ sơ trong ngày phải từ 1 đến ${MAX_SEQUENCE}.`, { field: 'sequence', value: sequence });
}

export function formatSequence(sequence: number): string {
  return String(sequence).padStart(SEQUENCE_DIGITS, '0');
}

/** Throws an `invalid` AppError for a malformed identifier, a receipt outside 2000–2099, or a bad sequence. */
export function formatDossierCode(agencyIdentifier: string, receivedAt: number, sequence: number): string {
  const problem = agencyIdentifierProblem(agencyIdentifier) ?? sequenceProblem(sequence);
  if (problem) throw problem;
  const day = Number.isFinite(receivedAt) ? sequenceDay(receivedAt) : '';
  if (!/^20\d\d-/.test(day)) {
    throw invalid('INVALID_INSTANT', 'Ngày tiếp nhận phải trong các năm 2000–2099 (mã hồ sơ ghi năm bằng 2 chữ số).', { field: 'receivedAt', value: receivedAt });
  }
  return `${agencyIdentifier}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${formatSequence(sequence)}`;
}

const CODE_RE = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{2})(\d{2})(\d{2})-(\d{4}|[1-9]\d{4})$/;

/** Reads a code typed by a citizen (surrounding spaces and lower-case letters tolerated). */
export function parseDossierCode(text: string, field = 'code'): Result<DossierCodeParts> {
  const normalised = typeof text === 'string' ? text.trim().toUpperCase() : '';
  const match = CODE_RE.exec(normalised);
  const refuse = () =>
    fail(
      invalid('INVALID_DOSSIER_CODE', `Trường "${field}": mã hồ sơ phải có dạng <mã cơ quan>-<YYMMDD>-<số thứ tự>, ví dụ 000.00.53.H48-220921-0099.`, {
        field,
        value: text,
      }),
    );
  if (!match) return refuse();
  const [, agencyIdentifier, yy, mm, dd, seq] = match as unknown as [string, string, string, string, string, string];
  const year = 2000 + Number(yy);
  const date = new Date(Date.UTC(year, Number(mm) - 1, Number(dd)));
  if (date.getUTCMonth() !== Number(mm) - 1 || date.getUTCDate() !== Number(dd)) return refuse();
  const sequence = Number(seq);
  if (sequence < 1) return refuse();
  return ok({ agencyIdentifier, receivedDate: `${year}-${mm}-${dd}`, sequence });
}

/** Canonical form of a code typed by a citizen, or null when it is not a dossier code. */
export function normaliseDossierCode(text: string): string | null {
  const parsed = parseDossierCode(text);
  if (!parsed.ok) return null;
  const { agencyIdentifier, receivedDate, sequence } = parsed.value;
  return `${agencyIdentifier}-${receivedDate.slice(2, 4)}${receivedDate.slice(5, 7)}${receivedDate.slice(8, 10)}-${formatSequence(sequence)}`;
}

/** Orders codes by agency, day, then number (string order breaks once a day passes 9,999). Codes that
 * do not parse sort after those that do, by their text. */
export function compareDossierCodes(a: string, b: string): number {
  const pa = parseDossierCode(a);
  const pb = parseDossierCode(b);
  if (!pa.ok || !pb.ok) return pa.ok ? -1 : pb.ok ? 1 : a < b ? -1 : a > b ? 1 : 0;
  const x = pa.value;
  const y = pb.value;
  if (x.agencyIdentifier !== y.agencyIdentifier) return x.agencyIdentifier < y.agencyIdentifier ? -1 : 1;
  if (x.receivedDate !== y.receivedDate) return x.receivedDate < y.receivedDate ? -1 : 1;
  return x.sequence - y.sequence;
}
