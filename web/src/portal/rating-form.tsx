// The satisfaction rating form (Circular 01/2018 art. 13 criteria a citizen answers, plus the overall
// level and a comment): used on the citizen's dossier page and on the counter tablet (kiosk).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rateDossier, type RatingRequest } from '../api/portal.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';

const CRITERIA = {
  time: ['early', 'on_time', 'late'],
  contacts: ['none', 'once', 'more'],
  agencies: ['none', 'one_stop_only', 'more'],
  attitude: ['good', 'acceptable', 'complaint'],
} as const;
type Criterion = keyof typeof CRITERIA;
const LEVELS = ['very_satisfied', 'satisfied', 'dissatisfied'] as const;

export function RatingForm({ code, proof, kiosk, onRated }: { code: string; proof?: { phone?: string; idNumber?: string }; kiosk?: boolean; onRated: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [overall, setOverall] = useState<RatingRequest['overall'] | ''>('');
  const [answers, setAnswers] = useState<Record<Criterion, string>>({ time: '', contacts: '', agencies: '', attitude: '' });
  const [comment, setComment] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending || !overall) return;
    setPending(true);
    setError(null);
    try {
      await rateDossier(code, { overall, criteria: answers, ...(comment.trim() ? { comment: comment.trim() } : {}), ...proof, ...(kiosk ? { kiosk: true } : {}) });
      onRated();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  const optionLabel = (criterion: Criterion, option: string) => t(`portal.rating.${criterion}Options.${option}` as 'portal.rating.timeOptions.early');
  return (
    <form className="form rating-form" onSubmit={submit} data-testid="rating-form">
      <fieldset className="choice-group">
        <legend>{t('portal.rating.overall')}</legend>
        <div className="choice-row">
          {LEVELS.map((level) => (
            <label key={level} className={`choice choice-${level}`}>
              <input type="radio" name={`${id}-overall`} value={level} required checked={overall === level} onChange={() => setOverall(level)}
                data-testid={`rating-overall-${level}`} />
              <span>{t(`portal.rating.levels.${level}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {(Object.keys(CRITERIA) as Criterion[]).map((criterion) => (
        <fieldset key={criterion} className="choice-group">
          <legend>{t(`portal.rating.${criterion}`)}</legend>
          {CRITERIA[criterion].map((option) => (
            <label key={option} className="choice">
              <input type="radio" name={`${id}-${criterion}`} value={option} required checked={answers[criterion] === option}
                onChange={() => setAnswers((a) => ({ ...a, [criterion]: option }))} data-testid={`rating-${criterion}-${option}`} />
              <span>{optionLabel(criterion, option)}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t('portal.rating.comment')}</label>
        <textarea id={`${id}-comment`} rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      {error ? <ErrorAlert error={error} testId="rating-error" /> : null}
      <button type="submit" className="button button-primary" disabled={pending || !overall} data-testid="rating-submit">{t('portal.rating.submit')}</button>
    </form>
  );
}
