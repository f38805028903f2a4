// What a citizen (or an officer at a counter on the citizen's behalf) sends, checked in one place: every
// bad field is listed with a Vietnamese message (`INVALID_FEEDBACK`, details.issues), like applicants.
// Text is stored as text — never interpreted as HTML — after NFC normalisation and removal of control
// characters other than line breaks and tabs.
import { invalid, type AppError } from '../errors.ts';
import { checkEmail, checkPersonName, checkPhone } from '../dossier/identity-numbers.ts';
import { fail, ok, type Result } from '../sla/result.ts';
import { isFeedbackKind, type FeedbackKind } from './kinds.ts';

export const TEXT_MIN_CHARS = 10;
export const TEXT_MAX_CHARS = 5000;
export const TOPIC_MAX_CHARS = 200;

export interface FeedbackSubmissionInput {
  kind?: unknown;
  procedureCode?: unknown;
  dossierCode?: unknown;
  field?: unknown;
  fullName?: unknown;
  phone?: unknown;
  email?: unknown;
  text?: unknown;
}

export interface FeedbackSubmission {
  kind: FeedbackKind;
  procedureCode: string | null;
  dossierCode: string | null;
  field: string | null;
  fullName: string;
  phone: string;
  email: string | null;
  text: string;
}

export interface SubmissionIssue {
  field: string;
  problem: string;
  message: string;
}

/** Code points, so a Vietnamese letter or an emoji counts as one character as people count them. */
export const charCount = (text: string) => [...text].length;

/** NFC, no control characters except \n and \t, Windows line ends folded, outer blanks trimmed. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u2028\u2029\uFEFF]/g, '')
    .trim();
}

function optionalLine(value: unknown, field: string, issues: SubmissionIssue[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    issues.push({ field, problem: 'type', message: `Trường "${field}" phải là chuỗi ký tự.` });
    return null;
  }
  const line = cleanText(value).replace(/\s+/g, ' ');
  if (line === '') return null;
  if (charCount(line) > TOPIC_MAX_CHARS) {
    issues.push({ field, problem: 'too_long', message: `Trường "${field}" không được dài quá ${TOPIC_MAX_CHARS} ký tự.` });
    return null;
  }
  return line;
}

export function validateSubmission(input: FeedbackSubmissionInput): Result<FeedbackSubmission> {
  const issues: SubmissionIssue[] = [];
  const kind = input.kind;
  if (!isFeedbackKind(kind)) {
    issues.push({ field: 'kind', problem: 'unknown', message: 'Cần chọn loại: câu hỏi, phản ánh về quy định, phản ánh về hồ sơ hoặc kiến nghị.' });
  }
  const procedureCode = optionalLine(input.procedureCode, 'procedureCode', issues);
  const dossierCode = optionalLine(input.dossierCode, 'dossierCode', issues)?.toUpperCase().replace(/\s+/g, '') ?? null;
  const field = optionalLine(input.field, 'field', issues);
  if (kind === 'complaint' && dossierCode === null) {
    issues.push({ field: 'dossierCode', problem: 'required', message: 'Phản ánh về việc giải quyết hồ sơ cần ghi mã hồ sơ.' });
  }

  const name = checkPersonName(typeof input.fullName === 'string' ? input.fullName : '');
  if (!name.ok) issues.push({ field: 'fullName', problem: name.problem, message: `${name.message}.` });
  const phone = checkPhone(typeof input.phone === 'string' ? input.phone : '');
  if (!phone.ok) issues.push({ field: 'phone', problem: phone.problem, message: `${phone.message}.` });
  let email: string | null = null;
  if (typeof input.email === 'string' && input.email.trim() !== '') {
    const checked = checkEmail(input.email);
    if (checked.ok) email = checked.value;
    else issues.push({ field: 'email', problem: checked.problem, message: `${checked.message}.` });
  }

  const text = typeof input.text === 'string' ? cleanText(input.text) : '';
  const length = charCount(text);
  if (length === 0) {
    issues.push({ field: 'text', problem: 'required', message: 'Cần nhập nội dung câu hỏi hoặc phản ánh.' });
  } else if (length < TEXT_MIN_CHARS) {
    issues.push({ field: 'text', problem: 'too_short', message: `Nội dung quá ngắn: cần ít nhất ${TEXT_MIN_CHARS} ký tự.` });
  } else if (length > TEXT_MAX_CHARS) {
    issues.push({ field: 'text', problem: 'too_long', message: `Nội dung quá dài (${length} ký tự): tối đa ${TEXT_MAX_CHARS} ký tự.` });
  }

  if (issues.length > 0) return fail(invalidSubmission(issues));
  return ok({
    kind: kind as FeedbackKind,
    procedureCode,
    dossierCode,
    field,
    fullName: (name as { value: string }).value,
    phone: (phone as { value: string }).value,
    email,
    text,
  });
}

export function invalidSubmission(issues: SubmissionIssue[]): AppError {
  return invalid('INVALID_FEEDBACK', issues.length === 1 ? issues[0]!.message : `Có ${issues.length} mục cần sửa: ${issues.map((i) => i.message).join(' ')}`,
    { issues });
}

/** A staff text (refusal reason, answer, information request): required, bounded, cleaned. */
export function checkStaffText(value: string | undefined, field: string, min: number, max: number, what: string): Result<string> {
  const text = cleanText(value ?? '');
  const length = charCount(text);
  if (length < min) return fail(invalid('TEXT_REQUIRED', `Cần nhập ${what} (ít nhất ${min} ký tự).`, { field }));
  if (length > max) return fail(invalid('TEXT_TOO_LONG', `${what[0]!.toUpperCase()}${what.slice(1)} không được dài quá ${max} ký tự.`, { field }));
  return ok(text);
}
