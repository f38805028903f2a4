// Agency identifiers (mã định danh cơ quan) under QCVN 102:2016/BTTTT: `V1V2V3.Z1Z2.Y1Y2.MX1X2`, read
// right to left — M X1X2 the level-1 unit (a letter for the group, H = the provinces, and two digits),
// Y1Y2 the level-2 unit below it, Z1Z2 level 3, V1V2V3 level 4; zeros where a level is unused.
// Examples: `000.00.00.H48` (a province's People's Committee), `000.00.53.H48` (a unit under it).
import { invalid, type AppError } from '../errors.ts';
import type { Unit } from '../network/unit.ts';

const IDENTIFIER_RE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
const ROOT_RE = /^000\.00\.00\.[A-Z]\d{2}$/;

export function isAgencyIdentifier(text: string): boolean {
  return IDENTIFIER_RE.test(text);
}

export function agencyIdentifierProblem(text: unknown, field = 'agencyIdentifier'): AppError | undefined {
  if (typeof text === 'string' && IDENTIFIER_RE.test(text)) return undefined;
  return invalid(
    'INVALID_AGENCY_IDENTIFIER',
    `Trường "${field}": mã định danh cơ quan phải có dạng V1V2V3.Z1Z2.Y1Y2.MX1X2 theo QCVN 102:2016/BTTTT, ví dụ 000.00.53.H48.`,
    { field, value: text },
  );
}

/**
 * Placeholder province root for demos and tests: Bình Dương's real H-code is not published (domain.md
 * §4, open). `H` keeps the shape of a province identifier; `74` is Bình Dương's GSO code, recognisable
 * and above the H group's numbers seen in use (one per province, 63 before 2025), so it is not mistaken
 * for a real province. Deployments configure the real root per province and real identifiers per unit.
 */
export const PLACEHOLDER_PROVINCE_ROOT = '000.00.00.H74';

/** Y1Y2 slot of each kind of unit in a default identifier (documented in docs/decisions/0004). */
const SLOT = { center: '01', branch: '02', reception_point: '03', districtAgency: '04', communeAgency: '05' } as const;

export type DefaultIdentifierUnit = Pick<Unit, 'type' | 'agencyLevel' | 'areaCode' | 'parentCode'>;

/**
 * The identifier to use when an administrator has set none: derived only from the unit's own stable
 * facts (type and GSO area code) under `provinceRoot`, so it never changes when other units come or go.
 * - province People's Committee (province agency without parent) → the root itself;
 * - Center → `000.00.01.<M>`; Branch of district ddd → `ddd.00.02.<M>`;
 * - Reception Point of commune ccccc → `ccc.cc.03.<M>` (the 5 GSO digits split as Z1Z2 + V1V2V3);
 * - district committee → `ddd.00.04.<M>`; commune committee → `ccc.cc.05.<M>`.
 * Provincial departments have no area of their own to derive a number from: null (configure them).
 */
export function defaultAgencyIdentifier(unit: DefaultIdentifierUnit, provinceRoot = PLACEHOLDER_PROVINCE_ROOT): string | null {
  if (!ROOT_RE.test(provinceRoot)) throw agencyIdentifierProblem(provinceRoot, 'provinceRoot') as AppError;
  const group = provinceRoot.slice(10); // "H74"
  const district = (slot: string) => (unit.areaCode !== null && /^\d{3}$/.test(unit.areaCode) ? `${unit.areaCode}.00.${slot}.${group}` : null);
  const commune = (slot: string) =>
    unit.areaCode !== null && /^\d{5}$/.test(unit.areaCode) ? `${unit.areaCode.slice(2)}.${unit.areaCode.slice(0, 2)}.${slot}.${group}` : null;
  switch (unit.type) {
    case 'center':
      return `000.00.${SLOT.center}.${group}`;
    case 'branch':
      return district(SLOT.branch);
    case 'reception_point':
      return commune(SLOT.reception_point);
    case 'agency':
      if (unit.agencyLevel === 'commune') return commune(SLOT.communeAgency);
      if (unit.agencyLevel === 'district') return district(SLOT.districtAgency);
      return unit.parentCode === null ? provinceRoot : null;
  }
}

/** The configured identifier, else the default; null when neither exists (the unit cannot issue codes). */
export function agencyIdentifierOf(
  unit: DefaultIdentifierUnit & Pick<Unit, 'agencyIdentifier'>,
  provinceRoot = PLACEHOLDER_PROVINCE_ROOT,
): string | null {
  return unit.agencyIdentifier ?? defaultAgencyIdentifier(unit, provinceRoot);
}
