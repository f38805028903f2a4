import { describe, expect, it } from 'vitest';
import { days, hours, local, provinceCalendar, vn } from './calendar-test-support.ts';
import { dueDate } from './due-date.ts';
import type { Duration } from './duration.ts';
import { isAppError } from '../errors.ts';

const due = (receivedAt: string, duration: Duration) => local(dueDate(provinceCalendar(), vn(receivedAt), duration));

describe('dueDate in working days — Tết 2024 (off Thu 08/02 – Wed 14/02)', () => {
  it.each([
    ['2024-02-07 10:00', 1, '2024-02-15 10:00'], // Wed before Tết → Thu after
    ['2024-02-07 10:00', 2, '2024-02-16 10:00'],
    ['2024-02-05 10:00', 5, '2024-02-19 10:00'], // Tue 6, Wed 7, Thu 15, Fri 16, Mon 19
    ['2024-02-07 15:30', 1, '2024-02-15 15:30'],
    ['2024-02-07 11:45', 1, '2024-02-15 11:30'], // lunch: counts from 13:00; 8 h run out at the end of the morning
    ['2024-02-07 17:30', 1, '2024-02-15 17:00'], // after hours: counts from 07:30 on the 15th
    ['2024-02-07 07:30', 1, '2024-02-07 17:00'], // a full day from the opening ends at the closing
    ['2024-02-08 10:00', 1, '2024-02-15 17:00'], // received on a holiday
    ['2024-02-10 09:00', 1, '2024-02-15 17:00'], // received on Saturday (no Saturday reception configured)
    ['2024-02-15 10:00', 0, '2024-02-15 10:00'], // zero: the receipt itself when it is a working instant
    ['2024-02-14 10:00', 0, '2024-02-15 07:30'], // zero on a holiday: the next working instant
  ])('%s + %d days → %s', (receivedAt, n, expected) => {
    expect(due(receivedAt, days(n))).toBe(expected);
  });
});

describe('dueDate — Tết 2025 (off 25/01 – 02/02 incl. weekends) and Tết 2026 (off 14/02 – 22/02)', () => {
  it.each([
    ['2025-01-24 10:00', days(1), '2025-02-03 10:00'],
    ['2025-01-24 16:00', days(3), '2025-02-05 16:00'],
    ['2025-01-24 16:00', hours(4), '2025-02-03 10:30'], // 1 h on Friday, 3 h on Monday
    ['2025-01-24 17:00', hours(1), '2025-02-03 08:30'], // 17:00 is closed already
    ['2026-02-13 10:00', days(1), '2026-02-23 10:00'],
    ['2026-02-13 10:00', days(3), '2026-02-25 10:00'],
    ['2026-02-12 10:00', days(10), '2026-03-05 10:00'], // 13/02, then 23/02 … 05/03
  ] as const)('%s + %o → %s', (receivedAt, duration, expected) => {
    expect(due(receivedAt, duration)).toBe(expected);
  });
});

describe('dueDate — 30/4 – 1/5 swaps and make-up Saturdays', () => {
  it.each([
    // 2024: Mon 29/04 off (swapped), Tue 30/04, Wed 01/05 off; Sat 04/05 worked.
    ['2024-04-26 10:00', 1, '2024-05-02 10:00'],
    ['2024-04-26 10:00', 2, '2024-05-03 10:00'],
    ['2024-04-26 10:00', 3, '2024-05-04 10:00'], // the make-up Saturday counts
    ['2024-04-26 10:00', 4, '2024-05-06 10:00'],
    // 2025: Wed 30/04, Thu 01/05, Fri 02/05 off (swapped); Sat 26/04 worked.
    ['2025-04-25 10:00', 1, '2025-04-26 10:00'],
    ['2025-04-25 10:00', 2, '2025-04-28 10:00'],
    ['2025-04-25 10:00', 4, '2025-05-05 10:00'],
    ['2025-04-26 09:00', 1, '2025-04-28 09:00'], // received on the make-up Saturday itself
    // 2026 National Day: Sat 22/08 worked; Mon 31/08 (swapped), Tue 01/09, Wed 02/09 off.
    ['2026-08-21 10:00', 1, '2026-08-22 10:00'],
    ['2026-08-28 10:00', 1, '2026-09-03 10:00'],
    ['2026-08-28 10:00', 2, '2026-09-04 10:00'],
    // Hùng Kings 2026 falls on Sunday 26/04 → compensatory Monday 27/04.
    ['2026-04-24 10:00', 1, '2026-04-28 10:00'],
  ])('%s + %d days → %s', (receivedAt, n, expected) => {
    expect(due(receivedAt, days(n))).toBe(expected);
  });
});

