import { describe, expect, it } from 'vitest';
import { vn } from '../calendar/calendar-test-support.ts';
import type { FieldIssue } from './dossier-errors.ts';
import { validateApplicant } from './applicant.ts';
import { checkEmail, checkIdNumber, checkMobilePhone, checkPhone, checkTaxCode, decodeIdNumber } from './identity-numbers.ts';
import { applicantInitials, maskIdNumber, maskPhone } from './privacy.ts';

const NOW = vn('2025-03-10 09:00');
const citizen = (o: Record<string, unknown> = {}) => ({
  kind: 'citizen',
  fullName: '  Nguyễn   Văn An ',
  idNumber: '074 090 123 456',
  phone: '+84 912 345 678',
  email: 'An.Nguyen@Example.VN',
  address: { communeCode: '25861', detail: 'Ấp 3' },
  ...o,
});
const issuesOf = (input: unknown): Record<string, string> => {
  const result = validateApplicant(input, NOW);
  if (result.ok) return {};
  return Object.fromEntries((result.error.details as { issues: FieldIssue[] }).issues.map((i) => [i.field, i.message]));
};

describe('validateApplicant', () => {
  it('normalises a citizen: spaces, +84, e-mail domain, NFC name', () => {
    const result = validateApplicant(citizen({ fullName: 'Nguye\u0302\u0303n Văn An' }), NOW);
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090123456', phone: '0912345678', email: 'An.Nguyen@example.vn',
        address: { communeCode: '25861', detail: 'Ấp 3' }, representative: null,
      },
    });
  });

  it('lists every bad field with a Vietnamese message naming it', () => {
    const result = validateApplicant(citizen({ fullName: '', idNumber: '07912345678', phone: '0123456789', email: 'khong-phai-email', address: { communeCode: '2586' } }), NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'invalid', code: 'INVALID_APPLICANT' });
    expect(result.error.message).toBe('Thông tin người nộp hồ sơ không hợp lệ: Cần nhập họ và tên (trường "applicant.fullName").');
    expect(issuesOf(citizen({ fullName: '', idNumber: '07912345678', phone: '0123456789', email: 'khong-phai-email', address: { communeCode: '2586' } }))).toEqual({
      'applicant.fullName': 'Cần nhập họ và tên',
      'applicant.idNumber': 'Số CCCD phải gồm 12 chữ số',
      'applicant.phone': 'Số điện thoại di động phải gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09',
      'applicant.email': 'Địa chỉ thư điện tử không hợp lệ',
      'applicant.address.communeCode': 'Mã xã, phường phải gồm 5 chữ số theo danh mục hành chính',
    });
  });

  it('refuses a missing kind, a missing address, a name with digits', () => {
    expect(issuesOf({ ...citizen(), kind: 'person' })).toEqual({ 'applicant.kind': 'Loại người nộp phải là công dân (citizen) hoặc tổ chức (organization)' });
    expect(issuesOf(citizen({ address: undefined }))).toHaveProperty(['applicant.address.communeCode']);
    expect(issuesOf(citizen({ fullName: 'Nguyễn Văn 2' }))).toEqual({ 'applicant.fullName': 'Họ và tên chỉ gồm chữ cái và khoảng trắng' });
    expect(issuesOf(null)).toEqual({ applicant: 'Cần thông tin người nộp hồ sơ' });
  });

  it('takes an organisation’s tax code as taxCode or as the contract’s idNumber; landlines allowed', () => {
    const org = { kind: 'organization', fullName: 'Công ty TNHH Bình An', phone: '0274 3822 123', address: { communeCode: '25741' } };
    const a = validateApplicant({ ...org, taxCode: '3700123456 001' }, NOW);
    const b = validateApplicant({ ...org, idNumber: '3700123456-001' }, NOW);
    expect(a.ok && a.value).toMatchObject({ kind: 'organization', taxCode: '3700123456-001', idNumber: '3700123456-001', phone: '02743822123', email: null });
    expect(b.ok && b.value).toEqual(a.ok && a.value);
    expect(issuesOf({ ...org, taxCode: '3700123456', idNumber: '3700123457' })).toEqual({ 'applicant.idNumber': 'Mã số thuế ghi ở hai trường không khớp nhau' });
    expect(issuesOf({ ...org, taxCode: '37001234' })).toHaveProperty(['applicant.taxCode']);
  });

  it('validates an authorised representative under its own path', () => {
    const ok = validateApplicant(citizen({ representative: { fullName: 'Trần Thị Bé', idNumber: '074190000001', authorisation: 'Giấy ủy quyền số 12/2025' } }), NOW);
    expect(ok.ok && ok.value.representative).toEqual({ fullName: 'Trần Thị Bé', idNumber: '074190000001', phone: null, authorisation: 'Giấy ủy quyền số 12/2025' });
    expect(issuesOf(citizen({ representative: { fullName: 'B', idNumber: '1' } }))).toEqual({ 'applicant.representative.idNumber': 'Số CCCD phải gồm 12 chữ số' });
  });
});

