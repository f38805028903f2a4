// /hang-doi/:unitCode/quay/:counter — the officer's counter console: call next, and on the ticket held
// recall, start serving (→ dossier intake), no-show, transfer, park, finish; parked tickets resume.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { actOnTicket, callNext, fetchCounterState, fetchCounters, signOutCounter, subscribeQueue, type CalledTicket, type TicketAction } from '../api/queue.ts';
import { useLoader } from '../hooks/use-loader.ts';
import { errorMessage } from '../i18n/error-message.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { QUEUE_PATH } from './queue-area.tsx';

export function CounterPage() {
  const { counter } = useParams();
  return counter ? <CounterConsole counter={counter} /> : <CounterChooser />;
}

function CounterChooser() {
  const { t, i18n } = useTranslation();
  const unitCode = useParams().unitCode ?? '';
  const counters = useLoader(`counters:${unitCode}`, (signal) => fetchCounters(unitCode, signal));
  useDocumentTitle(t('queue.chooseCounter'));
  return (
    <section className="page">
      <h1>{t('queue.chooseCounter')}</h1>
      <p>{counters.data?.unitName}</p>
      {counters.error ? <p className="alert alert-error" role="alert">{errorMessage(counters.error, t, i18n.resolvedLanguage ?? 'vi')}</p> : null}
      <ul className="counter-list">
        {(counters.data?.items ?? []).map((c) => (
          <li key={c.code}>
            <Link className="button" to={`${QUEUE_PATH}/${unitCode}/quay/${c.code}`} data-testid={`choose-counter-${c.code}`}>{c.name}</Link>{' '}
            <span className="muted">{c.officer ? t('queue.officerAt', { officer: c.officer }) : t('queue.free')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CounterConsole({ counter }: { counter: string }) {
  const { t, i18n } = useTranslation();
  const unitCode = useParams().unitCode ?? '';
  const navigate = useNavigate();
  const state = useLoader(`counter:${unitCode}:${counter}`, (signal) => fetchCounterState(unitCode, counter, signal));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [transfer, setTransfer] = useState<{ id: string; group: string; counter: string } | null>(null);
  const data = state.data;
  const reload = state.reload;
  useDocumentTitle(t('queue.consoleTitle', { counter, unit: data?.unitName ?? unitCode }));

  useEffect(() => subscribeQueue(unitCode, () => reload()), [unitCode, reload]);

  async function run(work: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      await work();
      reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const next = () => run(async () => {
    const answer = await callNext(unitCode, counter);
    if (!answer.ticket) setNotice(t('queue.noneWaiting'));
  });
  const act = (ticket: CalledTicket, type: TicketAction) => run(async () => {
    const answer = await actOnTicket(unitCode, ticket.id, { type, counter });
    if (type === 'start' && answer.intakePath) navigate(answer.intakePath);
  });
  const submitTransfer = () => run(async () => {
    if (!transfer) return;
    await actOnTicket(unitCode, transfer.id, { type: 'transfer', counter, serviceGroup: transfer.group, ...(transfer.counter ? { targetCounter: transfer.counter } : {}) });
    setTransfer(null);
  });
  const leave = () => run(async () => {
    await signOutCounter(unitCode, counter);
    navigate(`${QUEUE_PATH}/${unitCode}/quay`);
  });

  const groupName = (code: string) => data?.groups.find((g) => g.code === code)?.name ?? code;
  return (
    <section className="page counter-console" data-testid="counter-console">
      <h1>{t('queue.consoleTitle', { counter: data?.counter.name ?? counter, unit: data?.unitName ?? unitCode })}</h1>
      {error ? <p className="alert alert-error" role="alert" data-testid="counter-error">{errorMessage(error, t, i18n.resolvedLanguage ?? 'vi')}</p> : null}
      {state.error ? <p className="alert alert-error" role="alert">{errorMessage(state.error, t, i18n.resolvedLanguage ?? 'vi')}</p> : null}
      {notice ? <p className="alert" role="status" data-testid="counter-notice">{notice}</p> : null}
      <div className="counter-bar">
        <button type="button" className="button button-primary counter-next" onClick={() => void next()} disabled={busy} data-testid="call-next">{t('queue.callNext')}</button>
        <button type="button" className="button button-ghost" onClick={() => void leave()} disabled={busy}>{t('queue.signOut')}</button>
      </div>

      <h2>{t('queue.current')}</h2>
      {(data?.current ?? []).map((ticket) => (
        <article key={ticket.id} className="counter-ticket" data-testid="counter-current" data-number={ticket.number} data-status={ticket.status}>
          <p className="ticket-number">{ticket.number}</p>
          <p>{groupName(ticket.serviceGroup)} · {t(`queue.statuses.${ticket.status as 'called'}`)}
            {ticket.waitedSeconds !== null ? ` · ${t('queue.waitedFor', { minutes: Math.round(ticket.waitedSeconds / 60) })}` : ''}
            {ticket.priority !== 'normal' ? ` · ${t(`queue.priorities.${ticket.priority as 'elderly'}`)}` : ''}</p>
          <div className="counter-actions">
            {ticket.status === 'called' ? <button type="button" className="button" onClick={() => void act(ticket, 'recall')} data-testid="action-recall">{t('queue.actions.recall')}</button> : null}
            {ticket.status === 'called' ? <button type="button" className="button button-primary" onClick={() => void act(ticket, 'start')} data-testid="action-start">{t('queue.actions.start')}</button> : null}
            {ticket.status === 'called' ? <button type="button" className="button" onClick={() => void act(ticket, 'no_show')} data-testid="action-no_show">{t('queue.actions.no_show')}</button> : null}
            <button type="button" className="button" onClick={() => setTransfer({ id: ticket.id, group: ticket.serviceGroup, counter: '' })} data-testid="action-transfer">{t('queue.actions.transfer')}</button>
            <button type="button" className="button" onClick={() => void act(ticket, 'park')} data-testid="action-park">{t('queue.actions.park')}</button>
            <button type="button" className="button" onClick={() => void act(ticket, 'finish')} data-testid="action-finish">{t('queue.actions.finish')}</button>
          </div>
          {ticket.status === 'serving' ? <p><Link to={`/quay/tiep-nhan?ticket=${ticket.id}`}>{t('queue.openIntake')}</Link></p> : null}
          {transfer?.id === ticket.id ? (
            <div className="counter-transfer">
              <label className="field"><span>{t('queue.transferTo')}</span>
                <select value={transfer.group} onChange={(e) => setTransfer({ ...transfer, group: e.target.value })} data-testid="transfer-group">
                  {(data?.groups ?? []).map((g) => <option key={g.code} value={g.code}>{g.name}</option>)}
                </select>
              </label>
              <label className="field"><span>{t('queue.transferCounter')}</span>
                <select value={transfer.counter} onChange={(e) => setTransfer({ ...transfer, counter: e.target.value })} data-testid="transfer-counter">
                  <option value="">{t('queue.anyCounter')}</option>
                  {(data?.counters ?? []).filter((c) => c.code !== counter && c.serviceGroups.includes(transfer.group)).map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
                </select>
              </label>
              <button type="button" className="button button-primary" onClick={() => void submitTransfer()} data-testid="transfer-submit">{t('queue.transferSubmit')}</button>
            </div>
          ) : null}
        </article>
      ))}

      {(data?.parked.length ?? 0) > 0 ? (
        <>
          <h2>{t('queue.parked')}</h2>
          <ul className="counter-parked">
            {data!.parked.map((ticket) => (
              <li key={ticket.id}>{ticket.number} · {groupName(ticket.serviceGroup)}{' '}
                <button type="button" className="button" onClick={() => void act(ticket, 'resume')} data-testid="action-resume">{t('queue.actions.resume')}</button>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t('queue.waitingByGroup')}</h2>
      <ul className="counter-waiting">
        {(data?.waiting ?? []).map((g) => <li key={g.serviceGroup} data-testid={`waiting-${g.serviceGroup}`}>{g.name}: <strong>{g.waiting}</strong></li>)}
      </ul>
    </section>
  );
}
