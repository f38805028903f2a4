import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  configIssues, DEFAULT_SERVICE_INDEX_CONFIG, GROUP_IDS, INDICATOR_IDS, pointsFor, resolveServiceIndexConfig, scoreIndicator, scoreServiceIndex,
  type IndicatorId, type Measurement, type ServiceIndexConfig,
} from './index.ts';

const cfg = DEFAULT_SERVICE_INDEX_CONFIG;

describe('service index configuration', () => {
  it('defaults are consistent: group totals 18/20/12/10/22/18, indicators share each exactly', () => {
    expect(configIssues(cfg)).toEqual([]);
    expect(GROUP_IDS.map((g) => cfg.groups[g].maxPoints)).toEqual([18, 20, 12, 10, 22, 18]);
    expect(cfg.indicators['5.4'].maxPoints).toBe(6);
    expect(cfg.indicators['1.2'].maxPoints).toBe(4);
  });

  it("keeps domain.md's thresholds", () => {
    expect(cfg.indicators['3.1'].rule).toEqual({ kind: 'rate', fullAtPercent: 80 });
    expect(cfg.indicators['3.3'].rule).toEqual({ kind: 'rate', fullAtPercent: 50 });
    expect(cfg.indicators['3.5'].rule.fullAtPercent).toBe(80);
    expect(cfg.indicators['4.2'].rule.fullAtPercent).toBe(80);
    expect(cfg.indicators['4.3'].rule.fullAtPercent).toBe(80);
    expect(cfg.indicators['5.4'].rule.fullAtPercent).toBe(90);
    for (const id of ['3.1', '3.3', '3.5', '4.2', '4.3', '5.4'] as const) expect(cfg.indicators[id].thresholdSource).toBe('domain');
  });

  it('applies overrides that keep the group totals, and does not change the defaults', () => {
    const c = resolveServiceIndexConfig({ indicators: { '2.1': { maxPoints: 14 }, '2.2': { maxPoints: 6, fullAtPercent: 80 } } });
    expect(c.indicators['2.1'].maxPoints).toBe(14);
    expect(c.indicators['2.2'].rule).toEqual({ kind: 'share_of_legal_time', fullAtPercent: 80 });
    expect(cfg.indicators['2.1'].maxPoints).toBe(10);
  });

  it('refuses overrides that break a group total, unknown ids and absurd thresholds, saying why', () => {
    const refusal = (o: Parameters<typeof resolveServiceIndexConfig>[0]) => {
      try {
        resolveServiceIndexConfig(o);
      } catch (e) {
        return e as { code: string; message: string };
      }
      throw new Error('accepted');
    };
    expect(refusal({ indicators: { '2.1': { maxPoints: 12 } } }).message).toContain('"progress"');
    expect(refusal({ indicators: { '9.9': { maxPoints: 1 } } }).message).toContain('9.9');
    expect(refusal({ groups: { bogus: { maxPoints: 1 } } }).message).toContain('bogus');
    expect(refusal({ indicators: { '3.1': { fullAtPercent: 0 } } }).code).toBe('INVALID_SERVICE_INDEX_CONFIG');
    expect(refusal({ indicators: { '3.1': { fullAtPercent: 120 } } }).code).toBe('INVALID_SERVICE_INDEX_CONFIG');
    expect(refusal({ groups: { publicity: { maxPoints: 20 } } }).message).toContain('100');
  });
});

describe('service index points (examples)', () => {
  it('3.1: 80% or more earns full points, below it rate × max / 80%', () => {
    expect(scoreIndicator(cfg, '3.1', { kind: 'ratio', count: 8, total: 10 }).points).toBe(4);
    expect(scoreIndicator(cfg, '3.1', { kind: 'ratio', count: 10, total: 10 }).points).toBe(4);
    expect(scoreIndicator(cfg, '3.1', { kind: 'ratio', count: 4, total: 10 }).points).toBe(2); // 40% × 4 / 80%
  });

  it('3.3: 50% online earns full points; 25% half', () => {
    expect(scoreIndicator(cfg, '3.3', { kind: 'ratio', count: 1, total: 2 }).points).toBe(4);
    expect(scoreIndicator(cfg, '3.3', { kind: 'ratio', count: 1, total: 4 }).points).toBe(2);
  });

  it('5.4: 90% or more earns 6 points, else × 6 / 90%', () => {
    expect(scoreIndicator(cfg, '5.4', { kind: 'ratio', count: 9, total: 10 }).points).toBe(6);
    expect(scoreIndicator(cfg, '5.4', { kind: 'ratio', count: 45, total: 100 }).points).toBe(3);
    expect(scoreIndicator(cfg, '5.4', { kind: 'ratio', count: 2, total: 3 }).points).toBe(4.44); // 66.7% × 6 / 90%, rounded down
  });

  it('2.2: full while dossiers use at most the legal time, then max × 100 / share', () => {
    expect(scoreIndicator(cfg, '2.2', { kind: 'percent', percent: 60, basis: 5 }).points).toBe(10);
    expect(scoreIndicator(cfg, '2.2', { kind: 'percent', percent: 200, basis: 5 }).points).toBe(5);
  });

  it('not measured is not zero, and nothing to count is "no data"', () => {
    const s = scoreIndicator(cfg, '1.4', { kind: 'not_measured', reason: 'chưa đồng bộ' });
    expect(s).toMatchObject({ status: 'not_measured', points: null, reason: 'chưa đồng bộ' });
    expect(scoreIndicator(cfg, '2.1', { kind: 'ratio', count: 0, total: 0 })).toMatchObject({ status: 'no_data', points: null });
    const all = scoreServiceIndex(cfg, { '2.1': { kind: 'ratio', count: 3, total: 4 } });
    expect(all.points).toBe(7.5);
    expect(all.measuredMaxPoints).toBe(10);
    expect(all.maxPoints).toBe(100);
    expect(all.groups.find((g) => g.id === 'publicity')!.indicators.every((i) => i.status === 'not_measured')).toBe(true);
  });
});

