// The messages motcua sent (or tried to send) about a dossier: to the applicant by e-mail and SMS, to
// officers in the app — with their delivery status, so an officer can tell a citizen "the SMS was
// delivered at 09:12" or see that an e-mail address bounced. Addresses come masked from the server.
import { useTranslation } from 'react-i18next';
import { fetchDossierNotifications } from '../api/notifications.ts';
import { formatInstant } from '../calendar/format-date.ts';
import { useLoader } from '../hooks/use-loader.ts';
import { errorMessage } from '../i18n/error-message.ts';
import '../styles/notifications.css';

/** `version` changes when the dossier changed (e.g. its timeline length), to reload the list. */
export function NotificationList({ code, version }: { code: string; version: number }) {
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useLoader(`${code}:${version}`, (signal) => fetchDossierNotifications(code, signal));
  return (
    <section className="card" aria-labelledby="notifications-title" data-testid="dossier-notifications">
      <h2 id="notifications-title">{t('notify.title')}</h2>
      {loading && !data ? <p className="muted" role="status">{t('notify.loading')}</p> : null}
      {error ? <p className="alert alert-error" role="alert">{t('notify.failedToLoad')} {errorMessage(error, t, i18n.resolvedLanguage ?? 'vi')}</p> : null}
      {data && data.items.length === 0 ? <p className="muted">{t('notify.empty')}</p> : null}
      {data && data.items.length > 0 ? (
        <ul className="notification-list">
          {data.items.map((n) => (
            <li key={n.id} className="notification-item" data-testid="notification" data-status={n.status} data-channel={n.channel}>
              <div className="notification-head">
                <strong>{n.label}</strong>
                <span className={`notification-status is-${n.status}`}>{t(`notify.status.${n.status}`)}</span>
              </div>
              <p className="muted notification-meta">
                <span>{t(`notify.channel.${n.channel}`)}</span>
                {' · '}
                <span className="notification-recipient">{n.recipient}</span>
                {' · '}
                <time dateTime={n.deliveredAt ?? n.sentAt ?? n.createdAt}>{formatInstant(n.deliveredAt ?? n.sentAt ?? n.createdAt, t)}</time>
                {n.attempts > 1 ? <>{' · '}{t('notify.attempts', { count: n.attempts })}</> : null}
              </p>
              {n.status === 'failed' && n.lastError ? <p className="notification-error">{t('notify.error', { error: n.lastError })}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
