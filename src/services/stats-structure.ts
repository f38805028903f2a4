// Reports across a restructuring (issue 9): the summary's intake and finished dossiers per receiving unit,
// read in the structure of a date (`asOf`: the units valid then) or carried onto today's successors
// (`mapped`). Figures are recorded under the unit of their day (stats_daily); closures of applied plans
// carry them forward — a split predecessor's by its dossiers' applicant communes in the period, else to
// its default successor — and a unit that did not exist yet hands its figures back to its predecessors,
// shared equally. Totals are exactly the summary's.
import { invalid } from '../domain/errors.ts';
import { isValidAt } from '../domain/network/unit.ts';
import { mapOntoStructure, roundToTotal, withCommuneShares, type Handover } from '../domain/restructure/index.ts';
import { sumRollups } from '../store/stats.ts';
import { listAllUnits } from '../store/units.ts';
import { listPlans } from '../store/restructure.ts';
import { receivedByUnitAndCommune } from '../store/network-planning.ts';
import { sql } from 'kysely';
import { resolveStatsScope, type StatsQuery } from './stats-scope.ts';
import type { Actor, ServiceContext } from './context.ts';

export type StructureMode = 'asOf' | 'mapped';

export interface StructureQuery {
  structure?: string | undefined;
  /** For `asOf`: the date (YYYY-MM-DD) whose units the figures are read in; default today. */
  structureAt?: string | undefined;
}

export interface StructureBreakdown {
  mode: StructureMode;
  at: string;
  units: Array<{ code: string; name: string; received: number; finished: number }>;
}

export async function summaryStructure(ctx: ServiceContext, actor: Actor, query: StatsQuery & StructureQuery): Promise<StructureBreakdown | undefined> {
  if (query.structure === undefined) return undefined;
  if (query.structure !== 'asOf' && query.structure !== 'mapped') {
    throw invalid('INVALID_STRUCTURE', 'structure phải là asOf (theo cơ cấu tại một ngày) hoặc mapped (quy về đơn vị kế thừa hiện nay).', { field: 'structure', value: query.structure });
  }
  if (query.structureAt !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(query.structureAt)) {
    throw invalid('INVALID_DATE', 'structureAt phải có dạng YYYY-MM-DD.', { field: 'structureAt', value: query.structureAt });
  }
  const mode = query.structure;
  const now = ctx.now();
  const at = mode === 'asOf' && query.structureAt ? Date.parse(`${query.structureAt}T23:59:59+07:00`) : now.getTime();
  const scope = await resolveStatsScope(ctx, actor, query);
  const rows = await sumRollups(ctx.db, ctx.provinceCode, {
    fromDay: scope.period.from, toDay: scope.period.to, unitCodes: scope.unitCodes, procedureCodes: scope.procedureCodes, channel: scope.channel,
  }, 'receiving');

  const units = await listAllUnits(ctx.db);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const handovers = new Map<string, Handover>();
  for (const p of await listPlans(ctx.db, ctx.provinceCode)) {
    if (p.status !== 'applied') continue;
    for (const c of p.undo.closures) handovers.set(c.code, c);
  }
  const lineage = (await sql<{ predecessor_code: string; successor_code: string }>`SELECT predecessor_code, successor_code FROM unit_lineage ORDER BY 1`.execute(ctx.db)).rows;
  const predecessors = new Map<string, string[]>();
  for (const l of lineage) predecessors.set(l.successor_code, [...(predecessors.get(l.successor_code) ?? []), l.predecessor_code]);

  // Commune shares of split predecessors' dossiers received in the period, to carry their figures by commune.
  const split = rows.map((r) => r.key).filter((code) => Object.keys(handovers.get(code)?.communeMap ?? {}).length > 0);
  const shares = await receivedByUnitAndCommune(ctx.db, ctx.provinceCode, split, new Date(`${scope.period.from}T00:00:00+07:00`), new Date(Date.parse(`${scope.period.to}T00:00:00+07:00`) + 86_400_000), scope.channel);
  const map = { isTarget: (code: string) => { const u = byCode.get(code); return u !== undefined && isValidAt(u, at); }, handovers, predecessors };
  const measure = (pick: (r: (typeof rows)[number]) => number) => {
    const totals = new Map(rows.map((r) => [r.key, pick(r)]));
    const total = [...totals.values()].reduce((a, b) => a + b, 0);
    return roundToTotal(mapOntoStructure(withCommuneShares(totals, shares), map), total);
  };
  const received = measure((r) => r.counters.received);
  const finished = measure((r) => r.counters.finishedEarly + r.counters.finishedOnTime + r.counters.finishedLate);
  const codes = [...new Set([...received.keys(), ...finished.keys()])].sort();
  return {
    mode,
    at: new Date(at + 7 * 3_600_000).toISOString().slice(0, 10),
    units: codes.map((code) => ({ code, name: byCode.get(code)?.name ?? code, received: received.get(code) ?? 0, finished: finished.get(code) ?? 0 }))
      .filter((u) => u.received > 0 || u.finished > 0),
  };
}
