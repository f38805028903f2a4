// Reports across a restructuring (issue 9): every per-unit figure can be read in the structure of a date
// (`asOf`: the units valid then, with their names and parents of then) or carried onto today's successors
// (`mapped`). Figures are recorded under the unit of their day; closures of applied plans carry them
// forward — a split predecessor's by its dossiers' applicant communes (exactly, row by row, where the
// figures are read per dossier; for rollup figures by the commune weights of its dossiers received or
// finished in the period), else to its default successor — and a unit that did not exist yet hands its
// figures back to the predecessor whose split sent the commune to it, else to all its predecessors in
// equal shares. Every measure is rounded back to whole numbers: totals are exactly the plain report's.
// One helper for every report: `loadStructure` validates the switch and reads the network once,
// `regroupRows` re-groups any per-unit rows, `primaryTargetOf` names one unit where a figure cannot be split.
import { invalid } from '../domain/errors.ts';
import { isValidAt, type Unit } from '../domain/network/unit.ts';
import { primaryTarget, regroupAmounts, type Handover, type StructureMap } from '../domain/restructure/index.ts';
import { COUNTER_NAMES, type RollupCounters } from '../domain/stats/rollup-deltas.ts';
import { sumRollups } from '../store/stats.ts';
import { listAllUnits } from '../store/units.ts';
import { listPlans } from '../store/restructure.ts';
import { dossiersByUnitAndCommune, unitRevisionsAfter } from '../store/stats-structure.ts';
import { sql } from 'kysely';
import { resolveStatsScope, type StatsQuery, type StatsScope } from './stats-scope.ts';
import type { Actor, ServiceContext } from './context.ts';

export type StructureMode = 'asOf' | 'mapped';
export type StructureRole = 'receiving' | 'competent';

export interface StructureQuery {
  structure?: string | undefined;
  /** For `asOf`: the date (YYYY-MM-DD) whose units the figures are read in; default today. */
  structureAt?: string | undefined;
}

export interface StructureView {
  mode: StructureMode;
  /** The instant whose structure the figures are read in (end of `structureAt`, Vietnam time; or now). */
  at: number;
  /** Its local day (YYYY-MM-DD). */
  day: string;
  /** Every unit, with its name and parent as they stood at `at`. */
  units: Map<string, Unit>;
  map: StructureMap;
  /** Commune weights per unit whose figures a split divides, per role, for the period (cached). */
  weights: (role: StructureRole) => Promise<Map<string, Map<string, number>>>;
}

/** The structure switch of a report query, validated; undefined when the plain report is asked. */
export function structureMode(query: StructureQuery): { mode: StructureMode; day?: string | undefined } | undefined {
  if (query.structure === undefined || query.structure === '') return undefined;
  if (query.structure !== 'asOf' && query.structure !== 'mapped') {
    throw invalid('INVALID_STRUCTURE', 'structure phải là asOf (theo cơ cấu tại một ngày) hoặc mapped (quy về đơn vị kế thừa hiện nay).', { field: 'structure', value: query.structure });
  }
  if (query.structureAt !== undefined && query.structureAt !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(query.structureAt)) {
    throw invalid('INVALID_DATE', 'structureAt phải có dạng YYYY-MM-DD.', { field: 'structureAt', value: query.structureAt });
  }
  return { mode: query.structure, day: query.structure === 'asOf' && query.structureAt ? query.structureAt : undefined };
}

/** Reads the network for the switch (undefined: plain report). `scope` gives the period and filters of the weights. */
export async function loadStructure(ctx: ServiceContext, query: StructureQuery, scope: Pick<StatsScope, 'period' | 'channel' | 'procedureCodes'>): Promise<StructureView | undefined> {
  const switched = structureMode(query);
  if (!switched) return undefined;
  const at = switched.day ? Date.parse(`${switched.day}T23:59:59.999+07:00`) : ctx.now().getTime();
  const units = new Map((await listAllUnits(ctx.db)).map((u) => [u.code, { ...u }]));
  // Renames and moves after `at`, oldest first: the first one of a unit holds its name and parent at `at`.
  const seen = new Set<string>();
  for (const r of await unitRevisionsAfter(ctx.db, new Date(at))) {
    const unit = units.get(r.code);
    if (!unit || seen.has(r.code)) continue;
    seen.add(r.code);
    unit.name = r.nameBefore;
    unit.parentCode = r.parentBefore;
  }
  const handovers = new Map<string, Handover>();
  for (const p of await listPlans(ctx.db, ctx.provinceCode)) {
    if (p.status !== 'applied') continue;
    for (const c of p.undo.closures) handovers.set(c.code, c);
  }
  const lineage = (await sql<{ predecessor_code: string; successor_code: string }>`SELECT predecessor_code, successor_code FROM unit_lineage ORDER BY 1`.execute(ctx.db)).rows;
  const predecessors = new Map<string, string[]>();
  for (const l of lineage) predecessors.set(l.successor_code, [...(predecessors.get(l.successor_code) ?? []), l.predecessor_code]);
  const map: StructureMap = { isTarget: (code) => { const u = units.get(code); return u !== undefined && isValidAt(u, at); }, handovers, predecessors };

  // Units whose figures a split divides: split predecessors, and the successors a split named (read back).
  const split = new Set<string>();
  for (const h of handovers.values()) {
    if (Object.keys(h.communeMap).length === 0) continue;
    split.add(h.code);
    for (const s of Object.values(h.communeMap)) split.add(s);
  }
  const cache = new Map<StructureRole, Promise<Map<string, Map<string, number>>>>();
  const weights = (role: StructureRole) => {
    let w = cache.get(role);
    if (!w) {
      const from = new Date(scope.period.startsAt);
      const to = new Date(scope.period.endsAt);
      const codes = [...split].filter((c) => !map.isTarget(c));
      w = dossiersByUnitAndCommune(ctx.db, ctx.provinceCode, role, codes, { from, to, channel: scope.channel, procedureCodes: scope.procedureCodes, movedTo: successorsOf(codes, handovers) })
        .then((rows) => {
          const out = new Map<string, Map<string, number>>();
          for (const r of rows) out.set(r.unit, (out.get(r.unit) ?? new Map<string, number>()).set(r.commune, r.n));
          return out;
        });
      cache.set(role, w);
    }
    return w;
  };
  return { mode: switched.mode, at, day: new Date(at + 7 * 3_600_000).toISOString().slice(0, 10), units, map, weights };
}

