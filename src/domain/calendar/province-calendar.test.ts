import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../errors.ts';
import { days, local, provinceCalendar, provinceCalendarDefinition, vn } from './calendar-test-support.ts';
import { dueDate } from './due-date.ts';
import { buildProvinceCalendar, provisionalYears, withYearSchedule } from './province-calendar.ts';
import { validateCalendarDefinition } from './validate-definition.ts';
import { compileCalendar } from './working-calendar.ts';

const shared = JSON.parse(readFileSync(new URL('../../../seed/vn-holidays-2024-2026.json', import.meta.url), 'utf8'));

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('buildProvinceCalendar', () => {
  it('ships the official 2024–2026 days exactly as the notices list them', () => {
    const def = provinceCalendarDefinition();
    for (const year of ['2024', '2025', '2026']) {
      expect(def.years[year]?.status).toBe('official');
      expect(def.years[year]?.nonWorkingWeekdays).toEqual(shared.flat[year].nonWorkingWeekdays);
      expect(def.years[year]?.makeupWorkingSaturdays).toEqual(shared.flat[year].makeupWorkingSaturdays);
    }
    expect(def.years['2025']?.holidayBreaks.find((b) => b.name.startsWith('Tết Nguyên đán'))).toMatchObject({ from: '2025-01-25', to: '2025-02-02' });
  });

  it('the seed copy is the shared file, byte for byte', () => {
    const seed = readFileSync(new URL('../../../seed/vn-holidays-2024-2026.json', import.meta.url), 'utf8');
    expect(JSON.parse(seed)).toEqual(shared);
  });

  it('covers 2000–2100 and marks every other year provisional', () => {
    const def = provinceCalendarDefinition();
    expect(Object.keys(def.years)).toHaveLength(101);
    expect(provisionalYears(def)).toHaveLength(98);
    expect(provisionalYears(def)).not.toContain(2025);
    expect(def.years['2027']?.basis).toMatch(/Tạm tính/);
  });

  it('computes due dates in provisional years from the lunar calendar (Tết 2027: 05/02 – 11/02)', () => {
    expect(local(dueDate(provinceCalendar(), vn('2027-02-04 10:00'), days(1)))).toBe('2027-02-12 10:00');
  });

  it('refuses years outside 2000–2100, naming the field', () => {
    expect(thrown(() => buildProvinceCalendar({ fromYear: 1999 })).details).toMatchObject({ field: 'fromYear' });
    expect(thrown(() => buildProvinceCalendar({ toYear: 2101 })).details).toMatchObject({ field: 'toYear' });
  });

  it('a narrower range refuses instants outside it', () => {
    const small = compileCalendar(buildProvinceCalendar({ fromYear: 2024, toYear: 2026 }));
    const error = thrown(() => dueDate(small, vn('2027-01-04 10:00'), days(1)));
    expect([error.code, error.details]).toMatchObject(['CALENDAR_OUT_OF_RANGE', { field: 'receivedAt', supportedYears: { from: 2024, to: 2026 } }]);
    expect(thrown(() => dueDate(small, vn('2026-12-30 10:00'), days(5))).details).toMatchObject({ field: 'duration' });
  });

  it('an admin confirming a year replaces its schedule', () => {
    const def = withYearSchedule(provinceCalendarDefinition(), 2027, {
      status: 'official',
      nonWorkingWeekdays: ['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'],
      makeupWorkingSaturdays: [],
      holidayBreaks: [],
      basis: 'test notice',
    });
    expect(provisionalYears(def)).not.toContain(2027);
    expect(local(dueDate(compileCalendar(def), vn('2027-02-03 10:00'), days(1)))).toBe('2027-02-11 10:00');
    expect(thrown(() => withYearSchedule(def, 2101, def.years['2027']!)).details).toMatchObject({ field: 'year' });
  });
});

describe('calendar definitions are plain data', () => {
  it('round-trips through JSON to an identical calendar', () => {
    const def = provinceCalendarDefinition();
    const copy = JSON.parse(JSON.stringify(def));
    expect(copy).toEqual(def);
    const a = provinceCalendar();
    const b = compileCalendar(copy);
    expect(b.coordinateBefore).toEqual(a.coordinateBefore);
    expect(b.dayKind).toEqual(a.dayKind);
  });

  it('compiling freezes a private copy, so later edits of the input cannot desynchronise the index', () => {
    const def = buildProvinceCalendar({ fromYear: 2025, toYear: 2025 });
    const calendar = compileCalendar(def);
    def.workingPeriods[0]!.start = '09:00';
    expect(calendar.definition.workingPeriods[0]?.start).toBe('07:30');
    expect(Object.isFrozen(calendar.definition.years['2025']?.nonWorkingWeekdays)).toBe(true);
  });
});

describe('validateCalendarDefinition names each bad field', () => {
  const base = () => structuredClone(buildProvinceCalendar({ fromYear: 2025, toYear: 2026 }));
  const fields = (def: unknown) => validateCalendarDefinition(def).map((i) => i.field);

  it('accepts the province calendar', () => {
    expect(validateCalendarDefinition(provinceCalendarDefinition())).toEqual([]);
  });

  it.each([
    ['overlapping periods', (d: any) => (d.workingPeriods = [{ start: '07:30', end: '12:00' }, { start: '11:00', end: '17:00' }]), 'workingPeriods[1].start'],
    ['end before start', (d: any) => (d.workingPeriods = [{ start: '13:00', end: '12:00' }]), 'workingPeriods[0].end'],
    ['bad clock', (d: any) => (d.workingPeriods = [{ start: '7h30', end: '12:00' }]), 'workingPeriods[0].start'],
    ['no periods', (d: any) => (d.workingPeriods = []), 'workingPeriods'],
    ['bad weekday', (d: any) => (d.workingWeekdays = [1, 8]), 'workingWeekdays'],
    ['bad cut-off', (d: any) => (d.forwardingCutoff = '25:00'), 'forwardingCutoff'],
    ['bad date', (d: any) => (d.years['2025'].nonWorkingWeekdays[0] = '2025-02-30'), 'years.2025.nonWorkingWeekdays[0]'],
    ['date in another year', (d: any) => d.years['2025'].nonWorkingWeekdays.push('2026-03-02'), 'years.2025.nonWorkingWeekdays[12]'],
    ['day both off and worked', (d: any) => d.years['2025'].makeupWorkingSaturdays.push('2025-01-01'), 'years.2025.makeupWorkingSaturdays'],
    ['gap in years', (d: any) => ((d.years['2028'] = d.years['2026']), delete d.years['2026']), 'years.2028'],
    ['year out of range', (d: any) => (d.years['1999'] = d.years['2025']), 'years.1999'],
    ['bad status', (d: any) => (d.years['2026'].status = 'draft'), 'years.2026.status'],
    ['reception enabled without periods', (d: any) => (d.saturdayReception = { enabled: true, periods: [], countSaturdayReception: false }), 'saturdayReception.periods'],
    ['bad break', (d: any) => (d.years['2025'].holidayBreaks[0].to = '2024-01-01'), 'years.2025.holidayBreaks[0].to'],
  ])('%s', (_name, mutate, field) => {
    const def = base();
    mutate(def);
    expect(fields(def)).toContain(field);
    expect(thrown(() => compileCalendar(def)).code).toBe('INVALID_CALENDAR');
  });

  it('rejects what is not a calendar at all', () => {
    expect(fields(null)).toEqual(['']);
    expect(fields({ version: 1 })).toEqual(expect.arrayContaining(['name', 'workingWeekdays', 'workingPeriods', 'years']));
  });
});
