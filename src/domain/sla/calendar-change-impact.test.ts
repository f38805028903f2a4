import { describe, expect, it } from 'vitest';
import { local, provinceCalendar, provinceCalendarDefinition, vn } from '../calendar/calendar-test-support.ts';
import { compileCalendar, mergeUnitOverride, withYearSchedule } from '../calendar/index.ts';
import { affectedByCalendarChange, type TrackedClock } from './calendar-change-impact.ts';
import { procedureClock } from './clock-config.ts';
import { finished, paused, received, supplementRequested } from './sla-test-support.ts';

const fiveDays = procedureClock({ unit: 'days', value: 5 });
const pausing = procedureClock({ unit: 'days', value: 5 }, 'pause');

describe('affectedByCalendarChange', () => {
  // A day off declared after intake: Wednesday 19/03/2025.
  const edited = compileCalendar(mergeUnitOverride(provinceCalendarDefinition(), { extraDaysOff: ['2025-03-19'] }));
  const clocks: TrackedClock[] = [
    { id: 'runs-across', procedure: fiveDays, events: [received('2025-03-14 10:00')] }, // due 21/03 → 24/03
    { id: 'due-before', procedure: fiveDays, events: [received('2025-03-10 10:00')] }, // due 17/03: unchanged
    { id: 'finished', procedure: fiveDays, events: [received('2025-03-14 10:00'), finished('2025-03-14 15:00')] },
    { id: 'paused', procedure: pausing, events: [received('2025-03-12 10:00'), paused('2025-03-13 10:00')] }, // 4 days left
    { id: 'awaiting-supplement', procedure: fiveDays, events: [received('2025-03-12 10:00'), supplementRequested('2025-03-13 10:00')] },
    // Events after `now` are not known yet: this one is still running at now, due 17/03 10:00, unchanged.
    { id: 'future-events-ignored', procedure: fiveDays, events: [received('2025-03-10 10:00'), finished('2025-03-30 10:00')] },
  ];
  const impact = affectedByCalendarChange(provinceCalendar(), edited, clocks, vn('2025-03-17 08:00'));

  it('lists the open clocks whose due instant moves, with before and after', () => {
    expect(impact.affected.map((a) => [a.id, a.phase, local(a.before), local(a.after), a.projected])).toEqual([
      ['runs-across', 'running', '2025-03-21 10:00', '2025-03-24 10:00', false],
      // Projected as if resumed now (Mon 17/03 08:00): 4 days → Fri 21/03 08:00, or Mon 24/03 with the new day off.
      ['paused', 'paused', '2025-03-21 08:00', '2025-03-24 08:00', true],
      ['awaiting-supplement', 'paused', '2025-03-24 08:00', '2025-03-25 08:00', true],
    ]);
    expect(impact.failed).toEqual([]);
  });

  it('confirming a provisional year shows every running dossier it moves', () => {
    const def = provinceCalendarDefinition();
    const confirmed = withYearSchedule(def, 2027, { ...def.years['2027']!, status: 'official', nonWorkingWeekdays: [...def.years['2027']!.nonWorkingWeekdays, '2027-02-04'] });
    const result = affectedByCalendarChange(provinceCalendar(), compileCalendar(confirmed), [{ id: 'tet', procedure: fiveDays, events: [received('2027-02-01 10:00')] }], vn('2027-02-02 08:00'));
    expect(result.affected.map((a) => [local(a.before), local(a.after)])).toEqual([['2027-02-15 10:00', '2027-02-16 10:00']]);
  });

  it('reports clocks it cannot evaluate instead of throwing', () => {
    const narrow = compileCalendar(mergeUnitOverride({ ...provinceCalendarDefinition(), years: { '2025': provinceCalendarDefinition().years['2025']! } }, {}));
    const result = affectedByCalendarChange(provinceCalendar(), narrow, [{ id: 'old', procedure: fiveDays, events: [received('2024-12-30 10:00')] }], vn('2025-01-02 08:00'));
    expect(result.failed.map((f) => [f.id, f.error.code])).toEqual([['old', 'CALENDAR_OUT_OF_RANGE']]);
  });
});
