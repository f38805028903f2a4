import { describe, expect, it } from 'vitest';
import { local, provinceCalendar, vn } from './calendar-test-support.ts';
import { HOUR_MS } from './local-time.ts';
import { addWorkingTime, isWorkingInstant, nextWorkingInstant, workingTimeBetween } from './working-time.ts';

const cal = () => provinceCalendar();

describe('isWorkingInstant (period start inclusive, end exclusive)', () => {
  it.each([
    ['2025-03-10 07:30', true],
    ['2025-03-10 07:29:59', false],
    ['2025-03-10 11:29:59', true],
    ['2025-03-10 11:30', false],
    ['2025-03-10 12:00', false],
    ['2025-03-10 13:00', true],
    ['2025-03-10 17:00', false],
    ['2025-03-15 09:00', false], // Saturday
    ['2024-05-04 09:00', true], // make-up Saturday
    ['2024-04-29 09:00', false], // swapped Monday
    ['2025-01-27 09:00', false], // Tết 2025
  ])('%s → %s', (instant, expected) => {
    expect(isWorkingInstant(cal(), vn(instant))).toBe(expected);
  });
});

describe('nextWorkingInstant', () => {
  it.each([
    ['2025-03-10 10:00', '2025-03-10 10:00'],
    ['2025-03-10 06:00', '2025-03-10 07:30'],
    ['2025-03-10 11:30', '2025-03-10 13:00'],
    ['2025-03-10 17:00', '2025-03-11 07:30'],
    ['2025-03-14 18:00', '2025-03-17 07:30'],
    ['2025-01-24 17:00', '2025-02-03 07:30'],
    ['2024-05-03 17:30', '2024-05-04 07:30'], // make-up Saturday
  ])('%s → %s', (instant, expected) => {
    expect(local(nextWorkingInstant(cal(), vn(instant)))).toBe(expected);
  });
});

describe('workingTimeBetween', () => {
  const between = (a: string, b: string) => workingTimeBetween(cal(), vn(a), vn(b)) / HOUR_MS;
  it.each([
    ['2025-03-10 07:30', '2025-03-10 17:00', 8],
    ['2025-03-10 10:00', '2025-03-10 14:00', 2.5],
    ['2025-03-10 12:00', '2025-03-10 12:30', 0],
    ['2025-03-14 16:00', '2025-03-17 08:30', 2],
    ['2025-01-24 07:30', '2025-02-04 07:30', 16], // Fri 24/01 + Mon 03/02 around Tết
    ['2025-03-10 10:00', '2025-03-10 09:00', 0], // reversed → 0
  ])('%s → %s = %d h', (a, b, expected) => {
    expect(between(a, b)).toBe(expected);
  });
});

describe('addWorkingTime', () => {
  it('is the inverse of workingTimeBetween from a working instant', () => {
    const from = vn('2025-04-25 10:15');
    const to = addWorkingTime(cal(), from, 15.25 * HOUR_MS);
    // 5.25 h on Friday 25/04, 8 h on the make-up Saturday 26/04, 2 h on Monday 28/04.
    expect(local(to)).toBe('2025-04-28 09:30');
    expect(workingTimeBetween(cal(), from, to)).toBe(15.25 * HOUR_MS);
    expect(local(addWorkingTime(cal(), from, 13.25 * HOUR_MS))).toBe('2025-04-26 17:00');
  });

  it('zero gives the next working instant', () => {
    expect(local(addWorkingTime(cal(), vn('2025-03-10 12:00'), 0))).toBe('2025-03-10 13:00');
  });
});
