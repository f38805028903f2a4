import { describe, expect, it } from 'vitest';
import { local, provinceCalendar, vn } from '../calendar/calendar-test-support.ts';
import { HOUR_MS } from '../calendar/index.ts';
import { DEFAULT_CLOCK_POLICY, type ClockPolicy } from './clock-config.ts';
import { clockStatus } from './clock-status.ts';
import type { ClockEvent } from './clock-events.ts';
import { clockOf, extended, finished, paused, received, resumed, supplementReceived, supplementRequested } from './sla-test-support.ts';

const statusAt = (events: ClockEvent[], now: string, policy: ClockPolicy = DEFAULT_CLOCK_POLICY, supplementPolicy: 'restart' | 'pause' = 'restart') =>
  clockStatus(provinceCalendar(), clockOf(events, { unit: 'days', value: 5 }, supplementPolicy), vn(now), policy);

// Received Mon 10/03/2025 10:00, 5 working days → due Mon 17/03/2025 10:00.
const open = [received('2025-03-10 10:00')];

describe('clockStatus while running', () => {
  it.each([
    ['2025-03-10 10:00', 'Còn 5 ngày', false, false],
    ['2025-03-11 14:00', 'Còn 3 ngày 5 giờ', false, false], // 3 h Tue + 3 days + 2.5 h Mon
    ['2025-03-14 10:00', 'Còn 1 ngày', true, false], // apology deadline reached
    ['2025-03-17 09:00', 'Còn 1 giờ', true, false],
    ['2025-03-17 09:45', 'Còn 15 phút', true, false],
    ['2025-03-17 10:00', 'Đến hạn', true, false],
    ['2025-03-18 12:00', 'Quá 1 ngày 1 giờ', false, true],
  ])('at %s: %s (dueSoon %s, overdue %s)', (now, text, dueSoon, overdue) => {
    const status = statusAt(open, now);
    expect([status.remainingText, status.dueSoon, status.overdue]).toEqual([text, dueSoon, overdue]);
    expect(local(status.dueAt)).toBe('2025-03-17 10:00');
  });

  it('past the due instant but within the same working coordinate is overdue', () => {
    const status = statusAt([received('2025-03-10 07:30')], '2025-03-14 17:30'); // due Fri 17:00
    expect(local(status.dueAt)).toBe('2025-03-14 17:00');
    expect([status.remainingMs, status.overdue, status.remainingText]).toEqual([0, true, 'Quá hạn']);
  });

  it('gives the apology deadline (Mẫu 04): 1 working day before the due instant', () => {
    expect(local(statusAt(open, '2025-03-10 10:00').apologyDeadlineAt)).toBe('2025-03-14 10:00');
    const hours: ClockPolicy = { ...DEFAULT_CLOCK_POLICY, dueSoonWithin: { unit: 'hours', value: 4 } };
    expect(local(statusAt(open, '2025-03-10 10:00', hours).apologyDeadlineAt)).toBe('2025-03-14 15:30'); // 1.5 h Fri + 2.5 h Mon
    expect(statusAt(open, '2025-03-14 10:00', hours).dueSoon).toBe(false);
  });
});

describe('clockStatus while paused', () => {
  it('freezes the remaining time and projects the due instant as if resumed now', () => {
    const events = [...open, paused('2025-03-12 10:00')]; // 3 days left
    const monday = statusAt(events, '2025-03-17 10:00');
    expect([monday.phase, monday.remainingText, monday.dueAtIsProjected, monday.dueSoon]).toEqual(['paused', 'Còn 3 ngày', true, false]);
    expect(local(monday.dueAt)).toBe('2025-03-20 10:00');
  });

  it('under "restart", a pending supplement projects the full time limit from now', () => {
    const events = [...open, supplementRequested('2025-03-12 10:00')];
    const status = statusAt(events, '2025-03-17 10:00');
    expect([status.remainingText, local(status.dueAt)]).toEqual(['Còn 5 ngày', '2025-03-24 10:00']);
  });

  it('a clock paused after its due instant stays overdue', () => {
    const status = statusAt([...open, paused('2025-03-18 10:00')], '2025-03-20 10:00');
    expect([status.overdue, status.remainingText]).toEqual([true, 'Quá 1 ngày']);
  });
});

