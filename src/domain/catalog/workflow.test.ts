import { describe, expect, it } from 'vitest';
import { defaultWorkflow } from './workflow.ts';

describe('defaultWorkflow', () => {
  it.each([
    [{ unit: 'days', value: 15 } as const, 15 * 480],
    [{ unit: 'days', value: 1 } as const, 480],
    [{ unit: 'hours', value: 4 } as const, 240],
    [{ unit: 'days', value: 0.5 } as const, 240],
    [{ unit: 'sameDay' } as const, 480],
  ])('splits %j into budgets that add up to the limit', (limit, total) => {
    const w = defaultWorkflow(limit);
    expect(w.totalMinutes).toBe(total);
    expect(w.steps.map((s) => s.key)).toEqual(['receive', 'process', 'approve', 'return']);
    expect(w.steps.reduce((sum, s) => sum + (s.budgetMinutes ?? 0), 0)).toBe(total);
    expect(w.steps.every((s) => (s.budgetMinutes ?? -1) >= 0)).toBe(true);
  });

  it('gives the receiving unit at most a day and the leader at most two', () => {
    const w = defaultWorkflow({ unit: 'days', value: 30 });
    expect(w.steps.map((s) => [s.key, s.role, s.budgetMinutes])).toEqual([
      ['receive', 'reception', 480],
      ['process', 'processing', 30 * 480 - 480 - 960 - 480],
      ['approve', 'leader', 960],
      ['return', 'reception', 480],
    ]);
  });

  it('marks same-day budgets nominal and unknown limits without budgets', () => {
    expect(defaultWorkflow({ unit: 'sameDayOrNextIfAfter', cutoff: '15:00' }).nominal).toBe(true);
    expect(defaultWorkflow({ unit: 'unparsed', text: '1', reason: 'no_unit' })).toMatchObject({ totalMinutes: null, nominal: false });
  });
});
