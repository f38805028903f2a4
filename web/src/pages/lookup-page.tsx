// /tra-cuu: a citizen follows a dossier with its code and the phone (or ID) number given at filing.
// `?ma=CODE` or `?code=CODE` (the QR code on the receipt) prefills the code; the phone number never goes into the URL.
import { useEffect, useId, useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { lookupDossier, type PublicDossier } from '../api/dossiers.ts';
import { formatInstant } from '../calendar/format-date.ts';
import { useFocusOnError } from '../calendar/use-focus-on-error.ts';
import { StatusBadge, useStatusLabel } from '../dossier/status-badge.tsx';
import { Timeline } from '../dossier/timeline.tsx';
import { errorMessage } from '../i18n/error-message.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import '../styles/dossier.css';

export function LookupPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [code, setCode] = useState(() => params.get('ma') ?? params.get('code') ?? '');
  const [contact, setContact] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<PublicDossier | null>(null);
  const errorRef = useFocusOnError<HTMLParagraphElement>(error);
  const resultRef = useRef<HTMLElement>(null);
  const id = useId();
  useDocumentTitle(t('dossier.lookup.title'));

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    setResult(null);
    try {
      const found = await lookupDossier({ code, contact });
      setResult(found);
      if (params.get('ma') !== found.code) setParams({ ma: found.code }, { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  const notFound = isApiError(error) && (error.code === 'DOSSIER_NOT_FOUND' || error.status === 404);
  const errorText = error ? (notFound ? t('dossier.lookup.notFound') : errorMessage(error, t, i18n.resolvedLanguage ?? 'vi')) : '';

  return (
    <div className="lookup-page" data-testid="lookup-page">
      <header className="page-intro">
        <h1>{t('dossier.lookup.title')}</h1>
        <p className="lead">{t('dossier.lookup.lead')}</p>
      </header>
      <div className="lookup-layout">
        <form className="card form lookup-form" onSubmit={submit} noValidate={false}>
          <div className="field">
            <label htmlFor={`${id}-code`}>{t('dossier.lookup.code')}</label>
            <input
              id={`${id}-code`}
              data-testid="lookup-code"
              required
              maxLength={60}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              aria-describedby={`${id}-code-hint`}
              aria-invalid={notFound ? true : undefined}
            />
            <p id={`${id}-code-hint`} className="field-hint">{t('dossier.lookup.codeHint')}</p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-contact`}>{t('dossier.lookup.contact')}</label>
            <input
              id={`${id}-contact`}
              data-testid="lookup-phone"
              required
              maxLength={20}
              inputMode="numeric"
              autoComplete="tel"
              value={contact}
              onChange={(e) => setContact(e.target.value)}
              aria-describedby={`${id}-contact-hint`}
              aria-invalid={notFound ? true : undefined}
            />
            <p id={`${id}-contact-hint`} className="field-hint">{t('dossier.lookup.contactHint')}</p>
          </div>
          {error ? (
            <p className="alert alert-error" role="alert" tabIndex={-1} ref={errorRef} data-testid="lookup-error">{errorText}</p>
          ) : null}
          <button type="submit" className="button button-primary" data-testid="lookup-submit" disabled={pending}>
            {pending ? t('dossier.lookup.submitting') : t('dossier.lookup.submit')}
          </button>
        </form>
        {result ? <LookupResult dossier={result} ref={resultRef} /> : null}
      </div>
    </div>
  );
}

function LookupResult({ dossier, ref }: { dossier: PublicDossier; ref: Ref<HTMLElement> }) {
  const { t } = useTranslation();
  const statusLabel = useStatusLabel();
  return (
    <section className="card lookup-result" data-testid="lookup-result" aria-labelledby="lookup-result-title" tabIndex={-1} ref={ref}>
      <div className="result-head">
        <h2 id="lookup-result-title" className="dossier-code">{t('dossier.lookup.resultTitle', { code: dossier.code })}</h2>
        <StatusBadge status={dossier.status} label={dossier.statusLabel} testId="lookup-status" />
      </div>
      <dl className="facts">
        <div><dt>{t('dossier.lookup.procedure')}</dt><dd>{dossier.procedureName}</dd></div>
        <div><dt>{t('dossier.lookup.applicant')}</dt><dd>{dossier.applicantInitials}</dd></div>
        {dossier.receivedAt ? (
          <div><dt>{t('dossier.lookup.received')}</dt><dd><time dateTime={dossier.receivedAt}>{formatInstant(dossier.receivedAt, t)}</time></dd></div>
        ) : null}
        {dossier.dueAt ? (
          <div className="fact-strong"><dt>{t('dossier.lookup.due')}</dt><dd><time dateTime={dossier.dueAt}>{formatInstant(dossier.dueAt, t)}</time></dd></div>
        ) : null}
        {dossier.returnedAt ? (
          <div><dt>{t('dossier.lookup.returned')}</dt><dd><time dateTime={dossier.returnedAt}>{formatInstant(dossier.returnedAt, t)}</time></dd></div>
        ) : null}
        {dossier.returnUnitName ? <div><dt>{t('dossier.lookup.returnPlace')}</dt><dd>{dossier.returnUnitName}</dd></div> : null}
        {dossier.currentStep ? <div><dt>{t('dossier.lookup.currentStep')}</dt><dd className="first-upper">{dossier.currentStep}</dd></div> : null}
      </dl>
      <h3>{t('dossier.lookup.steps')}</h3>
      {dossier.steps.length === 0 ? (
        <p className="muted" data-testid="lookup-steps">{t('dossier.lookup.noSteps')}</p>
      ) : (
        <Timeline
          testId="lookup-steps"
          label={t('dossier.lookup.steps')}
          entries={dossier.steps.map((step, index) => ({ key: index, at: step.at, title: statusLabel(step.status, step.statusLabel) }))}
        />
      )}
    </section>
  );
}
