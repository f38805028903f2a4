import { describe, expect, it } from 'vitest';
import { local, provinceCalendar, vn } from '../calendar/calendar-test-support.ts';
import { procedureClock } from './clock-config.ts';
import { applyClockEvent, dueInstantOf, replayClock } from './clock-state.ts';
import type { ClockEvent } from './clock-events.ts';
import { clockOf, extended, finished, paused, received, resumed, supplementReceived, supplementRequested } from './sla-test-support.ts';

const dueOf = (events: ClockEvent[], policy: 'restart' | 'pause' = 'restart') =>
  local(dueInstantOf(provinceCalendar(), clockOf(events, { unit: 'days', value: 5 }, policy).dueCoordinate));

// March 2025 has no holiday: Mon 10/03 … Fri 14/03, Mon 17/03 … Fri 21/03, Mon 24/03 …
describe('clock due instant across pauses', () => {
  it('starts with the procedure time limit', () => {
    expect(dueOf([received('2025-03-10 10:00')])).toBe('2025-03-17 10:00');
  });

  it('a pause adds back exactly the working time it lasted', () => {
    // Paused Tue 10:00 → Thu 10:00: two working days.
    expect(dueOf([received('2025-03-10 10:00'), paused('2025-03-11 10:00'), resumed('2025-03-13 10:00')])).toBe('2025-03-19 10:00');
    // Paused over a weekend only: Friday 17:30 → Monday 07:00 costs nothing.
    expect(dueOf([received('2025-03-10 10:00'), paused('2025-03-14 17:30'), resumed('2025-03-17 07:00')])).toBe('2025-03-17 10:00');
  });

  it('remaining time after a resume is counted from the resume instant, even across Tết', () => {
    // 2 days used before the pause; 3 days left from Mon 03/02/2025 14:00.
    const events = [received('2025-01-20 10:00'), paused('2025-01-22 10:00', 'consultation'), resumed('2025-02-03 14:00')];
    expect(dueOf(events)).toBe('2025-02-06 14:00');
  });

  it('supplement policy "restart" (default, Decree 61 art. 19 cl. 4) restarts the full time limit', () => {
    const events = [received('2025-03-10 10:00'), supplementRequested('2025-03-12 10:00'), supplementReceived('2025-03-17 14:00')];
    expect(dueOf(events, 'restart')).toBe('2025-03-24 14:00');
  });

  it('supplement policy "pause" only subtracts the waiting time', () => {
    const events = [received('2025-03-10 10:00'), supplementRequested('2025-03-12 10:00'), supplementReceived('2025-03-17 14:00')];
    expect(dueOf(events, 'pause')).toBe('2025-03-20 14:00');
  });

  it('records the segments', () => {
    const state = clockOf([received('2025-03-10 10:00'), supplementRequested('2025-03-11 09:00'), supplementReceived('2025-03-12 09:00'), finished('2025-03-13 16:00')]);
    expect(state.segments).toEqual([
      { kind: 'running', from: vn('2025-03-10 10:00'), to: vn('2025-03-11 09:00') },
      { kind: 'paused', reason: 'supplement', from: vn('2025-03-11 09:00'), to: vn('2025-03-12 09:00') },
      { kind: 'running', from: vn('2025-03-12 09:00'), to: vn('2025-03-13 16:00') },
    ]);
    expect(state.phase).toBe('finished');
    expect(state.supplementRequests).toBe(1);
  });
});

