// A unit of the one-level network (đơn vị): the Center, its Branches and Reception Points, and the
// competent agencies (cơ quan có thẩm quyền). Valid in [validFrom, validTo).

export type UnitType = 'center' | 'branch' | 'reception_point' | 'agency';
export type AgencyLevel = 'province' | 'district' | 'commune';
export const UNIT_TYPES: readonly UnitType[] = ['center', 'branch', 'reception_point', 'agency'];

export interface Unit {
  code: string;
  provinceCode: string;
  name: string;
  shortName: string | null;
  type: UnitType;
  agencyLevel: AgencyLevel | null;
  parentCode: string | null;
  /** GSO code of the administrative area the unit serves (commune for a point, district for a branch). */
  areaCode: string | null;
  /** Mã định danh QCVN 102:2016, used in dossier codes; configurable because Bình Dương's is not published. */
  agencyIdentifier: string | null;
  address: string | null;
  validFrom: number;
  validTo: number | null;
}

export function isValidAt(unit: Pick<Unit, 'validFrom' | 'validTo'>, at: number): boolean {
  return unit.validFrom <= at && (unit.validTo === null || at < unit.validTo);
}

/** Codes of `root` and every unit below it, from parent links (a unit's scope is its subtree). */
export function subtreeCodes(units: ReadonlyArray<Pick<Unit, 'code' | 'parentCode'>>, root: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentCode === null) continue;
    const list = children.get(unit.parentCode) ?? [];
    list.push(unit.code);
    children.set(unit.parentCode, list);
  }
  const result = new Set<string>([root]);
  const stack = [root];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (!result.has(child)) {
        result.add(child);
        stack.push(child);
      }
    }
  }
  return result;
}
