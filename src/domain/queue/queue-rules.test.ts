import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTicketNumber, parseTicketNumber, ticketDay } from './ticket-number.ts';
import { estimateWaitMs, typicalServiceMs, DEFAULT_SERVICE_MS } from './wait-estimate.ts';
import { allowedCommands, transition } from './ticket-status.ts';
import { appointmentSlots, appointmentCode } from './slots.ts';
import { appointmentRankInstant } from './priority.ts';
import { rankPoints, travelTo } from './where-to-go.ts';
import { provinceCalendar, vn, local } from '../calendar/calendar-test-support.ts';
import { AppError } from '../errors.ts';

describe('ticket numbers', () => {
  it('print the prefix and at least three digits, and read back', () => {
    expect(formatTicketNumber('A', 23)).toBe('A-023');
    expect(formatTicketNumber('B', 1234)).toBe('B-1234');
    fc.assert(fc.property(fc.constantFrom('A', 'B', 'E', 'AB'), fc.integer({ min: 1, max: 99_999 }), (prefix, seq) => {
      expect(parseTicketNumber(formatTicketNumber(prefix, seq))).toEqual({ prefix, seq });
    }));
    expect(() => formatTicketNumber('A', 0)).toThrow(RangeError);
    expect(parseTicketNumber('A23')).toBeUndefined();
  });

  it('reset on the province day: 23:59 and 00:01 Vietnam time are different days, whatever the server zone', () => {
    expect(ticketDay(vn('2024-12-05 23:59'))).toBe('2024-12-05');
    expect(ticketDay(vn('2024-12-06 00:01'))).toBe('2024-12-06');
    expect(ticketDay(Date.parse('2024-12-05T17:30:00Z'))).toBe('2024-12-06'); // 00:30 in Vietnam
  });
});

describe('estimated wait', () => {
  it('uses the median of recent serving times and shares the line among counters', () => {
    expect(typicalServiceMs([])).toBe(DEFAULT_SERVICE_MS);
    expect(typicalServiceMs([60_000, 120_000, 3_600_000])).toBe(120_000);
    expect(typicalServiceMs([60_000, 120_000, -5, Number.NaN])).toBe(90_000);
    expect(estimateWaitMs(0, 3, 60_000)).toBe(0);
    expect(estimateWaitMs(7, 3, 60_000)).toBe(180_000);
    expect(estimateWaitMs(7, 0, 60_000)).toBeUndefined();
  });

  it('never shrinks with more people ahead, never grows with more counters', () => {
    fc.assert(fc.property(fc.nat(500), fc.nat(500), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 3_600_000 }),
      (a, b, c1, c2, service) => {
        const [few, many] = a <= b ? [a, b] : [b, a];
        const [less, more] = c1 <= c2 ? [c1, c2] : [c2, c1];
        expect(estimateWaitMs(few, less, service)!).toBeLessThanOrEqual(estimateWaitMs(many, less, service)!);
        expect(estimateWaitMs(many, more, service)!).toBeLessThanOrEqual(estimateWaitMs(many, less, service)!);
        expect(estimateWaitMs(many, less, service)!).toBeGreaterThanOrEqual(0);
      }));
  });
});

describe('ticket life', () => {
  it('follows call → serve → finish, and refuses the rest with a 409', () => {
    expect(transition('called', 'start')).toBe('serving');
    expect(transition('serving', 'transfer')).toBe('waiting');
    expect(transition('parked', 'resume')).toBe('serving');
    expect(allowedCommands('called').sort()).toEqual(['finish', 'no_show', 'park', 'recall', 'start', 'transfer']);
    expect(allowedCommands('finished')).toEqual([]);
    try {
      transition('serving', 'no_show');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('TICKET_STATE_CONFLICT');
      expect((error as AppError).message).toContain('Đang phục vụ');
    }
  });
});

describe('appointment slots', () => {
  const calendar = provinceCalendar();
  it('cut the working periods of a working day into whole slots', () => {
    const slots = appointmentSlots(calendar, '2024-12-05', 30).map((s) => `${local(s.start)}–${local(s.end).slice(11)}`);
    expect(slots[0]).toBe('2024-12-05 07:30–08:00');
    expect(slots).toContain('2024-12-05 11:00–11:30');
    expect(slots).toContain('2024-12-05 13:00–13:30');
    expect(slots.at(-1)).toBe('2024-12-05 16:30–17:00');
    expect(slots).toHaveLength(16);
  });

  it('give no slot on a Sunday or a public holiday (Tết 2025, 30/4, 2/9)', () => {
    for (const day of ['2024-12-08', '2025-01-29', '2025-04-30', '2025-09-02']) expect(appointmentSlots(calendar, day, 30)).toEqual([]);
    expect(appointmentSlots(calendar, 'not-a-day', 30)).toEqual([]);
  });

  it('rank a checked-in appointment at its slot, unless it comes more than 15 minutes late', () => {
    const slot = vn('2024-12-05 09:00');
    expect(appointmentRankInstant(slot, vn('2024-12-05 08:40'))).toBe(slot);
    expect(appointmentRankInstant(slot, vn('2024-12-05 09:10'))).toBe(slot);
    expect(appointmentRankInstant(slot, vn('2024-12-05 09:30'))).toBe(vn('2024-12-05 09:30'));
  });

  it('codes avoid look-alike characters', () => {
    fc.assert(fc.property(fc.array(fc.nat(1000), { minLength: 6, maxLength: 6 }), (numbers) => {
      expect(appointmentCode(() => numbers)).toMatch(/^LH-[A-HJ-NP-Z2-9]{6}$/);
    }));
  });
});

describe('where to go now', () => {
  const origin = { communeCode: '25861', districtCode: '722' };
  it('ranks by travel plus wait, closed or counter-less points last', () => {
    const ranked = rankPoints(origin, [
      { unitCode: 'DTN25861', communeCode: '25861', districtCode: '722', open: true, waiting: 40, estimatedWaitMinutes: 120 },
      { unitCode: 'CN722', communeCode: null, districtCode: '722', open: true, waiting: 2, estimatedWaitMinutes: 8 },
      { unitCode: 'CN724', communeCode: null, districtCode: '724', open: true, waiting: 0, estimatedWaitMinutes: 0 },
      { unitCode: 'CN718', communeCode: null, districtCode: '718', open: false, waiting: 0, estimatedWaitMinutes: null },
    ]);
    expect(ranked.map((r) => r.unitCode)).toEqual(['CN722', 'CN724', 'DTN25861', 'CN718']);
    expect(ranked[0]).toMatchObject({ proximity: 'same_district', travelMinutes: 10, totalMinutes: 18 });
    expect(ranked[1]!.distanceKm).toBeGreaterThan(30);
  });

  it('travel is symmetric between districts and zero in one\'s own commune', () => {
    const a = travelTo({ communeCode: 'x', districtCode: '718' }, { communeCode: null, districtCode: '724' });
    const b = travelTo({ communeCode: 'y', districtCode: '724' }, { communeCode: null, districtCode: '718' });
    expect(a.distanceKm).toBe(b.distanceKm);
    expect(travelTo(origin, { communeCode: '25861', districtCode: '722' }).travelMinutes).toBe(0);
  });
});
