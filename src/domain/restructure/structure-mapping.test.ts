import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mapOntoStructure, primaryTarget, regroupAmounts, roundToTotal } from './structure-mapping.ts';
import type { Handover } from './network-planning.ts';

describe('figures across a restructuring', () => {
  const handovers = new Map<string, Handover>([
    ['P1', { code: 'P1', successors: ['N1', 'N2'], communeMap: { c2: 'N2' }, fallback: 'N1' }],
    ['P2', { code: 'P2', successors: ['N2'], communeMap: {}, fallback: null }],
  ]);
  const predecessors = new Map([['N1', ['P1']], ['N2', ['P1', 'P2']]]);
  const amounts = new Map<string, Map<string | null, number>>([
    ['P1', new Map<string | null, number>([['c1', 6], ['c2', 4]])],
    ['P2', new Map<string | null, number>([[null, 5]])],
    ['N2', new Map<string | null, number>([[null, 8]])],
  ]);

  it('maps a split predecessor onto today\'s successors by commune', () => {
    const today = mapOntoStructure(amounts, { isTarget: (c) => c.startsWith('N'), handovers, predecessors });
    expect(Object.fromEntries(today)).toEqual({ N1: 6, N2: 17 });
  });

  it('reads a later unit\'s figures in the structure of an earlier date, shared among its predecessors', () => {
    const then = mapOntoStructure(amounts, { isTarget: (c) => c.startsWith('P'), handovers, predecessors });
    expect(Object.fromEntries(then)).toEqual({ P1: 14, P2: 9 });
  });

  it('rounds to whole numbers without changing the total', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 20 }), (values) => {
      const total = Math.round(values.reduce((a, b) => a + b, 0));
      const shares = new Map(values.map((v, i) => [`u${i}`, v]));
      const rounded = roundToTotal(shares, total);
      return [...rounded.values()].reduce((a, b) => a + b, 0) === total && [...rounded.values()].every((v) => Number.isInteger(v));
    }));
  });

  const today = { isTarget: (c: string) => c.startsWith('N'), handovers, predecessors };
  const then = { isTarget: (c: string) => c.startsWith('P'), handovers, predecessors };

  it('carries rows read per dossier whole by their commune, and rollup rows by the commune weights', () => {
    const rows = [
      { key: 'P1', commune: 'c2', values: [1, 2] }, { key: 'P1', commune: 'c1', values: [3, 0] },
      { key: 'P1', values: [10, 5] }, { key: 'P2', values: [4, 4] },
    ];
    const weights = new Map([['P1', new Map([['c1', 3], ['c2', 2]])]]);
    expect(regroupAmounts(rows, weights, today, 2)).toEqual([{ key: 'N1', values: [9, 3] }, { key: 'N2', values: [9, 8] }]);
  });

  it('gives a later unit\'s figures back to the predecessor whose split sent the commune to it', () => {
    const rows = [{ key: 'N2', commune: 'c2', values: [6] }, { key: 'N2', commune: 'c9', values: [4] }];
    expect(regroupAmounts(rows, new Map(), then, 1)).toEqual([{ key: 'P1', values: [8] }, { key: 'P2', values: [2] }]);
  });

  it('never changes a measure\'s total, whatever the rows and weights', () => {
    const unit = fc.constantFrom('P1', 'P2', 'N1', 'N2', 'X');
    const commune = fc.option(fc.constantFrom('c1', 'c2', 'c3'), { nil: undefined });
    fc.assert(fc.property(
      fc.array(fc.record({ key: unit, commune, values: fc.array(fc.nat(1000), { minLength: 3, maxLength: 3 }) }), { maxLength: 30 }),
      fc.array(fc.tuple(fc.constantFrom('c1', 'c2', 'c3'), fc.nat(50)), { maxLength: 3 }),
      fc.boolean(),
      (rows, w, forward) => {
        const out = regroupAmounts(rows, new Map([['P1', new Map(w)]]), forward ? today : then, 3);
        return [0, 1, 2].every((m) => out.reduce((a, r) => a + r.values[m]!, 0) === rows.reduce((a, r) => a + r.values[m]!, 0))
          && out.every((r) => r.values.every((v) => Number.isInteger(v) && v >= 0));
      }));
  });

  it('names one successor for a figure that cannot be divided: the one with most of the dossiers', () => {
    expect(primaryTarget('P1', new Map([['P1', new Map([['c1', 1], ['c2', 4]])]]), today)).toBe('N2');
    expect(primaryTarget('P1', new Map(), today)).toBe('N1');
    expect(primaryTarget('N1', new Map(), today)).toBe('N1');
  });
});
