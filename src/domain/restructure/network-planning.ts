// The evidence a manager needs before merging points (network planning view): for a plan, the reception
// points per district before and after, the staff and counters per point, the historical load each
// surviving point would absorb, and an estimated queue wait at the busiest hour. Pure: the service reads
// the units, staff, counters, load and serving times; this file allocates and estimates.
import { estimateWaitMs } from '../queue/wait-estimate.ts';
import { isValidAt, type Unit } from '../network/unit.ts';

/** How a closed unit hands over (as stored with the plan). */
export interface Handover {
  code: string;
  successors: string[];
  communeMap: Record<string, string>;
  fallback: string | null;
}

export const PLANNING_ASSUMPTIONS = {
  /** Days of history read (stats_daily) for the load. */
  historyDays: 90,
  /** Share of a day's visits that arrive in its busiest hour (assumption, not measured). */
  peakHourShare: 0.2,
} as const;

const POINT_TYPES = new Set(['center', 'branch', 'reception_point']);

/** The unit that takes work of an applicant from `commune` (null: the unit keeps it). */
export function handoverTarget(h: Handover, commune: string | null): string | null {
  return (commune !== null ? h.communeMap[commune] : undefined) ?? h.fallback ?? h.successors[0] ?? null;
}

/**
 * Spreads each unit's total over its applicants' communes in proportion to `shares` (dossier counts per
 * commune); a unit without shares keeps its total unallocated (commune null). Sums are preserved.
 */
export function withCommuneShares(totals: ReadonlyMap<string, number>, shares: ReadonlyArray<{ unit: string; commune: string; n: number }>): Map<string, Map<string | null, number>> {
  const byUnit = new Map<string, Map<string, number>>();
  for (const s of shares) {
    if (s.n <= 0) continue;
    const m = byUnit.get(s.unit) ?? new Map<string, number>();
    m.set(s.commune, (m.get(s.commune) ?? 0) + s.n);
    byUnit.set(s.unit, m);
  }
  const out = new Map<string, Map<string | null, number>>();
  for (const [unit, total] of totals) {
    const m = byUnit.get(unit);
    const sum = m ? [...m.values()].reduce((a, b) => a + b, 0) : 0;
    if (!m || sum === 0) {
      out.set(unit, new Map([[null, total]]));
      continue;
    }
    out.set(unit, new Map([...m].map(([c, n]) => [c, (total * n) / sum])));
  }
  return out;
}

/**
 * Allocates per-unit, per-commune amounts onto the units valid after a plan: a closed unit's amount goes
 * to the successor its commune maps to (the split rule), else to its default successor. Follows chains
 * of closures (a successor closed by a later plan) up to a fixed depth. Sums are preserved.
 */
export function allocateToSuccessors(amounts: ReadonlyMap<string, ReadonlyMap<string | null, number>>, handovers: ReadonlyMap<string, Handover>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [unit, byCommune] of amounts) {
    for (const [commune, amount] of byCommune) {
      let target = unit;
      for (let depth = 0; depth < 10; depth++) {
        const h = handovers.get(target);
        const next = h ? handoverTarget(h, commune) : null;
        if (next === null) break;
        target = next;
      }
      out.set(target, (out.get(target) ?? 0) + amount);
    }
  }
  return out;
}

/** Utilisation above which the steady-state formula is not trusted for one busy hour. */
const MAX_STEADY_UTILISATION = 0.95;

/** Mean wait (ms) in an M/M/c queue (Erlang C) with offered load `offered` Erlangs (< servers). */
function erlangCWaitMs(offered: number, servers: number, serviceMs: number): number {
  // Σ_{k<c} a^k/k! and a^c/c!, built term by term (no factorial overflow).
  let term = 1;
  let sum = 0;
  for (let k = 0; k < servers; k++) {
    sum += term;
    term = (term * offered) / (k + 1);
  }
  const tail = (term * servers) / (servers - offered);
  return ((tail / (sum + tail)) * serviceMs) / (servers - offered);
}

