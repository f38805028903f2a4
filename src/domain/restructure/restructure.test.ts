import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { buildPilotNetwork, type AdministrativeUnit } from '../network/binh-duong-network.ts';
import { isValidAt, type Unit } from '../network/unit.ts';
import { parsePlan, planNetworkChange, successorFor, phase2Plan, phase3Plan, reform2025Plan, type RestructurePlan, type NetworkChange, type ReformMapping } from './index.ts';

void gunzipSync;
const areas = JSON.parse(readFileSync(new URL('../../../seed/binh-duong-units-2024.json', import.meta.url), 'utf8')) as AdministrativeUnit[];
const mapping = JSON.parse(readFileSync(new URL('../../../seed/binh-duong-2025-07-01-reform-mapping.json', import.meta.url), 'utf8')) as ReformMapping;
const pilot = buildPilotNetwork(areas);

/** The network after a change, as the service would store it. */
function applied(network: Unit[], change: NetworkChange): Unit[] {
  const after = network.map((u) => {
    let next = u;
    if (change.closures.has(u.code)) next = { ...next, validTo: change.effectiveAt };
    const move = change.moves.find((m) => m.code === u.code);
    if (move) next = { ...next, parentCode: move.to };
    const rename = change.renames.find((r) => r.code === u.code);
    if (rename) next = { ...next, name: rename.to };
    return next;
  });
  return [...after, ...change.creates];
}

function change(network: Unit[], plan: RestructurePlan, openWork = new Map<string, number>()) {
  const result = planNetworkChange({ network, plan, provinceCode: '74', openWork, earlierPlans: [] });
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
  return result.change;
}

const count = (network: Unit[], type: string, at: number) => network.filter((u) => u.type === type && isValidAt(u, at)).length;

describe('parsing a plan', () => {
  it('accepts the contract example shape and lists every problem of a bad one', () => {
    const ok = parsePlan({ id: 'bd-phase-2', title: 'x', effectiveAt: '2025-01-01T00:00:00+07:00', operations: [{ op: 'merge', from: ['A'], into: 'B' }] });
    expect(ok.ok).toBe(true);
    const bad = parsePlan({ id: 'Bad Id', effectiveAt: 'tomorrow', operations: [{ op: 'explode' }, { op: 'split', from: 'A', into: ['B', 'C'] }, { op: 'create', unit: { code: 'X', type: 'agency', parentCode: null } }] });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const codes = bad.problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['PLAN_ID_INVALID', 'PLAN_TITLE_MISSING', 'PLAN_EFFECTIVE_AT_INVALID', 'PLAN_OPERATION_UNKNOWN', 'PLAN_SPLIT_RULE_MISSING', 'PLAN_UNIT_NAME_MISSING', 'PLAN_AGENCY_LEVEL_MISSING']));
    for (const p of bad.problems) expect(p.message).toMatch(/[ạ-ỹà-ý]/);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.anything(), (input) => { parsePlan(input); }), { numRuns: 500 });
    fc.assert(fc.property(fc.record({ id: fc.string(), title: fc.string(), effectiveAt: fc.string(), operations: fc.array(fc.record({ op: fc.constantFrom('create', 'merge', 'split', 'close', 'rename', 'move'), from: fc.anything(), into: fc.anything(), code: fc.anything(), unit: fc.anything() })) }), (input) => { parsePlan(input); }), { numRuns: 500 });
  });
});

describe('checking a plan against the network', () => {
  const at = '2025-01-01T00:00:00+07:00';
  const plan = (operations: unknown[]) => {
    const parsed = parsePlan({ id: 'p', title: 't', effectiveAt: at, operations });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.plan;
  };
  const problems = (operations: unknown[], openWork = new Map<string, number>(), earlierPlans: Array<{ id: string; effectiveAt: number; touched: string[] }> = []) => {
    const result = planNetworkChange({ network: pilot, plan: plan(operations), provinceCode: '74', openWork, earlierPlans });
    return result.ok ? [] : result.problems.map((p) => p.code);
  };

  it('rejects unknown units, cycles, orphans, closed successors and open work without a successor, all at once', () => {
    expect(problems([{ op: 'merge', from: ['NOPE'], into: 'CN718' }])).toContain('PLAN_UNKNOWN_UNIT');
    expect(problems([{ op: 'move', code: 'TT74', parentCode: 'CN718' }])).toContain('PLAN_CYCLE');
    expect(problems([{ op: 'close', code: 'CN718', successor: 'CN719' }])).toContain('PLAN_ORPHAN');
    expect(problems([{ op: 'merge', from: ['DTN25741'], into: 'DTN25744' }, { op: 'merge', from: ['DTN25744'], into: 'DTN25747' }])).toContain('PLAN_SUCCESSOR_CLOSED');
    expect(problems([{ op: 'close', code: 'DTN25741' }], new Map([['DTN25741', 3]]))).toContain('PLAN_OPEN_WORK_WITHOUT_SUCCESSOR');
    expect(problems([{ op: 'close', code: 'DTN25741' }])).toEqual([]);
    expect(problems([{ op: 'merge', from: ['DTN25741'], into: 'UBX25741' }])).toContain('PLAN_SUCCESSOR_KIND');
    expect(problems([{ op: 'split', from: 'DTN25741', into: ['DTN25744', 'DTN25747'], assignBy: 'applicantCommune', communeMap: { '25741': 'DTN25744' } }], new Map([['DTN25741', 1]]))).toContain('PLAN_SPLIT_NO_DEFAULT');
    expect(problems([{ op: 'merge', from: ['DTN25741'], into: 'CN718' }, { op: 'close', code: 'DTN25741' }])).toContain('PLAN_CLOSED_TWICE');
    expect(problems([{ op: 'create', unit: { code: 'CN718', name: 'x', type: 'branch', parentCode: 'TT74' } }])).toContain('PLAN_UNIT_EXISTS');
    const all = problems([{ op: 'merge', from: ['NOPE'], into: 'CN718' }, { op: 'move', code: 'TT74', parentCode: 'CN718' }]);
    expect(all).toEqual(expect.arrayContaining(['PLAN_UNKNOWN_UNIT', 'PLAN_CYCLE']));
  });

  it('refuses to rewrite the past of a later plan on the same units', () => {
    expect(problems([{ op: 'merge', from: ['DTN25741'], into: 'CN718' }], new Map(), [{ id: 'later', effectiveAt: Date.parse('2025-03-01T00:00:00+07:00'), touched: ['CN718'] }])).toContain('PLAN_OVERLAPS');
    expect(problems([{ op: 'merge', from: ['DTN25741'], into: 'CN718' }], new Map(), [{ id: 'later', effectiveAt: Date.parse('2025-03-01T00:00:00+07:00'), touched: ['CN719'] }])).toEqual([]);
  });

  it('picks a split successor by the applicant commune, else the default', () => {
    const c = change(pilot, plan([{ op: 'split', from: 'DTN25741', into: ['DTN25744', 'DTN25747'], assignBy: 'applicantCommune', communeMap: { '25744': 'DTN25744' }, default: 'DTN25747' }]));
    expect(successorFor(c, 'DTN25741', '25744')).toBe('DTN25744');
    expect(successorFor(c, 'DTN25741', '99999')).toBe('DTN25747');
    expect(successorFor(c, 'CN718', '25744')).toBeNull();
  });
});

