// /xu-ly/phan-anh: the unit's questions and feedback — open, overdue or all; managers may include the
// units below them and see open / overdue counts per unit — most urgent first, with the next deadline and
// its urgency. Officers enter a citizen's question at a counter from here (/xu-ly/phan-anh/moi).
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fetchFeedbackList, type FeedbackSummary, type UnitOpenCount } from '../../api/feedback.ts';
import { ErrorAlert } from '../../calendar/error-alert.tsx';
import { formatInstant } from '../../calendar/format-date.ts';
import { useDocumentTitle } from '../../layout/use-document-title.ts';
import '../../styles/feedback.css';

type Filter = 'open' | 'overdue' | 'all';

export function FeedbackInboxPage() {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const filter = (['open', 'overdue', 'all'].includes(params.get('loc') ?? '') ? params.get('loc') : 'open') as Filter;
  const subtree = params.get('cap-duoi') === '1';
  const [items, setItems] = useState<FeedbackSummary[] | null>(null);
  const [byUnit, setByUnit] = useState<UnitOpenCount[]>([]);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(t('feedback.desk.title'));

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    fetchFeedbackList({ filter, subtree }, controller.signal).then((data) => {
      setItems(data.items);
      setByUnit(data.byUnit);
    }, (caught: unknown) => {
      if (!controller.signal.aborted) setError(caught);
    });
    return () => controller.abort();
  }, [filter, subtree]);

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <div className="feedback-page">
      <header className="page-intro">
        <h1>{t('feedback.desk.title')}</h1>
        <p className="lead">{t('feedback.desk.lead')}</p>
        <p><Link to="/xu-ly/phan-anh/moi" className="button" data-testid="feedback-counter-new">{t('feedback.counter.title')}</Link></p>
      </header>
      <div className="inbox-filters">
        <div className="field">
          <label htmlFor={`${id}-filter`}>{t('feedback.desk.filter')}</label>
          <select id={`${id}-filter`} data-testid="feedback-filter" value={filter} onChange={(e) => set('loc', e.target.value)}>
            {(['open', 'overdue', 'all'] as const).map((f) => <option key={f} value={f}>{t(`feedback.desk.filters.${f}`)}</option>)}
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={subtree} onChange={(e) => set('cap-duoi', e.target.checked ? '1' : null)} /> {t('feedback.desk.subtree')}
        </label>
      </div>
      <ErrorAlert error={error} />
      {subtree && byUnit.length > 0 ? (
        <table className="feedback-by-unit" data-testid="feedback-by-unit">
          <caption>{t('feedback.desk.byUnit')}</caption>
          <thead><tr><th scope="col">{t('feedback.desk.unit')}</th><th scope="col">{t('feedback.desk.filters.open')}</th><th scope="col">{t('feedback.desk.filters.overdue')}</th></tr></thead>
          <tbody>
            {byUnit.map((u) => (
              <tr key={u.unitCode} data-unit={u.unitCode}>
                <th scope="row">{u.unitName}</th>
                <td data-testid="by-unit-open">{u.open}</td>
                <td data-testid="by-unit-overdue" className={u.overdue > 0 ? 'urgency-overdue' : undefined}>{u.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {items && items.length === 0 ? <p data-testid="feedback-empty">{t('feedback.desk.none')}</p> : null}
      <ul className="feedback-list" data-testid="feedback-list">
        {(items ?? []).map((item) => (
          <li key={item.code} className="feedback-row" data-code={item.code} data-urgency={item.urgency}>
            <p>
              <Link to={`/xu-ly/phan-anh/${encodeURIComponent(item.code)}`} data-testid="feedback-open"><strong>{item.code}</strong></Link> · {item.kindLabel} · {item.statusLabel}
              {item.dossierLinked ? <> · {t('feedback.desk.linkedDossier')}</> : null}
            </p>
            <p className="feedback-text">{item.excerpt}</p>
            <p className="muted">
              {item.fullName} · {item.procedureName ?? item.field ?? ''}
              {item.nextDueAt ? <> · {t('feedback.desk.nextDue', { due: formatInstant(item.nextDueAt, t) })}</> : null}
              {item.urgency !== 'none' ? <> · <span className={`urgency-${item.urgency}`}>{t(`feedback.desk.urgency.${item.urgency}`)}</span></> : null}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