/** Every unit a plan hands the units' work to, through chains of closures. */
function successorsOf(codes: readonly string[], handovers: ReadonlyMap<string, Handover>): string[] {
  const out = new Set<string>();
  const stack = [...codes];
  while (stack.length > 0) {
    const h = handovers.get(stack.pop()!);
    if (!h) continue;
    for (const s of [...h.successors, ...Object.values(h.communeMap), ...(h.fallback ? [h.fallback] : [])]) {
      if (!out.has(s)) {
        out.add(s);
        stack.push(s);
      }
    }
  }
  return [...out];
}

/**
 * Re-groups rows of per-unit measures (`fields`) onto the structure: keyed by the target units, each
 * measure's total kept. Rows with a `commune` are allocated exactly; the others by the role's weights.
 */
export async function regroupRows<F extends string>(
  view: StructureView, role: StructureRole, rows: ReadonlyArray<{ key: string; commune?: string | null | undefined } & Record<F, number>>, fields: readonly F[],
): Promise<Array<{ key: string } & Record<F, number>>> {
  const out = regroupAmounts(rows.map((r) => ({ key: r.key, commune: r.commune, values: fields.map((f) => r[f]) })), await view.weights(role), view.map, fields.length);
  return out.map((r) => ({ key: r.key, ...Object.fromEntries(fields.map((f, i) => [f, r.values[i]!])) }) as { key: string } & Record<F, number>);
}

/** `regroupRows` for rollup counters (the dashboard's facts). */
export async function regroupCounters(view: StructureView, role: StructureRole, rows: ReadonlyArray<{ key: string; counters: RollupCounters }>): Promise<Array<{ key: string; counters: RollupCounters }>> {
  const out = await regroupRows(view, role, rows.map((r) => ({ key: r.key, ...r.counters })), COUNTER_NAMES);
  return out.map(({ key, ...counters }) => ({ key, counters: counters as RollupCounters }));
}

/** The one target unit standing for `code` where a figure cannot be divided (an index score, an officer's unit). */
export async function primaryTargetOf(view: StructureView, role: StructureRole): Promise<(code: string) => string> {
  const weights = await view.weights(role);
  return (code) => primaryTarget(code, weights, view.map);
}

/** A subtitle line for reports: which structure the per-unit rows are read in. */
export function structureLine(view: Pick<StructureView, 'mode' | 'day'> | undefined): string[] {
  if (!view) return [];
  const day = view.day.split('-').reverse().join('/');
  return [view.mode === 'asOf' ? `Số liệu theo cơ cấu đơn vị tại ngày ${day}` : `Số liệu quy về đơn vị kế thừa hiện nay (cơ cấu ngày ${day})`];
}

export interface StructureBreakdown {
  mode: StructureMode;
  at: string;
  units: Array<{ code: string; name: string; received: number; finished: number }>;
}

/** The summary's per-unit breakdown (GET /stats/summary?structure=…): received and finished per receiving unit. */
export async function summaryStructure(ctx: ServiceContext, actor: Actor, query: StatsQuery & StructureQuery): Promise<StructureBreakdown | undefined> {
  if (!structureMode(query)) return undefined;
  const scope = await resolveStatsScope(ctx, actor, query);
  const view = (await loadStructure(ctx, query, scope))!;
  const rows = await sumRollups(ctx.db, ctx.provinceCode, {
    fromDay: scope.period.from, toDay: scope.period.to, unitCodes: scope.unitCodes, procedureCodes: scope.procedureCodes, channel: scope.channel,
  }, 'receiving');
  const out = await regroupRows(view, 'receiving', rows.map((r) => ({
    key: r.key, received: r.counters.received, finished: r.counters.finishedEarly + r.counters.finishedOnTime + r.counters.finishedLate,
  })), ['received', 'finished'] as const);
  return {
    mode: view.mode,
    at: view.day,
    units: out.map((u) => ({ code: u.key, name: view.units.get(u.key)?.name ?? u.key, received: u.received, finished: u.finished }))
      .filter((u) => u.received > 0 || u.finished > 0),
  };
}