describe('extension (gia hạn) — only one rescheduling is allowed', () => {
  const base = [received('2025-03-10 10:00')];

  it('adds working time', () => {
    expect(dueOf([...base, extended('2025-03-14 10:00', { kind: 'added', duration: { unit: 'days', value: 2 } })])).toBe('2025-03-19 10:00');
    expect(dueOf([...base, extended('2025-03-14 10:00', { kind: 'added', duration: { unit: 'hours', value: 3 } })])).toBe('2025-03-17 14:30');
  });

  it('replaces the time limit', () => {
    expect(dueOf([...base, extended('2025-03-14 10:00', { kind: 'newTimeLimit', duration: { unit: 'days', value: 7 } })])).toBe('2025-03-19 10:00');
  });

  it('sets a new promised instant', () => {
    expect(dueOf([...base, extended('2025-03-14 10:00', { kind: 'newDueAt', dueAt: vn('2025-03-21 15:00') })])).toBe('2025-03-21 15:00');
  });

  it('refuses a second extension with an error value', () => {
    const state = clockOf([...base, extended('2025-03-14 10:00', { kind: 'added', duration: { unit: 'days', value: 2 } })]);
    const second = applyClockEvent(provinceCalendar(), state, extended('2025-03-18 10:00', { kind: 'added', duration: { unit: 'days', value: 1 } }));
    expect(second.ok).toBe(false);
    expect(!second.ok && [second.error.kind, second.error.code]).toEqual(['conflict', 'EXTENSION_ALREADY_GRANTED']);
  });

  it('refuses an extension that does not move the due instant later', () => {
    const earlier = applyClockEvent(provinceCalendar(), clockOf(base), extended('2025-03-12 10:00', { kind: 'newDueAt', dueAt: vn('2025-03-14 10:00') }));
    expect(!earlier.ok && earlier.error.code).toBe('EXTENSION_NOT_LATER');
    const shorter = applyClockEvent(provinceCalendar(), clockOf(base), extended('2025-03-12 10:00', { kind: 'newTimeLimit', duration: { unit: 'days', value: 4 } }));
    expect(!shorter.ok && shorter.error.code).toBe('EXTENSION_NOT_LATER');
  });

  it('survives a restart after a supplement', () => {
    const events = [
      ...base,
      extended('2025-03-11 10:00', { kind: 'added', duration: { unit: 'days', value: 1 } }),
      supplementRequested('2025-03-12 10:00'),
      supplementReceived('2025-03-17 10:00'),
    ];
    expect(dueOf(events)).toBe('2025-03-25 10:00'); // 5 + 1 days from Mon 17/03 10:00
  });
});

describe('refused event sequences are error values', () => {
  const calendar = provinceCalendar();
  const running = clockOf([received('2025-03-10 10:00')]);
  const codeOf = (events: ClockEvent[]) => {
    const result = replayClock(calendar, procedureClock({ unit: 'days', value: 5 }, 'restart'), events);
    return result.ok ? 'ok' : result.error.code;
  };

  it.each([
    ['no receipt first', [paused('2025-03-10 10:00')], 'CLOCK_NOT_RECEIVED'],
    ['received twice', [received('2025-03-10 10:00'), received('2025-03-10 11:00')], 'ALREADY_RECEIVED'],
    ['resume while running', [received('2025-03-10 10:00'), resumed('2025-03-10 11:00')], 'CLOCK_NOT_PAUSED'],
    ['pause twice', [received('2025-03-10 10:00'), paused('2025-03-10 11:00'), paused('2025-03-10 12:00')], 'CLOCK_NOT_RUNNING'],
    ['supplement received without request', [received('2025-03-10 10:00'), supplementReceived('2025-03-10 11:00')], 'NO_SUPPLEMENT_PENDING'],
    ['plain resume during a supplement', [received('2025-03-10 10:00'), supplementRequested('2025-03-10 11:00'), resumed('2025-03-11 11:00')], 'SUPPLEMENT_PENDING'],
    ['supplement requested while paused', [received('2025-03-10 10:00'), paused('2025-03-10 11:00'), supplementRequested('2025-03-11 11:00')], 'CLOCK_NOT_RUNNING'],
    ['event after finish', [received('2025-03-10 10:00'), finished('2025-03-11 10:00'), paused('2025-03-11 11:00')], 'CLOCK_FINISHED'],
    ['out of order', [received('2025-03-10 10:00'), paused('2025-03-09 10:00')], 'EVENT_OUT_OF_ORDER'],
    ['receipt out of range', [received('2101-03-10 10:00')], 'CALENDAR_OUT_OF_RANGE'],
  ] as const)('%s → %s', (_name, events, code) => {
    expect(codeOf([...events])).toBe(code);
  });

  it('does not change the state it refuses', () => {
    const before = structuredClone(running);
    applyClockEvent(calendar, running, resumed('2025-03-10 11:00'));
    expect(running).toEqual(before);
  });
});
