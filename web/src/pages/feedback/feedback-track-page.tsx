// /hoi-dap/theo-doi: the sender follows a message with its tracking code and phone, adds the information
// asked for, and rates the answer once. Every text is rendered as text (React escapes it).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { addInformation, rateFeedback, trackFeedback, type TrackedFeedback } from '../../api/feedback.ts';
import { ErrorAlert } from '../../calendar/error-alert.tsx';
import { formatInstant } from '../../calendar/format-date.ts';
import { useDocumentTitle } from '../../layout/use-document-title.ts';
import '../../styles/feedback.css';

export function FeedbackTrackPage() {
  const { t } = useTranslation();
  const id = useId();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('ma') ?? '');
  const [phone, setPhone] = useState('');
  const [item, setItem] = useState<TrackedFeedback | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [info, setInfo] = useState('');
  useDocumentTitle(t('feedback.track.title'));

  async function load() {
    setError(null);
    try {
      setItem(await trackFeedback(code.trim(), phone.trim()));
    } catch (caught) {
      setItem(null);
      setError(caught);
    }
  }
  const onFind = (event: FormEvent) => {
    event.preventDefault();
    void load();
  };
  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      await load();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <div className="feedback-page">
      <header className="page-intro"><h1>{t('feedback.track.title')}</h1></header>
      <form className="card feedback-form" onSubmit={onFind} data-testid="track-form">
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('feedback.track.code')}</label>
          <input id={`${id}-code`} data-testid="track-code" value={code} onChange={(e) => setCode(e.target.value)} maxLength={40} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-phone`}>{t('feedback.track.phone')}</label>
          <input id={`${id}-phone`} data-testid="track-phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={20} required />
        </div>
        <button type="submit" className="button button-primary" data-testid="track-find">{t('feedback.track.find')}</button>
      </form>
      <ErrorAlert error={error} testId="track-error" />
      {item ? (
        <section className="card" data-testid="track-result" data-status={item.status} aria-live="polite">
          <h2>{item.kindLabel} — {item.code}</h2>
          <dl className="facts">
            <div><dt>{t('feedback.track.status')}</dt><dd data-testid="track-status">{item.statusLabel}</dd></div>
            <div><dt>{t('feedback.track.unit')}</dt><dd>{item.unitName}</dd></div>
            <div><dt>{t('feedback.track.received')}</dt><dd>{formatInstant(item.receivedAt, t)}</dd></div>
            <div><dt>{t('feedback.track.due')}</dt><dd>{formatInstant(item.dueAt, t)}</dd></div>
          </dl>
          <h3>{t('feedback.track.question')}</h3>
          <p className="feedback-text">{item.text}</p>
          {item.refusalReason ? (<><h3>{t('feedback.track.refusal')}</h3><p className="feedback-text">{item.refusalReason}</p></>) : null}
          {item.answer ? (<><h3>{t('feedback.track.answer')}</h3><p className="feedback-text" data-testid="track-answer">{item.answer}</p></>) : null}
          {item.infoRequest ? (
            <form onSubmit={(e) => { e.preventDefault(); void run(() => addInformation(item.code, phone, info)); }}>
              <h3>{t('feedback.track.infoRequest')}</h3>
              <p className="feedback-text">{item.infoRequest}</p>
              <div className="field">
                <label htmlFor={`${id}-info`}>{t('feedback.track.infoText')}</label>
                <textarea id={`${id}-info`} rows={4} value={info} onChange={(e) => setInfo(e.target.value)} maxLength={5000} />
              </div>
              <button type="submit" className="button">{t('feedback.track.infoSend')}</button>
            </form>
          ) : null}
          {item.canRate ? (
            <div className="feedback-rate" data-testid="track-rate">
              <h3>{t('feedback.track.rateTitle')}</h3>
              <button type="button" className="button button-primary" data-testid="rate-satisfied" onClick={() => void run(() => rateFeedback(item.code, phone, true))}>{t('feedback.track.satisfied')}</button>{' '}
              <button type="button" className="button" data-testid="rate-unsatisfied" onClick={() => void run(() => rateFeedback(item.code, phone, false))}>{t('feedback.track.unsatisfied')}</button>
            </div>
          ) : null}
          {item.rating ? (
            <p data-testid="track-rated">{t('feedback.track.rated', { value: item.rating.satisfied ? t('feedback.track.satisfied') : t('feedback.track.unsatisfied') })}</p>
          ) : null}
          {item.attachments && item.attachments.length > 0 ? (
            <p data-testid="track-files">{t('feedback.files.sentList', { names: item.attachments.map((a) => a.fileName).join(', ') })}</p>
          ) : null}
          <h3>{t('feedback.track.steps')}</h3>
          <ol className="feedback-steps">
            {item.steps.map((s, i) => <li key={i}><time dateTime={s.at}>{formatInstant(s.at, t)}</time> — {s.label}</li>)}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
