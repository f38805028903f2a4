// Queue settings an administrator types: prefixes, codes, slot sizes and priority weights.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkPrefix, checkPriorityPolicy, checkSlotCapacity, checkSlotMinutes, checkGroupCode } from './queue-settings.ts';
import { formatTicketNumber, parseTicketNumber } from './ticket-number.ts';
import { rankInstant } from './priority.ts';

describe('queue settings', () => {
  it('accepts one or two capital letters as a prefix, and every accepted prefix prints a parseable number', () => {
    expect(checkPrefix(' ht ')).toBe('HT');
    for (const bad of ['', 'ABC', 'A1', 'Đ']) expect(() => checkPrefix(bad)).toThrow(/Tiền tố/);
    fc.assert(fc.property(fc.string({ maxLength: 3 }), fc.integer({ min: 1, max: 99_999 }), (text, seq) => {
      let prefix: string;
      try {
        prefix = checkPrefix(text);
      } catch {
        return;
      }
      expect(parseTicketNumber(formatTicketNumber(prefix, seq))).toEqual({ prefix, seq });
    }));
  });

  it('bounds slots and codes', () => {
    expect(checkSlotMinutes(30)).toBe(30);
    expect(() => checkSlotMinutes(4)).toThrow(/5 đến 240/);
    expect(checkSlotCapacity(0)).toBe(0);
    expect(() => checkSlotCapacity(1.5)).toThrow(/0 \(không nhận hẹn\)/);
    expect(checkGroupCode('bh')).toBe('BH');
    expect(() => checkGroupCode('B H')).toThrow(/Mã nhóm/);
  });

  it('keeps normal and appointment tickets without a head start, and applies the weights it accepts', () => {
    const policy = checkPriorityPolicy({ headStartMinutes: { normal: 50, elderly: 0, veteran: 45 }, maxConsecutivePriority: 2 });
    expect(policy.headStartMinutes).toMatchObject({ normal: 0, appointment: 0, elderly: 0, veteran: 45, disability: 0 });
    expect(rankInstant(1_000_000_000, 'veteran', policy)).toBe(1_000_000_000 - 45 * 60_000);
    expect(rankInstant(1_000_000_000, 'elderly', policy)).toBe(1_000_000_000);
    expect(() => checkPriorityPolicy({ headStartMinutes: { vip: 10 }, maxConsecutivePriority: 2 })).toThrow(/vip/);
    expect(() => checkPriorityPolicy({ headStartMinutes: {}, maxConsecutivePriority: 0 })).toThrow(/1 đến 20/);
  });
});
