import { describe, expect, it } from 'vitest';
import { local, provinceCalendar, vn } from './calendar-test-support.ts';
import { forwardingDeadline } from './forwarding-deadline.ts';

describe('forwardingDeadline (Decree 61/2018: same working day, or start of the next after 15:00)', () => {
  it.each([
    ['2025-03-10 10:00', '2025-03-10 17:00', 'sameWorkingDay'],
    ['2025-03-10 06:30', '2025-03-10 17:00', 'sameWorkingDay'], // before opening
    ['2025-03-10 12:00', '2025-03-10 17:00', 'sameWorkingDay'], // lunch
    ['2025-03-10 15:00', '2025-03-10 17:00', 'sameWorkingDay'], // at the cut-off
    ['2025-03-10 15:00:01', '2025-03-11 07:30', 'startOfNextWorkingDay'],
    ['2025-03-10 15:30', '2025-03-11 07:30', 'startOfNextWorkingDay'],
    ['2025-03-10 17:30', '2025-03-11 07:30', 'startOfNextWorkingDay'],
    ['2025-03-14 16:00', '2025-03-17 07:30', 'startOfNextWorkingDay'], // Friday → Monday
    ['2025-03-15 09:00', '2025-03-17 07:30', 'startOfNextWorkingDay'], // Saturday
    ['2025-01-24 15:30', '2025-02-03 07:30', 'startOfNextWorkingDay'], // before Tết 2025
    ['2024-05-03 16:00', '2024-05-04 07:30', 'startOfNextWorkingDay'], // the make-up Saturday
  ])('%s → %s (%s)', (receivedAt, deadline, rule) => {
    const result = forwardingDeadline(provinceCalendar(), vn(receivedAt));
    expect([local(result.deadline), result.rule]).toEqual([deadline, rule]);
  });
});
