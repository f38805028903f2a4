// The Bình Dương pilot network as it opened on 02/12/2024 (Resolution 37/NQ-HĐND): one Center, one
// Branch per district-level unit, one Reception Point per commune-level unit, and the competent agencies
// (provincial People's Committee and departments, 9 district and 91 commune People's Committees).
// Built from the GSO administrative units; pure so that tests and the seed share it.
import type { Unit } from './unit.ts';

export interface AdministrativeUnit {
  code: string;
  name: string;
  shortName: string;
  type: string;
  parentCode: string | null;
  level: number;
}

export const NETWORK_OPENED_AT = Date.parse('2024-12-02T00:00:00+07:00');

// Provincial departments that handle the seeded national procedures (the six ministries of the
// catalog: Công an, Tài chính, Tư pháp, Xây dựng, Nông nghiệp và Môi trường, Ngân hàng Nhà nước), as
// they were organised in 2024 before the 2025 mergers (KH&ĐT into Tài chính, TN&MT with NN&PTNT).
const PROVINCIAL_DEPARTMENTS: ReadonlyArray<{ suffix: string; name: string }> = [
  { suffix: 'CAT', name: 'Công an tỉnh Bình Dương' },
  { suffix: 'STP', name: 'Sở Tư pháp tỉnh Bình Dương' },
  { suffix: 'STC', name: 'Sở Tài chính tỉnh Bình Dương' },
  { suffix: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư tỉnh Bình Dương' },
  { suffix: 'SXD', name: 'Sở Xây dựng tỉnh Bình Dương' },
  { suffix: 'STNMT', name: 'Sở Tài nguyên và Môi trường tỉnh Bình Dương' },
  { suffix: 'SNN', name: 'Sở Nông nghiệp và Phát triển nông thôn tỉnh Bình Dương' },
  { suffix: 'NHNN', name: 'Ngân hàng Nhà nước Chi nhánh tỉnh Bình Dương' },
];

/** Unit codes, one scheme for the whole network (also the suffix of demo usernames: tn.CN718). */
export const unitCodes = {
  provincialCommittee: (province: string) => `UBND${province}`,
  center: (province: string) => `TT${province}`,
  branch: (districtCode: string) => `CN${districtCode}`,
  receptionPoint: (communeCode: string) => `DTN${communeCode}`,
  department: (suffix: string, province: string) => `${suffix}${province}`,
  districtCommittee: (districtCode: string) => `UBH${districtCode}`,
  communeCommittee: (communeCode: string) => `UBX${communeCode}`,
};

export function buildPilotNetwork(areas: readonly AdministrativeUnit[], validFrom = NETWORK_OPENED_AT): Unit[] {
  const province = areas.find((a) => a.level === 1);
  if (!province) throw new Error('administrative units: no province (level 1)');
  const p = province.code;
  const base = { provinceCode: p, agencyIdentifier: null, address: null, validFrom, validTo: null };
  const districts = areas.filter((a) => a.level === 2);
  const communes = areas.filter((a) => a.level === 3);
  const committee = unitCodes.provincialCommittee(p);
  const center = unitCodes.center(p);

  const units: Unit[] = [
    { ...base, code: committee, name: `Ủy ban nhân dân ${province.name.replace(/^Tỉnh/, 'tỉnh')}`, shortName: `UBND ${province.shortName}`,
      type: 'agency', agencyLevel: 'province', parentCode: null, areaCode: p },
    { ...base, code: center, name: `Trung tâm Phục vụ hành chính công ${province.name.replace(/^Tỉnh/, 'tỉnh')}`, shortName: 'Trung tâm',
      type: 'center', agencyLevel: null, parentCode: committee, areaCode: p },
  ];
  for (const dept of PROVINCIAL_DEPARTMENTS) {
    units.push({ ...base, code: unitCodes.department(dept.suffix, p), name: dept.name, shortName: null, type: 'agency',
      agencyLevel: 'province', parentCode: committee, areaCode: p });
  }
  for (const d of districts) {
    units.push({ ...base, code: unitCodes.branch(d.code), name: `Chi nhánh ${d.shortName}`, shortName: d.shortName,
      type: 'branch', agencyLevel: null, parentCode: center, areaCode: d.code });
    units.push({ ...base, code: unitCodes.districtCommittee(d.code), name: `Ủy ban nhân dân ${lowerFirst(d.name)}`,
      shortName: `UBND ${d.shortName}`, type: 'agency', agencyLevel: 'district', parentCode: committee, areaCode: d.code });
  }
  for (const c of communes) {
    if (!c.parentCode) throw new Error(`administrative unit ${c.code}: commune without district`);
    units.push({ ...base, code: unitCodes.receptionPoint(c.code), name: `Điểm tiếp nhận ${c.name}`, shortName: c.shortName,
      type: 'reception_point', agencyLevel: null, parentCode: unitCodes.branch(c.parentCode), areaCode: c.code });
    units.push({ ...base, code: unitCodes.communeCommittee(c.code), name: `Ủy ban nhân dân ${lowerFirst(c.name)}`,
      shortName: `UBND ${c.shortName}`, type: 'agency', agencyLevel: 'commune',
      parentCode: unitCodes.districtCommittee(c.parentCode), areaCode: c.code });
  }
  return units;
}

// "Thành phố Thủ Dầu Một" → "thành phố Thủ Dầu Một" inside a longer name, as Vietnamese writes it.
function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
