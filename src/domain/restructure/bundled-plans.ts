// The plans motcua ships for Bình Dương, built from the GSO units and the 2025 mapping (pure data in,
// plans out). Phases 2 and 3 are DEMO choices — the province did not publish which points merge — made
// by a stated, reproducible rule; the 01/07/2025 reform follows the published commune mapping.
import type { AdministrativeUnit } from '../network/binh-duong-network.ts';
import { unitCodes } from '../network/binh-duong-network.ts';
import type { Operation, RestructurePlan } from './plan.ts';

export const PHASE_2_AT = Date.parse('2025-01-01T00:00:00+07:00');
export const PHASE_3_AT = Date.parse('2025-07-01T00:00:00+07:00');
export const REFORM_2025_AT = Date.parse('2025-07-01T00:00:00+07:00');

const communesOf = (areas: readonly AdministrativeUnit[]) => areas.filter((a) => a.level === 3);
const districtsOf = (areas: readonly AdministrativeUnit[]) => areas.filter((a) => a.level === 2);
const provinceOf = (areas: readonly AdministrativeUnit[]) => {
  const p = areas.find((a) => a.level === 1);
  if (!p) throw new Error('administrative units: no province');
  return p.code;
};

/**
 * Demo rule for the district's central ward/town (where the Branch sits): the commune-level unit with
 * the lowest GSO code among its wards (phường) and towns (thị trấn).
 */
export function centralCommune(areas: readonly AdministrativeUnit[], districtCode: string): AdministrativeUnit {
  const own = communesOf(areas).filter((c) => c.parentCode === districtCode).sort((a, b) => a.code.localeCompare(b.code));
  const urban = own.filter((c) => c.type === 'Phường' || c.type === 'Thị trấn');
  const chosen = urban[0] ?? own[0];
  if (!chosen) throw new Error(`district ${districtCode} has no commune`);
  return chosen;
}

/** Phase 2 (01/01/2025): the Reception Point of each district's central ward merges into its Branch (91 → 82). */
export function phase2Plan(areas: readonly AdministrativeUnit[]): RestructurePlan {
  const operations: Operation[] = districtsOf(areas).map((d) => ({
    op: 'merge',
    from: [unitCodes.receptionPoint(centralCommune(areas, d.code).code)],
    into: unitCodes.branch(d.code),
  }));
  return {
    id: 'bd-phase-2',
    title: 'Giai đoạn 2: sáp nhập 9 Điểm tiếp nhận phường/thị trấn trung tâm vào Chi nhánh',
    note: 'DỮ LIỆU MINH HỌA: tỉnh chưa công bố danh sách; điểm được chọn là phường/thị trấn có mã nhỏ nhất của mỗi huyện/thành phố.',
    effectiveAt: PHASE_2_AT,
    operations,
  };
}

/** Reception Points left after phase 2, by district, in code order. */
function pointsAfterPhase2(areas: readonly AdministrativeUnit[]): Map<string, string[]> {
  const byDistrict = new Map<string, string[]>();
  for (const d of districtsOf(areas)) {
    const central = centralCommune(areas, d.code).code;
    byDistrict.set(d.code, communesOf(areas).filter((c) => c.parentCode === d.code && c.code !== central).map((c) => c.code).sort());
  }
  return byDistrict;
}

/**
 * Phase 3 (01/07/2025): 10 new Branches and 48 Reception Points (1 Center, 19 Branches, 48 points).
 * Demo rule: districts with the most points first, round-robin, the point with the highest code becomes
 * a Branch (its point merges into the new Branch); then, again taking the district with the most points,
 * its highest-coded point merges into its lowest-coded one until 48 remain.
 */
export function phase3Plan(areas: readonly AdministrativeUnit[], newBranches = 10, pointsLeft = 48): RestructurePlan {
  const province = provinceOf(areas);
  const points = pointsAfterPhase2(areas);
  const names = new Map(communesOf(areas).map((c) => [c.code, c]));
  const operations: Operation[] = [];
  const busiest = () => [...points.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));

  for (let i = 0; i < newBranches; i++) {
    const [, list] = busiest()[0]!;
    const commune = list.pop()!;
    const area = names.get(commune)!;
    const branch = `CN${commune}`;
    operations.push({ op: 'create', unit: { code: branch, name: `Chi nhánh ${area.shortName}`, shortName: area.shortName, type: 'branch', parentCode: unitCodes.center(province), areaCode: commune } });
    operations.push({ op: 'merge', from: [unitCodes.receptionPoint(commune)], into: branch });
  }
  let remaining = [...points.values()].reduce((n, l) => n + l.length, 0);
  while (remaining > pointsLeft) {
    const [, list] = busiest()[0]!;
    const gone = list.pop()!;
    const keeper = list[0]!;
    operations.push({ op: 'merge', from: [unitCodes.receptionPoint(gone)], into: unitCodes.receptionPoint(keeper) });
    remaining--;
  }
  return {
    id: 'bd-phase-3',
    title: `Giai đoạn 3: thêm ${newBranches} Chi nhánh, còn ${pointsLeft} Điểm tiếp nhận`,
    note: 'DỮ LIỆU MINH HỌA: tỉnh chưa công bố danh sách; quy tắc chọn nêu trong mã nguồn (bundled-plans.ts).',
    effectiveAt: PHASE_3_AT,
    operations,
  };
}

