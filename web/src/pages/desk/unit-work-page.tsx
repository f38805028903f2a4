// /xu-ly/don-vi — the leader's view of the unit's work: totals (in progress, overdue, due soon, not
// assigned), counts per officer with a link to their dossiers, the dossiers waiting for assignment with
// the assign action, and every dossier in progress, most urgent first, overdue in red.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { actOnDossier } from '../../api/dossiers.ts';
import { fetchWorkload, type Workload, type WorkloadItem, type WorkloadOfficer } from '../../api/workflow.ts';
import { ErrorAlert } from '../../calendar/error-alert.tsx';
import { newIdempotencyKey } from '../../calendar/edit/idempotency-key.ts';
import { formatInstant } from '../../calendar/format-date.ts';
import { StatusBadge } from '../../dossier/status-badge.tsx';
import { useDocumentTitle } from '../../layout/use-document-title.ts';

type Load = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; data: Workload };

export function UnitWorkPage() {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(t('workflow.unit.title'));

  useEffect(() => {
    const controller = new AbortController();
    fetchWorkload(undefined, controller.signal).then(
      (data) => setLoad({ state: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [generation]);

  return (
    <div className="desk-page" data-testid="unit-work">
      <p className="back-link"><Link to="/xu-ly">{t('workflow.unit.back')}</Link></p>
      <header className="page-intro">
        <h1>{t('workflow.unit.title')}{load.state === 'ready' ? `: ${load.data.unitName}` : ''}</h1>
        <p className="lead">{t('workflow.unit.lead')}</p>
      </header>
      {notice ? <p className="alert alert-ok" role="status" data-testid="unit-work-notice">{notice}</p> : null}
      {load.state === 'loading' ? <p className="muted" role="status">{t('workflow.unit.loading')}</p> : null}
      {load.state === 'error' ? <ErrorAlert error={load.error} testId="unit-work-error" /> : null}
      {load.state === 'ready' ? (
        <WorkView data={load.data} onAssigned={(code, user) => { setNotice(t('workflow.unit.assigned', { code, user })); setGeneration((g) => g + 1); }} />
      ) : null}
    </div>
  );
}

function Total({ label, value, testId, alarm }: { label: string; value: number; testId: string; alarm?: boolean }) {
  return (
    <div className={alarm && value > 0 ? 'work-total is-overdue' : 'work-total'} data-testid={testId} data-value={value}>
      <strong>{value}</strong>{label}
    </div>
  );
}

function WorkView({ data, onAssigned }: { data: Workload; onAssigned: (code: string, user: string) => void }) {
  const { t } = useTranslation();
  const waiting = data.items.filter((i) => i.awaitingAssignment);
  const assignable = data.officers.filter((o) => o.active);
  return (
    <>
      <div className="work-totals">
        <Total label={t('workflow.unit.open')} value={data.totals.open} testId="total-open" />
        <Total label={t('workflow.unit.overdue')} value={data.totals.overdue} testId="total-overdue" alarm />
        <Total label={t('workflow.unit.dueSoon')} value={data.totals.dueSoon} testId="total-due-soon" />
        <Total label={t('workflow.unit.unassigned')} value={data.unassigned.open} testId="total-unassigned" />
      </div>

      <section className="card" aria-labelledby="officers-title">
        <h2 id="officers-title">{t('workflow.unit.officers')}</h2>
        <table className="inbox-table" data-testid="officers">
          <thead><tr>
            <th scope="col">{t('workflow.unit.officer')}</th><th scope="col">{t('workflow.unit.open')}</th>
            <th scope="col">{t('workflow.unit.overdue')}</th><th scope="col">{t('workflow.unit.dueSoon')}</th><th scope="col"><span className="sr-only">{t('workflow.unit.viewInbox')}</span></th>
          </tr></thead>
          <tbody>
            {data.officers.map((o) => <OfficerRow key={o.username} officer={o} />)}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t('workflow.unit.awaiting')} ({waiting.length})</h2>
        {waiting.length === 0 ? <p className="muted">{t('workflow.unit.none')}</p> : (
          <ul className="paper-list">
            {waiting.map((item) => <AssignRow key={item.code} item={item} officers={assignable} onAssigned={onAssigned} />)}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="all-title">
        <h2 id="all-title">{t('workflow.unit.all')}</h2>
        {data.items.length === 0 ? <p className="muted">{t('workflow.unit.none')}</p> : (
          <table className="inbox-table" data-testid="unit-items">
            <thead><tr>
              <th scope="col">{t('dossier.desk.colCode')}</th><th scope="col">{t('dossier.desk.colStatus')}</th>
              <th scope="col">{t('workflow.unit.colStep')}</th><th scope="col">{t('workflow.unit.colHandler')}</th><th scope="col">{t('workflow.unit.colRemaining')}</th>
            </tr></thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.code} data-testid="unit-item" data-code={item.code} className={item.overdue ? 'is-overdue' : item.dueSoon ? 'is-due-soon' : undefined}>
                  <td data-label={t('dossier.desk.colCode')}><Link className="dossier-code" to={`/xu-ly/${encodeURIComponent(item.code)}`}>{item.code}</Link><br /><span className="muted">{item.procedureName}</span></td>
                  <td data-label={t('dossier.desk.colStatus')}><StatusBadge status={item.status} label={item.statusLabel} /></td>
                  <td data-label={t('workflow.unit.colStep')}>{item.currentStepName ?? '—'}</td>
                  <td data-label={t('workflow.unit.colHandler')}>{item.handlerUsername ?? <span className="muted">{t('workflow.unit.unassigned')}</span>}</td>
                  <td data-label={t('workflow.unit.colRemaining')}>
                    {item.remainingText ?? '—'}
                    {item.dueAt ? <><br /><time className="muted" dateTime={item.dueAt}>{formatInstant(item.dueAt, t)}</time></> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function OfficerRow({ officer }: { officer: WorkloadOfficer }) {
  const { t } = useTranslation();
  return (
    <tr data-testid="officer" data-username={officer.username} className={officer.overdue > 0 ? 'is-overdue' : undefined}>
      <td data-label={t('workflow.unit.officer')}>{officer.fullName} <span className="muted">{officer.username}{officer.active ? '' : ` ${t('workflow.unit.inactive')}`}</span></td>
      <td data-label={t('workflow.unit.open')} data-testid="officer-open">{officer.open}</td>
      <td data-label={t('workflow.unit.overdue')} data-testid="officer-overdue">{officer.overdue}</td>
      <td data-label={t('workflow.unit.dueSoon')}>{officer.dueSoon}</td>
      <td><Link to={`/xu-ly?can-bo=${encodeURIComponent(officer.username)}&cap-duoi=1`}>{t('workflow.unit.viewInbox')}</Link></td>
    </tr>
  );
}

function AssignRow({ item, officers, onAssigned }: { item: WorkloadItem; officers: WorkloadOfficer[]; onAssigned: (code: string, user: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [assignee, setAssignee] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function assign() {
    setPending(true);
    setError(null);
    try {
      await actOnDossier(item.code, { type: 'assign', assignee, idempotencyKey: newIdempotencyKey() });
      onAssigned(item.code, assignee);
    } catch (e) {
      setError(e);
      setPending(false);
    }
  }
  return (
    <li className={item.overdue ? 'paper-item is-overdue' : 'paper-item'} data-testid="awaiting" data-code={item.code}>
      <p><Link className="dossier-code" to={`/xu-ly/${encodeURIComponent(item.code)}`}>{item.code}</Link> — {item.procedureName} · {item.remainingText}</p>
      <div className="inbox-filters">
        <div className="field">
          <label htmlFor={`${id}-who`}>{t('workflow.unit.assignTo')}</label>
          <select id={`${id}-who`} data-testid="assign-select" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">{t('workflow.unit.choose')}</option>
            {officers.map((o) => <option key={o.username} value={o.username}>{o.fullName} ({o.username}) — {o.open}</option>)}
          </select>
        </div>
        <button type="button" className="button button-primary" data-testid="assign-button" disabled={!assignee || pending} onClick={assign}>{t('workflow.unit.assign')}</button>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
    </li>
  );
}
