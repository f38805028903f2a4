// The year shown, kept in the address (`?nam=2025`) so a year can be linked and the Back button works.
// Without a valid parameter the current year on the province's clock is shown.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { provinceNow } from './dates.ts';

export const YEAR_PARAM = 'nam';

export function useYearParam(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(YEAR_PARAM);
  const year = raw && /^\d{1,4}$/.test(raw) ? Number(raw) : provinceNow().year;
  const setYear = useCallback(
    (next: number) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        updated.set(YEAR_PARAM, String(next));
        return updated;
      }),
    [setParams],
  );
  return [year, setYear];
}
