import { describe, expect, it } from 'vitest';
import type { Unit } from '../network/unit.ts';
import type { Result } from '../sla/result.ts';
import { pilotNetwork, vn } from './dossier-test-support.ts';
import { districtOfCommune } from './network-lookup.ts';
import { checkFilingPlace, competentAgency, ownAreaReceivers, type FilingPlaceRequest } from './routing.ts';

const AT = vn('2025-03-10 09:00');
const code = (r: Result<{ code: string }>) => (r.ok ? r.value.code : `${r.error.code}: ${r.error.message}`);
const errorOf = <T,>(r: Result<T>) => {
  if (r.ok) throw new Error('expected an error');
  return r.error;
};

/** After 01/07/2025 (two-level government): commune UBX25861 closed, a new commune agency directly under
 * the province, no districts. A synthetic slice, enough for the rules. */
const REFORM = vn('2025-07-01 00:00');
function twoLevelNetwork(): Unit[] {
  const closeAll = pilotNetwork().map((u) => (u.type === 'agency' && u.agencyLevel !== 'province' ? { ...u, validTo: REFORM } : u));
  const base = closeAll.find((u) => u.code === 'UBX25861') as Unit;
  return [...closeAll, { ...base, code: 'UBX25999', name: 'Ủy ban nhân dân xã Mới', areaCode: '25999', parentCode: 'UBND74', validFrom: REFORM, validTo: null }];
}

describe('competentAgency: from the procedure level and the applicant’s commune', () => {
  it('a commune-level procedure of a resident of Xã An Linh goes to UBND xã An Linh, wherever it was filed', () => {
    expect(code(competentAgency(pilotNetwork(), { level: 'commune', communeCode: '25861', at: AT }))).toBe('UBX25861');
  });

  it('a district-level procedure goes to the committee of the commune’s district', () => {
    expect(code(competentAgency(pilotNetwork(), { level: 'district', communeCode: '25861', at: AT }))).toBe('UBH722');
    expect(districtOfCommune(pilotNetwork(), '25741', AT)).toBe('718');
  });

  it('a province-level procedure goes to the department it names, else to the province committee', () => {
    expect(code(competentAgency(pilotNetwork(), { level: 'province', communeCode: '25861', departmentCode: 'STP74', at: AT }))).toBe('STP74');
    expect(code(competentAgency(pilotNetwork(), { level: 'province', communeCode: '99999', at: AT }))).toBe('UBND74');
    expect(errorOf(competentAgency(pilotNetwork(), { level: 'province', communeCode: '25861', departmentCode: 'SGD74', at: AT }))).toMatchObject({
      kind: 'invalid', code: 'NO_COMPETENT_AGENCY', details: { field: 'procedure.departmentCode' },
    });
  });

  it('an unknown commune is refused naming the field (applicant’s or property’s)', () => {
    expect(errorOf(competentAgency(pilotNetwork(), { level: 'commune', communeCode: '26734', at: AT }))).toMatchObject({
      kind: 'invalid',
      code: 'UNKNOWN_COMMUNE',
      message: 'Trường "applicant.address.communeCode": không có xã, phường mã 26734 trong mạng lưới của tỉnh.',
      details: { field: 'applicant.address.communeCode', reason: 'unknown' },
    });
    expect(errorOf(competentAgency(pilotNetwork(), { level: 'district', communeCode: '2586', communeField: 'propertyCommuneCode', at: AT })).details).toMatchObject({ field: 'propertyCommuneCode' });
  });

  it('respects validity: before the network opened, or after the commune agency closed, nothing is valid', () => {
    expect(errorOf(competentAgency(pilotNetwork(), { level: 'commune', communeCode: '25861', at: vn('2024-12-01 09:00') })).details).toMatchObject({ reason: 'not_valid_at' });
    const after = vn('2025-07-02 09:00');
    expect(errorOf(competentAgency(twoLevelNetwork(), { level: 'commune', communeCode: '25861', at: after })).message).toContain('không còn cơ quan giải quyết hiệu lực vào ngày 02/07/2025');
    expect(code(competentAgency(twoLevelNetwork(), { level: 'commune', communeCode: '25999', at: after }))).toBe('UBX25999');
    expect(code(competentAgency(twoLevelNetwork(), { level: 'commune', communeCode: '25861', at: AT }))).toBe('UBX25861');
  });

  it('a district-level procedure after the district level was abolished is refused clearly', () => {
    const error = errorOf(competentAgency(twoLevelNetwork(), { level: 'district', communeCode: '25999', at: vn('2025-07-02 09:00') }));
    expect(error).toMatchObject({ code: 'NO_COMPETENT_AGENCY' });
    expect(error.message).toContain('không thuộc huyện nào');
    // Where a Branch still covers the commune but its district committee is gone, the refusal names it.
    expect(errorOf(competentAgency(twoLevelNetwork(), { level: 'district', communeCode: '25861', at: vn('2025-07-02 09:00') })).message).toBe(
      'Không có Ủy ban nhân dân cấp huyện (mã 722) hiệu lực vào ngày 02/07/2025.',
    );
  });
});

describe('checkFilingPlace: location-free or the applicant’s own area', () => {
  const request = (o: Partial<FilingPlaceRequest>): FilingPlaceRequest => ({
    level: 'commune', locationFree: true, mustFileInOwnArea: false, receivingUnitCode: 'CN724', communeCode: '25861', at: AT, ...o,
  });

  it('a location-free procedure may be filed at any counter', () => {
    expect(checkFilingPlace(pilotNetwork(), request({}))).toEqual({ ok: true, value: { anywhere: true } });
  });

  it('otherwise only at the applicant’s area, and the refusal says where', () => {
    expect(errorOf(checkFilingPlace(pilotNetwork(), request({ locationFree: false })))).toMatchObject({
      kind: 'invalid',
      code: 'NOT_LOCATION_FREE',
      message: 'Thủ tục này không thuộc danh mục tiếp nhận phi địa giới hành chính vào ngày 10/03/2025: chỉ tiếp nhận tại Điểm tiếp nhận Xã An Linh hoặc Chi nhánh Phú Giáo.',
      details: { allowedUnitCodes: ['DTN25861', 'CN722'], reason: 'not_location_free' },
    });
    expect(checkFilingPlace(pilotNetwork(), request({ locationFree: false, receivingUnitCode: 'CN722' }))).toEqual({
      ok: true, value: { anywhere: false, ownArea: ['DTN25861', 'CN722'] },
    });
    expect(errorOf(checkFilingPlace(pilotNetwork(), request({ mustFileInOwnArea: true }))).message).toBe(
      'Thủ tục này phải nộp tại địa bàn của người nộp hồ sơ: chỉ tiếp nhận tại Điểm tiếp nhận Xã An Linh hoặc Chi nhánh Phú Giáo.',
    );
  });

  it('own area by level: district → the Branch, province → the Center', () => {
    expect(ownAreaReceivers(pilotNetwork(), 'district', '25861', AT).map((u) => u.code)).toEqual(['CN722']);
    expect(ownAreaReceivers(pilotNetwork(), 'province', '25861', AT).map((u) => u.code)).toEqual(['TT74']);
    expect(errorOf(checkFilingPlace(pilotNetwork(), request({ level: 'province', locationFree: false }))).message).toContain('chỉ tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh Bình Dương.');
  });

  it('an unknown commune is an unknown commune, not a location refusal', () => {
    expect(errorOf(checkFilingPlace(pilotNetwork(), request({ locationFree: false, communeCode: '26734' }))).code).toBe('UNKNOWN_COMMUNE');
  });
});
