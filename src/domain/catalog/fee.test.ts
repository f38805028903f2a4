import { describe, expect, it } from 'vitest';
import { formatFeeVi, normaliseFee } from './fee.ts';

describe('normaliseFee', () => {
  it.each([
    ['Miễn phí', { kind: 'free' }],
    ['Miễn lệ phí', { kind: 'free' }],
    ['0 đồng', { kind: 'free' }],
    ['', { kind: 'unspecified' }],
    ['Không có thông tin', { kind: 'unspecified' }],
    ['150,000 Việt Nam Đồng', { kind: 'amount', amount: 150000, currency: 'VND' }],
    ['100,000 VNĐ', { kind: 'amount', amount: 100000, currency: 'VND' }],
    ['50.000 đồng', { kind: 'amount', amount: 50000, currency: 'VND' }],
    ['1,025,000 Việt Nam Đồng', { kind: 'amount', amount: 1025000, currency: 'VND' }],
    ['25.000 đồng/hồ sơ', { kind: 'amount', amount: 25000, currency: 'VND' }],
    ['10 USD', { kind: 'amount', amount: 10, currency: 'USD' }],
    ['145 USD', { kind: 'amount', amount: 145, currency: 'USD' }],
    ['Theo Nghị quyết của Hội đồng nhân dân tỉnh', { kind: 'unparsed', text: 'Theo Nghị quyết của Hội đồng nhân dân tỉnh' }],
    ['2% giá trị hợp đồng', { kind: 'unparsed', text: '2% giá trị hợp đồng' }],
  ])('"%s" → %j', (text, expected) => {
    expect(normaliseFee(text).fee).toEqual(expected);
  });

  it('flags amounts no Vietnamese fee has ("1 Việt Nam Đồng", "50 VNĐ")', () => {
    expect(normaliseFee('1 Việt Nam Đồng')).toEqual({ fee: { kind: 'amount', amount: 1, currency: 'VND' }, suspicious: true });
    expect(normaliseFee('50 VNĐ').suspicious).toBe(true);
    expect(normaliseFee('50,000 VNĐ').suspicious).toBeUndefined();
  });

  it('formats for Vietnamese readers', () => {
    expect(formatFeeVi({ kind: 'amount', amount: 150000, currency: 'VND' })).toBe('150.000 đ');
    expect(formatFeeVi({ kind: 'free' })).toBe('Miễn phí');
  });
});