describe('finish classification (national on-time test)', () => {
  const outcomeOf = (events: ClockEvent[], policy: ClockPolicy = DEFAULT_CLOCK_POLICY) => {
    const status = statusAt(events, '2025-04-01 10:00', policy);
    return [status.finish?.outcome, status.finish?.lateReasons];
  };

  it.each([
    ['2025-03-14 16:00', 'early'], // a working day before the due date
    ['2025-03-17 08:00', 'on_time'], // due day, before the due instant
    ['2025-03-17 10:00', 'on_time'], // at the promised instant
    ['2025-03-17 10:01', 'late'],
  ])('finished %s → %s', (at, outcome) => {
    expect(outcomeOf([...open, finished(at)])[0]).toBe(outcome);
  });

  it('supplement time is excluded', () => {
    const events = [...open, supplementRequested('2025-03-11 10:00'), supplementReceived('2025-03-20 10:00'), finished('2025-03-26 10:00')];
    // Restarted on 20/03: due 27/03 10:00. Finished 26/03 — 12 days after receipt, yet early.
    expect(outcomeOf(events)).toEqual(['early', []]);
  });

  it('more than one supplement request counts as late, even when finished early', () => {
    const events = [
      ...open,
      supplementRequested('2025-03-10 14:00'),
      supplementReceived('2025-03-11 08:00'),
      supplementRequested('2025-03-11 09:00'),
      supplementReceived('2025-03-11 10:00'),
      finished('2025-03-11 11:00'),
    ];
    expect(outcomeOf(events)).toEqual(['late', ['multiple_supplement_requests']]);
  });

  it('an extension does not excuse lateness by default; it can be configured to', () => {
    const events = [...open, extended('2025-03-14 09:00', { kind: 'added', duration: { unit: 'days', value: 3 } }), finished('2025-03-19 10:00')];
    expect(outcomeOf(events)).toEqual(['late', ['finished_after_due']]);
    expect(outcomeOf(events, { ...DEFAULT_CLOCK_POLICY, extensionExcusesLateness: true })).toEqual(['early', []]);
  });

  it('the early threshold is configurable', () => {
    const byHours: ClockPolicy = { ...DEFAULT_CLOCK_POLICY, early: { rule: 'workingTimeBeforeDue', hours: 3 } };
    const dueDay = [...open, finished('2025-03-17 07:45')]; // 2 h 15 min before the due instant
    expect([outcomeOf(dueDay)[0], outcomeOf(dueDay, byHours)[0]]).toEqual(['on_time', 'on_time']);
    const threeHours = [...open, finished('2025-03-14 16:30')]; // exactly 3 working hours before
    expect([outcomeOf(threeHours)[0], outcomeOf(threeHours, byHours)[0]]).toEqual(['early', 'early']);
    const lessThanThree = [...open, finished('2025-03-14 16:31')];
    expect([outcomeOf(lessThanThree)[0], outcomeOf(lessThanThree, byHours)[0]]).toEqual(['early', 'on_time']);
  });

  it('a dossier finished while paused is measured where its clock stopped', () => {
    const events = [...open, paused('2025-03-17 09:00', 'citizen_request'), finished('2025-03-25 10:00')];
    const status = statusAt(events, '2025-04-01 10:00');
    expect([status.finish?.outcome, status.remainingText]).toEqual(['on_time', 'Còn 1 giờ']);
  });

  it('reports nothing while the clock runs', () => {
    expect(statusAt(open, '2025-03-12 10:00').finish).toBeUndefined();
    expect(statusAt(open, '2025-03-12 10:00').remainingMs).toBe(3 * 8 * HOUR_MS);
  });
});

describe('pause and resume keep the on-time test fair', () => {
  it('a fee pause extends the promised instant', () => {
    const events = [...open, paused('2025-03-11 10:00'), resumed('2025-03-13 10:00'), finished('2025-03-19 09:00')];
    expect(statusAt(events, '2025-04-01 10:00').finish?.outcome).toBe('on_time');
  });
});
