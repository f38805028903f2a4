// The key to the day colours; the editor adds the "changed, not saved" mark.
import { useTranslation } from 'react-i18next';
import { DAY_KINDS } from './day-kind.ts';

export function CalendarLegend({ showChanged = false }: { showChanged?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="legend">
      <h3 className="legend-title">{t('calendar.legendTitle')}</h3>
      <ul className="legend-list">
        {DAY_KINDS.map((kind) => (
          <li key={kind}>
            <span className={`swatch day-${kind}`} aria-hidden="true" />
            {t(`calendar.kind.${kind}`)}
          </li>
        ))}
        <li>
          <span className="swatch day-working is-today" aria-hidden="true" />
          {t('calendar.today')}
        </li>
        {showChanged ? (
          <li>
            <span className="swatch day-working is-changed" aria-hidden="true" />
            {t('calendar.changed')}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
