import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { provinceCalendar, vn } from '../calendar/calendar-test-support.ts';
import { workingTimeBetween } from '../calendar/index.ts';
import { feedbackDeadlines, LEGAL_TIME_LIMITS, resolveDueAt } from './deadlines.ts';
import { stateOf } from './feedback-test-support.ts';

const cal = provinceCalendar();
const DAY = cal.dayWorkMs;
const instant = fc.integer({ min: vn('2024-01-01 00:00'), max: vn('2026-12-01 00:00') });

describe('feedback deadlines (properties)', () => {
  it('are exactly 2, 5 and 15 working days of working time after the start, and ordered', () => {
    fc.assert(fc.property(instant, (received) => {
      const [refuse, info, resolve] = feedbackDeadlines(cal, stateOf('TT74', received, []), received);
      expect(refuse!.dueAt).toBeLessThan(info!.dueAt);
      expect(info!.dueAt).toBeLessThan(resolve!.dueAt);
      expect(workingTimeBetween(cal, received, refuse!.dueAt)).toBe(LEGAL_TIME_LIMITS.refuseDays * DAY);
      expect(workingTimeBetween(cal, received, info!.dueAt)).toBe(LEGAL_TIME_LIMITS.requestInfoDays * DAY);
      expect(workingTimeBetween(cal, received, resolve!.dueAt)).toBe(LEGAL_TIME_LIMITS.resolveDays * DAY);
    }), { numRuns: 300 });
  });

  it('waiting for the citizen moves the answer deadline by exactly the working time waited', () => {
    fc.assert(fc.property(instant, fc.integer({ min: 0, max: 20 * 86_400_000 }), fc.integer({ min: 0, max: 20 * 86_400_000 }), (received, toRequest, waitedMs) => {
      const requestedAt = received + toRequest;
      const back = requestedAt + waitedMs;
      const state = stateOf('TT74', received, [['request_info', requestedAt], ['info_received', back]]);
      const plain = resolveDueAt(cal, stateOf('TT74', received, []), received);
      const moved = resolveDueAt(cal, state, back);
      expect(moved).toBeGreaterThanOrEqual(plain);
      expect(workingTimeBetween(cal, received, moved)).toBe(LEGAL_TIME_LIMITS.resolveDays * DAY + workingTimeBetween(cal, requestedAt, back));
    }), { numRuns: 300 });
  });
});
