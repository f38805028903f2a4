import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mapOntoStructure, roundToTotal } from './structure-mapping.ts';
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
});
