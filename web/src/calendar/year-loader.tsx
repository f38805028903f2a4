// Loading / error frame around a year's content: the server's message when it refuses a year.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarYear } from '../api/calendar.ts';
import { ErrorAlert } from './error-alert.tsx';
import type { CalendarYearState } from './use-calendar-year.ts';

interface Props {
  year: number;
  state: CalendarYearState;
  children: (data: CalendarYear) => ReactNode;
}

export function YearLoader({ year, state, children }: Props) {
  const { t } = useTranslation();
  if (state.error) {
    return (
      <div className="year-error">
        <ErrorAlert error={state.error} testId="calendar-error" />
        <button type="button" className="button" onClick={state.reload}>{t('calendar.retry')}</button>
      </div>
    );
  }
  const data = state.data?.year === year ? state.data : null;
  if (!data) return <p className="muted" role="status">{t('calendar.loading')}</p>;
  return (
    <div className="year-body" aria-busy={state.loading || undefined}>
      {children(data)}
    </div>
  );
}
