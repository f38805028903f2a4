// Loads one year of the calendar; `reload` re-reads it (after an administrator saved a change).
// The previous year's data stays on screen while the next one loads, so the page does not jump.
import { fetchCalendarYear, type CalendarYear } from '../api/calendar.ts';
import { useLoader, type Loaded } from '../hooks/use-loader.ts';

export type CalendarYearState = Loaded<CalendarYear>;

export function useCalendarYear(year: number): CalendarYearState {
  return useLoader(String(year), (signal) => fetchCalendarYear(year, signal));
}
