// Loads one year of the calendar; `reload` re-reads it (after an administrator saved a change).
// The previous year's data stays on screen while the next one loads, so the page does not jump.
import { useCallback, useEffect, useState } from 'react';
import { fetchCalendarYear, type CalendarYear } from '../api/calendar.ts';

export interface CalendarYearState {
  data: CalendarYear | null;
  error: unknown;
  loading: boolean;
  reload(): void;
}

export function useCalendarYear(year: number): CalendarYearState {
  const [data, setData] = useState<CalendarYear | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchCalendarYear(year, controller.signal).then(
      (answer) => {
        setData(answer);
        setLoading(false);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setData(null);
        setError(caught);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [year, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