describe('dueDate in working hours', () => {
  it.each([
    ['2025-03-10 07:30', 8, '2025-03-10 17:00'], // not 07:30 the next day
    ['2025-03-10 07:30', 4, '2025-03-10 11:30'], // not 13:00
    ['2025-03-10 10:00', 4, '2025-03-10 15:30'],
    ['2025-03-10 11:45', 1, '2025-03-10 14:00'],
    ['2025-03-10 16:00', 8, '2025-03-11 16:00'],
    ['2025-03-10 13:00', 8, '2025-03-11 11:30'],
    ['2025-03-14 16:30', 1, '2025-03-17 08:00'], // Friday → Monday
    ['2025-03-10 10:00', 0.5, '2025-03-10 10:30'],
    ['2025-03-10 10:00', 40, '2025-03-17 10:00'],
  ])('%s + %d h → %s', (receivedAt, n, expected) => {
    expect(due(receivedAt, hours(n))).toBe(expected);
  });

  it('N working days equal 8·N working hours with the default periods', () => {
    expect(due('2025-03-10 10:17', days(3))).toBe(due('2025-03-10 10:17', hours(24)));
  });
});

describe('dueDate same day', () => {
  it.each([
    ['2025-03-10 10:00', '2025-03-10 17:00'],
    ['2025-03-10 06:45', '2025-03-10 17:00'],
    ['2025-03-10 12:10', '2025-03-10 17:00'],
    ['2025-03-10 17:00', '2025-03-11 17:00'], // the office has closed
    ['2025-03-10 17:30', '2025-03-11 17:00'],
    ['2025-03-15 09:00', '2025-03-17 17:00'], // Saturday
    ['2025-09-01 09:00', '2025-09-03 17:00'], // National Day break
  ])('%s → %s', (receivedAt, expected) => {
    expect(due(receivedAt, { unit: 'sameDay' })).toBe(expected);
  });

  it.each([
    ['2025-03-10 10:00', '2025-03-10 17:00'],
    ['2025-03-10 15:00', '2025-03-10 17:00'], // at the cut-off: still the same day
    ['2025-03-10 15:00:01', '2025-03-11 17:00'],
    ['2025-03-10 15:30', '2025-03-11 17:00'],
    ['2025-03-10 17:30', '2025-03-11 17:00'],
    ['2025-03-10 06:30', '2025-03-10 17:00'],
    ['2025-03-14 15:30', '2025-03-17 17:00'], // Friday after 15:00 → Monday
    ['2025-03-15 09:00', '2025-03-17 17:00'], // Saturday
    ['2025-01-24 15:30', '2025-02-03 17:00'], // last day before Tết 2025
  ])('certification-style %s → %s', (receivedAt, expected) => {
    expect(due(receivedAt, { unit: 'sameDayOrNextIfAfter', cutoff: '15:00' })).toBe(expected);
  });
});

describe('dueDate errors name their field', () => {
  const fieldOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (isAppError(error)) return [error.code, (error.details as { field: string }).field];
      throw error;
    }
    return undefined;
  };
  const calendar = () => provinceCalendar();

  it('receipt outside 2000–2100', () => {
    expect(fieldOf(() => dueDate(calendar(), vn('2101-01-03 10:00'), days(1)))).toEqual(['CALENDAR_OUT_OF_RANGE', 'receivedAt']);
    expect(fieldOf(() => dueDate(calendar(), vn('1999-12-31 10:00'), days(1)))).toEqual(['CALENDAR_OUT_OF_RANGE', 'receivedAt']);
  });

  it('a due instant beyond the range', () => {
    expect(fieldOf(() => dueDate(calendar(), vn('2100-12-20 10:00'), days(30)))).toEqual(['CALENDAR_OUT_OF_RANGE', 'duration']);
  });

  it('malformed durations', () => {
    expect(fieldOf(() => dueDate(calendar(), vn('2025-03-10 10:00'), days(-1)))).toEqual(['INVALID_DURATION', 'duration.value']);
    expect(fieldOf(() => dueDate(calendar(), vn('2025-03-10 10:00'), hours(Number.NaN)))).toEqual(['INVALID_DURATION', 'duration.value']);
    expect(fieldOf(() => dueDate(calendar(), vn('2025-03-10 10:00'), { unit: 'sameDayOrNextIfAfter', cutoff: '3pm' }))).toEqual([
      'INVALID_DURATION',
      'duration.cutoff',
    ]);
    expect(fieldOf(() => dueDate(calendar(), vn('2025-03-10 10:00'), { unit: 'weeks' } as never))).toEqual(['INVALID_DURATION', 'duration.unit']);
  });
});
