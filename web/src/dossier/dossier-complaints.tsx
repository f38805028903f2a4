// On a dossier's staff page: complaints linked to it (only those whose sender's phone matched).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchDossierComplaints } from '../api/feedback.ts';
import { formatInstant } from '../calendar/format-date.ts';
import { useLoader } from '../hooks/use-loader.ts';

export function DossierComplaints({ dossierCode }: { dossierCode: string }) {
  const { t } = useTranslation();
  const state = useLoader(dossierCode, (signal) => fetchDossierComplaints(dossierCode, signal));
  const items = state.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="complaints-title" data-testid="dossier-complaints">
      <h2 id="complaints-title">{t('feedback.desk.complaintsTitle')}</h2>
      {items.length === 0 ? <p className="muted">{t('feedback.desk.noComplaints')}</p> : (
        <ul>
          {items.map((c) => (
            <li key={c.code}>
              <Link to={`/xu-ly/phan-anh/${encodeURIComponent(c.code)}`}>{c.code}</Link> · {formatInstant(c.receivedAt, t)} · {c.statusLabel}
              <p className="feedback-text">{[...c.text].slice(0, 300).join('')}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