describe('shapes of numbers', () => {
  it('CCCD: 12 digits, province 001–096, birth year not to come', () => {
    expect(checkIdNumber('079123456789', 2025)).toEqual({ ok: true, value: '079123456789' });
    expect(checkIdNumber('123456789', 2025)).toMatchObject({ ok: false, message: 'Số CCCD phải gồm 12 chữ số (chứng minh nhân dân 9 số không còn được sử dụng)' });
    expect(checkIdNumber('000123456789', 2025)).toMatchObject({ ok: false, problem: 'province' });
    expect(checkIdNumber('097123456789', 2025)).toMatchObject({ ok: false, problem: 'province' });
    expect(checkIdNumber('07912345678a', 2025)).toMatchObject({ ok: false, problem: 'not_digits' });
    expect(checkIdNumber('079230123456', 2025)).toMatchObject({ ok: false, problem: 'birth_year' }); // born 2030
    expect(checkIdNumber('079225123456', 2025)).toMatchObject({ ok: true }); // born 2025
    expect(decodeIdNumber('079190123456')).toEqual({ provinceCode: '079', gender: 'female', birthYear: 1990 });
    expect(decodeIdNumber('001205123456')).toEqual({ provinceCode: '001', gender: 'male', birthYear: 2005 });
  });

  it('phones: mobile 03/05/07/08/09 in any common spelling; landline 02 + 9 digits', () => {
    for (const text of ['0912345678', '091 234 5678', '091.234.5678', '+84912345678', '84912345678', '0084 912 345 678']) {
      expect(checkMobilePhone(text), text).toEqual({ ok: true, value: '0912345678' });
    }
    for (const text of ['0212345678', '091234567', '09123456789', '1912345678', '']) expect(checkMobilePhone(text).ok, text).toBe(false);
    expect(checkPhone('(028) 3822 1234')).toEqual({ ok: true, value: '02838221234' });
    expect(checkPhone('0283822123').ok).toBe(false);
  });

  it('tax codes: 10 digits, or 10-3 for a dependent unit', () => {
    expect(checkTaxCode('0301234567')).toEqual({ ok: true, value: '0301234567' });
    expect(checkTaxCode('0301234567001')).toEqual({ ok: true, value: '0301234567-001' });
    expect(checkTaxCode('0301234567-000').ok).toBe(false);
    expect(checkTaxCode('079123456789').ok).toBe(false);
  });

  it('e-mail', () => {
    expect(checkEmail(' a.b@Mail.GOV.vn ')).toEqual({ ok: true, value: 'a.b@mail.gov.vn' });
    for (const bad of ['a@b', 'a b@c.vn', '@c.vn', 'a@@c.vn', 'a@c..vn']) expect(checkEmail(bad).ok, bad).toBe(false);
  });
});

describe('what lists and the public lookup show', () => {
  it('masks ID numbers and phones, keeping three digits at each end', () => {
    expect(maskIdNumber('079123456789')).toBe('079******789');
    expect(maskIdNumber('0301234567-001')).toBe('030*******-001');
    expect(maskIdNumber('123456')).toBe('******');
    expect(maskPhone('0912345678')).toBe('091****678');
  });

  it('gives initials', () => {
    expect(applicantInitials('Nguyễn Văn An')).toBe('N.V.A.');
    expect(applicantInitials(' đặng  thị ánh ')).toBe('Đ.T.Á.');
    expect(applicantInitials('Ư\u0301ng Lê')).toBe('Ứ.L.');
    expect(applicantInitials('')).toBe('');
  });
});
