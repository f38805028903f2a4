import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { days, local, provinceCalendar, vn } from '../calendar/calendar-test-support.ts';
import { HOUR_MS, dueDate } from '../calendar/index.ts';
import { timersAt, type TimerFacts } from './dossier-timers.ts';

// Received Mon 10/03/2025 10:00, 5 working days → due Mon 17/03/2025 10:00 (20% = 1 working day).
const fiveDays: TimerFacts = { receivedAt: vn('2025-03-10 10:00'), dueAt: vn('2025-03-17 10:00'), timeLimit: days(5), extended: false };
const at = (facts: TimerFacts, now: string, percent = 20) =>
  timersAt(provinceCalendar(), facts, vn(now), { dueSoonPercent: percent, apologyWithin: { unit: 'days', value: 1 } });

describe('dossier timers', () => {
  it.each([
    ['2025-03-13 17:00', false, false, false], // 1 day 2.5 h left
    ['2025-03-14 09:59', false, false, false],
    ['2025-03-14 10:00', true, true, false], // apology deadline: 1 working day before
    ['2025-03-17 10:00', true, true, false], // "Đến hạn", not yet overdue
    ['2025-03-17 10:01', false, false, true],
  ])('at %s: dueSoon %s, apology %s, overdue %s', (now, dueSoon, apology, overdue) => {
    const state = at(fiveDays, now);
    expect([state.dueSoon, state.apologyReminder, state.overdue]).toEqual([dueSoon, apology, overdue]);
    expect(local(state.apologyDeadlineAt)).toBe('2025-03-14 10:00');
  });

  it('scales the due-soon warning with the time limit, the apology reminder stays 1 working day', () => {
    const thirty: TimerFacts = { ...fiveDays, timeLimit: days(30), dueAt: dueDate(provinceCalendar(), fiveDays.receivedAt, days(30)) };
    expect(local(thirty.dueAt)).toBe('2025-04-22 10:00'); // 30/4 and 1/5 are after it; 7/4 (Giỗ Tổ) is inside
    expect(at(thirty, '2025-04-14 10:00').dueSoon).toBe(true); // 6 working days left = 20%
    expect(at(thirty, '2025-04-14 10:00').apologyReminder).toBe(false);
    expect(at(thirty, '2025-04-11 10:00').dueSoon).toBe(false);
    expect(at(thirty, '2025-04-21 10:00').apologyReminder).toBe(true);
  });

  it('gives no apology reminder once extended, nor for a limit of one working day or less', () => {
    expect(at({ ...fiveDays, extended: true }, '2025-03-14 10:00').apologyReminder).toBe(false);
    const oneDay: TimerFacts = { ...fiveDays, timeLimit: days(1), dueAt: vn('2025-03-11 10:00') };
    expect(at(oneDay, '2025-03-10 10:00').apologyReminder).toBe(false);
    expect(at(oneDay, '2025-03-11 08:00').dueSoon).toBe(false); // 2 h left
    expect(at(oneDay, '2025-03-11 08:30').dueSoon).toBe(true); // 1.5 h left ≤ 20% of 8 h
    const sameDay: TimerFacts = { ...fiveDays, timeLimit: { unit: 'sameDay' } as never, dueAt: vn('2025-03-10 17:00') };
    expect(at(sameDay, '2025-03-10 16:00').dueSoon).toBe(true); // 1 h left of 7 h promised
    expect(at(sameDay, '2025-03-10 16:00').apologyReminder).toBe(false);
  });

  it('counts working time, not calendar time (a weekend does not bring a warning closer)', () => {
    // Friday 17:00 and Saturday noon both leave Monday 07:30–10:00.
    expect(at(fiveDays, '2025-03-15 12:00').remainingMs).toBe(2.5 * HOUR_MS);
    expect(at(fiveDays, '2025-03-14 17:00').remainingMs).toBe(2.5 * HOUR_MS);
    expect(at(fiveDays, '2025-03-13 17:00').dueSoon).toBe(false); // Thursday evening: 1 day 2.5 h left
  });

  it('reaches due-soon before overdue and never both (property)', () => {
    const calendar = provinceCalendar();
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 80 * 24 }), fc.integer({ min: 1, max: 90 }),
      (limitDays, offsetHours, percent) => {
        const receivedAt = vn('2025-03-10 10:00');
        const dueAt = dueDate(calendar, receivedAt, days(limitDays));
        const facts: TimerFacts = { receivedAt, dueAt, timeLimit: days(limitDays), extended: false };
        const now = receivedAt + offsetHours * HOUR_MS;
        const state = timersAt(calendar, facts, now, { dueSoonPercent: percent, apologyWithin: { unit: 'hours', value: 8 } });
        expect(state.overdue).toBe(now > dueAt);
        if (state.overdue) expect(state.dueSoon || state.apologyReminder).toBe(false);
        if (state.apologyReminder) expect(now).toBeGreaterThanOrEqual(state.apologyDeadlineAt);
        // Monotone: once due soon, still due soon (or overdue) an hour later.
        const later = timersAt(calendar, facts, now + HOUR_MS, { dueSoonPercent: percent, apologyWithin: { unit: 'hours', value: 8 } });
        if (state.dueSoon) expect(later.dueSoon || later.overdue).toBe(true);
      },
    ), { numRuns: 300 });
  });
});
