// The question / feedback form, shared by the portal (/hoi-dap/gui, signed out or in) and the officers'
// counter entry (/xu-ly/phan-anh/moi, on the citizen's behalf): kind, topic, name, phone, e-mail, text and
// up to 5 files (PDF, JPEG, PNG; checked by the server from their content). The message is sent first,
// then each file with the tracking code; a file that fails is named with the server's reason and can be
// sent again, the message itself is never lost. A confirmation toast closes itself after 5 seconds
// (role=status, read by screen readers) and the tracking code stays on the page.
import { useCallback, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  ACCEPTED_FEEDBACK_FILES,
  FEEDBACK_KINDS,
  MAX_FEEDBACK_FILES,
  submitFeedback,
  submitFeedbackAtCounter,
  uploadFeedbackFile,
  type FeedbackKind,
  type FeedbackSubmission,
  type SubmitAnswer,
} from '../api/feedback.ts';
import { isApiError } from '../api/client.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { formatInstant } from '../calendar/format-date.ts';
import { SelfClosingToast } from './self-closing-toast.tsx';
import { newKey } from './idempotency.ts';
import '../styles/feedback.css';

export type FeedbackFormMode = 'portal' | 'counter';

interface FileFailure { name: string; message: string }

export function FeedbackForm({ mode, initialKind, initialProcedure }: { mode: FeedbackFormMode; initialKind?: FeedbackKind; initialProcedure?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<FeedbackKind>(initialKind ?? 'question');
  const [procedureCode, setProcedureCode] = useState(initialProcedure ?? '');
  const [dossierCode, setDossierCode] = useState('');
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [text, setText] = useState('');
  const [website, setWebsite] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<SubmitAnswer | null>(null);
  const [sentFiles, setSentFiles] = useState<string[]>([]);
  const [failedFiles, setFailedFiles] = useState<FileFailure[]>([]);
  const [toast, setToast] = useState<string | null>(null);
  const key = useRef(newKey('fb'));
  const closeToast = useCallback(() => setToast(null), []);

  function onFiles(event: ChangeEvent<HTMLInputElement>) {
    const chosen = Array.from(event.target.files ?? []);
    setFiles((current) => [...current, ...chosen].slice(0, MAX_FEEDBACK_FILES));
    event.target.value = '';
  }

  async function sendFiles(answer: SubmitAnswer, toSend: File[], senderPhone: string): Promise<{ ok: string[]; failed: FileFailure[] }> {
    const ok: string[] = [];
    const failed: FileFailure[] = [];
    for (const [index, file] of toSend.entries()) {
      try {
        await uploadFeedbackFile(answer.code, file, `${answer.code}-file-${index}-${file.name.length}-${file.size}`,
          mode === 'portal' ? { kind: 'sender', phone: senderPhone } : { kind: 'staff' });
        ok.push(file.name);
      } catch (caught) {
        failed.push({ name: file.name, message: isApiError(caught) && caught.message ? caught.message : t('feedback.files.failed') });
      }
    }
    return { ok, failed };
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      const body: FeedbackSubmission & { idempotencyKey: string } = {
        kind, fullName, phone, text, idempotencyKey: key.current,
        ...(procedureCode.trim() ? { procedureCode: procedureCode.trim() } : {}),
        ...(dossierCode.trim() ? { dossierCode: dossierCode.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(mode === 'portal' && website ? { website } : {}),
      };
      const answer = mode === 'portal' ? await submitFeedback(body) : await submitFeedbackAtCounter(body);
      const { ok, failed } = await sendFiles(answer, files, phone);
      setSent(answer);
      setSentFiles(ok);
      setFailedFiles(failed);
      setToast(t('feedback.form.sent', { code: answer.code, due: formatInstant(answer.dueAt, t) })
        + (ok.length > 0 ? ` ${t('feedback.files.sentCount', { count: ok.length })}` : ''));
      key.current = newKey('fb');
      setText('');
      setFiles([]);
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <SelfClosingToast message={toast} onClose={closeToast} testId="feedback-toast" />
      {sent ? (
        <section className="card feedback-sent" data-testid="feedback-sent" aria-labelledby={`${id}-sent`}>
          <h2 id={`${id}-sent`}>{t(mode === 'portal' ? 'feedback.form.keepCode' : 'feedback.counter.entered')}</h2>
          <p className="feedback-code" data-testid="feedback-code">{sent.code}</p>
          <p>{t('feedback.track.due')}: <time dateTime={sent.dueAt}>{formatInstant(sent.dueAt, t)}</time></p>
          {sentFiles.length > 0 ? (
            <p data-testid="feedback-sent-files">{t('feedback.files.sentList', { names: sentFiles.join(', ') })}</p>
          ) : null}
          {failedFiles.length > 0 ? (
            <div className="alert alert-error" role="alert" data-testid="feedback-file-errors">
              <p>{t('feedback.files.someFailed')}</p>
              <ul>{failedFiles.map((f) => <li key={f.name}>{f.name}: {f.message}</li>)}</ul>
            </div>
          ) : null}
          <p>
            {mode === 'portal'
              ? <Link to={`/hoi-dap/theo-doi?ma=${encodeURIComponent(sent.code)}`}>{t('feedback.form.trackLink')}</Link>
              : <Link to={`/xu-ly/phan-anh/${encodeURIComponent(sent.code)}`} data-testid="feedback-counter-open">{t('feedback.counter.openItem')}</Link>}
          </p>
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
          <label htmlFor={`${id}-name`}>{t(mode === 'portal' ? 'feedback.form.fullName' : 'feedback.counter.citizenName')}</label>
          <input id={`${id}-name`} data-testid="feedback-name" value={fullName} onChange={(e) => setFullName(e.target.value)} autoComplete={mode === 'portal' ? 'name' : 'off'} required maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-phone`}>{t(mode === 'portal' ? 'feedback.form.phone' : 'feedback.counter.citizenPhone')}</label>
          <input id={`${id}-phone`} data-testid="feedback-phone" type="tel" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete={mode === 'portal' ? 'tel' : 'off'} required maxLength={20} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('feedback.form.email')}</label>
          <input id={`${id}-email`} data-testid="feedback-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete={mode === 'portal' ? 'email' : 'off'} maxLength={254} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('feedback.form.text')}</label>
          <textarea id={`${id}-text`} data-testid="feedback-text" rows={6} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-text-hint`} required maxLength={5000} />
          <p className="hint" id={`${id}-text-hint`}>{t('feedback.form.textHint')} ({[...text].length}/5000)</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-files`}>{t('feedback.files.label')}</label>
          <input id={`${id}-files`} data-testid="feedback-files" type="file" multiple accept={ACCEPTED_FEEDBACK_FILES}
            onChange={onFiles} disabled={files.length >= MAX_FEEDBACK_FILES} aria-describedby={`${id}-files-hint`} />
          <p className="hint" id={`${id}-files-hint`}>{t('feedback.files.hint', { max: MAX_FEEDBACK_FILES })}</p>
          {files.length > 0 ? (
            <ul className="feedback-files" data-testid="feedback-file-list">
              {files.map((file, index) => (
                <li key={`${file.name}-${index}`}>
                  {file.name}{' '}
                  <button type="button" className="button" onClick={() => setFiles((current) => current.filter((_, i) => i !== index))}
                    aria-label={t('feedback.files.remove', { name: file.name })}>×</button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        {mode === 'portal' ? (
          // Honeypot: hidden from people and from assistive technology; robots fill every field.
          <div className="feedback-honeypot" aria-hidden="true">
            <label htmlFor={`${id}-website`}>{t('feedback.form.honeypot')}</label>
            <input id={`${id}-website`} name="website" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.target.value)} />
          </div>
        ) : null}
        <button type="submit" className="button button-primary" data-testid="feedback-send" disabled={sending}>
          {sending ? t('feedback.form.sending') : t(mode === 'portal' ? 'feedback.form.send' : 'feedback.counter.send')}
        </button>
      </form>
    </>
  );
}
