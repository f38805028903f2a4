// Which provincial agency decides a province-level procedure. The national catalog names the competent
// authority in free text ("Sở Tư pháp", "Ủy ban nhân dân cấp tỉnh", often empty) and always the issuing
// ministry; the department follows the text when it names one, else the ministry and the field, as the
// province's departments were organised in 2024 (before the 2025 mergers). A rule of thumb, not law:
// the procedure's own routing can be corrected per version by an administrator.
import { unitCodes } from './binh-duong-network.ts';
import { foldVietnamese as fold } from '../catalog/text.ts';

export interface CompetentAuthorityFacts {
  competentAuthority: string | null;
  issuingMinistry: string | null;
  field: string;
}


const BY_TEXT: ReadonlyArray<[RegExp, string]> = [
  [/cong an/, 'CAT'],
  [/so tu phap/, 'STP'],
  [/so xay dung/, 'SXD'],
  [/so tai chinh/, 'STC'],
  [/so ke hoach/, 'SKHDT'],
  [/so tai nguyen|van phong dang ky dat dai/, 'STNMT'],
  [/so nong nghiep/, 'SNN'],
  [/ngan hang nha nuoc/, 'NHNN'],
  [/(uy ban nhan dan|ubnd)[^,]*(cap )?tinh/, 'UBND'],
];

const LAND_AND_ENVIRONMENT = /dat dai|dia chat|khoang san|tai nguyen nuoc|moi truong|bien va hai dao|bien doi khi hau|khi tuong|do dac/;
const BUSINESS_AND_INVESTMENT = /thanh lap va hoat dong|dau tu|hop tac xa|doanh nghiep/;

/** The unit code of the provincial agency competent for a province-level procedure. */
export function competentDepartmentCode(facts: CompetentAuthorityFacts, provinceCode: string): string {
  const code = (suffix: string) => (suffix === 'UBND' ? unitCodes.provincialCommittee(provinceCode) : unitCodes.department(suffix, provinceCode));
  const text = fold(facts.competentAuthority ?? '');
  for (const [pattern, suffix] of BY_TEXT) if (pattern.test(text)) return code(suffix);
  const ministry = fold(facts.issuingMinistry ?? '');
  const field = fold(facts.field);
  if (ministry.includes('cong an')) return code('CAT');
  if (ministry.includes('tu phap')) return code('STP');
  if (ministry.includes('xay dung')) return code('SXD');
  if (ministry.includes('ngan hang')) return code('NHNN');
  if (ministry.includes('nong nghiep')) return code(LAND_AND_ENVIRONMENT.test(field) ? 'STNMT' : 'SNN');
  if (ministry.includes('tai chinh')) return code(BUSINESS_AND_INVESTMENT.test(field) ? 'SKHDT' : 'STC');
  return code('UBND');
}
