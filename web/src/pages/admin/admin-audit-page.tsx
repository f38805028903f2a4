// /quan-tri/nhat-ky: the audit log with filters; each entry shows its before → after.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { auditApi, PAGE_SIZE, type AuditEntry, type AuditQuery } from '../../api/staff.ts';
import { ErrorAlert } from '../../calendar/error-alert.tsx';
import { useLoader } from '../../hooks/use-loader.ts';
import { useDocumentTitle } from '../../layout/use-document-title.ts';

const FIELDS = ['entityType', 'entityId', 'actor', 'action', 'from', 'to'] as const;

function Details({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const details = (entry.details ?? {}) as { before?: unknown; after?: unknown };
  const { before, after, ...rest } = details as Record<string, unknown>;
  const show = (value: unknown) => <pre className="audit-json">{JSON.stringify(value, null, 2)}</pre>;
  return (
    <div className="audit-details">
      {before !== undefined ? <div><strong>{t('staff.audit.before')}</strong>{show(before)}</div> : null}
      {after !== undefined ? <div><strong>{t('staff.audit.after')}</strong>{show(after)}</div> : null}
      {Object.keys(rest).length > 0 ? show(rest) : null}
    </div>
  );
}

export function AdminAuditPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('staff.audit.title'));
  const [draft, setDraft] = useState<AuditQuery>({});
  const [query, setQuery] = useState<AuditQuery>({ offset: 0 });
  const list = useLoader(JSON.stringify(query), (signal) => auditApi.list(query, signal));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ ...draft, offset: 0 });
  };
  const offset = query.offset ?? 0;
  const total = list.data?.total ?? 0;
  return (
    <div className="page admin-audit-page">
      <nav className="breadcrumb" aria-label={t('staff.back')}>
        <Link to="/quan-tri">{t('staff.back')}</Link>
        <span aria-hidden="true"> › </span>
        <span>{t('staff.audit.title')}</span>
      </nav>
      <h1>{t('staff.audit.title')}</h1>
      <p className="lead">{t('staff.audit.lead')}</p>
      <form className="filters" onSubmit={submit} role="search">
        {FIELDS.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`audit-${field}`}>{t(`staff.audit.${field}`)}</label>
            <input id={`audit-${field}`} data-testid={`audit-${field}`} type={field === 'from' || field === 'to' ? 'date' : 'text'}
              value={draft[field] ?? ''} onChange={(e) => setDraft({ ...draft, [field]: e.target.value })} />
          </div>
        ))}
        <button type="submit" className="button" data-testid="audit-filter">{t('staff.filter')}</button>
      </form>
      <ErrorAlert error={list.error} testId="audit-error" />
      <p className="muted" data-testid="audit-total">{t('staff.audit.total', { count: total })}</p>
      {list.data && list.data.items.length === 0 ? <p>{t('staff.audit.empty')}</p> : null}
      <table className="data-table" data-testid="audit-table">
        <thead>
          <tr><th>{t('staff.audit.at')}</th><th>{t('staff.audit.actor')}</th><th>{t('staff.audit.action').split(' (')[0]}</th>
            <th>{t('staff.audit.entityType')}</th><th>{t('staff.audit.entityId')}</th><th>{t('staff.audit.details')}</th></tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((e) => (
            <tr key={e.id} data-testid={`audit-row-${e.id}`}>
              <td>{e.at.slice(0, 19).replace('T', ' ')}</td>
              <td>{e.actorUsername ?? '—'}{e.actorUnitCode ? ` (${e.actorUnitCode})` : ''}</td>
              <td>{e.action}</td>
              <td>{e.entityType}</td>
              <td>{e.entityId ?? '—'}</td>
              <td><Details entry={e} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="pager">
        <button type="button" className="button" disabled={offset === 0} onClick={() => setQuery({ ...query, offset: Math.max(0, offset - PAGE_SIZE) })}>{t('staff.prev')}</button>
        {' '}
        <button type="button" className="button" disabled={offset + PAGE_SIZE >= total} onClick={() => setQuery({ ...query, offset: offset + PAGE_SIZE })}>{t('staff.next')}</button>
      </nav>
    </div>
  );
}
