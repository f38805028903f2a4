// The applicant (người nộp hồ sơ): a citizen with a CCCD, or an organisation with a tax code, each
// optionally acting through an authorised representative (người được ủy quyền). Validation returns the
// normalised applicant or one `invalid` error listing every bad field in `details.issues`.
import type { AppError } from '../errors.ts';
import { fail, ok, type Result } from '../sla/result.ts';
import { fieldsError, type FieldIssue } from './dossier-errors.ts';
import {
  checkEmail,
  checkIdNumber,
  checkMobilePhone,
  checkOrganizationName,
  checkPersonName,
  checkPhone,
  checkTaxCode,
  type Check,
} from './identity-numbers.ts';

export interface ApplicantAddress {
  /** GSO commune code (5 digits); routing checks it exists in the network. */
  communeCode: string;
  /** Street, hamlet … as written; null when not given. */
  detail: string | null;
}

export interface Representative {
  fullName: string;
  idNumber: string;
  phone: string | null;
  /** Number or description of the power of attorney (giấy ủy quyền); null when not given. */
  authorisation: string | null;
}

interface ApplicantBase {
  fullName: string;
  phone: string;
  email: string | null;
  address: ApplicantAddress;
  representative: Representative | null;
}

export interface CitizenApplicant extends ApplicantBase {
  kind: 'citizen';
  idNumber: string;
}

export interface OrganizationApplicant extends ApplicantBase {
  kind: 'organization';
  taxCode: string;
  /** The contract's `idNumber` of an organisation: its tax code (the public lookup accepts either). */
  idNumber: string;
}

export type Applicant = CitizenApplicant | OrganizationApplicant;

const MAX_DETAIL_LENGTH = 250;
const VN_OFFSET_MS = 7 * 3_600_000;

type Raw = Record<string, unknown>;
const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Collects issues while reading fields, so one answer lists everything wrong. */
class Reader {
  readonly issues: FieldIssue[] = [];

  check<T>(field: string, value: unknown, check: (text: string) => Check<T>): T | undefined {
    if (typeof value !== 'string' && typeof value !== 'number') {
      const result = check('');
      if (!result.ok) this.issues.push({ field, problem: result.problem, message: result.message });
      return result.ok ? result.value : undefined;
    }
    const result = check(String(value));
    if (result.ok) return result.value;
    this.issues.push({ field, problem: result.problem, message: result.message });
    return undefined;
  }

  optional<T>(field: string, value: unknown, check: (text: string) => Check<T>): T | null | undefined {
    return isBlank(value) ? null : this.check(field, value, check);
  }

  text(field: string, value: unknown, max: number, label: string): string | null | undefined {
    if (isBlank(value)) return null;
    if (typeof value !== 'string') return this.fail(field, 'type', `${label} phải là chuỗi ký tự`);
    const text = value.normalize('NFC').replace(/\s+/g, ' ').trim();
    return text.length > max ? this.fail(field, 'too_long', `${label} không được dài quá ${max} ký tự`) : text;
  }

  fail(field: string, problem: string, message: string): undefined {
    this.issues.push({ field, problem, message });
    return undefined;
  }
}

function readAddress(r: Reader, raw: unknown, field: string): ApplicantAddress | undefined {
  if (!isRecord(raw)) return r.fail(`${field}.communeCode`, 'required', 'Cần chọn xã, phường nơi cư trú (hoặc nơi có tài sản)');
  const communeCode = typeof raw.communeCode === 'string' ? raw.communeCode.trim() : '';
  const detail = r.text(`${field}.detail`, raw.detail, MAX_DETAIL_LENGTH, 'Địa chỉ chi tiết');
  if (communeCode === '') return r.fail(`${field}.communeCode`, 'required', 'Cần chọn xã, phường nơi cư trú (hoặc nơi có tài sản)');
  if (!/^\d{5}$/.test(communeCode)) return r.fail(`${field}.communeCode`, 'shape', 'Mã xã, phường phải gồm 5 chữ số theo danh mục hành chính');
  return detail === undefined ? undefined : { communeCode, detail };
}

