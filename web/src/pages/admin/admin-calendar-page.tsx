// /quan-tri/lich-lam-viec: an administrator edits or confirms a year of the working calendar.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { YearChange } from '../../api/calendar.ts';
import { CALENDAR_PATH } from '../../areas.ts';
import { YearEditor } from '../../calendar/edit/year-editor.tsx';
import { useCalendarYear } from '../../calendar/use-calendar-year.ts';
import { YEAR_PARAM, useYearParam } from '../../calendar/use-year-param.ts';
import { YearLoader } from '../../calendar/year-loader.tsx';
import { YearNav } from '../../calendar/year-nav.tsx';
import { YearStatusBadge } from '../../calendar/year-status.tsx';
import { useDocumentTitle } from '../../layout/use-document-title.ts';

export function AdminCalendarPage() {
  const { t } = useTranslation();
  const [year, setYear] = useYearParam();
  const state = useCalendarYear(year);
  const [lastSave, setLastSave] = useState<YearChange | null>(null);
  useDocumentTitle(`${t('adminCalendar.title')} ${year}`);

  useEffect(() => setLastSave(null), [year]);

  return (
    <div className="calendar-page admin-calendar-page">
      <nav className="breadcrumb" aria-label={t('adminCalendar.breadcrumb')}>
        <Link to="/quan-tri">{t('adminCalendar.back')}</Link>
        <span aria-hidden="true"> › </span>
        <span>{t('calendar.title')}</span>
      </nav>
      <header className="page-intro">
        <h1>{t('adminCalendar.title')}</h1>
        <p className="lead">{t('adminCalendar.lead')}</p>
      </header>
      <section className="calendar-year" aria-labelledby="year-title">
        <div className="year-toolbar">
          <h2 id="year-title">{t('calendar.yearHeading', { year })}</h2>
          <YearNav year={year} onChange={setYear} />
        </div>
        <YearLoader year={year} state={state}>
          {(data) => (
            <>
              <div className="year-head">
                <YearStatusBadge status={data.status} />
                <Link to={`${CALENDAR_PATH}?${YEAR_PARAM}=${data.year}`}>{t('adminCalendar.publicLink')}</Link>
              </div>
              <YearEditor
                key={`${data.year}:${data.revision}`}
                saved={data}
                lastSave={lastSave?.year === data.year ? lastSave : null}
                onSaved={(change) => {
                  setLastSave(change);
                  state.reload();
                }}
              />
            </>
          )}
        </YearLoader>
      </section>
    </div>
  );
}
