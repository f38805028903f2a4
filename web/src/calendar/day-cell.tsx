// One day of a month grid. Read-only it shows the day number (its kind spelled out for screen readers);
// in the editor it is a button that toggles the day.
import { useTranslation } from 'react-i18next';
import type { DayKind } from './day-kind.ts';
import { formatDateLong } from './format-date.ts';

interface Props {
  date: string;
  kind: DayKind;
  /** Name of the holiday break the day belongs to (Tết, Quốc khánh…). */
  breakName?: string | undefined;
  isToday: boolean;
  /** Differs from the saved calendar (editor only). */
  changed?: boolean;
  onToggle?: ((date: string) => void) | undefined;
}

export function DayCell({ date, kind, breakName, isToday, changed = false, onToggle }: Props) {
  const { t } = useTranslation();
  const day = Number(date.slice(8));
  const notes = [t(`calendar.kind.${kind}`), breakName, changed ? t('calendar.changed') : undefined, isToday ? t('calendar.today') : undefined];
  const description = notes.filter(Boolean).join(' · ');
  const label = `${formatDateLong(date, t)}: ${description}`;
  const className = ['day', `day-${kind}`, changed ? 'is-changed' : '', isToday ? 'is-today' : ''].filter(Boolean).join(' ');

  return (
    <td className={className} data-testid={`day-${date}`} data-kind={kind} data-changed={changed || undefined} title={label}>
      {onToggle ? (
        <button type="button" className="day-button" aria-label={label} aria-current={isToday ? 'date' : undefined} onClick={() => onToggle(date)}>
          {day}
        </button>
      ) : (
        <span aria-current={isToday ? 'date' : undefined}>
          {day}
          {kind === 'working' && !breakName && !isToday ? null : <span className="sr-only">, {description}</span>}
        </span>
      )}
    </td>
  );
}