function readRepresentative(r: Reader, raw: unknown, field: string, currentYear: number): Representative | null | undefined {
  if (raw === undefined || raw === null) return null;
  if (!isRecord(raw)) return r.fail(field, 'type', 'Thông tin người được ủy quyền không hợp lệ');
  const fullName = r.check(`${field}.fullName`, raw.fullName, checkPersonName);
  const idNumber = r.check(`${field}.idNumber`, raw.idNumber, (t) => checkIdNumber(t, currentYear));
  const phone = r.optional(`${field}.phone`, raw.phone, checkMobilePhone);
  const authorisation = r.text(`${field}.authorisation`, raw.authorisation, MAX_DETAIL_LENGTH, 'Giấy ủy quyền');
  if (fullName === undefined || idNumber === undefined || phone === undefined || authorisation === undefined) return undefined;
  return { fullName, idNumber, phone, authorisation };
}

/**
 * Validates an applicant as sent by the counter screen or the API (`now` dates the CCCD birth-year
 * check). Organisations may give their tax code as `taxCode` or, as the contract names it, `idNumber`.
 */
export function validateApplicant(input: unknown, now: number, field = 'applicant'): Result<Applicant> {
  const r = new Reader();
  const currentYear = new Date(now + VN_OFFSET_MS).getUTCFullYear();
  if (!isRecord(input)) return fail(fieldsError('INVALID_APPLICANT', 'Thông tin người nộp hồ sơ không hợp lệ', [{ field, problem: 'required', message: 'Cần thông tin người nộp hồ sơ' }]));
  const kind = input.kind;
  if (kind !== 'citizen' && kind !== 'organization') {
    r.fail(`${field}.kind`, 'enum', 'Loại người nộp phải là công dân (citizen) hoặc tổ chức (organization)');
    return fail(invalidApplicant(r.issues));
  }

  const fullName = r.check(`${field}.fullName`, input.fullName, kind === 'citizen' ? checkPersonName : checkOrganizationName);
  let identity: string | undefined;
  if (kind === 'citizen') {
    identity = r.check(`${field}.idNumber`, input.idNumber, (t) => checkIdNumber(t, currentYear));
  } else {
    identity = readTaxCode(r, input, field);
  }
  const phone = r.check(`${field}.phone`, input.phone, kind === 'citizen' ? checkMobilePhone : checkPhone);
  const email = r.optional(`${field}.email`, input.email, checkEmail);
  const address = readAddress(r, input.address, `${field}.address`);
  const representative = readRepresentative(r, input.representative, `${field}.representative`, currentYear);

  if (r.issues.length > 0) return fail(invalidApplicant(r.issues));
  const base = {
    fullName: fullName as string,
    phone: phone as string,
    email: email ?? null,
    address: address as ApplicantAddress,
    representative: representative ?? null,
  };
  return ok(
    kind === 'citizen'
      ? { kind, idNumber: identity as string, ...base }
      : { kind, taxCode: identity as string, idNumber: identity as string, ...base },
  );
}

/** `taxCode` or `idNumber`; when both are given they must agree. */
function readTaxCode(r: Reader, input: Raw, field: string): string | undefined {
  const given = !isBlank(input.taxCode) ? 'taxCode' : !isBlank(input.idNumber) ? 'idNumber' : 'taxCode';
  const taxCode = r.check(`${field}.${given}`, input[given], checkTaxCode);
  if (taxCode !== undefined && given === 'taxCode' && !isBlank(input.idNumber)) {
    const other = checkTaxCode(String(input.idNumber));
    if (!other.ok || other.value !== taxCode) return r.fail(`${field}.idNumber`, 'mismatch', 'Mã số thuế ghi ở hai trường không khớp nhau');
  }
  return taxCode;
}

function invalidApplicant(issues: FieldIssue[]): AppError {
  return fieldsError('INVALID_APPLICANT', 'Thông tin người nộp hồ sơ không hợp lệ', issues);
}
