// Previous/next year buttons and a year field. Years outside the supported range are refused here
// already; the server stays the authority (its message is shown if it refuses a year).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { YEAR_RANGE } from '../api/calendar.ts';

export function YearNav({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(String(year));
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    setText(String(year));
    setInvalid(false);
  }, [year]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = Number(text.trim());
    if (!Number.isInteger(value) || value < YEAR_RANGE.from || value > YEAR_RANGE.to) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onChange(value);
  }

  const hintId = `${id}-hint`;
  return (
    <form className="year-nav" onSubmit={submit} aria-label={t('calendar.yearNav')}>
      <button type="button" className="button" onClick={() => onChange(year - 1)} disabled={year <= YEAR_RANGE.from} data-testid="year-prev">
        <span aria-hidden="true">‹</span> {t('calendar.prevYear')}
      </button>
      <div className="year-field">
        <label htmlFor={`${id}-year`}>{t('calendar.yearLabel')}</label>
        <input
          id={`${id}-year`}
          data-testid="calendar-year"
          type="number"
          inputMode="numeric"
          min={YEAR_RANGE.from}
          max={YEAR_RANGE.to}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? hintId : undefined}
        />
        <button type="submit" className="button">{t('calendar.show')}</button>
      </div>
      <button type="button" className="button" onClick={() => onChange(year + 1)} disabled={year >= YEAR_RANGE.to} data-testid="year-next">
        {t('calendar.nextYear')} <span aria-hidden="true">›</span>
      </button>
      {invalid ? (
        <p id={hintId} className="field-error" role="alert">
          {t('calendar.yearOutOfRange', YEAR_RANGE)}
        </p>
      ) : null}
    </form>
  );
}
