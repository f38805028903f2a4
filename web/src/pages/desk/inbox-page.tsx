// /xu-ly: the dossiers touching the officer's unit (optionally its subordinate units), most urgent first,
// filterable by status; filters live in the URL so a reload or a shared link keeps them.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DOSSIER_STATUSES, fetchInbox, type InboxPage as InboxData } from '../../api/dossiers.ts';
import { ErrorAlert } from '../../calendar/error-alert.tsx';
import { formatInstant } from '../../calendar/format-date.ts';
import { MyAlerts } from '../../dossier/my-alerts.tsx';
import { StatusBadge } from '../../dossier/status-badge.tsx';
import { useDocumentTitle } from '../../layout/use-document-title.ts';

const PAGE_SIZE = 20;

type Load = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; data: InboxData };

export function InboxPage() {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const status = params.get('trang-thai') ?? '';
  const subtree = params.get('cap-duoi') === '1';
  const offset = Math.max(0, Number(params.get('tu') ?? 0) || 0);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  useDocumentTitle(t('dossier.desk.title'));

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    fetchInbox({ status: status || undefined, subtree, limit: PAGE_SIZE, offset }, controller.signal).then(
      (data) => setLoad({ state: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [status, subtree, offset, generation]);

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('tu' in changes)) next.delete('tu');
    setParams(next, { replace: true });
  }

  return (
    <div className="desk-page">
      <header className="page-intro">
        <h1>{t('dossier.desk.title')}</h1>
        <p className="lead">{t('dossier.desk.lead')}</p>
        <p><Link to="/xu-ly/phan-anh" data-testid="desk-feedback-link">{t('feedback.desk.title')}</Link></p>
      </header>
      <MyAlerts version={generation} />
      <div className="inbox-filters">
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('dossier.desk.filterStatus')}</label>
          <select id={`${id}-status`} data-testid="inbox-status" value={status} onChange={(e) => update({ 'trang-thai': e.target.value })}>
            <option value="">{t('dossier.desk.allStatuses')}</option>
            {DOSSIER_STATUSES.map((s) => (
              <option key={s} value={s}>{t(`dossier.status.${s}`)}</option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" data-testid="inbox-subtree" checked={subtree} onChange={(e) => update({ 'cap-duoi': e.target.checked ? '1' : null })} />
          {t('dossier.desk.subtree')}
        </label>
        <button type="button" className="button button-quiet" onClick={() => setGeneration((g) => g + 1)}>{t('dossier.desk.refresh')}</button>
      </div>
      <section className="inbox" data-testid="inbox" aria-busy={load.state === 'loading'}>
        {load.state === 'loading' ? <p className="muted" role="status">{t('dossier.desk.loading')}</p> : null}
        {load.state === 'error' ? <ErrorAlert error={load.error} testId="inbox-error" /> : null}
        {load.state === 'ready' ? <InboxTable data={load.data} offset={offset} onPage={(tu) => update({ tu: tu ? String(tu) : null })} /> : null}
      </section>
    </div>
  );
}

function InboxTable({ data, offset, onPage }: { data: InboxData; offset: number; onPage: (offset: number) => void }) {
  const { t } = useTranslation();
  if (data.items.length === 0) return <p className="muted">{t('dossier.desk.empty')}</p>;
  return (
    <>
      <p className="muted inbox-total" role="status">{t('dossier.desk.total', { count: data.total })}</p>
      <table className="inbox-table">
        <thead>
          <tr>
            <th scope="col">{t('dossier.desk.colCode')}</th>
            <th scope="col">{t('dossier.desk.colProcedure')}</th>
            <th scope="col">{t('dossier.desk.colApplicant')}</th>
            <th scope="col">{t('dossier.desk.colStatus')}</th>
            <th scope="col">{t('dossier.desk.colDue')}</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((item) => (
            <tr key={item.code} data-testid="inbox-item" data-code={item.code} className={item.overdue ? 'is-overdue' : undefined}>
              <td data-label={t('dossier.desk.colCode')}>
                <Link className="dossier-code" to={encodeURIComponent(item.code)}>{item.code}</Link>
              </td>
              <td data-label={t('dossier.desk.colProcedure')}>{item.procedureName}</td>
              <td data-label={t('dossier.desk.colApplicant')}>
                {item.applicantName}
                <span className="muted id-number">{item.applicantIdNumber}</span>
              </td>
              <td data-label={t('dossier.desk.colStatus')}><StatusBadge status={item.status} label={item.statusLabel} /></td>
              <td data-label={t('dossier.desk.colDue')}>
                {item.dueAt ? <time dateTime={item.dueAt}>{formatInstant(item.dueAt, t)}</time> : <span className="muted">{t('dossier.desk.noDue')}</span>}
                {item.overdue ? <span className="overdue-flag">{t('dossier.desk.overdue')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.total > PAGE_SIZE ? (
        <nav className="pager" aria-label={t('dossier.desk.colCode')}>
          <button type="button" className="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - PAGE_SIZE))}>{t('dossier.desk.prev')}</button>
          <span>{t('dossier.desk.pageOf', { from: offset + 1, to: Math.min(offset + PAGE_SIZE, data.total), total: data.total })}</span>
          <button type="button" className="button" disabled={offset + PAGE_SIZE >= data.total} onClick={() => onPage(offset + PAGE_SIZE)}>{t('dossier.desk.next')}</button>
        </nav>
      ) : null}
    </>
  );
}
