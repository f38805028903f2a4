import { describe, expect, it } from 'vitest';
import { days, hours, local, provinceCalendarDefinition, vn } from './calendar-test-support.ts';
import { dueDate } from './due-date.ts';
import type { Duration } from './duration.ts';
import { isReceptionOpen } from './reception.ts';
import { mergeUnitOverride } from './unit-override.ts';
import { compileCalendar } from './working-calendar.ts';

const receiving = compileCalendar(mergeUnitOverride(provinceCalendarDefinition(), { saturdayReception: { enabled: true } }));
const counting = compileCalendar(
  mergeUnitOverride(provinceCalendarDefinition(), { saturdayReception: { enabled: true, countSaturdayReception: true } }),
);

describe('Saturday-morning reception', () => {
  it.each([
    ['2025-03-15 09:00', true],
    ['2025-03-15 11:30', false],
    ['2025-03-15 14:00', false],
    ['2025-03-16 09:00', false], // Sunday
    ['2025-01-25 09:00', false], // inside the Tết 2025 break
    ['2025-08-30 09:00', false], // inside the National Day 2025 break
    ['2025-03-10 09:00', true], // ordinary working time
  ])('reception open at %s: %s', (instant, expected) => {
    expect(isReceptionOpen(receiving, vn(instant))).toBe(expected);
  });

  it('is closed without the flag', () => {
    expect(isReceptionOpen(compileCalendar(provinceCalendarDefinition()), vn('2025-03-15 09:00'))).toBe(false);
  });

  it.each([
    [days(1), '2025-03-17 17:00'],
    [hours(2), '2025-03-17 09:30'],
    [{ unit: 'sameDay' } as Duration, '2025-03-17 17:00'],
  ])('received Saturday 09:00, not counted: %o → %s (counts from Monday 07:30)', (duration, expected) => {
    expect(local(dueDate(receiving, vn('2025-03-15 09:00'), duration))).toBe(expected);
  });

  it.each([
    [days(1), '2025-03-17 14:30'], // 2.5 h on Saturday + 5.5 h on Monday
    [hours(2), '2025-03-15 11:00'],
    [hours(2.5), '2025-03-15 11:30'],
    [hours(3), '2025-03-17 08:00'],
    [{ unit: 'sameDay' } as Duration, '2025-03-15 11:30'],
    [{ unit: 'sameDayOrNextIfAfter', cutoff: '10:00' } as Duration, '2025-03-15 11:30'],
  ])('received Saturday 09:00, counted: %o → %s', (duration, expected) => {
    expect(local(dueDate(counting, vn('2025-03-15 09:00'), duration))).toBe(expected);
  });

  it('counted sessions are working time for every running clock (the due instant stays monotonic)', () => {
    // Friday 16:00 + 1 day: 1 h on Friday, 4 h on Saturday morning, 3 h on Monday.
    expect(local(dueDate(counting, vn('2025-03-14 16:00'), days(1)))).toBe('2025-03-17 10:30');
    expect(local(dueDate(counting, vn('2025-03-14 16:00'), { unit: 'sameDayOrNextIfAfter', cutoff: '15:00' }))).toBe('2025-03-15 11:30');
    expect(local(dueDate(receiving, vn('2025-03-14 16:00'), days(1)))).toBe('2025-03-17 16:00');
  });

  it('counting changes nothing for a Saturday receipt after the session or inside a holiday break', () => {
    expect(local(dueDate(counting, vn('2025-03-15 12:00'), days(1)))).toBe('2025-03-17 17:00');
    expect(local(dueDate(counting, vn('2025-01-25 09:00'), days(1)))).toBe('2025-02-03 17:00');
    expect(local(dueDate(counting, vn('2025-03-15 10:30'), { unit: 'sameDayOrNextIfAfter', cutoff: '10:00' }))).toBe('2025-03-17 17:00');
  });
});

describe('unit overrides', () => {
  const unit = compileCalendar(
    mergeUnitOverride(provinceCalendarDefinition(), {
      name: 'Chi nhánh Dĩ An',
      workingPeriods: [
        { start: '07:00', end: '11:00' },
        { start: '13:30', end: '17:30' },
      ],
      extraDaysOff: ['2025-03-11'],
      forwardingCutoff: '16:00',
    }),
  );

  it('keeps the national days off and adds its own', () => {
    expect(local(dueDate(unit, vn('2025-03-10 10:00'), days(1)))).toBe('2025-03-12 10:00');
    expect(local(dueDate(unit, vn('2025-01-24 10:00'), days(1)))).toBe('2025-02-03 10:00');
  });

  it('uses its own periods', () => {
    expect(local(dueDate(unit, vn('2025-03-12 07:00'), hours(8)))).toBe('2025-03-12 17:30');
    expect(local(dueDate(unit, vn('2025-03-12 11:15'), hours(1)))).toBe('2025-03-12 14:30');
  });

  it('does not change the base definition', () => {
    expect(provinceCalendarDefinition().workingPeriods[0]?.start).toBe('07:30');
    expect(provinceCalendarDefinition().extraDaysOff).toEqual([]);
  });

  it('days mean "same clock time on the Nth working day" even when periods do not sum to 8 h', () => {
    const long = compileCalendar(
      mergeUnitOverride(provinceCalendarDefinition(), { workingPeriods: [{ start: '07:00', end: '11:30' }, { start: '13:00', end: '17:00' }] }),
    );
    expect(long.dayWorkMs).toBe(8.5 * 3_600_000);
    expect(local(dueDate(long, vn('2025-03-10 10:00'), days(2)))).toBe('2025-03-12 10:00');
    expect(local(dueDate(long, vn('2025-03-10 10:00'), hours(16)))).toBe('2025-03-12 09:00');
  });
});
