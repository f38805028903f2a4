// /hang-doi/:unitCode/lay-so — the kiosk: big buttons per service group, an optional priority, and the
// ticket with a QR code that opens its status page on a phone. A double touch sends the same key, so
// it gives one ticket.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import QRCode from 'qrcode';
import { fetchServices, newIdempotencyKey, takeTicket, type Ticket } from '../api/queue.ts';
import { useLoader } from '../hooks/use-loader.ts';
import { errorMessage } from '../i18n/error-message.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';

const PRIORITIES = ['normal', 'elderly', 'disability', 'pregnant', 'small_children', 'veteran'] as const;

export function KioskPage() {
  const { t, i18n } = useTranslation();
  const unitCode = useParams().unitCode ?? '';
  const services = useLoader(`services:${unitCode}`, (signal) => fetchServices(unitCode, signal));
  const [priority, setPriority] = useState<(typeof PRIORITIES)[number]>('normal');
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [qr, setQr] = useState('');
  const [error, setError] = useState<unknown>(null);
  const pending = useRef<{ group: string; key: string; promise: Promise<Ticket> } | null>(null);
  useDocumentTitle(t('queue.kioskTitle'));

  useEffect(() => {
    if (!ticket) return;
    void QRCode.toDataURL(new URL(ticket.statusPath, window.location.origin).toString(), { margin: 1, width: 220 }).then(setQr);
  }, [ticket]);

  async function take(group: string) {
    // The same touch (or a double touch) reuses its key: the server answers with the same ticket.
    if (!pending.current || pending.current.group !== group) {
      const key = newIdempotencyKey('kiosk');
      pending.current = { group, key, promise: takeTicket(unitCode, { serviceGroup: group, priority, idempotencyKey: key }) };
    }
    setError(null);
    try {
      setTicket(await pending.current.promise);
    } catch (caught) {
      setError(caught);
    } finally {
      pending.current = null;
    }
  }

  function reset() {
    setTicket(null);
    setQr('');
    setPriority('normal');
  }

  if (ticket) {
    return (
      <section className="page kiosk" aria-live="polite">
        <article className="ticket-card" data-testid="kiosk-ticket">
          <p className="ticket-unit">{ticket.unitName}</p>
          <p className="ticket-label">{t('queue.yourNumber')}</p>
          <p className="ticket-number" data-testid="ticket-number">{ticket.number}</p>
          <p className="ticket-group">{ticket.serviceGroupName}{ticket.priority !== 'normal' ? ` · ${ticket.priorityLabel}` : ''}</p>
          <p>{t('queue.ahead', { count: ticket.waitingAhead })}</p>
          <p>{ticket.estimatedWaitMinutes === null ? t('queue.estimateUnknown') : t('queue.estimate', { minutes: ticket.estimatedWaitMinutes })}</p>
          {qr ? <img className="ticket-qr" src={qr} alt={t('queue.scanToFollow')} data-testid="ticket-qr" data-href={ticket.statusPath} /> : null}
          <p className="muted">{t('queue.scanToFollow')}</p>
        </article>
        <div className="kiosk-actions no-print">
          <button type="button" className="button" onClick={() => window.print()}>{t('queue.print')}</button>
          <button type="button" className="button button-ghost" onClick={reset} data-testid="kiosk-again">{t('queue.another')}</button>
        </div>
      </section>
    );
  }

  return (
    <section className="page kiosk">
      <h1>{t('queue.kioskTitle')}</h1>
      <p className="ticket-unit">{services.data?.unitName}</p>
      <p className="lead">{t('queue.kioskLead')}</p>
      {error ? <p className="alert alert-error" role="alert" data-testid="kiosk-error">{errorMessage(error, t, i18n.resolvedLanguage ?? 'vi')}</p> : null}
      {services.error ? <p className="alert alert-error" role="alert">{errorMessage(services.error, t, i18n.resolvedLanguage ?? 'vi')}</p> : null}
      <div className="kiosk-groups">
        {(services.data?.items ?? []).map((g) => (
          <button key={g.code} type="button" className="kiosk-button" onClick={() => void take(g.code)} data-testid={`kiosk-group-${g.code}`}>
            <span className="kiosk-prefix" aria-hidden="true">{g.prefix}</span>
            {g.name}
          </button>
        ))}
      </div>
      <fieldset className="kiosk-priority">
        <legend>{t('queue.priorityTitle')}</legend>
        {PRIORITIES.map((p) => (
          <label key={p} className={priority === p ? 'chip is-selected' : 'chip'}>
            <input type="radio" name="priority" value={p} checked={priority === p} onChange={() => setPriority(p)} data-testid={`kiosk-priority-${p}`} />
            {t(`queue.priorities.${p}`)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
