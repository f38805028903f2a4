// Pure helpers of the calendar pages: month grids, the province clock, day kinds, wording of dates.
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../i18n/en.ts';
import { vi } from '../i18n/vi.ts';
import { normalizeAmount } from './amount.ts';
import { isIsoDate, isoWeekday, monthWeeks, provinceInstant, provinceNow, wallClockOf } from './dates.ts';
import { dayKind, toggleDay, yearDaysOf } from './day-kind.ts';
import { basisItems } from './year-facts.tsx';
import { formatDateRange, formatInstant } from './format-date.ts';

async function translator(lng: 'vi' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { vi: { translation: vi }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('month grids', () => {
  it('start on Monday and pad with the days of other months', () => {
    const weeks = monthWeeks(2025, 1); // 1 January 2025 is a Wednesday
    expect(weeks[0]).toEqual([null, null, '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04', '2025-01-05']);
    expect(weeks.at(-1)).toEqual(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', null, null]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  });
  it('know leap years and Sundays', () => {
    expect(monthWeeks(2028, 2).flat().filter(Boolean)).toHaveLength(29);
    expect(isoWeekday('2026-08-23')).toBe(7);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
});

describe('the province clock (UTC+7)', () => {
  it('reads the date and time in Việt Nam whatever the browser zone', () => {
    expect(provinceNow(new Date('2025-01-31T17:30:00Z'))).toEqual({ date: '2025-02-01', time: '00:30', year: 2025 });
    expect(provinceInstant('2025-01-24', '10:00')).toBe('2025-01-24T10:00:00+07:00');
    expect(wallClockOf('2025-02-03T10:00:00+07:00')).toEqual({ date: '2025-02-03', time: '10:00' });
  });
});

describe('day kinds', () => {
  const days = yearDaysOf({ nonWorkingWeekdays: ['2026-08-31'], makeupWorkingSaturdays: ['2026-08-22'] });
  it('classify working days, weekends, days off and make-up days', () => {
    expect(dayKind('2026-08-31', days)).toBe('off');
    expect(dayKind('2026-08-22', days)).toBe('makeup');
    expect(dayKind('2026-08-23', days)).toBe('weekend');
    expect(dayKind('2026-08-28', days)).toBe('working');
  });
  it('toggle a weekday between working and off, a weekend day between weekend and make-up', () => {
    expect(dayKind('2026-08-28', toggleDay('2026-08-28', days))).toBe('off');
    expect(dayKind('2026-08-31', toggleDay('2026-08-31', days))).toBe('working');
    expect(dayKind('2026-08-29', toggleDay('2026-08-29', days))).toBe('makeup');
    expect(dayKind('2026-08-22', toggleDay('2026-08-22', days))).toBe('weekend');
    expect(days.off.has('2026-08-28')).toBe(false); // the original is untouched
  });
});

describe('wording', () => {
  it('says a due instant the Vietnamese way, and in English', async () => {
    expect(formatInstant('2025-02-05T16:30:00+07:00', await translator('vi'))).toBe('16:30 thứ Tư, 05/02/2025');
    expect(formatInstant('2025-02-05T16:30:00+07:00', await translator('en'))).toBe('Wednesday 5 February 2025, 16:30');
    expect(formatDateRange('2025-01-25', '2025-02-02', await translator('vi'))).toBe('25/01/2025 – 02/02/2025');
    expect(formatDateRange('2025-01-01', '2025-01-01', await translator('vi'))).toBe('01/01/2025');
  });
  it('accepts a decimal comma in the processing time', () => {
    expect(normalizeAmount(' 1,5 ')).toBe('1.5');
    expect(normalizeAmount('3')).toBe('3');
    expect(normalizeAmount('-1')).toBeNull();
    expect(normalizeAmount('')).toBeNull();
    expect(normalizeAmount('ba')).toBeNull();
  });
  it('splits the legal basis into its notices', () => {
    expect(basisItems('BLLĐ 2019 Điều 112 | Thông báo 6150/TB-BLĐTBXH |')).toEqual(['BLLĐ 2019 Điều 112', 'Thông báo 6150/TB-BLĐTBXH']);
  });
});
