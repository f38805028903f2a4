// Who collects a result at the counter (trả kết quả): the applicant in person, or someone they authorised.
// The officer checks the ID paper shown against the dossier: the applicant's own CCCD, the CCCD of the
// representative named at intake, or — for anybody else — a power of attorney (giấy ủy quyền) recorded.
import type { AppError } from '../errors.ts';
import { fieldError } from './dossier-errors.ts';
import { checkIdNumber } from './identity-numbers.ts';

export type RecipientRole = 'applicant' | 'representative';
export const RECIPIENT_ROLES: readonly RecipientRole[] = ['applicant', 'representative'];

export interface RecipientCheck {
  role: RecipientRole;
  idNumber: string;
  /** Number / date of the power of attorney; needed for a representative not named at intake. */
  authorisation?: string | null | undefined;
}

export interface DossierPeople {
  kind: 'citizen' | 'organization';
  /** The citizen's CCCD (an organisation's is its tax code, never shown at a counter). */
  idNumber: string | null;
  representativeIdNumber: string | null;
}

/** The recipient's normalised CCCD, or the first problem (field named) with what was shown. */
export function recipientProblem(people: DossierPeople, recipient: RecipientCheck, currentYear: number): AppError | undefined {
  if (!RECIPIENT_ROLES.includes(recipient.role)) {
    return fieldError('INVALID_RECIPIENT_ROLE', 'recipientRole', 'phải là "applicant" (người nộp) hoặc "representative" (người được ủy quyền).', recipient.role);
  }
  const id = checkIdNumber(recipient.idNumber, currentYear);
  if (!id.ok) return fieldError('INVALID_RECIPIENT_ID', 'recipientIdNumber', `${id.message}.`, recipient.idNumber);
  if (recipient.role === 'applicant') {
    if (people.kind === 'organization') {
      return fieldError('RECIPIENT_NOT_APPLICANT', 'recipientRole', 'người nộp là tổ chức: người nhận kết quả là người đại diện hoặc người được ủy quyền.');
    }
    if (people.idNumber !== id.value) {
      return fieldError('RECIPIENT_ID_MISMATCH', 'recipientIdNumber', 'số CCCD không khớp với người nộp hồ sơ; nếu là người khác nhận thay, chọn "Người được ủy quyền" và ghi giấy ủy quyền.', id.value);
    }
    return undefined;
  }
  const namedAtIntake = people.representativeIdNumber !== null && people.representativeIdNumber === id.value;
  const authorisation = recipient.authorisation?.trim() ?? '';
  if (!namedAtIntake && authorisation === '') {
    return fieldError('AUTHORISATION_REQUIRED', 'authorisation', 'người nhận thay không phải người được ủy quyền khi nộp: cần ghi số, ngày giấy ủy quyền.');
  }
  if (authorisation.length > 250) return fieldError('TEXT_TOO_LONG', 'authorisation', 'không được dài quá 250 ký tự.');
  return undefined;
}
