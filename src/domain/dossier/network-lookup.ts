// Reading the effective-dated network (plain data) for routing: which units serve an area at an
// instant, and which district a commune belonged to then. No unit codes are parsed: areas and parent
// links decide, so renamed or restructured units route the same way.
import { isValidAt, type Unit } from '../network/unit.ts';

export type NetworkUnit = Pick<Unit, 'code' | 'name' | 'type' | 'agencyLevel' | 'parentCode' | 'areaCode' | 'validFrom' | 'validTo'>;

export function validUnits<U extends NetworkUnit>(network: readonly U[], at: number): U[] {
  return network.filter((u) => isValidAt(u, at));
}

/** Valid at `at`; when a code was reused across periods, the version valid then. */
export function unitAt<U extends NetworkUnit>(network: readonly U[], code: string, at: number): U | undefined {
  return network.find((u) => u.code === code && isValidAt(u, at));
}

/** Whether any version of a unit ever served `areaCode` (to tell "unknown" from "no longer valid"). */
export function everServed(network: readonly NetworkUnit[], areaCode: string): boolean {
  return network.some((u) => u.areaCode === areaCode);
}

/**
 * The district (GSO code) a commune belonged to at `at`: the nearest ancestor, valid then, that is a
 * district committee or a Branch, of any unit serving the commune. Null when none exists, as after the
 * 2025 two-level reform.
 */
export function districtOfCommune(network: readonly NetworkUnit[], communeCode: string, at: number): string | null {
  const valid = validUnits(network, at);
  const byCode = new Map(valid.map((u) => [u.code, u]));
  for (const unit of valid.filter((u) => u.areaCode === communeCode)) {
    const seen = new Set<string>();
    let parent = unit.parentCode === null ? undefined : byCode.get(unit.parentCode);
    while (parent && !seen.has(parent.code)) {
      seen.add(parent.code);
      if ((parent.type === 'agency' && parent.agencyLevel === 'district') || parent.type === 'branch') return parent.areaCode;
      parent = parent.parentCode === null ? undefined : byCode.get(parent.parentCode);
    }
  }
  return null;
}