export interface ReformMapping {
  communes: Array<{ oldCode: string; oldName: string; newUnits: Array<{ code: string; name: string }> }>;
  province: { newProvince: Array<{ new_id: string; name: string }> };
}

/** Codes of the post-reform units: the new province code keeps them apart from reused GSO commune codes. */
export const reformCodes = {
  communeCommittee: (newProvince: string, commune: string) => `UBX${newProvince}${commune}`,
  receptionPoint: (newProvince: string, commune: string) => `DTN${newProvince}${commune}`,
};

/**
 * The 01/07/2025 reform (NQ 202/2025/QH15, NQ 1685/NQ-UBTVQH15): the district level ends, 91 communes
 * become 36. Each new commune gets a People's Committee and a Reception Point under the Center; old
 * commune committees and points close into their successor(s) (split ones by the applicant's commune,
 * else the first listed successor — the mapping has no finer detail); Branches and district committees
 * close into the new communes of their area by the applicant's commune.
 * `present` = unit codes valid before the reform (so it applies after phase 2 or 3 as well).
 */
export function reform2025Plan(areas: readonly AdministrativeUnit[], mapping: ReformMapping, present: ReadonlySet<string>): RestructurePlan {
  const province = provinceOf(areas);
  const newProvince = mapping.province.newProvince[0]?.new_id ?? '79';
  const operations: Operation[] = [];
  const newCommunes = new Map<string, string>();
  for (const c of mapping.communes) for (const n of c.newUnits) newCommunes.set(n.code, n.name);
  const successorsOf = new Map(mapping.communes.map((c) => [c.oldCode, c.newUnits.map((n) => n.code)]));

  for (const [code, name] of [...newCommunes].sort()) {
    operations.push({ op: 'create', unit: { code: reformCodes.communeCommittee(newProvince, code), name: `Ủy ban nhân dân ${lower(name)}`, shortName: `UBND ${name.replace(/^(Phường|Xã) /, '')}`, type: 'agency', agencyLevel: 'commune', parentCode: unitCodes.provincialCommittee(province), areaCode: code } });
    operations.push({ op: 'create', unit: { code: reformCodes.receptionPoint(newProvince, code), name: `Điểm tiếp nhận ${name}`, shortName: name.replace(/^(Phường|Xã) /, ''), type: 'reception_point', parentCode: unitCodes.center(province), areaCode: code } });
  }
  // Applicants' communes (old codes, and new ones for dossiers filed with the new address) → successor.
  const byCommune = (make: (c: string) => string, communes: Iterable<string>) => {
    const map: Record<string, string> = {};
    for (const old of communes) {
      const first = successorsOf.get(old)?.[0];
      if (first) map[old] = make(first);
    }
    return map;
  };
  const handOver = (from: string, make: (c: string) => string, oldCommunes: string[]) => {
    if (!present.has(from)) return;
    const targets = [...new Set(oldCommunes.flatMap((c) => successorsOf.get(c) ?? []))].map(make);
    if (targets.length === 1) operations.push({ op: 'close', code: from, successor: targets[0]! });
    else if (targets.length > 1) {
      const communeMap = byCommune(make, oldCommunes);
      for (const t of oldCommunes.flatMap((c) => successorsOf.get(c) ?? [])) communeMap[t] = make(t);
      operations.push({ op: 'split', from, into: targets, assignBy: 'applicantCommune', communeMap, default: communeMap[oldCommunes[0]!]! });
    }
  };
  const committee = (c: string) => reformCodes.communeCommittee(newProvince, c);
  const point = (c: string) => reformCodes.receptionPoint(newProvince, c);
  for (const c of communesOf(areas)) {
    handOver(unitCodes.communeCommittee(c.code), committee, [c.code]);
    handOver(unitCodes.receptionPoint(c.code), point, [c.code]);
  }
  for (const d of districtsOf(areas)) {
    const own = communesOf(areas).filter((c) => c.parentCode === d.code).map((c) => c.code);
    // The central ward first, so that it is the default successor of the district's Branch and committee.
    const central = centralCommune(areas, d.code).code;
    const ordered = [central, ...own.filter((c) => c !== central)];
    handOver(unitCodes.districtCommittee(d.code), committee, ordered);
    handOver(unitCodes.branch(d.code), point, ordered);
  }
  // Phase 3's Branches (CN<commune>) and anything else left under a closing Branch.
  for (const code of present) {
    const m = /^CN(\d{5})$/.exec(code);
    if (m) handOver(code, point, [m[1]!]);
  }
  return {
    id: 'hcm-reform-2025-07-01',
    title: 'Sắp xếp đơn vị hành chính 01/07/2025: Bình Dương hợp nhất vào TP. Hồ Chí Minh, bỏ cấp huyện, 91 xã/phường thành 36',
    note: `Theo NQ 202/2025/QH15 và NQ 1685/NQ-UBTVQH15 (bảng ánh xạ dvhcvn/20250701). Tỉnh mới mã ${newProvince}; dữ liệu hệ thống giữ mã phân vùng ${province}. Xã/phường bị chia: hồ sơ theo xã của người nộp, nếu không xác định được thì về đơn vị kế thừa đầu tiên trong bảng ánh xạ.`,
    effectiveAt: REFORM_2025_AT,
    operations,
  };
}

function lower(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
