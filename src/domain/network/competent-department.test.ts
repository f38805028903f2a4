import { describe, expect, it } from 'vitest';
import { competentDepartmentCode } from './competent-department.ts';

describe('competentDepartmentCode', () => {
  it.each([
    [{ competentAuthority: 'Sở Tư pháp', issuingMinistry: 'Bộ Tư pháp', field: 'Hộ tịch' }, 'STP74'],
    [{ competentAuthority: 'Chủ tịch ủy ban nhân dân cấp tỉnh', issuingMinistry: 'Bộ Xây dựng', field: 'Nhà ở' }, 'UBND74'],
    [{ competentAuthority: 'Công an tỉnh', issuingMinistry: 'Bộ Công an', field: 'Cư trú' }, 'CAT74'],
    [{ competentAuthority: '', issuingMinistry: 'Bộ Nông nghiệp và Môi trường', field: 'Đất đai' }, 'STNMT74'],
    [{ competentAuthority: '', issuingMinistry: 'Bộ Nông nghiệp và Môi trường', field: 'Thú y' }, 'SNN74'],
    [{ competentAuthority: null, issuingMinistry: 'Bộ Tài chính', field: 'Thành lập và hoạt động của doanh nghiệp' }, 'SKHDT74'],
    [{ competentAuthority: null, issuingMinistry: 'Bộ Tài chính', field: 'Quản lý công sản' }, 'STC74'],
    [{ competentAuthority: null, issuingMinistry: 'Ngân hàng Nhà nước Việt Nam', field: 'Hoạt động ngoại hối' }, 'NHNN74'],
    [{ competentAuthority: null, issuingMinistry: 'Tòa án nhân dân tối cao', field: 'Khác' }, 'UBND74'],
  ])('%j → %s', (facts, expected) => {
    expect(competentDepartmentCode(facts, '74')).toBe(expected);
  });
});
