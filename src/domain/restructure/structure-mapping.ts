// Reading figures across a restructuring: amounts recorded under the units of their day are carried onto
// the units of another structure — forward through closures (a split predecessor's amounts by the
// applicants' communes, else to its default successor) or back to the predecessors of a unit that did
// not exist yet (shared equally among them: the figures do not say more). Totals are kept exactly.
import { handoverTarget, type Handover } from './network-planning.ts';

export interface StructureMap {
  /** Is the unit part of the target structure? */
  isTarget(code: string): boolean;
  handovers: ReadonlyMap<string, Handover>;
  /** Predecessors of a unit (lineage), for units that came after the target structure. */
  predecessors: ReadonlyMap<string, readonly string[]>;
}

const MAX_DEPTH = 10;

function carry(unit: string, commune: string | null, amount: number, map: StructureMap, out: Map<string, number>, depth: number): void {
  if (map.isTarget(unit) || depth >= MAX_DEPTH) {
    out.set(unit, (out.get(unit) ?? 0) + amount);
    return;
  }
  const h = map.handovers.get(unit);
  const forward = h ? handoverTarget(h, commune) : null;
  if (forward !== null) return carry(forward, commune, amount, map, out, depth + 1);
  const back = map.predecessors.get(unit) ?? [];
  if (back.length === 0) {
    out.set(unit, (out.get(unit) ?? 0) + amount);
    return;
  }
  for (const p of back) carry(p, commune, amount / back.length, map, out, depth + 1);
}

/** Carries each unit's amounts (per applicant commune; null when unknown) onto the target structure. */
export function mapOntoStructure(amounts: ReadonlyMap<string, ReadonlyMap<string | null, number>>, map: StructureMap): Map<string, number> {
  const out = new Map<string, number>();
  for (const [unit, byCommune] of amounts) for (const [commune, amount] of byCommune) carry(unit, commune, amount, map, out, 0);
  return out;
}

/** Rounds shares to whole numbers whose sum is `total` (largest remainder; ties by key). */
export function roundToTotal(shares: ReadonlyMap<string, number>, total: number): Map<string, number> {
  const entries = [...shares].map(([k, v]) => ({ k, floor: Math.floor(v + 1e-9), rest: v - Math.floor(v + 1e-9) }));
  let left = total - entries.reduce((a, e) => a + e.floor, 0);
  entries.sort((a, b) => b.rest - a.rest || a.k.localeCompare(b.k));
  const out = new Map<string, number>();
  for (const e of entries) {
    const extra = left > 0 ? 1 : 0;
    left -= extra;
    out.set(e.k, e.floor + extra);
  }
  return out;
}
