// The communes (xã, phường, thị trấn) a counter can pick for an applicant's residence or a property:
// every commune-level competent agency valid at a date names one (its area code is the GSO commune code),
// with its district for telling namesakes apart ("Phường An Bình" exists in several districts).
import { isValidAt, type Unit } from './unit.ts';

export interface Commune {
  /** GSO commune code (5 digits). */
  code: string;
  /** "Xã An Linh" */
  name: string;
  /** "Huyện Phú Giáo"; null under two-level government (no district). */
  districtName: string | null;
  /** The commune's Reception Point valid at the date, when it has one (a natural return point). */
  receptionPointCode: string | null;
}

const COMMITTEE = /^Ủy ban nhân dân\s+/i;

/** "Ủy ban nhân dân xã An Linh" → "Xã An Linh". */
export function areaNameOf(committeeName: string): string {
  const bare = committeeName.replace(COMMITTEE, '').trim();
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

export function communesAt(units: readonly Unit[], at: number): Commune[] {
  const valid = units.filter((u) => isValidAt(u, at));
  const byCode = new Map(valid.map((u) => [u.code, u]));
  const points = new Map(valid.filter((u) => u.type === 'reception_point' && u.areaCode).map((u) => [u.areaCode as string, u.code]));
  return valid
    .filter((u) => u.type === 'agency' && u.agencyLevel === 'commune' && u.areaCode !== null)
    .map((u) => {
      const parent = u.parentCode ? byCode.get(u.parentCode) : undefined;
      return {
        code: u.areaCode as string,
        name: areaNameOf(u.name),
        districtName: parent?.agencyLevel === 'district' ? areaNameOf(parent.name) : null,
        receptionPointCode: points.get(u.areaCode as string) ?? null,
      };
    })
    .sort((a, b) => (a.districtName ?? '').localeCompare(b.districtName ?? '', 'vi') || a.name.localeCompare(b.name, 'vi'));
}
