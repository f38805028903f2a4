// Time limits as the national file publishes them (examples copied from ../shared/data/national-procedures.json).
import { describe, expect, it } from 'vitest';
import { durationWorkingHours, normaliseDuration } from './duration.ts';

describe('normaliseDuration', () => {
  it.each([
    ['5 Ngày làm việc', { unit: 'days', value: 5 }],
    ['15 ngày làm việc', { unit: 'days', value: 15 }],
    ['03 ngày làm việc', { unit: 'days', value: 3 }],
    ['Không quá 20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ', { unit: 'days', value: 20 }],
    ['0,5 ngày làm việc', { unit: 'days', value: 0.5 }],
    ['1 Giờ', { unit: 'hours', value: 1 }],
    ['4 giờ', { unit: 'hours', value: 4 }],
    ['28 Giờ', { unit: 'hours', value: 28 }],
    ['8 giờ làm việc', { unit: 'hours', value: 8 }],
    ['Trong ngày', { unit: 'sameDay' }],
    ['trong ngày làm việc', { unit: 'sameDay' }],
    ['Giải quyết ngay', { unit: 'sameDay' }],
    [
      'Trong ngày làm việc; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo',
      { unit: 'sameDayOrNextIfAfter', cutoff: '15:00' },
    ],
    ['Trong ngày, nếu nhận sau 15h30 thì trả trong ngày làm việc tiếp theo', { unit: 'sameDayOrNextIfAfter', cutoff: '15:30' }],
  ])('"%s" → %j', (text, expected) => {
    expect(normaliseDuration(text).duration).toEqual(expected);
  });

  it('reads plain days ("30 Ngày", "03 ngày") as working days but says so', () => {
    expect(normaliseDuration('30 Ngày')).toEqual({ duration: { unit: 'days', value: 30 }, plainDays: true });
    expect(normaliseDuration('03 ngày')).toEqual({ duration: { unit: 'days', value: 3 }, plainDays: true });
    expect(normaliseDuration('5 Ngày làm việc').plainDays).toBeUndefined();
  });

  it('keeps plain days unparsed when told to', () => {
    expect(normaliseDuration('30 Ngày', 'unparsed').duration).toEqual({ unit: 'unparsed', text: '30 Ngày', reason: 'calendar_days' });
  });

  it.each([
    ['1', 'no_unit'], // 450 channels of the national file: "1" with no unit (khai sinh…)
    ['120', 'no_unit'],
    ['120,000', 'no_unit'],
    ['0', 'no_unit'],
    ['', 'empty'],
    ['Không có thông tin', 'empty'],
    ['unspecified', 'empty'],
    ['12 Tháng', 'months'],
    ['10-15 ngày', 'range'],
    ['Theo kế hoạch của Ủy ban nhân dân tỉnh', 'unrecognised'],
    ['0 ngày làm việc', 'unrecognised'],
  ])('keeps "%s" as text (%s) instead of guessing', (text, reason) => {
    expect(normaliseDuration(text).duration).toEqual({ unit: 'unparsed', text, reason });
  });

  it('compares limits in working hours (same day = one working day)', () => {
    expect(durationWorkingHours({ unit: 'days', value: 2 })).toBe(16);
    expect(durationWorkingHours({ unit: 'hours', value: 4 })).toBe(4);
    expect(durationWorkingHours({ unit: 'sameDay' })).toBe(8);
    expect(durationWorkingHours({ unit: 'unparsed', text: '1', reason: 'no_unit' })).toBeUndefined();
  });
});
