import { describe, expect, it } from 'vitest';
import { isoDateOfDayNumber } from './local-time.ts';
import { dayNumberOfLunarDate, lunarNewYearDay, provisionalYearSchedule, statutoryHolidays } from './lunar-holidays.ts';
import { shippedOfficialSchedules } from './official-holidays.ts';

const tet = (year: number) => isoDateOfDayNumber(lunarNewYearDay(year));

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    // Years where Vietnam's Tết differs from China's (UTC+8): 1985 (CN 20/02), 2007 (CN 18/02), 2030 (CN 03/02).
    [1985, '1985-01-21'],
    [2007, '2007-02-17'],
    [2030, '2030-02-02'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('mùng 1 Tết %d = %s', (year, expected) => {
    expect(tet(year)).toBe(expected);
  });

  it('Giỗ Tổ Hùng Vương (10/3 lunar) matches the official 2024–2026 dates', () => {
    expect([2024, 2025, 2026].map((y) => isoDateOfDayNumber(dayNumberOfLunarDate(y, 3, 10)))).toEqual(['2024-04-18', '2025-04-07', '2026-04-26']);
  });
});

describe('statutory holidays (Labour Code 2019 art. 112)', () => {
  it('lists 11 holiday days: 1/1, Tết 5, Hùng Kings, 30/4, 1/5, National Day 2', () => {
    const holidays = statutoryHolidays(2027);
    expect(holidays.flatMap((h) => h.days)).toHaveLength(11);
    expect(holidays.find((h) => h.name === 'Tết Nguyên đán')?.days.map(isoDateOfDayNumber)).toEqual([
      '2027-02-05', // last day of the lunar year (29 Chạp)
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
    ]);
  });

  it.each([
    [2025, ['2025-09-01', '2025-09-02']], // 2/9 Tuesday → 1/9 (as the Government chose)
    [2027, ['2027-09-02', '2027-09-03']], // 2/9 Thursday → 3/9, joining the weekend
    [2024, ['2024-09-01', '2024-09-02']], // 2/9 Monday → 1/9 Sunday, compensated on 3/9 (below)
  ])('National Day %d: 2/9 + adjacent day', (year, expected) => {
    expect(statutoryHolidays(year).find((h) => h.name === 'Quốc khánh')?.days.map(isoDateOfDayNumber)).toEqual(expected);
  });
});

describe('provisional year schedules', () => {
  it('2027: Tết days on the weekend are compensated after the break; 1/5 Saturday → Monday 3/5', () => {
    const year = provisionalYearSchedule(2027);
    expect(year.status).toBe('provisional');
    expect(year.nonWorkingWeekdays).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10', // compensates 06/02 (Sat)
      '2027-02-11', // compensates 07/02 (Sun)
      '2027-04-16',
      '2027-04-30',
      '2027-05-03', // compensates 01/05 (Sat)
      '2027-09-02',
      '2027-09-03',
    ]);
    expect(year.makeupWorkingSaturdays).toEqual([]);
    expect(year.holidayBreaks.find((b) => b.name === 'Tết Nguyên đán')).toMatchObject({ from: '2027-02-05', to: '2027-02-11' });
  });

  it('2028: 1/1 on Saturday → compensatory Monday 03/01', () => {
    expect(provisionalYearSchedule(2028).nonWorkingWeekdays.slice(0, 1)).toEqual(['2028-01-03']);
  });

  it('2030: Tết from the Vietnamese calendar (mùng 1 = Sat 02/02/2030)', () => {
    const year = provisionalYearSchedule(2030);
    // 01/02 Fri (last day of the lunar year), 02–03 weekend, 04–05 Mon–Tue, compensatory 06–07.
    expect(year.nonWorkingWeekdays.filter((d) => d.startsWith('2030-02'))).toEqual(['2030-02-01', '2030-02-04', '2030-02-05', '2030-02-06', '2030-02-07']);
  });

  it('every generated year has 11 statutory days worth of weekdays off (compensation included)', () => {
    for (let year = 2000; year <= 2100; year++) {
      expect(provisionalYearSchedule(year).nonWorkingWeekdays, String(year)).toHaveLength(11);
    }
  });

  it('compared with the official 2024–2026 notices, only the Government’s own choices differ', () => {
    const official = shippedOfficialSchedules();
    const diff = (year: number) => {
      const generated = new Set(provisionalYearSchedule(year).nonWorkingWeekdays);
      const actual = new Set(official[String(year)]?.nonWorkingWeekdays);
      return { onlyGenerated: [...generated].filter((d) => !actual.has(d)), onlyOfficial: [...actual].filter((d) => !generated.has(d)) };
    };
    // 2024: Tết taken from 29 Chạp instead of mùng 5–6; 29/04 swapped against Saturday 04/05.
    expect(diff(2024)).toEqual({ onlyGenerated: ['2024-02-15'], onlyOfficial: ['2024-02-08', '2024-04-29'] });
    // 2025: Tết 26 Chạp – mùng 3 instead of 29 Chạp – mùng 4 + compensation; 02/05 swapped against 26/04.
    expect(diff(2025)).toEqual({ onlyGenerated: ['2025-02-03'], onlyOfficial: ['2025-01-27', '2025-05-02'] });
    // 2026: the lunar default reproduces Tết and Hùng Kings exactly; only the two swaps differ.
    expect(diff(2026)).toEqual({ onlyGenerated: [], onlyOfficial: ['2026-01-02', '2026-08-31'] });
  });
});
