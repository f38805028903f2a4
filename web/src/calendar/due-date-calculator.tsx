// "When is the result due?": receipt date and time (province time, UTC+7; default now) plus a processing
// time in working days or hours; the server computes the date with the same calendar the counters use.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchDueDate, type DueDate, type DurationUnit } from '../api/calendar.ts';
import { normalizeAmount } from './amount.ts';
import { isIsoDate, isTime, provinceInstant, provinceNow } from './dates.ts';
import { ErrorAlert } from './error-alert.tsx';
import { formatInstant } from './format-date.ts';
import { InputProblem } from './problem.ts';

const UNITS: readonly DurationUnit[] = ['days', 'hours'];

export function DueDateCalculator() {
  const { t } = useTranslation();
  const id = useId();
  const [initial] = useState(() => provinceNow());
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<DurationUnit>('days');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<DueDate | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setResult(null);
    if (!isIsoDate(date) || !isTime(time)) return setError(new InputProblem('due.missingWhen'));
    const normalized = normalizeAmount(amount);
    if (normalized === null) return setError(new InputProblem('due.missingAmount'));
    setError(null);
    setPending(true);
    try {
      setResult(await fetchDueDate({ from: provinceInstant(date, time), amount: normalized, unit }));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="card due-card" aria-labelledby={`${id}-title`} data-testid="due-calculator">
      <h2 id={`${id}-title`}>{t('due.title')}</h2>
      <p className="muted">{t('due.intro')}</p>
      <form className="due-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('due.fromDate')}</label>
          <input id={`${id}-date`} type="date" data-testid="due-from-date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-time`}>{t('due.fromTime')}</label>
          <input id={`${id}-time`} type="time" data-testid="due-from-time" required value={time} onChange={(e) => setTime(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-amount`}>{t('due.amount')}</label>
          <input
            id={`${id}-amount`}
            data-testid="due-amount"
            inputMode="decimal"
            autoComplete="off"
            required
            maxLength={10}
            placeholder={t('due.amountHint')}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            aria-invalid={error instanceof InputProblem && error.key === 'due.missingAmount' ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('due.unit')}</label>
          <select id={`${id}-unit`} data-testid="due-unit" value={unit} onChange={(e) => setUnit(e.target.value === 'hours' ? 'hours' : 'days')}>
            {UNITS.map((value) => (
              <option key={value} value={value}>{t(`due.units.${value}`)}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary due-submit" data-testid="due-submit" disabled={pending}>
          {pending ? t('due.submitting') : t('due.submit')}
        </button>
      </form>
      <ErrorAlert error={error} testId="due-error" />
      <div aria-live="polite">
        {result ? (
          <div className="due-result" data-testid="due-result" data-due-at={result.dueAt} data-provisional={result.provisional}>
            <p className="due-when">{t('due.result', { when: formatInstant(result.dueAt, t) })}</p>
            {result.provisional ? <p className="due-note">{t('due.provisional')}</p> : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
