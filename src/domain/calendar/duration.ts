// A procedure's processing time limit (thời hạn giải quyết) as published: working days, working hours,
// same day (trong ngày), or same day unless received after a cut-off (e.g. chứng thực after 15:00).
import type { AppError } from '../errors.ts';
import { invalidField } from './calendar-errors.ts';
import { parseClock } from './local-time.ts';

export type Duration =
  | { unit: 'days'; value: number }
  | { unit: 'hours'; value: number }
  | { unit: 'sameDay' }
  | { unit: 'sameDayOrNextIfAfter'; cutoff: string };

/** Same shape as `Duration` but only the kinds that are an amount of working time. */
export type WorkingDuration = Extract<Duration, { unit: 'days' | 'hours' }>;

/** The problem with a duration, or undefined when it is usable. */
export function durationProblem(duration: Duration, field = 'duration'): AppError | undefined {
  switch (duration.unit) {
    case 'days':
    case 'hours':
      if (typeof duration.value !== 'number' || !Number.isFinite(duration.value) || duration.value < 0) {
        return invalidField('INVALID_DURATION', `${field}.value`, 'phải là số không âm.', duration.value);
      }
      if (duration.value > 100_000) {
        return invalidField('INVALID_DURATION', `${field}.value`, 'quá lớn.', duration.value);
      }
      return undefined;
    case 'sameDay':
      return undefined;
    case 'sameDayOrNextIfAfter':
      return parseClock(duration.cutoff) === undefined
        ? invalidField('INVALID_DURATION', `${field}.cutoff`, 'phải có dạng HH:MM.', duration.cutoff)
        : undefined;
    default:
      return invalidField('INVALID_DURATION', `${field}.unit`, 'phải là days, hours, sameDay hoặc sameDayOrNextIfAfter.', (duration as { unit?: unknown }).unit);
  }
}
