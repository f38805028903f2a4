import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../calendar/index.ts';
import { formatRemainingVN } from './remaining-text.ts';

describe('formatRemainingVN (1 day = 8 working hours)', () => {
  it.each([
    [2 * 8 * HOUR_MS + 3 * HOUR_MS, 'Còn 2 ngày 3 giờ'],
    [2 * 8 * HOUR_MS + 3 * HOUR_MS + 59 * MINUTE_MS, 'Còn 2 ngày 3 giờ'], // truncated, never more than there is
    [-(8 * HOUR_MS + 2 * HOUR_MS), 'Quá 1 ngày 2 giờ'],
    [45 * MINUTE_MS, 'Còn 45 phút'],
    [-5 * MINUTE_MS, 'Quá 5 phút'],
    [3 * 8 * HOUR_MS, 'Còn 3 ngày'],
    [5 * HOUR_MS + 20 * MINUTE_MS, 'Còn 5 giờ'],
    [HOUR_MS, 'Còn 1 giờ'],
    [30_000, 'Còn dưới 1 phút'],
    [0, 'Đến hạn'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatRemainingVN(ms)).toBe(text);
  });

  it('takes another day length when asked', () => {
    expect(formatRemainingVN(9 * HOUR_MS, 4)).toBe('Còn 2 ngày 1 giờ');
  });
});
