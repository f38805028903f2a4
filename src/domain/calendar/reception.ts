// Whether a counter may receive dossiers at an instant: working time, or an open Saturday reception
// session (not on a make-up day, which is a full working day, nor inside a holiday break).
import { DayKind, type PeriodSet, type WorkingCalendar } from './working-calendar.ts';
import { dayIndexOf, timeOfDayAt } from './working-time.ts';

export function isReceptionOpen(calendar: WorkingCalendar, epochMs: number): boolean {
  const index = dayIndexOf(calendar, epochMs, 'instant');
  const kind = calendar.dayKind[index] as number;
  if (kind === DayKind.closed) return false;
  const periods = calendar.periodsByKind[kind] as PeriodSet;
  const tod = timeOfDayAt(calendar, epochMs, index);
  for (let i = 0; i < periods.starts.length; i++) {
    if (tod >= (periods.starts[i] as number) && tod < (periods.ends[i] as number)) return true;
  }
  return false;
}
