// Shapes of the numbers an applicant gives: citizen ID (CCCD), tax code (mã số thuế), phone, e-mail.
// Each check normalises what people type (spaces, dots, +84) and says in Vietnamese what is wrong.
// Shape only: no registry is consulted here.

export type Check<T> = { ok: true; value: T } | { ok: false; problem: string; message: string };

const bad = (problem: string, message: string): Check<never> => ({ ok: false, problem, message });
const stripSeparators = (text: string) => text.replace(/[\s.\-()]/g, '');

// ── CCCD (căn cước công dân / căn cước): 12 digits ─────────────────────────────────────────────────
// Digits 1–3: the province of birth registration (001–096); digit 4: century and gender (0/1 = 1900s
// male/female, 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s, 8/9 = 2300s); digits 5–6: year of birth; 7–12: a
// random number.

export interface IdNumberFacts {
  provinceCode: string;
  gender: 'male' | 'female';
  birthYear: number;
}

export function decodeIdNumber(idNumber: string): IdNumberFacts | null {
  if (!/^\d{12}$/.test(idNumber)) return null;
  const centuryDigit = Number(idNumber[3]);
  return {
    provinceCode: idNumber.slice(0, 3),
    gender: centuryDigit % 2 === 0 ? 'male' : 'female',
    birthYear: 1900 + Math.floor(centuryDigit / 2) * 100 + Number(idNumber.slice(4, 6)),
  };
}

/** `currentYear` (in Vietnam) refuses a birth year still to come. */
export function checkIdNumber(text: string, currentYear: number): Check<string> {
  const digits = stripSeparators(text);
  if (digits === '') return bad('required', 'Cần nhập số CCCD');
  if (!/^\d+$/.test(digits)) return bad('not_digits', 'Số CCCD chỉ gồm chữ số');
  if (digits.length === 9) return bad('length', 'Số CCCD phải gồm 12 chữ số (chứng minh nhân dân 9 số không còn được sử dụng)');
  if (digits.length !== 12) return bad('length', 'Số CCCD phải gồm 12 chữ số');
  const province = Number(digits.slice(0, 3));
  if (province < 1 || province > 96) return bad('province', '3 chữ số đầu của số CCCD phải là mã tỉnh nơi đăng ký khai sinh (001–096)');
  const facts = decodeIdNumber(digits) as IdNumberFacts;
  if (facts.birthYear > currentYear) return bad('birth_year', `Số CCCD ghi năm sinh ${facts.birthYear}, chưa tới`);
  return { ok: true, value: digits };
}

// ── Tax code (mã số thuế) of an organisation: 10 digits; a dependent unit 10 + "-" + 3 digits ──────────

export function checkTaxCode(text: string): Check<string> {
  const compact = text.replace(/[\s.]/g, '');
  if (compact === '') return bad('required', 'Cần nhập mã số thuế');
  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(compact);
  if (!match) return bad('shape', 'Mã số thuế phải gồm 10 chữ số, hoặc 13 chữ số (10 số - 3 số) với đơn vị phụ thuộc');
  const [, main, branch] = match;
  if (branch === '000') return bad('shape', 'Ba chữ số cuối của mã số thuế đơn vị phụ thuộc phải từ 001 đến 999');
  return { ok: true, value: branch === undefined ? (main as string) : `${main}-${branch}` };
}

// ── Phone numbers: mobile 10 digits 03/05/07/08/09 (after the 2018 renumbering); landline 02 + 9 digits ──

function toNationalForm(text: string): string {
  let digits = stripSeparators(text);
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0084')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('84') && digits.length === 11) digits = `0${digits.slice(2)}`;
  return digits;
}

const MOBILE_RE = /^0[35789]\d{8}$/;
const LANDLINE_RE = /^02\d{9}$/;

/** A Vietnamese mobile number, normalised to `0xxxxxxxxx` (SMS goes there). */
export function checkMobilePhone(text: string): Check<string> {
  const digits = toNationalForm(text);
  if (digits === '') return bad('required', 'Cần nhập số điện thoại di động');
  if (!MOBILE_RE.test(digits)) return bad('shape', 'Số điện thoại di động phải gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09');
  return { ok: true, value: digits };
}

/** A mobile or a landline (organisations often give their switchboard). */
export function checkPhone(text: string): Check<string> {
  const digits = toNationalForm(text);
  if (digits === '') return bad('required', 'Cần nhập số điện thoại');
  if (!MOBILE_RE.test(digits) && !LANDLINE_RE.test(digits)) {
    return bad('shape', 'Số điện thoại phải là số di động 10 chữ số (03, 05, 07, 08, 09) hoặc số cố định 11 chữ số bắt đầu bằng 02');
  }
  return { ok: true, value: digits };
}

export function isMobilePhone(phone: string): boolean {
  return MOBILE_RE.test(phone);
}

// ── E-mail ───────────────────────────────────────────────────────────────────────────────────────────

export function checkEmail(text: string): Check<string> {
  const trimmed = text.trim();
  const at = trimmed.lastIndexOf('@');
  if (trimmed.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/.test(trimmed) || trimmed.includes('..')) {
    return bad('shape', 'Địa chỉ thư điện tử không hợp lệ');
  }
  // The domain is case-insensitive; the local part is kept as typed.
  return { ok: true, value: `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}` };
}

// ── Names ────────────────────────────────────────────────────────────────────────────────────────────

/** Collapses spaces and composes diacritics (NFC), so "Nguyễn" typed in any form is stored one way. */
export function normaliseName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A person's name: letters (any script's, so all Vietnamese ones), spaces, and ' - . between them. */
export function checkPersonName(text: string): Check<string> {
  const name = normaliseName(text);
  if (name === '') return bad('required', 'Cần nhập họ và tên');
  if (name.length > 100) return bad('too_long', 'Họ và tên không được dài quá 100 ký tự');
  if (!/^\p{L}[\p{L}\p{M}'’.\- ]*$/u.test(name)) return bad('characters', 'Họ và tên chỉ gồm chữ cái và khoảng trắng');
  return { ok: true, value: name };
}

export function checkOrganizationName(text: string): Check<string> {
  const name = normaliseName(text);
  if (name === '') return bad('required', 'Cần nhập tên tổ chức');
  if (name.length > 250) return bad('too_long', 'Tên tổ chức không được dài quá 250 ký tự');
  if (!/\p{L}/u.test(name)) return bad('characters', 'Tên tổ chức phải có chữ cái');
  return { ok: true, value: name };
}

/** A phone as stored on a dossier (mobile first, else landline), or null when it is not a phone: the
 * public lookup compares normalised forms, so "+84 912 345 678" finds "0912345678". */
export function normalisePhone(text: string): string | null {
  const mobile = checkMobilePhone(text);
  if (mobile.ok) return mobile.value;
  const landline = checkPhone(text);
  return landline.ok ? landline.value : null;
}
