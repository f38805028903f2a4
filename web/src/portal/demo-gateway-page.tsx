// /nop-ho-so/thanh-toan/:id — the demo payment gateway (demo mode): the citizen decides what the "bank"
// answers; success and failure send the gateway's signed callback, timeout sends nothing.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { completeDemoPayment, fetchDemoPayment } from '../api/portal.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { formatInstant } from '../calendar/format-date.ts';
import { useLoader } from '../hooks/use-loader.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { formatVnd } from './expected-text.tsx';

export function DemoGatewayPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('portal.gateway.title'));
  const { data, error } = useLoader(`payment:${id}`, (signal) => fetchDemoPayment(id, signal));
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [timedOut, setTimedOut] = useState(false);
  async function answer(outcome: 'success' | 'failure' | 'timeout') {
    setPending(true);
    setFailure(null);
    try {
      const result = await completeDemoPayment(id, outcome);
      if (outcome === 'timeout') setTimedOut(true);
      else navigate(`/nop-ho-so/ho-so/${encodeURIComponent(result.dossierCode)}`);
    } catch (caught) {
      setFailure(caught);
    } finally {
      setPending(false);
    }
  }
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <p className="muted" role="status">…</p>;
  return (
    <div className="portal gateway-page" data-testid="demo-gateway">
      <header className="page-intro">
        <h1>{t('portal.gateway.title')}</h1>
        <p className="lead">{t('portal.gateway.lead')}</p>
      </header>
      <section className="card">
        <dl className="facts">
          <div><dt>{t('portal.gateway.dossier')}</dt><dd>{data.dossierCode}</dd></div>
          <div className="fact-strong"><dt>{t('portal.gateway.amount')}</dt><dd>{formatVnd(data.amount)}</dd></div>
        </dl>
        {failure ? <ErrorAlert error={failure} /> : null}
        {timedOut ? <p className="alert" role="status">{t('portal.gateway.timeoutNote', { at: formatInstant(data.expiresAt, t) })}</p> : null}
        <div className="button-column">
          <button type="button" className="button button-primary" disabled={pending || timedOut} onClick={() => void answer('success')} data-testid="gateway-success">{t('portal.gateway.success')}</button>
          <button type="button" className="button" disabled={pending || timedOut} onClick={() => void answer('failure')} data-testid="gateway-failure">{t('portal.gateway.failure')}</button>
          <button type="button" className="button" disabled={pending || timedOut} onClick={() => void answer('timeout')} data-testid="gateway-timeout">{t('portal.gateway.timeout')}</button>
          <Link to={`/nop-ho-so/ho-so/${encodeURIComponent(data.dossierCode)}`}>{t('portal.gateway.back')}</Link>
        </div>
      </section>
    </div>
  );
}
