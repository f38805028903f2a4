// Reading figures across a restructuring: amounts recorded under the units of their day are carried onto
// the units of another structure — forward through closures (a split predecessor's amounts by the
// applicants' communes, else to its default successor) or back to the predecessors of a unit that did
// not exist yet (to the predecessors whose split rule sent the applicant's commune to it, else shared
// equally among them: the figures do not say more). Totals are kept exactly.
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
  const all = map.predecessors.get(unit) ?? [];
  if (all.length === 0) {
    out.set(unit, (out.get(unit) ?? 0) + amount);
    return;
  }
  // The commune's own predecessor when a split rule names it (the inverse of the split), else all of them.
  const byCommune = commune === null ? [] : all.filter((p) => map.handovers.get(p)?.communeMap[commune] === unit);
  const back = byCommune.length > 0 ? byCommune : all;
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

/** A row of per-unit amounts: one key (unit code), the applicant commune when the row is one commune's, the measures. */
export interface UnitAmounts {
  key: string;
  /** Known for rows read per dossier (exact allocation); absent for rollup rows (spread by `weights`). */
  commune?: string | null | undefined;
  values: readonly number[];
}

/**
 * Re-groups rows of per-unit measures onto the target structure. A row whose commune is known is carried
 * whole by that commune (exact per dossier); a rollup row is spread over its unit's applicant communes in
 * proportion to `weights` (dossier counts per commune; none: carried with an unknown commune). Each measure
 * is rounded back to whole numbers whose sum is the rows' sum, so totals never change.
 */
export function regroupAmounts(rows: readonly UnitAmounts[], weights: ReadonlyMap<string, ReadonlyMap<string, number>>, map: StructureMap, measures: number): Array<{ key: string; values: number[] }> {
  const shares = Array.from({ length: measures }, () => new Map<string, number>());
  const totals = new Array<number>(measures).fill(0);
  for (const row of rows) {
    const spread = row.commune !== undefined ? new Map([[row.commune, 1]]) : communeFractions(weights.get(row.key));
    for (let m = 0; m < measures; m++) {
      const v = row.values[m] ?? 0;
      totals[m]! += v;
      if (v === 0) continue;
      const out = shares[m]!;
      for (const [commune, f] of spread) carry(row.key, commune, v * f, map, out, 0);
    }
  }
  const rounded = shares.map((s, m) => roundToTotal(s, totals[m]!));
  const keys = [...new Set(rounded.flatMap((r) => [...r.keys()]))].sort();
  return keys.map((key) => ({ key, values: rounded.map((r) => r.get(key) ?? 0) }));
}

function communeFractions(w: ReadonlyMap<string, number> | undefined): Map<string | null, number> {
  const sum = w ? [...w.values()].reduce((a, b) => a + Math.max(0, b), 0) : 0;
  if (!w || sum === 0) return new Map([[null, 1]]);
  return new Map([...w].filter(([, n]) => n > 0).map(([c, n]) => [c, n / sum]));
}

/**
 * The one unit of the target structure that stands for `unit` where a figure cannot be divided (a ratio,
 * an officer's unit): the target receiving the largest share of its dossiers (ties: lowest code).
 */
export function primaryTarget(unit: string, weights: ReadonlyMap<string, ReadonlyMap<string, number>>, map: StructureMap): string {
  const out = new Map<string, number>();
  for (const [commune, f] of communeFractions(weights.get(unit))) carry(unit, commune, f, map, out, 0);
  return [...out].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? unit;
}
