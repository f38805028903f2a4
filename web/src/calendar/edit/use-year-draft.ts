// The administrator's unsaved version of a year: toggled days, status and legal basis, starting from
// the saved calendar.
import { useCallback, useMemo, useState } from 'react';
import type { CalendarYear, YearEditRequest, YearStatus } from '../../api/calendar.ts';
import { dayKind, toggleDay, yearDaysOf, type YearDays } from '../day-kind.ts';

export interface YearDraft {
  savedDays: YearDays;
  days: YearDays;
  status: YearStatus;
  basis: string;
  /** Days whose kind differs from the saved calendar. */
  changedDays: number;
  /** Anything differs from the saved calendar. */
  dirty: boolean;
  basisChanged: boolean;
  /** The edit to send, without the reason. */
  edit: Omit<YearEditRequest, 'reason'>;
  toggle(date: string): void;
  setStatus(status: YearStatus): void;
  setBasis(basis: string): void;
  reset(): void;
}

export function useYearDraft(saved: CalendarYear): YearDraft {
  const savedDays = useMemo(() => yearDaysOf(saved), [saved]);
  const [days, setDays] = useState(savedDays);
  const [status, setStatus] = useState(saved.status);
  const [basis, setBasis] = useState(saved.basis);

  const toggle = useCallback((date: string) => setDays((current) => toggleDay(date, current)), []);
  const reset = useCallback(() => {
    setDays(savedDays);
    setStatus(saved.status);
    setBasis(saved.basis);
  }, [savedDays, saved]);

  const changedDays = useMemo(() => {
    const touched = new Set([...days.off, ...days.makeup, ...savedDays.off, ...savedDays.makeup]);
    return [...touched].filter((date) => dayKind(date, days) !== dayKind(date, savedDays)).length;
  }, [days, savedDays]);

  const basisChanged = basis.trim() !== saved.basis.trim();
  const edit = useMemo(
    () => ({
      status,
      nonWorkingWeekdays: [...days.off].sort(),
      makeupWorkingSaturdays: [...days.makeup].sort(),
      ...(basisChanged ? { basis: basis.trim() } : {}),
    }),
    [status, days, basis, basisChanged],
  );

  return {
    savedDays, days, status, basis, changedDays, basisChanged, edit, toggle, setStatus, setBasis, reset,
    dirty: changedDays > 0 || status !== saved.status || basisChanged,
  };
}
