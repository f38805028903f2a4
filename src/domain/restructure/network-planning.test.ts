import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateToSuccessors, busiestHourWaitMs, planNetwork, type Handover } from './network-planning.ts';
import type { Unit } from '../network/unit.ts';

const unit = (code: string, type: Unit['type'], areaCode: string | null, parentCode: string | null = null): Unit => ({
  code, provinceCode: '74', name: code, shortName: null, type, agencyLevel: null, parentCode, areaCode, agencyIdentifier: null, address: null, validFrom: 0, validTo: null,
});

describe('network planning', () => {
  it('allocates a split unit by commune, else to its default, and preserves the total', () => {
    const handovers = new Map<string, Handover>([['P1', { code: 'P1', successors: ['A', 'B'], communeMap: { c2: 'B' }, fallback: 'A' }]]);
    const out = allocateToSuccessors(new Map<string, Map<string | null, number>>([['P1', new Map<string | null, number>([['c1', 10], ['c2', 5], [null, 1]])], ['A', new Map([[null, 3]])]]), handovers);
    expect(Object.fromEntries(out)).toEqual({ A: 14, B: 5 });
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('c1', 'c2', 'c3', null), fc.nat(1000))), (rows) => {
      const byCommune = new Map<string | null, number>();
      for (const [c, n] of rows) byCommune.set(c, (byCommune.get(c) ?? 0) + n);
      const total = [...byCommune.values()].reduce((a, b) => a + b, 0);
      const sum = [...allocateToSuccessors(new Map([['P1', byCommune]]), handovers).values()].reduce((a, b) => a + b, 0);
      return sum === total;
    }));
  });

  it('estimates the busiest hour: Erlang C up to 95 % utilisation, then a backlog; more counters never wait longer', () => {
    expect(busiestHourWaitMs(0, 3, 480_000)).toEqual({ waitMs: 0, saturated: false });
    // One counter, 5 arrivals/hour of 6 minutes: M/M/1 mean wait ρ/(1−ρ)·s = 0.5/0.5·6 min = 6 min.
    expect(busiestHourWaitMs(5, 1, 360_000)).toEqual({ waitMs: 360_000, saturated: false });
    expect(busiestHourWaitMs(30, 2, 480_000).saturated).toBe(true);
    expect(busiestHourWaitMs(10, 0, 480_000)).toEqual({ waitMs: null, saturated: true });
    expect(busiestHourWaitMs(0, 0, 480_000)).toEqual({ waitMs: null, saturated: false });
    fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 60_000, max: 1_800_000 }), (arrivals, c, s) => {
      const fewer = busiestHourWaitMs(arrivals, c, s).waitMs!;
      const more = busiestHourWaitMs(arrivals, c + 1, s).waitMs!;
      return more <= fewer;
    }));
  });

  it('counts points per district before and after a merge, with staff, counters and the load moved', () => {
    const units = [unit('TT', 'center', '74'), unit('CN1', 'branch', 'D1', 'TT'), unit('P1', 'reception_point', 'c1', 'CN1'), unit('P2', 'reception_point', 'c2', 'CN1')];
    const result = planNetwork({
      effectiveAt: 1000, units, created: [], handovers: new Map([['P1', { code: 'P1', successors: ['CN1'], communeMap: {}, fallback: null }]]),
      districtOfArea: new Map([['D1', 'D1'], ['c1', 'D1'], ['c2', 'D1']]), districtNames: new Map([['D1', 'Huyện 1']]),
      staff: new Map([['CN1', 4], ['P1', 2], ['P2', 2]]), counters: new Map([['CN1', 5], ['P1', 3], ['P2', 3]]),
      visits: new Map<string, Map<string | null, number>>([['CN1', new Map([[null, 600]])], ['P1', new Map([['c1', 300]])]]), observedDays: 60, serviceMs: new Map(), defaultServiceMs: 480_000,
    });
    expect(result.districts.find((d) => d.code === 'D1')).toMatchObject({ name: 'Huyện 1', pointsBefore: 3, pointsAfter: 2, staffBefore: 8, staffAfter: 8 });
    expect(result.points.find((p) => p.code === 'CN1')).toMatchObject({ state: 'kept', staffAfter: 6, countersAfter: 8, visitsPerDayBefore: 10, visitsPerDayAfter: 15, absorbedPerDay: 5 });
    expect(result.points.find((p) => p.code === 'P1')).toMatchObject({ state: 'closed', successor: 'CN1', staffAfter: 0, visitsPerDayAfter: 0 });
  });
});
