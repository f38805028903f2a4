import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '../api/counter.ts';
import { emptyRow, isCccdShape, isPropertyProcedure, isTaxCodeShape, matchesWords, missingRequired, receivedDocuments, setCount, tickRow } from './counter-rules.ts';

const item = (name: string, optional = false, originals: number | null = 1): ChecklistItem =>
  ({ name, optional, asked: { originals, copies: null, certifiedCopies: null, photocopies: null } });

describe('counter rules', () => {
  it('matches word starts without accents', () => {
    expect(matchesWords('Xã An Linh — Huyện Phú Giáo', 'an li')).toBe(true);
    expect(matchesWords('Xã Tân Lập', 'an li')).toBe(false);
    expect(matchesWords('Phường Đông Hòa', 'dong hoa')).toBe(true);
  });

  it('checks the shape of a CCCD and a tax code', () => {
    expect(isCccdShape('074 090 001 234')).toBe(true);
    expect(isCccdShape('07409000123')).toBe(false);
    expect(isTaxCodeShape('0312345678-001')).toBe(true);
    expect(isTaxCodeShape('03123')).toBe(false);
  });

  it('recognises land and building procedures', () => {
    expect(isPropertyProcedure('Đất đai', 'Đăng ký biến động')).toBe(true);
    expect(isPropertyProcedure('Hoạt động xây dựng', 'Cấp giấy phép xây dựng')).toBe(true);
    expect(isPropertyProcedure('Hộ tịch', 'Đăng ký khai sinh')).toBe(false);
  });

  it('a ticked row records what is asked; counts tick and untick it; only received papers are sent', () => {
    const items = [item('Tờ khai'), item('Giấy ủy quyền (nếu có)', true), item('Bản sao giấy chứng sinh', false, null)];
    let rows = items.map(emptyRow);
    expect(missingRequired(items, rows).map((i) => i.name)).toEqual(['Tờ khai', 'Bản sao giấy chứng sinh']);
    rows = [tickRow(rows[0]!, items[0]!, true), rows[1]!, setCount(rows[2]!, 'photocopies', 2)];
    expect(rows[0]).toEqual({ received: true, originals: 1, certifiedCopies: 0, photocopies: 0 });
    expect(missingRequired(items, rows)).toEqual([]);
    expect(receivedDocuments(items, rows)).toEqual([
      { name: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0 },
      { name: 'Bản sao giấy chứng sinh', originals: 0, certifiedCopies: 0, photocopies: 2 },
    ]);
    expect(setCount(rows[2]!, 'photocopies', 0).received).toBe(false);
  });
});
