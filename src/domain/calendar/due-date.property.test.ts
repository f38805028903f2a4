import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDefinition } from './calendar-definition.ts';
import { provinceCalendar, provinceCalendarDefinition } from './calendar-test-support.ts';
import { dueDate } from './due-date.ts';
import { forwardingDeadline } from './forwarding-deadline.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, isoDateOfDayNumber, isoWeekdayOf, localDayNumber, localTimeOfDay, parseClock } from './local-time.ts';
import { mergeUnitOverride } from './unit-override.ts';
import { compileCalendar, type WorkingCalendar } from './working-calendar.ts';
import { nextWorkingInstant, workingTimeBetween } from './working-time.ts';

const RUNS = 400;
const calendar = (): WorkingCalendar => provinceCalendar();
/** A unit that works (and counts) Saturday mornings, with its own hours. */
const saturdayUnit = compileCalendar(
  mergeUnitOverride(provinceCalendarDefinition(), {
    workingPeriods: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }],
    saturdayReception: { enabled: true, countSaturdayReception: true, periods: [{ start: '07:30', end: '11:00' }] },
  }),
);
const calendars = fc.constantFrom<[string, () => WorkingCalendar]>(['province', calendar], ['saturday unit', () => saturdayUnit]);

// Receipts anywhere in 2024–2026 (the official years), at second precision.
const FROM = Date.parse('2024-01-01T00:00:00+07:00');
const TO = Date.parse('2026-12-31T00:00:00+07:00');
const receipt = fc.integer({ min: FROM / 1000, max: TO / 1000 }).map((s) => s * 1000);
const dayCount = fc.integer({ min: 0, max: 30 });
const hourMinutes = fc.integer({ min: 0, max: 30 * 8 * 60 }); // hours durations, minute precision

const byMinutes = (minutes: number) => ({ unit: 'hours' as const, value: minutes / 60 });

/** Independent of the index: the periods the clock runs in on a day, read straight from the definition. */
const daySets = new WeakMap<CalendarDefinition, { off: Set<string>; makeup: Set<string>; breaks: [string, string][] }>();
function clockPeriodsOn(def: CalendarDefinition, day: number): (readonly [number, number])[] {
  let sets = daySets.get(def);
  if (!sets) {
    const years = Object.values(def.years);
    sets = {
      off: new Set([...years.flatMap((y) => y.nonWorkingWeekdays), ...def.extraDaysOff]),
      makeup: new Set(years.flatMap((y) => y.makeupWorkingSaturdays)),
      breaks: [...years.flatMap((y) => y.holidayBreaks.map((b) => [b.from, b.to] as [string, string])), ...def.extraDaysOff.map((d) => [d, d] as [string, string])],
    };
    daySets.set(def, sets);
  }
  const date = isoDateOfDayNumber(day);
  const weekday = isoWeekdayOf(day);
  const working = !def.extraDaysOff.includes(date) && (sets.makeup.has(date) || (def.workingWeekdays.includes(weekday) && !sets.off.has(date)));
  const reception = def.saturdayReception;
  const counted =
    !working && weekday === 6 && reception.enabled && reception.countSaturdayReception && !sets.breaks.some(([from, to]) => from <= date && date <= to);
  const periods = working ? def.workingPeriods : counted ? reception.periods : [];
  return periods.map((p) => [parseClock(p.start) as number, parseClock(p.end) as number] as const);
}

/** Due instants lie in a working period (or a counted Saturday session), end included. */
function insideClosedPeriod(cal: WorkingCalendar, instant: number): boolean {
  const tod = localTimeOfDay(instant);
  return clockPeriodsOn(cal.definition, localDayNumber(instant)).some(([start, end]) => tod >= start && tod <= end);
}

/** A slow oracle: walk the days and periods one by one. */
function referenceDue(def: CalendarDefinition, receivedAt: number, workingMs: number): number {
  let left = workingMs;
  for (let day = localDayNumber(receivedAt); ; day++) {
    const midnight = day * DAY_MS - 7 * HOUR_MS;
    for (const [start, end] of clockPeriodsOn(def, day)) {
      const from = Math.max(midnight + start, receivedAt);
      const until = midnight + end;
      if (from >= until) continue;
      if (left <= until - from) return from + left;
      left -= until - from;
    }
  }
}

