// /hoi-dap/gui: "Gửi câu hỏi / phản ánh" — kind, topic, name, phone, e-mail, text; a hidden honeypot field;
// a confirmation toast that closes itself after 5 seconds, and the tracking code kept on the page.
import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FEEDBACK_KINDS, submitFeedback, type FeedbackKind, type SubmitAnswer } from '../../api/feedback.ts';
import { ErrorAlert } from '../../calendar/error-alert.tsx';
import { formatInstant } from '../../calendar/format-date.ts';
import { SelfClosingToast } from '../../feedback/self-closing-toast.tsx';
import { newKey } from '../../feedback/idempotency.ts';
import { useDocumentTitle } from '../../layout/use-document-title.ts';
import '../../styles/feedback.css';

export function FeedbackFormPage() {
  const { t } = useTranslation();
  const id = useId();
  const [params] = useSearchParams();
  const [kind, setKind] = useState<FeedbackKind>((params.get('loai') as FeedbackKind) || 'question');
  const [procedureCode, setProcedureCode] = useState(params.get('thu-tuc') ?? '');
  const [dossierCode, setDossierCode] = useState('');
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [text, setText] = useState('');
  const [website, setWebsite] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<SubmitAnswer | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const key = useRef(newKey('fb'));
  const closeToast = useCallback(() => setToast(null), []);
  useDocumentTitle(t('feedback.form.title'));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      const answer = await submitFeedback({
        kind, fullName, phone, text, idempotencyKey: key.current,
        ...(procedureCode.trim() ? { procedureCode: procedureCode.trim() } : {}),
        ...(dossierCode.trim() ? { dossierCode: dossierCode.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(website ? { website } : {}),
      });
      setSent(answer);
      setToast(t('feedback.form.sent', { code: answer.code, due: formatInstant(answer.dueAt, t) }));
      key.current = newKey('fb');
      setText('');
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="feedback-page">
      <header className="page-intro">
        <h1>{t('feedback.form.title')}</h1>
        <p className="lead">{t('feedback.form.lead')}</p>
      </header>
      <SelfClosingToast message={toast} onClose={closeToast} testId="feedback-toast" />
      {sent ? (
        <section className="card feedback-sent" data-testid="feedback-sent" aria-labelledby={`${id}-sent`}>
          <h2 id={`${id}-sent`}>{t('feedback.form.keepCode')}</h2>
          <p className="feedback-code" data-testid="feedback-code">{sent.code}</p>
          <p>{t('feedback.track.due')}: <time dateTime={sent.dueAt}>{formatInstant(sent.dueAt, t)}</time></p>
          <p><Link to={`/hoi-dap/theo-doi?ma=${encodeURIComponent(sent.code)}`}>{t('feedback.form.trackLink')}</Link></p>
        </section>
      ) : null}
      <form className="card feedback-form" onSubmit={onSubmit} noValidate data-testid="feedback-form">
        <ErrorAlert error={error} testId="feedback-error" />
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('feedback.form.kind')}</label>
          <select id={`${id}-kind`} data-testid="feedback-kind" value={kind} onChange={(e) => setKind(e.target.value as FeedbackKind)}>
            {FEEDBACK_KINDS.map((k) => <option key={k} value={k}>{t(`feedback.kinds.${k}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-procedure`}>{t('feedback.form.procedureCode')}</label>
          <input id={`${id}-procedure`} data-testid="feedback-procedure" value={procedureCode} onChange={(e) => setProcedureCode(e.target.value)} maxLength={200} />
        </div>
        {kind === 'complaint' ? (
          <div className="field">
            <label htmlFor={`${id}-dossier`}>{t('feedback.form.dossierCode')}</label>
            <input id={`${id}-dossier`} data-testid="feedback-dossier" value={dossierCode} onChange={(e) => setDossierCode(e.target.value)} aria-describedby={`${id}-dossier-hint`} maxLength={200} />
            <p className="hint" id={`${id}-dossier-hint`}>{t('feedback.form.dossierHint')}</p>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('feedback.form.fullName')}</label>
          <input id={`${id}-name`} data-testid="feedback-name" value={fullName} onChange={(e) => setFullName(e.target.value)} autoComplete="name" required maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-phone`}>{t('feedback.form.phone')}</label>
          <input id={`${id}-phone`} data-testid="feedback-phone" type="tel" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="tel" required maxLength={20} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('feedback.form.email')}</label>
          <input id={`${id}-email`} data-testid="feedback-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" maxLength={254} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('feedback.form.text')}</label>
          <textarea id={`${id}-text`} data-testid="feedback-text" rows={6} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-text-hint`} required maxLength={5000} />
          <p className="hint" id={`${id}-text-hint`}>{t('feedback.form.textHint')} ({[...text].length}/5000)</p>
        </div>
        {/* Honeypot: hidden from people and from assistive technology; robots fill every field. */}
        <div className="feedback-honeypot" aria-hidden="true">
          <label htmlFor={`${id}-website`}>{t('feedback.form.honeypot')}</label>
          <input id={`${id}-website`} name="website" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.target.value)} />
        </div>
        <button type="submit" className="button button-primary" data-testid="feedback-send" disabled={sending}>
          {sending ? t('feedback.form.sending') : t('feedback.form.send')}
        </button>
      </form>
    </div>
  );
}
