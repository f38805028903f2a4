// /xu-ly: the dossiers touching the officer's unit (optionally its subordinate units), most urgent first,
// filterable by status; filters live in the URL so a reload or a shared link keeps them.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DOSSIER_STATUSES, fetchInbox, type InboxPage as InboxData } from '../../api/dossiers.ts';
import { ErrorAlert } from '../../calendar/error-alert.tsx';
import { formatInstant } from '../../calendar/format-date.ts';
import { MyAlerts } from '../../dossier/my-alerts.tsx';
import { StatusBadge } from '../../dossier/status-badge.tsx';
import { useDocumentTitle } from '../../layout/use-document-title.ts';
import { actOnSubDossier, STEP_KEYS } from '../../api/workflow.ts';
import { useSession } from '../../auth/session-context.ts';

const PAGE_SIZE = 20;

type Load = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; data: InboxData };

export function InboxPage() {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const status = params.get('trang-thai') ?? '';
  const subtree = params.get('cap-duoi') === '1';
  const offset = Math.max(0, Number(params.get('tu') ?? 0) || 0);
  const step = params.get('buoc') ?? '';
  const overdueOnly = params.get('qua-han') === '1';
  const handler = params.get('can-bo') ?? '';
  const { session } = useSession();
  const isLeader = session.status === 'signed-in' && session.user.roles.some((r) => r === 'leader' || r === 'manager' || r === 'admin');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  useDocumentTitle(t('dossier.desk.title'));

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    fetchInbox({ status: status || undefined, subtree, step: step || undefined, overdue: overdueOnly, handler: handler || undefined, limit: PAGE_SIZE, offset }, controller.signal).then(
      (data) => setLoad({ state: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [status, subtree, step, overdueOnly, handler, offset, generation]);

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
        {isLeader ? <p><Link to="don-vi" data-testid="unit-work-link">{t('workflow.inbox.leaderLink')}</Link></p> : null}
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
        <div className="field">
          <label htmlFor={`${id}-step`}>{t('workflow.inbox.step')}</label>
          <select id={`${id}-step`} data-testid="inbox-step" value={step} onChange={(e) => update({ buoc: e.target.value })}>
            <option value="">{t('workflow.inbox.allSteps')}</option>
            {STEP_KEYS.map((k) => <option key={k} value={k}>{t(`workflow.steps.key.${k}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-handler`}>{t('workflow.inbox.handler')}</label>
          <select id={`${id}-handler`} data-testid="inbox-handler" value={handler === 'me' || handler === 'none' || handler === '' ? handler : 'other'}
            onChange={(e) => update({ 'can-bo': e.target.value === 'other' ? handler : e.target.value })}>
            <option value="">{t('workflow.inbox.anyHandler')}</option>
            <option value="me">{t('workflow.inbox.mine')}</option>
            <option value="none">{t('workflow.inbox.unassigned')}</option>
            {handler && handler !== 'me' && handler !== 'none' ? <option value="other">{handler}</option> : null}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" data-testid="inbox-overdue" checked={overdueOnly} onChange={(e) => update({ 'qua-han': e.target.checked ? '1' : null })} />
          {t('workflow.inbox.overdueOnly')}
        </label>
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
      {load.state === 'ready' && load.data.subDossiers && load.data.subDossiers.total > 0 ? <CoordinationList data={load.data} onChanged={() => setGeneration((g) => g + 1)} /> : null}
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
            <th scope="col">{t('workflow.inbox.colStep')}</th>
            <th scope="col">{t('dossier.desk.colDue')}</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((item) => (
            <tr key={item.code} data-testid="inbox-item" data-code={item.code} data-overdue={item.overdue ? 'true' : undefined} className={item.overdue ? 'is-overdue' : item.dueSoon ? 'is-due-soon' : undefined}>
              <td data-label={t('dossier.desk.colCode')}>
                <Link className="dossier-code" to={encodeURIComponent(item.code)}>{item.code}</Link>
              </td>
              <td data-label={t('dossier.desk.colProcedure')}>{item.procedureName}</td>
              <td data-label={t('dossier.desk.colApplicant')}>
                {item.applicantName}
                <span className="muted id-number">{item.applicantIdNumber}</span>
              </td>
              <td data-label={t('dossier.desk.colStatus')}><StatusBadge status={item.status} label={item.statusLabel} /></td>
              <td data-label={t('workflow.inbox.colStep')}>
                {item.currentStepName ?? '—'}
                {item.handlerUsername ? <span className="muted id-number">{item.handlerUsername}</span> : null}
              </td>
              <td data-label={t('dossier.desk.colDue')}>
                {item.remainingText ? <strong className="remaining">{item.remainingText}</strong> : null}
                {item.remainingText && item.dueAt ? <br /> : null}
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

/** Sub-dossiers the unit coordinates: shown apart, never mixed with (or counted as) its dossiers. */
function CoordinationList({ data, onChanged }: { data: InboxData; onChanged: () => void }) {
  const { t } = useTranslation();
  const subs = data.subDossiers?.items ?? [];
  return (
    <section className="card" aria-labelledby="coordination-title" data-testid="coordination">
      <h2 id="coordination-title">{t('workflow.sub.inboxTitle')} ({data.subDossiers?.total ?? 0})</h2>
      <ul className="paper-list">
        {subs.map((s) => (
          <li key={s.code} className={s.overdue ? 'paper-item is-overdue' : 'paper-item'} data-testid="coordination-item" data-code={s.code}>
            <p><strong className="dossier-code">{s.code}</strong> — {s.request}</p>
            <p className="muted">{t('workflow.sub.parent')}: <Link to={encodeURIComponent(s.parentCode)}>{s.parentCode}</Link> · {t('workflow.sub.due')}: <time dateTime={s.dueAt}>{formatInstant(s.dueAt, t)}</time></p>
            <AnswerForm code={s.code} onDone={onChanged} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function AnswerForm({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await actOnSubDossier(code, { type: 'answer', answer });
      onDone();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <form className="stack" onSubmit={submit}>
      <label htmlFor={`${id}-answer`}>{t('workflow.sub.answer')}</label>
      <textarea id={`${id}-answer`} required value={answer} onChange={(e) => setAnswer(e.target.value)} />
      {error ? <ErrorAlert error={error} /> : null}
      <button type="submit" className="button">{t('workflow.sub.answerAction')}</button>
    </form>
  );
}
