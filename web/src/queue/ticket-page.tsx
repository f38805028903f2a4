// /hang-doi/so/:id — what the QR code on a ticket opens: where the ticket stands, updated live.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { fetchPublicTicket, subscribeQueue } from '../api/queue.ts';
import { useLoader } from '../hooks/use-loader.ts';
import { errorMessage } from '../i18n/error-message.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';

export function TicketPage() {
  const { t, i18n } = useTranslation();
  const id = useParams().id ?? '';
  const ticket = useLoader(`ticket:${id}`, (signal) => fetchPublicTicket(id, signal));
  const data = ticket.data;
  useDocumentTitle(data ? t('queue.ticketTitle', { number: data.number }) : t('queue.title'));
  const unit = data?.unitCode;
  const reload = ticket.reload;

  useEffect(() => {
    if (!unit) return;
    const close = subscribeQueue(unit, () => reload());
    return close;
  }, [unit, reload]);

  if (ticket.error) return <p className="alert alert-error" role="alert">{errorMessage(ticket.error, t, i18n.resolvedLanguage ?? 'vi')}</p>;
  if (!data) return <p className="muted" role="status">…</p>;
  return (
    <section className="page narrow ticket-status" data-testid="ticket-status" data-status={data.status}>
      <p className="ticket-unit">{data.unitName}</p>
      <h1 className="ticket-number">{data.number}</h1>
      <p className="ticket-group">{data.serviceGroupName}</p>
      <p><strong>{t('queue.status')}:</strong> {t(`queue.statuses.${data.status as 'waiting'}`)}</p>
      {!data.today && data.status === 'waiting' ? <p className="alert">{t('queue.expired')}</p> : null}
      {data.counterName && (data.status === 'called' || data.status === 'serving') ? (
        <p className="ticket-call" role="alert">{t('queue.goToCounter', { counter: data.counterName })}</p>
      ) : null}
      {data.waitingAhead !== null ? <p>{t('queue.ahead', { count: data.waitingAhead })}</p> : null}
      {data.waitingAhead !== null ? (
        <p>{data.estimatedWaitMinutes === null ? t('queue.estimateUnknown') : t('queue.estimate', { minutes: data.estimatedWaitMinutes })}</p>
      ) : null}
      <p className="muted">{t('queue.liveNote')}</p>
    </section>
  );
}
