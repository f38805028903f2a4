import { describe, expect, it } from 'vitest';
import { local, provinceCalendar, vn } from '../calendar/calendar-test-support.ts';
import { planStepDeadlines } from './step-deadlines.ts';
import { supplementRequestDeadline } from './supplement-deadline.ts';

describe('planStepDeadlines', () => {
  const plan = (steps: { id: string; workingHours: number }[], limitDays = 5, start = '2025-04-24 10:00') =>
    planStepDeadlines(provinceCalendar(), vn(start), steps, { unit: 'days', value: limitDays });

  it('lays the steps end to end in working time (here across the 2025 30/4 swap and make-up Saturday)', () => {
    const result = plan([
      { id: 'receipt', workingHours: 4 },
      { id: 'processing', workingHours: 24 },
      { id: 'approval', workingHours: 8 },
      { id: 'return', workingHours: 4 },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.steps.map((s) => [s.id, local(s.startsAt), local(s.dueAt)])).toEqual([
      ['receipt', '2025-04-24 10:00', '2025-04-24 15:30'],
      ['processing', '2025-04-24 15:30', '2025-04-28 15:30'], // Fri 25, Sat 26 (make-up), Mon 28
      ['approval', '2025-04-28 15:30', '2025-04-29 15:30'],
      ['return', '2025-04-29 15:30', '2025-05-05 10:00'], // 30/4 – 4/5 off
    ]);
    expect(local(result.value.dueAt)).toBe('2025-05-05 10:00');
    expect(result.value.totalMs).toBe(result.value.limitMs);
  });

  it('refuses budgets above the legal limit', () => {
    const result = plan([
      { id: 'processing', workingHours: 36 },
      { id: 'approval', workingHours: 5 },
    ]);
    expect(!result.ok && [result.error.code, (result.error.details as { field: string }).field]).toEqual(['STEP_BUDGETS_EXCEED_LIMIT', 'steps']);
  });

  it('refuses non-positive budgets and duplicate steps, naming the field', () => {
    const zero = plan([{ id: 'a', workingHours: 0 }]);
    expect(!zero.ok && (zero.error.details as { field: string }).field).toBe('steps[0].workingHours');
    const twice = plan([{ id: 'a', workingHours: 1 }, { id: 'a', workingHours: 1 }]);
    expect(!twice.ok && (twice.error.details as { field: string }).field).toBe('steps[1].id');
  });

  it('reports an out-of-range start as an error value', () => {
    const result = plan([{ id: 'a', workingHours: 1 }], 5, '2101-01-05 10:00');
    expect(!result.ok && result.error.code).toBe('CALENDAR_OUT_OF_RANGE');
  });
});

describe('supplementRequestDeadline (3 working days after receipt)', () => {
  it('skips Tết 2026', () => {
    expect(local(supplementRequestDeadline(provinceCalendar(), vn('2026-02-12 09:00')))).toBe('2026-02-24 09:00');
  });
});