const ratio = fc.integer({ min: 1, max: 100_000 }).chain((total) => fc.record({ kind: fc.constant('ratio' as const), count: fc.integer({ min: 0, max: total }), total: fc.constant(total) }));
const measurement: fc.Arbitrary<Measurement> = fc.oneof(
  ratio,
  fc.record({ kind: fc.constant('percent' as const), percent: fc.double({ min: 0, max: 1000, noNaN: true }), basis: fc.integer({ min: 0, max: 1000 }) }),
  fc.constant({ kind: 'not_measured' as const, reason: 'x' }),
  fc.constant({ kind: 'ratio' as const, count: 0, total: 0 }),
);

/** Random consistent configs: each group's total split into random positive integer-cent shares. */
const config: fc.Arbitrary<ServiceIndexConfig> = fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: INDICATOR_IDS.length, maxLength: INDICATOR_IDS.length })
  .chain((weights) => fc.array(fc.integer({ min: 1, max: 100 }), { minLength: INDICATOR_IDS.length, maxLength: INDICATOR_IDS.length }).map((thresholds) => {
    const c = structuredClone(cfg);
    for (const g of GROUP_IDS) {
      const members = INDICATOR_IDS.filter((id) => c.indicators[id].group === g);
      const cents = c.groups[g].maxPoints * 100;
      const w = members.map((id) => weights[INDICATOR_IDS.indexOf(id)]!);
      const sumW = w.reduce((a, b) => a + b, 0);
      let left = cents;
      members.forEach((id, i) => {
        const share = i === members.length - 1 ? left : Math.floor((cents * w[i]!) / sumW);
        left -= share;
        c.indicators[id].maxPoints = share / 100;
        c.indicators[id].rule = { ...c.indicators[id].rule, fullAtPercent: thresholds[INDICATOR_IDS.indexOf(id)]! };
      });
    }
    return c;
  }));

describe('service index points (properties)', () => {
  const ids = fc.constantFrom(...INDICATOR_IDS);

  it('a higher rate never earns fewer points (lower share of legal time for 2.2), and never more than the max', () => {
    fc.assert(fc.property(config, ids, fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (c, id, a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const rule = c.indicators[id].rule;
      const max = c.indicators[id].maxPoints;
      const pLo = pointsFor(rule, max, lo);
      const pHi = pointsFor(rule, max, hi);
      if (rule.kind === 'rate') expect(pHi).toBeGreaterThanOrEqual(pLo);
      else expect(pHi).toBeLessThanOrEqual(pLo);
      for (const p of [pLo, pHi]) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(max);
      }
    }), { numRuns: 500 });
  });

  it('more counted items out of the same total never earn fewer points', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(...INDICATOR_IDS.filter((i) => i !== '2.2')), (total, x, y, id) => {
      const [lo, hi] = [Math.min(x, y, total), Math.min(Math.max(x, y), total)];
      const a = scoreIndicator(cfg, id, { kind: 'ratio', count: lo, total }).points!;
      const b = scoreIndicator(cfg, id, { kind: 'ratio', count: hi, total }).points!;
      expect(b).toBeGreaterThanOrEqual(a);
    }), { numRuns: 500 });
  });

  it('rates at or above the threshold earn exactly the max', () => {
    fc.assert(fc.property(config, fc.constantFrom(...INDICATOR_IDS.filter((i) => i !== '2.2')), fc.double({ min: 0, max: 1, noNaN: true }), (c, id, t) => {
      const rule = c.indicators[id].rule;
      const percent = rule.fullAtPercent + t * (100 - rule.fullAtPercent);
      expect(pointsFor(rule, c.indicators[id].maxPoints, percent)).toBe(c.indicators[id].maxPoints);
    }), { numRuns: 300 });
  });

  it('group sums never exceed the group max, the total never exceeds 100, and only scored indicators count', () => {
    fc.assert(fc.property(config, fc.array(measurement, { minLength: INDICATOR_IDS.length, maxLength: INDICATOR_IDS.length }), (c, ms) => {
      const measurements = Object.fromEntries(INDICATOR_IDS.map((id, i) => [id, ms[i]!])) as Record<IndicatorId, Measurement>;
      const s = scoreServiceIndex(c, measurements);
      for (const g of s.groups) {
        expect(g.points).toBeLessThanOrEqual(g.maxPoints + 1e-9);
        expect(g.points).toBeLessThanOrEqual(g.measuredMaxPoints + 1e-9);
        expect(g.measuredMaxPoints).toBeLessThanOrEqual(g.maxPoints + 1e-9);
        for (const i of g.indicators) {
          if (i.status === 'scored') expect(i.points).not.toBeNull();
          else expect(i.points).toBeNull();
          if (i.points !== null) expect(i.points).toBeLessThanOrEqual(i.maxPoints);
        }
      }
      expect(s.points).toBeLessThanOrEqual(100 + 1e-9);
      expect(s.maxPoints).toBe(100);
    }), { numRuns: 300 });
  });
});
