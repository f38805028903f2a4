// /lich-lam-viec: the public working calendar of a year and the due-date calculator.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarLegend } from '../calendar/calendar-legend.tsx';
import { yearDaysOf } from '../calendar/day-kind.ts';
import { DueDateCalculator } from '../calendar/due-date-calculator.tsx';
import { useCalendarYear } from '../calendar/use-calendar-year.ts';
import { useYearParam } from '../calendar/use-year-param.ts';
import { YearFacts } from '../calendar/year-facts.tsx';
import { YearGrid } from '../calendar/year-grid.tsx';
import { YearLoader } from '../calendar/year-loader.tsx';
import { YearNav } from '../calendar/year-nav.tsx';
import { YearStatusBadge } from '../calendar/year-status.tsx';
import type { CalendarYear } from '../api/calendar.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';

function PublicYear({ data }: { data: CalendarYear }) {
  const { t } = useTranslation();
  const days = useMemo(() => yearDaysOf(data), [data]);
  return (
    <>
      <div className="year-head">
        <YearStatusBadge status={data.status} />
        <p className="year-note">{t(`calendar.statusNote.${data.status}`, { year: data.year })}</p>
      </div>
      <CalendarLegend />
      <YearGrid year={data.year} days={days} breaks={data.holidayBreaks} />
      <YearFacts data={data} />
    </>
  );
}

export function CalendarPage() {
  const { t } = useTranslation();
  const [year, setYear] = useYearParam();
  const state = useCalendarYear(year);
  useDocumentTitle(`${t('calendar.title')} ${year}`);

  return (
    <div className="calendar-page" data-testid="calendar-page">
      <header className="page-intro">
        <h1>{t('calendar.title')}</h1>
        <p className="lead">{t('calendar.lead')}</p>
      </header>
      <div className="calendar-intro">
        <section className="card hours-card" aria-labelledby="hours-title">
          <h2 id="hours-title">{t('calendar.hoursTitle')}</h2>
          <p>{t('calendar.hours')}</p>
          <p className="muted">{t('calendar.hoursNote')}</p>
        </section>
        <DueDateCalculator />
      </div>
      <section className="calendar-year" aria-labelledby="year-title">
        <div className="year-toolbar">
          <h2 id="year-title">{t('calendar.yearHeading', { year })}</h2>
          <YearNav year={year} onChange={setYear} />
        </div>
        <YearLoader year={year} state={state}>
          {(data) => <PublicYear data={data} />}
        </YearLoader>
      </section>
    </div>
  );
}
