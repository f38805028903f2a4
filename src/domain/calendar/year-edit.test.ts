import { describe, expect, it } from 'vitest';
import { yearEditProblem } from './year-edit.ts';

describe('yearEditProblem', () => {
  it('accepts weekday days off and weekend make-up days of the year', () => {
    expect(yearEditProblem(2026, { nonWorkingWeekdays: ['2026-09-01', '2026-09-02'], makeupWorkingSaturdays: ['2026-08-22'] })).toBeUndefined();
  });
  it.each([
    [{ nonWorkingWeekdays: ['2027-01-01'], makeupWorkingSaturdays: [] }, 'DATE_OUTSIDE_YEAR'],
    [{ nonWorkingWeekdays: ['2026-08-22'], makeupWorkingSaturdays: [] }, 'NOT_A_WEEKDAY'],
    [{ nonWorkingWeekdays: [], makeupWorkingSaturdays: ['2026-08-21'] }, 'NOT_A_WEEKEND'],
  ])('refuses %j with %s', (schedule, code) => {
    expect(yearEditProblem(2026, schedule)?.code).toBe(code);
  });
});