/**
 * Estimated wait (ms) at the busiest hour with `arrivalsPerHour` visits, `servers` counters and
 * `serviceMs` typical serving time: the M/M/c mean wait (Erlang C) up to 95 % utilisation; the visits
 * beyond that are a backlog the counters work through during the hour, counted with the queue's own
 * rule (people ahead ÷ counters × serving time). `saturated`: more visits than the counters can serve.
 */
export function busiestHourWaitMs(arrivalsPerHour: number, servers: number, serviceMs: number): { waitMs: number | null; saturated: boolean } {
  if (!(servers >= 1)) return { waitMs: null, saturated: arrivalsPerHour > 0 };
  if (arrivalsPerHour <= 0) return { waitMs: 0, saturated: false };
  const offered = (arrivalsPerHour * serviceMs) / 3_600_000; // Erlangs
  const steady = Math.min(offered, MAX_STEADY_UTILISATION * servers);
  const excess = Math.max(0, Math.ceil(((offered - steady) * 3_600_000) / serviceMs - 1e-9));
  const waitMs = erlangCWaitMs(steady, servers, serviceMs) + (estimateWaitMs(excess, servers, serviceMs) ?? 0);
  return { waitMs: Math.round(waitMs), saturated: offered >= servers };
}

export interface PlanningInput {
  effectiveAt: number;
  /** Every unit (before and after: the plan's units are already written or passed as created). */
  units: readonly Unit[];
  created: readonly Unit[];
  handovers: ReadonlyMap<string, Handover>;
  /** District (GSO code) of an area code: communes → their district, districts → themselves. */
  districtOfArea: ReadonlyMap<string, string>;
  districtNames: ReadonlyMap<string, string>;
  staff: ReadonlyMap<string, number>;
  counters: ReadonlyMap<string, number>;
  /** Direct (in-person) dossiers received per unit and applicant commune over the history window. */
  visits: ReadonlyMap<string, ReadonlyMap<string | null, number>>;
  /** Working days in the window (days with any intake). */
  observedDays: number;
  /** Typical serving time per unit (ms). */
  serviceMs: ReadonlyMap<string, number>;
  defaultServiceMs: number;
}

export interface PlannedPoint {
  code: string;
  name: string;
  type: string;
  districtCode: string | null;
  state: 'kept' | 'created' | 'closed';
  successor: string | null;
  staffBefore: number;
  staffAfter: number;
  countersBefore: number;
  countersAfter: number;
  visitsPerDayBefore: number;
  visitsPerDayAfter: number;
  /** Of visitsPerDayAfter, what comes from the units it takes over. */
  absorbedPerDay: number;
  waitMinutesBefore: number | null;
  waitMinutesAfter: number | null;
  saturatedAfter: boolean;
}

export interface PlannedDistrict {
  code: string | null;
  name: string;
  pointsBefore: number;
  pointsAfter: number;
  staffBefore: number;
  staffAfter: number;
  visitsPerDay: number;
}

export interface NetworkPlanning {
  points: PlannedPoint[];
  districts: PlannedDistrict[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 60_000));

