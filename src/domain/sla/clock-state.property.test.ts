import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { provinceCalendar } from '../calendar/calendar-test-support.ts';
import { DAY_MS, dueDate, workingTimeBetween } from '../calendar/index.ts';
import { procedureClock } from './clock-config.ts';
import type { ClockEvent } from './clock-events.ts';
import { dueInstantOf, replayClock } from './clock-state.ts';

const FROM = Date.parse('2024-01-01T00:00:00+07:00') / 60_000;
const TO = Date.parse('2026-11-30T00:00:00+07:00') / 60_000;
const receipt = fc.integer({ min: FROM, max: TO }).map((m) => m * 60_000);
const gaps = fc.array(fc.integer({ min: 0, max: (4 * DAY_MS) / 60_000 }).map((m) => m * 60_000), { minLength: 0, maxLength: 8 });
const limitDays = fc.integer({ min: 1, max: 20 });

/** received, then alternating pause / resume separated by the gaps (ending running). */
function pausingEvents(receivedAt: number, gapList: number[]): ClockEvent[] {
  const events: ClockEvent[] = [{ type: 'received', at: receivedAt }];
  let at = receivedAt;
  gapList.slice(0, gapList.length - (gapList.length % 2)).forEach((gap, i) => {
    at += gap;
    events.push(i % 2 === 0 ? { type: 'paused', at, reason: 'fee' } : { type: 'resumed', at });
  });
  return events;
}

describe('SLA clock properties (fast-check)', () => {
  it('running segments add up to the time limit at the due instant (pauses excluded)', () => {
    fc.assert(
      fc.property(receipt, gaps, limitDays, (r, gapList, n) => {
        const calendar = provinceCalendar();
        const events = pausingEvents(r, gapList);
        const result = replayClock(calendar, procedureClock({ unit: 'days', value: n }, 'pause'), events);
        if (!result.ok) throw result.error;
        const due = dueInstantOf(calendar, result.value.dueCoordinate);
        const last = events[events.length - 1]!.at;
        fc.pre(due >= last); // not already overdue before the last resume
        const running = result.value.segments
          .filter((s) => s.kind === 'running')
          .reduce((sum, s) => sum + workingTimeBetween(calendar, s.from, s.to ?? due), 0);
        expect(running).toBe(n * 8 * 3_600_000);
      }),
      { numRuns: 300 },
    );
  });

  it('a longer pause never brings the due instant earlier', () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 0, max: 3 * DAY_MS }), fc.integer({ min: 0, max: 3 * DAY_MS }), fc.integer({ min: 0, max: 3 * DAY_MS }), limitDays, (r, before, p1, p2, n) => {
        const calendar = provinceCalendar();
        const dueWithPause = (length: number) => {
          const result = replayClock(calendar, procedureClock({ unit: 'days', value: n }, 'pause'), [
            { type: 'received', at: r },
            { type: 'paused', at: r + before, reason: 'citizen_request' },
            { type: 'resumed', at: r + before + length },
          ]);
          if (!result.ok) throw result.error;
          return dueInstantOf(calendar, result.value.dueCoordinate);
        };
        expect(dueWithPause(Math.max(p1, p2))).toBeGreaterThanOrEqual(dueWithPause(Math.min(p1, p2)));
      }),
      { numRuns: 300 },
    );
  });

  it('under "restart" the due instant is the time limit from the complete dossier', () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 0, max: 3 * DAY_MS }), fc.integer({ min: 0, max: 10 * DAY_MS }), limitDays, (r, requestAfter, waited, n) => {
        const calendar = provinceCalendar();
        const completeAt = r + requestAfter + waited;
        const result = replayClock(calendar, procedureClock({ unit: 'days', value: n }), [
          { type: 'received', at: r },
          { type: 'supplement_requested', at: r + requestAfter },
          { type: 'supplement_received', at: completeAt },
        ]);
        if (!result.ok) throw result.error;
        expect(dueInstantOf(calendar, result.value.dueCoordinate)).toBe(dueDate(calendar, completeAt, { unit: 'days', value: n }));
      }),
      { numRuns: 300 },
    );
  });
});
