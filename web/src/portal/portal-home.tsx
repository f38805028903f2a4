// /nop-ho-so: sign in with the electronic identity; then find an online procedure and follow my dossiers.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { searchProcedures, type ProcedureSummary } from '../api/procedures.ts';
import { fetchCitizen, fetchMyDossiers, logoutCitizen, type CitizenProfile } from '../api/portal.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { formatInstant } from '../calendar/format-date.ts';
import { StatusBadge } from '../dossier/status-badge.tsx';
import { useLoader } from '../hooks/use-loader.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { FilingNeedsIdentity, SignInCard } from './citizen-gate.tsx';
import { ExpectedText } from './expected-text.tsx';

export function PortalHome() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  useDocumentTitle(t('portal.title'));
  const me = useLoader('citizen', (signal) => fetchCitizen(signal));
  // The catalog's "file this procedure" link: /nop-ho-so?thu-tuc=CODE.
  const chosen = params.get('thu-tuc');
  if (chosen) return <Navigate to={`/nop-ho-so/thu-tuc/${encodeURIComponent(chosen)}`} replace />;
  return (
    <div className="portal" data-testid="portal-home">
      <header className="page-intro">
        <h1>{t('portal.title')}</h1>
        <p className="lead">{t('portal.lead')}</p>
      </header>
      {me.error ? <ErrorAlert error={me.error} /> : null}
      {me.data && !me.data.citizen ? <SignInCard returnTo="/nop-ho-so" expired={me.data.expired} error={params.get('loi')} /> : null}
      {me.data?.citizen ? <SignedIn citizen={me.data.citizen} onSignOut={() => void logoutCitizen().then(me.reload)} /> : null}
    </div>
  );
}

function SignedIn({ citizen, onSignOut }: { citizen: CitizenProfile; onSignOut: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="portal-hello" data-testid="citizen-name">
        {t('portal.hello', { name: citizen.fullName })}{' '}
        <button type="button" className="button button-link" onClick={onSignOut}>{t('portal.signOut')}</button>
      </p>
      <MyDossiers />
      {citizen.signInMethod === 'one_time_code' ? <FilingNeedsIdentity returnTo="/nop-ho-so" /> : <ProcedureFinder />}
    </>
  );
}

function MyDossiers() {
  const { t } = useTranslation();
  const { data, error } = useLoader('my-dossiers', (signal) => fetchMyDossiers(signal));
  return (
    <section className="card" aria-labelledby="my-dossiers-title">
      <h2 id="my-dossiers-title">{t('portal.myDossiers')}</h2>
      {error ? <ErrorAlert error={error} /> : null}
      {data && data.items.length === 0 ? <p className="muted">{t('portal.noDossiers')}</p> : null}
      <ul className="portal-list" data-testid="my-dossiers">
        {data?.items.map((d) => (
          <li key={d.code} className="portal-item">
            <Link to={`/nop-ho-so/ho-so/${encodeURIComponent(d.code)}`} aria-label={t('portal.open', { code: d.code })}>
              <strong className="dossier-code">{d.code}</strong>
            </Link>
            <span>{d.procedureName}</span>
            <StatusBadge status={d.status} label={d.statusLabel} />
            {d.dueAt ? <span className="muted">{t('portal.dossier.due')}: <time dateTime={d.dueAt}>{formatInstant(d.dueAt, t)}</time></span> : null}
            <ExpectedText expected={d.expected} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ProcedureFinder() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<ProcedureSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const found = await searchProcedures({ q, limit: 50 });
      setItems(found.items.filter((p) => p.onlineLevel !== 'none'));
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <section className="card" aria-labelledby="new-filing-title">
      <h2 id="new-filing-title">{t('portal.newFiling')}</h2>
      <form className="form portal-search" onSubmit={submit} role="search">
        <div className="field">
          <label htmlFor="portal-q">{t('portal.searchLabel')}</label>
          <input id="portal-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} data-testid="portal-search"
            aria-describedby="portal-q-hint" />
          <p id="portal-q-hint" className="field-hint">{t('portal.searchHint')}</p>
        </div>
        <button type="submit" className="button button-primary" data-testid="portal-search-submit">{t('portal.search')}</button>
      </form>
      {error ? <ErrorAlert error={error} /> : null}
      {items && items.length === 0 ? <p className="muted">{t('portal.noOnline')}</p> : null}
      <ul className="portal-list" data-testid="portal-procedures">
        {items?.map((p) => (
          <li key={p.code} className="portal-item">
            <span>{p.name}</span>
            <span className="muted">{p.code} · {t(`portal.onlineLevel.${p.onlineLevel}`)}</span>
            <Link className="button" to={`/nop-ho-so/thu-tuc/${encodeURIComponent(p.code)}`} data-testid={`file-${p.code}`}>{t('portal.fileThis')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
