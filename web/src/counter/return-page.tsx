// /quay/tra-ket-qua: results waiting at this unit (it is the dossier's return unit, status result_ready).
// The officer checks the recipient's ID paper — the applicant, or an authorised person — and records
// the return (return_result), or records the postal item when the result goes by post.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchResultsToReturn, returnResult, type ReturnItem, type ReturnRequest } from '../api/counter.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { useIdempotencyKey } from '../calendar/edit/idempotency-key.ts';
import { formatInstant } from '../calendar/format-date.ts';
import { useLoader } from '../hooks/use-loader.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { digitsOnly, isCccdShape } from './counter-rules.ts';
import { IssueList } from './issue-list.tsx';

export function ReturnPage() {
  const { t } = useTranslation();
  const id = useId();
  useDocumentTitle(t('counter.return.title'));
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [generation, setGeneration] = useState(0);
  const [chosen, setChosen] = useState<ReturnItem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const list = useLoader(`${q}|${generation}`, (signal) => fetchResultsToReturn(q, signal));

  useEffect(() => {
    const timer = setTimeout(() => setQ(draft), 250);
    return () => clearTimeout(timer);
  }, [draft]);

  return (
    <div className="counter-page" data-testid="counter-return">
      <header className="page-intro">
        <h1>{t('counter.return.title')}</h1>
        <p className="lead">{t('counter.return.lead')}</p>
      </header>
      {done ? <p className="alert alert-ok" role="status" data-testid="return-done">{t('counter.return.done', { code: done })}</p> : null}
      <div className="field return-search">
        <label htmlFor={`${id}-q`}>{t('counter.return.search')}</label>
        <input id={`${id}-q`} type="search" data-testid="return-search" autoFocus autoComplete="off" maxLength={100}
          placeholder={t('counter.return.searchPlaceholder')} value={draft} onChange={(e) => setDraft(e.target.value)} />
      </div>
      <section aria-busy={list.loading} data-testid="return-list">
        {list.loading && !list.data ? <p className="muted" role="status">{t('counter.return.loading')}</p> : null}
        <ErrorAlert error={list.error} />
        {list.data && list.data.items.length === 0 ? <p className="muted">{t('counter.return.empty')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <p className="muted" role="status">{t('counter.return.total', { count: list.data.total })}</p>
            <ul className="return-items">
              {list.data.items.map((item) => (
                <li key={item.code} className="card return-item" data-testid="return-item" data-code={item.code}>
                  <div>
                    <p className="dossier-code option-title">{item.code}</p>
                    <p>{item.procedureName}</p>
                    <p className="muted">
                      {item.applicantName} · {item.applicantIdNumber ?? ''}
                      {item.dueAt ? <> · <time dateTime={item.dueAt}>{formatInstant(item.dueAt, t)}</time></> : null}
                    </p>
                    <p>
                      {item.returnByPost ? <span className="tag tag-own">{t('counter.return.byPostBadge')}</span> : null}
                      {item.hasRepresentative ? <span className="tag tag-free">{t('counter.return.representativeBadge')}</span> : null}
                    </p>
                  </div>
                  <button type="button" className="button button-primary" data-testid="return-choose" onClick={() => { setChosen(item); setDone(null); }}>
                    {t('counter.return.choose')}
                  </button>
                  {chosen?.code === item.code ? (
                    <ReturnForm item={item} onCancel={() => setChosen(null)} onDone={() => { setChosen(null); setDone(item.code); setGeneration((g) => g + 1); }} />
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}

function ReturnForm({ item, onDone, onCancel }: { item: ReturnItem; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const keyFor = useIdempotencyKey();
  const [method, setMethod] = useState<'counter' | 'post'>(item.returnByPost ? 'post' : 'counter');
  const [role, setRole] = useState<'applicant' | 'representative'>(item.applicantKind === 'organization' ? 'representative' : 'applicant');
  const [name, setName] = useState(item.applicantKind === 'organization' ? '' : item.applicantName);
  const [idNumber, setIdNumber] = useState('');
  const [authorisation, setAuthorisation] = useState('');
  const [tracking, setTracking] = useState('');
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [touched, setTouched] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    if (pending) return;
    if (method === 'counter' && !isCccdShape(idNumber)) return;
    const body: Omit<ReturnRequest, 'idempotencyKey'> = method === 'post'
      ? { type: 'return_result', method, postalTrackingNumber: tracking.trim(), ...(note.trim() ? { note: note.trim() } : {}) }
      : { type: 'return_result', method, recipientRole: role, recipientName: name.trim(), recipientIdNumber: digitsOnly(idNumber),
          ...(role === 'representative' && authorisation.trim() ? { authorisation: authorisation.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
    setPending(true);
    setError(null);
    try {
      await returnResult(item.code, { ...body, idempotencyKey: keyFor(`${item.code}:${JSON.stringify(body)}`) });
      onDone();
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  }

  return (
    <form className="action-form return-form" onSubmit={submit} data-testid="return-form" aria-label={t('counter.return.formTitle', { code: item.code })}>
      <h3>{t('counter.return.formTitle', { code: item.code })}</h3>
      <div className="field">
        <label htmlFor={`${id}-method`}>{t('counter.return.method')}</label>
        <select id={`${id}-method`} data-testid="return-method" value={method} onChange={(e) => setMethod(e.target.value === 'post' ? 'post' : 'counter')}>
          <option value="counter">{t('counter.return.methodCounter')}</option>
          <option value="post">{t('counter.return.methodPost')}</option>
        </select>
      </div>
      {method === 'post' ? (
        <div className="field">
          <label htmlFor={`${id}-tracking`}>{t('counter.return.tracking')}</label>
          <input id={`${id}-tracking`} data-testid="return-tracking" required maxLength={100} value={tracking} onChange={(e) => setTracking(e.target.value)} />
        </div>
      ) : (
        <>
          <fieldset className="radio-row">
            <legend>{t('counter.return.recipientRole')}</legend>
            {(['applicant', 'representative'] as const).map((r) => (
              <label key={r} className="check">
                <input type="radio" name={`${id}-role`} value={r} data-testid={`return-role-${r}`} checked={role === r} onChange={() => setRole(r)}
                  disabled={r === 'applicant' && item.applicantKind === 'organization'} />
                {t(r === 'applicant' ? 'counter.return.roleApplicant' : 'counter.return.roleRepresentative')}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('counter.return.recipientName')}</label>
            <input id={`${id}-name`} data-testid="return-recipient-name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-id`}>{t('counter.return.recipientId')}</label>
            <input id={`${id}-id`} data-testid="return-recipient-id" required inputMode="numeric" maxLength={20} value={idNumber}
              aria-invalid={(touched && !isCccdShape(idNumber)) || undefined} onChange={(e) => setIdNumber(e.target.value)} />
            {touched && !isCccdShape(idNumber) ? <p className="field-error" role="alert">{t('counter.intake.idNumberShape')}</p> : null}
          </div>
          {role === 'representative' ? (
            <div className="field">
              <label htmlFor={`${id}-auth`}>{t('counter.return.authorisation')}</label>
              <input id={`${id}-auth`} data-testid="return-authorisation" maxLength={250} value={authorisation} onChange={(e) => setAuthorisation(e.target.value)} />
            </div>
          ) : null}
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('counter.return.note')}</label>
        <input id={`${id}-note`} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <ErrorAlert error={error} testId="return-error" />
      <IssueList error={error} />
      <div className="action-buttons">
        <button type="submit" className="button button-primary" data-testid="return-submit" disabled={pending}>
          {pending ? t('counter.return.submitting') : t('counter.return.submit')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={pending}>{t('counter.return.cancel')}</button>
      </div>
    </form>
  );
}
