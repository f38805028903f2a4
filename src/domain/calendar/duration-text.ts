// A duration given as text by a person (CLI flags, query parameters): exactly one of days or hours,
// a non-negative number. The same parsing for the CLI and the API, so both answer alike.
import { invalid } from '../errors.ts';
import { durationProblem, type Duration } from './duration.ts';

function amount(text: string, field: string): number {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) {
    throw invalid('INVALID_DURATION', `Trường "${field}" phải là số không âm, ví dụ 3 hoặc 1.5 (got "${text}").`, { field, value: text });
  }
  return Number(text);
}

export function durationFromText(days: string | undefined, hours: string | undefined, names = { days: 'days', hours: 'hours' }): Duration {
  if ((days === undefined) === (hours === undefined)) {
    throw invalid('INVALID_DURATION', `Cần đúng một trong "${names.days}" hoặc "${names.hours}".`, { field: `${names.days}|${names.hours}` });
  }
  const field = days !== undefined ? names.days : names.hours;
  const duration: Duration = days !== undefined ? { unit: 'days', value: amount(days, field) } : { unit: 'hours', value: amount(hours!, field) };
  const problem = durationProblem(duration, field);
  if (problem) throw problem;
  return duration;
}
