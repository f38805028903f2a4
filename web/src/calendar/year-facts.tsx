// The year's named holiday breaks and the legal notices it comes from.
import { useTranslation } from 'react-i18next';
import type { CalendarYear } from '../api/calendar.ts';
import { formatDateRange } from './format-date.ts';

/** The server joins the notices of a year with " | ". */
export function basisItems(basis: string): string[] {
  return basis.split('|').map((item) => item.trim()).filter(Boolean);
}

export function YearFacts({ data }: { data: CalendarYear }) {
  const { t } = useTranslation();
  const basis = basisItems(data.basis);
  return (
    <div className="year-facts">
      <section className="card" aria-labelledby="breaks-title">
        <h3 id="breaks-title">{t('calendar.breaksTitle', { year: data.year })}</h3>
        {data.holidayBreaks.length === 0 ? (
          <p className="muted">{t('calendar.noBreaks')}</p>
        ) : (
          <ul className="breaks" data-testid="holiday-breaks">
            {data.holidayBreaks.map((item) => (
              <li key={`${item.name}-${item.from}`}>
                <span className="break-name">{item.name}</span>
                <span className="break-range">{formatDateRange(item.from, item.to, t)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="basis-title">
        <h3 id="basis-title">{t('calendar.basisTitle')}</h3>
        <ul className="basis" data-testid="calendar-basis">
          {basis.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