describe('the bundled Bình Dương plans', () => {
  const t0 = Date.parse('2024-12-02T00:00:00+07:00');
  it('phase 2 leaves 9 Branches and 82 Reception Points; phase 3 gives 19 Branches and 48 points', () => {
    expect(count(pilot, 'reception_point', t0)).toBe(91);
    const p2 = phase2Plan(areas);
    const after2 = applied(pilot, change(pilot, p2));
    expect(count(after2, 'branch', p2.effectiveAt)).toBe(9);
    expect(count(after2, 'reception_point', p2.effectiveAt)).toBe(82);
    expect(count(after2, 'reception_point', p2.effectiveAt - 1)).toBe(91);
    const p3 = phase3Plan(areas);
    const after3 = applied(after2, change(after2, p3));
    expect(count(after3, 'center', p3.effectiveAt)).toBe(1);
    expect(count(after3, 'branch', p3.effectiveAt)).toBe(19);
    expect(count(after3, 'reception_point', p3.effectiveAt)).toBe(48);
  });

  for (const [label, build] of [
    ['the pilot network', () => pilot],
    ['after phase 2', () => applied(pilot, change(pilot, phase2Plan(areas)))],
  ] as const) {
    it(`the 2025 reform applies to ${label}: 36 communes, no district level, every old unit has a successor`, () => {
      const before = build();
      const present = new Set(before.filter((u) => isValidAt(u, Date.parse('2025-07-01T00:00:00+07:00'))).map((u) => u.code));
      const plan = reform2025Plan(areas, mapping, present);
      const c = change(before, plan, new Map([...present].map((code) => [code, 1])));
      const after = applied(before, c);
      const at = plan.effectiveAt;
      expect(after.filter((u) => u.type === 'agency' && u.agencyLevel === 'commune' && isValidAt(u, at))).toHaveLength(36);
      expect(after.filter((u) => u.type === 'agency' && u.agencyLevel === 'district' && isValidAt(u, at))).toHaveLength(0);
      expect(count(after, 'branch', at)).toBe(0);
      expect(count(after, 'reception_point', at)).toBe(36);
      // Every commune-level unit that closed hands an applicant of its own commune to a successor of that commune.
      for (const entry of mapping.communes) {
        const s = successorFor(c, `UBX${entry.oldCode}`, entry.oldCode);
        expect(entry.newUnits.map((n) => `UBX79${n.code}`)).toContain(s);
      }
    });
  }

  it('refuses the reform on top of phase 3: it would close the new Branches in the instant they open', () => {
    const a2 = applied(pilot, change(pilot, phase2Plan(areas)));
    const a3 = applied(a2, change(a2, phase3Plan(areas)));
    const present = new Set(a3.filter((u) => isValidAt(u, Date.parse('2025-07-01T00:00:00+07:00'))).map((u) => u.code));
    const result = planNetworkChange({ network: a3, plan: reform2025Plan(areas, mapping, present), provinceCode: '74', openWork: new Map(), earlierPlans: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(new Set(result.problems.map((p) => p.code))).toEqual(new Set(['PLAN_CLOSE_BEFORE_START']));
  });

  it('any applicant commune finds a successor for every closed unit (no dossier left behind)', () => {
    const plan = reform2025Plan(areas, mapping, new Set(pilot.map((u) => u.code)));
    const c = change(pilot, plan);
    const communes = areas.filter((a) => a.level === 3).map((a) => a.code);
    fc.assert(fc.property(fc.constantFrom(...c.closures.keys()), fc.oneof(fc.constantFrom(...communes), fc.string()), (unit, commune) => {
      expect(successorFor(c, unit, commune)).not.toBeNull();
    }));
  });
});