describe('due-date properties (fast-check)', () => {
  it('matches a day-by-day reference walk, for days and hours', () => {
    fc.assert(
      fc.property(calendars, receipt, dayCount, hourMinutes, ([, calendarOf], r, n, minutes) => {
        const cal = calendarOf();
        if (n > 0) expect(dueDate(cal, r, { unit: 'days', value: n })).toBe(referenceDue(cal.definition, r, n * 8 * HOUR_MS));
        if (minutes > 0) expect(dueDate(cal, r, byMinutes(minutes))).toBe(referenceDue(cal.definition, r, minutes * MINUTE_MS));
      }),
      { numRuns: RUNS },
    );
  });

  it('never lands outside a working period (closed interval)', () => {
    fc.assert(
      fc.property(calendars, receipt, dayCount, hourMinutes, ([, calendarOf], r, n, minutes) => {
        const cal = calendarOf();
        expect(insideClosedPeriod(cal, dueDate(cal, r, { unit: 'days', value: n }))).toBe(true);
        expect(insideClosedPeriod(cal, dueDate(cal, r, byMinutes(minutes)))).toBe(true);
        expect(insideClosedPeriod(cal, dueDate(cal, r, { unit: 'sameDay' }))).toBe(true);
        expect(insideClosedPeriod(cal, dueDate(cal, r, { unit: 'sameDayOrNextIfAfter', cutoff: '15:00' }))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('is never before the receipt', () => {
    fc.assert(
      fc.property(calendars, receipt, dayCount, ([, calendarOf], r, n) => {
        const cal = calendarOf();
        expect(dueDate(cal, r, { unit: 'days', value: n })).toBeGreaterThanOrEqual(r);
        expect(dueDate(cal, r, { unit: 'sameDay' })).toBeGreaterThan(r);
        expect(forwardingDeadline(cal, r).deadline).toBeGreaterThan(r);
      }),
      { numRuns: RUNS },
    );
  });

  it('is monotonic (non-decreasing) in the receipt instant', () => {
    fc.assert(
      fc.property(calendars, receipt, fc.integer({ min: 0, max: 5 * DAY_MS / 1000 }), dayCount, hourMinutes, ([, calendarOf], r, gapSeconds, n, minutes) => {
        const cal = calendarOf();
        const later = r + gapSeconds * 1000;
        for (const duration of [{ unit: 'days', value: n }, byMinutes(minutes), { unit: 'sameDay' }, { unit: 'sameDayOrNextIfAfter', cutoff: '15:00' }] as const) {
          expect(dueDate(cal, later, duration)).toBeGreaterThanOrEqual(dueDate(cal, r, duration));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is monotonic (non-decreasing) in the duration', () => {
    fc.assert(
      fc.property(calendars, receipt, dayCount, dayCount, hourMinutes, hourMinutes, ([, calendarOf], r, a, b, m1, m2) => {
        const cal = calendarOf();
        const [d1, d2] = [Math.min(a, b), Math.max(a, b)];
        const [h1, h2] = [Math.min(m1, m2), Math.max(m1, m2)];
        expect(dueDate(cal, r, { unit: 'days', value: d2 })).toBeGreaterThanOrEqual(dueDate(cal, r, { unit: 'days', value: d1 }));
        expect(dueDate(cal, r, byMinutes(h2))).toBeGreaterThanOrEqual(dueDate(cal, r, byMinutes(h1)));
      }),
      { numRuns: RUNS },
    );
  });

  it('adding a then b equals adding a + b from a working instant (days and hours)', () => {
    const positive = fc.integer({ min: 1, max: 15 });
    const positiveMinutes = fc.integer({ min: 1, max: 15 * 8 * 60 });
    fc.assert(
      fc.property(calendars, receipt, positive, positive, positiveMinutes, positiveMinutes, ([, calendarOf], r, a, b, ma, mb) => {
        const cal = calendarOf();
        const start = nextWorkingInstant(cal, r);
        const days = (value: number) => ({ unit: 'days' as const, value });
        expect(dueDate(cal, dueDate(cal, start, days(a)), days(b))).toBe(dueDate(cal, start, days(a + b)));
        expect(dueDate(cal, dueDate(cal, start, byMinutes(ma)), byMinutes(mb))).toBe(dueDate(cal, start, byMinutes(ma + mb)));
      }),
      { numRuns: RUNS },
    );
  });

  it('uses up exactly the working time asked for', () => {
    fc.assert(
      fc.property(calendars, receipt, hourMinutes, ([, calendarOf], r, minutes) => {
        const cal = calendarOf();
        const due = dueDate(cal, r, byMinutes(minutes));
        expect(workingTimeBetween(cal, r, due)).toBe(minutes * MINUTE_MS);
      }),
      { numRuns: RUNS },
    );
  });
});
