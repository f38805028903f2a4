// The officer's own warnings from the dossier timers (sắp đến hạn, nhắc lập phiếu xin lỗi, quá hạn), at
// the top of the inbox; each opens its dossier. Nothing is shown when there is none.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchMyAlerts } from '../api/notifications.ts';
import { formatInstant } from '../calendar/format-date.ts';
import { useLoader } from '../hooks/use-loader.ts';
import '../styles/notifications.css';

const SHOWN = 5;

export function MyAlerts({ version }: { version: number }) {
  const { t } = useTranslation();
  const { data } = useLoader(`alerts:${version}`, (signal) => fetchMyAlerts(SHOWN, signal));
  if (!data || data.items.length === 0) return null;
  return (
    <section className="card my-alerts" aria-labelledby="my-alerts-title" data-testid="my-alerts">
      <h2 id="my-alerts-title">{t('notify.mineTitle')}</h2>
      <ul className="notification-list">
        {data.items.map((alert) => (
          <li key={alert.id} className={`notification-item alert-${alert.template.replace('dossier.', '')}`} data-testid="my-alert" data-template={alert.template}>
            {alert.dossierCode ? <Link to={`/xu-ly/${encodeURIComponent(alert.dossierCode)}`}>{alert.title}</Link> : <span>{alert.title}</span>}
            <p className="muted notification-meta">
              {alert.label} · <time dateTime={alert.createdAt}>{formatInstant(alert.createdAt, t)}</time>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
