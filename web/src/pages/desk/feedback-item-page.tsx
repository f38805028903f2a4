// /xu-ly/phan-anh/:code — one message: what was sent, the deadlines on the legal calendar, the history,
// the messages sent to the citizen, and the actions allowed to this officer now.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { actOnFeedback, fetchFeedback, type FeedbackAction, type FeedbackDetail } from '../../api/feedback.ts';
import { ErrorAlert } from '../../calendar/error-alert.tsx';
import { formatInstant } from '../../calendar/format-date.ts';
import { newKey } from '../../feedback/idempotency.ts';
import { useLoader } from '../../hooks/use-loader.ts';
import { useDocumentTitle } from '../../layout/use-document-title.ts';
import '../../styles/feedback.css';

export function FeedbackItemPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const state = useLoader(code, (signal) => fetchFeedback(code, signal));
  const [done, setDone] = useState<string | null>(null);
  useDocumentTitle(code);
  const item = state.data;
  return (
    <div className="feedback-page">
      <p><Link to="/xu-ly/phan-anh">{t('feedback.desk.back')}</Link></p>
      <ErrorAlert error={state.error} testId="feedback-item-error" />
      {done ? <p className="alert" role="status" data-testid="feedback-done">{done}</p> : null}
      {item ? (
        <>
          <header className="page-intro">
            <h1 data-testid="feedback-item" data-status={item.status} data-unit={item.unitCode}>{item.code} · {item.kindLabel}</h1>
            <p className="lead">{item.statusLabel} · {item.unitName}</p>
          </header>
          <Actions item={item} onDone={(message) => { setDone(message); state.reload(); }} />
          <section className="card">
            <h2>{t('feedback.desk.sender')}</h2>
            <p>{item.fullName} · {item.phone}{item.email ? ` · ${item.email}` : ''}</p>
            {item.procedureName ? <p>{item.procedureName}</p> : item.field ? <p>{item.field}</p> : null}
            {item.claimedDossierCode ? (
              <p>{t('feedback.desk.claimed', { code: item.claimedDossierCode, verified: item.dossierCode ? t('feedback.desk.verified') : t('feedback.desk.unverified') })}</p>
            ) : null}
            <p className="feedback-text" data-testid="feedback-item-text">{item.text}</p>
            {item.answer ? <><h3>{t('feedback.track.answer')}</h3><p className="feedback-text">{item.answer}</p></> : null}
          </section>
          {item.attachments.length > 0 ? (
            <section className="card" aria-labelledby="feedback-files-title">
              <h2 id="feedback-files-title">{t('feedback.files.title')}</h2>
              <p className="hint">{t('feedback.files.private')}</p>
              <ul data-testid="feedback-attachments">
                {item.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`${a.downloadUrl}?disposition=inline`} target="_blank" rel="noopener">{a.fileName}</a>
                    <span className="muted"> · {Math.max(1, Math.round(a.size / 1024))} KB · {a.uploadedBy === 'sender' ? t('feedback.files.bySender') : a.uploaderUsername} · <time dateTime={a.uploadedAt}>{formatInstant(a.uploadedAt, t)}</time></span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className="card">
            <h2>{t('feedback.desk.deadlines')}</h2>
            <ul>
              {item.deadlines.map((d) => (
                <li key={d.kind} data-kind={d.kind} data-state={d.state}>
                  {t(`feedback.desk.deadlineKinds.${d.kind}`)}: {formatInstant(d.dueAt, t)} — <span className={`urgency-${d.state}`}>{t(`feedback.desk.deadlineStates.${d.state as 'met'}`)}</span>
                </li>
              ))}
            </ul>
          </section>
          <section className="card">
            <h2>{t('feedback.desk.history')}</h2>
            <ol className="feedback-steps" data-testid="feedback-history">
              {item.history.map((h) => (
                <li key={h.seq}>
                  <time dateTime={h.at}>{formatInstant(h.at, t)}</time> — {h.label}{h.toUnitName ? ` → ${h.toUnitName}` : ''}
                  {h.actorUsername ? <span className="muted"> ({h.actorUsername})</span> : null}
                  {h.text ? <p className="feedback-text">{h.text}</p> : null}
                </li>
              ))}
            </ol>
          </section>
          <section className="card">
            <h2>{t('feedback.desk.notifications')}</h2>
            <ul data-testid="feedback-notifications">
              {item.notifications.map((n, i) => <li key={i}>{formatInstant(n.createdAt, t)} · {n.channel} · {n.template} · {n.status}</li>)}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  );
}

function Actions({ item, onDone }: { item: FeedbackDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [action, setAction] = useState<FeedbackAction | null>(null);
  const [text, setText] = useState('');
  const [toUnit, setToUnit] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newKey('fba'));
  if (item.allowedActions.length === 0) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!action) return;
    setBusy(true);
    setError(null);
    try {
      const field = action === 'refuse' || action === 'reassign' ? 'reason' : 'text';
      await actOnFeedback(item.code, { type: action, idempotencyKey: key.current, ...(text.trim() ? { [field]: text } : {}), ...(action === 'reassign' ? { toUnitCode: toUnit.trim() } : {}) });
      key.current = newKey('fba');
      onDone(t('feedback.desk.done', { action: t(`feedback.desk.actionLabels.${action}`) }));
      setAction(null);
      setText('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card feedback-actions" data-testid="feedback-actions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('feedback.desk.actions')}</h2>
      <div role="group" aria-labelledby={`${id}-title`}>
        {item.allowedActions.map((a) => (
          <button key={a} type="button" className={action === a ? 'button button-primary' : 'button'} data-testid={`feedback-action-${a}`} aria-pressed={action === a}
            onClick={() => { setAction(a); setError(null); key.current = newKey('fba'); }}>
            {t(`feedback.desk.actionLabels.${a}`)}
          </button>
        ))}
      </div>
      {action ? (
        <form onSubmit={submit} className="feedback-form">
          <ErrorAlert error={error} testId="feedback-action-error" />
          {action === 'reassign' ? (
            <div className="field">
              <label htmlFor={`${id}-unit`}>{t('feedback.desk.toUnit')}</label>
              <input id={`${id}-unit`} data-testid="feedback-to-unit" value={toUnit} onChange={(e) => setToUnit(e.target.value)} maxLength={50} />
            </div>
          ) : null}
          {action !== 'publish' ? (
            <div className="field">
              <label htmlFor={`${id}-text`}>{t(`feedback.desk.textFor.${action}`)}</label>
              <textarea id={`${id}-text`} data-testid="feedback-action-text" rows={5} value={text} onChange={(e) => setText(e.target.value)} maxLength={10000} />
            </div>
          ) : null}
          <button type="submit" className="button button-primary" data-testid="feedback-action-submit" disabled={busy}>{t(`feedback.desk.actionLabels.${action}`)}</button>
        </form>
      ) : null}
    </section>
  );
}