export function planNetwork(input: PlanningInput): NetworkPlanning {
  const at = input.effectiveAt;
  const all = [...input.units, ...input.created.filter((c) => !input.units.some((u) => u.code === c.code))];
  const before = all.filter((u) => POINT_TYPES.has(u.type) && isValidAt(u, at - 1));
  const after = all.filter((u) => POINT_TYPES.has(u.type) && isValidAt(u, at) && !input.handovers.has(u.code));
  const byCode = new Map(all.map((u) => [u.code, u]));
  const days = Math.max(1, input.observedDays);

  // A unit's district: its area's; a unit the plan creates without one takes its first predecessor's.
  const districtOf = new Map<string, string | null>();
  for (const u of all) districtOf.set(u.code, u.areaCode ? input.districtOfArea.get(u.areaCode) ?? null : null);
  for (const h of input.handovers.values()) {
    for (const s of h.successors) if (!districtOf.get(s) && byCode.get(s)?.type !== 'center') districtOf.set(s, districtOf.get(h.code) ?? null);
  }

  const visitsBefore = new Map<string, number>();
  for (const [unit, byCommune] of input.visits) visitsBefore.set(unit, [...byCommune.values()].reduce((a, b) => a + b, 0));
  const visitsAfter = allocateToSuccessors(input.visits, input.handovers);
  const single = (m: ReadonlyMap<string, number>) => new Map([...m].map(([k, v]) => [k, new Map<string | null, number>([[null, v]])]));
  const staffAfter = allocateToSuccessors(single(input.staff), input.handovers);
  const countersAfter = allocateToSuccessors(single(input.counters), input.handovers);

  const wait = (code: string, perDay: number, counters: number) => {
    const service = input.serviceMs.get(code) ?? input.defaultServiceMs;
    return busiestHourWaitMs((perDay * PLANNING_ASSUMPTIONS.peakHourShare), counters, service);
  };

  const codes = [...new Set([...before, ...after].map((u) => u.code))];
  const points: PlannedPoint[] = codes.map((code) => {
    const u = byCode.get(code)!;
    const state: PlannedPoint['state'] = input.handovers.has(code) ? 'closed' : input.created.some((c) => c.code === code) ? 'created' : 'kept';
    const h = input.handovers.get(code);
    const perDayBefore = (visitsBefore.get(code) ?? 0) / days;
    const perDayAfter = state === 'closed' ? 0 : (visitsAfter.get(code) ?? 0) / days;
    const cb = input.counters.get(code) ?? 0;
    const ca = state === 'closed' ? 0 : countersAfter.get(code) ?? 0;
    const wb = state === 'created' ? { waitMs: null } : wait(code, perDayBefore, cb);
    const wa = state === 'closed' ? { waitMs: null, saturated: false } : wait(code, perDayAfter, ca);
    return {
      code, name: u.name, type: u.type, districtCode: districtOf.get(code) ?? null, state, successor: h ? handoverTarget(h, null) : null,
      staffBefore: state === 'created' ? 0 : input.staff.get(code) ?? 0, staffAfter: state === 'closed' ? 0 : staffAfter.get(code) ?? 0,
      countersBefore: state === 'created' ? 0 : cb, countersAfter: ca,
      visitsPerDayBefore: round1(perDayBefore), visitsPerDayAfter: round1(perDayAfter), absorbedPerDay: round1(Math.max(0, perDayAfter - (state === 'created' ? 0 : perDayBefore))),
      waitMinutesBefore: minutes(wb.waitMs), waitMinutesAfter: minutes(wa.waitMs), saturatedAfter: wa.saturated,
    };
  }).sort((a, b) => (a.districtCode ?? '').localeCompare(b.districtCode ?? '') || a.code.localeCompare(b.code));

  const districts = new Map<string | null, PlannedDistrict>();
  for (const p of points) {
    const d = districts.get(p.districtCode) ?? { code: p.districtCode, name: p.districtCode ? input.districtNames.get(p.districtCode) ?? p.districtCode : 'Cấp tỉnh', pointsBefore: 0, pointsAfter: 0, staffBefore: 0, staffAfter: 0, visitsPerDay: 0 };
    const u = byCode.get(p.code)!;
    if (isValidAt(u, at - 1) && p.state !== 'created') { d.pointsBefore++; d.staffBefore += p.staffBefore; }
    if (p.state !== 'closed') { d.pointsAfter++; d.staffAfter += p.staffAfter; }
    d.visitsPerDay = round1(d.visitsPerDay + p.visitsPerDayBefore);
    districts.set(p.districtCode, d);
  }
  return { points, districts: [...districts.values()] };
}
