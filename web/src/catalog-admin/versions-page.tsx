// /quan-tri/phien-ban-thu-tuc?ma=CODE: a procedure's versions with what changed in each, the decisions
// that put it on or off the location-free list and the resulting periods; all decisions; and the form
// that records a new decision (adding or removing procedures from a date).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fetchDecisions, fetchHistory, recordDecision, type ProcedureHistory } from '../api/catalog-admin.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { formatInstant } from '../calendar/format-date.ts';
import { provinceNow } from '../calendar/dates.ts';
import { ProcedurePicker } from '../counter/procedure-picker.tsx';
import { useLoader } from '../hooks/use-loader.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { ADMIN_PAGES } from '../pages/admin/admin-pages.ts';

export function VersionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('catalogAdmin.versions.title'));
  const [params, setParams] = useSearchParams();
  const code = params.get('ma') ?? '';
  const [generation, setGeneration] = useState(0);
  const history = useLoader(`${code}|${generation}`, (signal) => (code ? fetchHistory(code, signal) : Promise.resolve(null)));
  const decisions = useLoader(`decisions|${generation}`, (signal) => fetchDecisions(signal));

  return (
    <div className="catalog-admin-page">
      <nav className="breadcrumb" aria-label={t('catalogAdmin.breadcrumb')}>
        <Link to="/quan-tri">{t('catalogAdmin.back')}</Link>
        <span aria-hidden="true"> › </span>
        <span>{t('catalogAdmin.versions.title')}</span>
      </nav>
      <header className="page-intro">
        <h1>{t('catalogAdmin.versions.title')}</h1>
        <p className="lead">{t('catalogAdmin.versions.lead')}</p>
      </header>
      <section className="card">
        <ProcedurePicker onSelect={(p) => setParams({ ma: p.code })} />
      </section>
      {history.loading && code ? <p className="muted" role="status">{t('catalogAdmin.versions.loading')}</p> : null}
      <ErrorAlert error={history.error} />
      {history.data ? <HistoryView history={history.data} /> : null}
      <DecisionForm defaultCode={code} onSaved={() => setGeneration((g) => g + 1)} />
      <section className="card" aria-labelledby="all-decisions">
        <h2 id="all-decisions">{t('catalogAdmin.versions.allDecisionsTitle')}</h2>
        <ErrorAlert error={decisions.error} />
        <ul data-testid="decisions-list">
          {(decisions.data?.items ?? []).map((d) => (
            <li key={d.code} data-code={d.code}>
              {t('catalogAdmin.versions.decisionLine', { code: d.code, title: d.title, date: formatInstant(d.effectiveAt, t), added: d.added, removed: d.removed })}
              {d.isDemo ? <span className="tag tag-own">{t('catalogAdmin.versions.demo')}</span> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function HistoryView({ history }: { history: ProcedureHistory }) {
  const { t } = useTranslation();
  const latest = history.versions[history.versions.length - 1];
  return (
    <>
      <section className="card" aria-labelledby="versions-title" data-testid="versions" data-code={history.code}>
        <h2 id="versions-title">{t('catalogAdmin.versions.versionsTitle')}: {latest?.name} ({history.code})</h2>
        <p><Link to={`/quan-tri/${ADMIN_PAGES.workflows}?ma=${encodeURIComponent(history.code)}`} data-testid="edit-workflow">{t('workflowAdmin.editLink')}</Link></p>
        <ol className="version-list">
          {[...history.versions].reverse().map((v) => (
            <li key={v.version} data-testid="version" data-version={v.version}>
              <h3>{t('catalogAdmin.versions.version', { version: v.version })}</h3>
              <p className="muted">
                {v.validTo ? t('catalogAdmin.versions.validityTo', { from: formatInstant(v.validFrom, t), to: formatInstant(v.validTo, t) })
                  : t('catalogAdmin.versions.validity', { from: formatInstant(v.validFrom, t) })}
                {v.createdBy ? ` · ${t('catalogAdmin.versions.createdBy', { who: v.createdBy })}` : ''}
                {v.problemCount > 0 ? ` · ${t('catalogAdmin.versions.problems', { count: v.problemCount })}` : ''}
              </p>
              {v.version === history.versions[0]?.version ? <p>{t('catalogAdmin.versions.firstVersion')}</p>
                : v.changes.length === 0 ? <p>{t('catalogAdmin.versions.noChange')}</p> : (
                  <table className="inbox-table diff-table" data-testid="version-changes">
                    <tbody>
                      {v.changes.map((c) => (
                        <tr key={c.field} data-field={c.field}>
                          <th scope="row">{c.label}</th>
                          <td><del>{c.before}</del></td>
                          <td><ins>{c.after}</ins></td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
            </li>
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="publications-title">
        <h2 id="publications-title">{t('catalogAdmin.versions.publicationsTitle')}</h2>
        {history.publications.length === 0 ? <p className="muted">{t('catalogAdmin.versions.noPublications')}</p> : (
          <ul data-testid="procedure-publications">
            {history.publications.map((p) => (
              <li key={p.code} data-code={p.code} data-op={p.op}>
                <strong>{p.code}</strong> — {p.title}: {p.op === 'add' ? t('catalogAdmin.versions.opAdd') : t('catalogAdmin.versions.opRemove')}, {formatInstant(p.effectiveAt, t)}
                {p.isDemo ? <span className="tag tag-own">{t('catalogAdmin.versions.demo')}</span> : null}
              </li>
            ))}
          </ul>
        )}
        <h3>{t('catalogAdmin.versions.spansTitle')}</h3>
        {history.locationFreeSpans.length === 0 ? <p className="muted">{t('catalogAdmin.versions.noSpans')}</p> : (
          <ul data-testid="location-free-spans">
            {history.locationFreeSpans.map((s) => (
              <li key={s.from}>{s.to ? `${formatInstant(s.from, t)} – ${formatInstant(s.to, t)}` : t('catalogAdmin.versions.spanOpen', { from: formatInstant(s.from, t) })}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function DecisionForm({ defaultCode, onSaved }: { defaultCode: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState({ code: '', title: '', effectiveAt: provinceNow().date, op: 'add', procedures: defaultCode, note: '' });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const codes = [...new Set(values.procedures.split(/[\s,;]+/).map((c) => c.trim()).filter(Boolean))];
    setPending(true);
    setError(null);
    setSaved(null);
    try {
      const answer = await recordDecision({
        code: values.code.trim(), title: values.title.trim(), effectiveAt: values.effectiveAt, ...(values.note.trim() ? { note: values.note.trim() } : {}),
        entries: codes.map((procedureCode) => ({ procedureCode, op: values.op === 'remove' ? 'remove' : 'add' })),
      });
      setSaved(t('catalogAdmin.versions.saved', { code: answer.code, added: answer.added, removed: answer.removed, date: formatInstant(answer.effectiveAt, t) }));
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="card form decision-form" onSubmit={submit} data-testid="decision-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('catalogAdmin.versions.formTitle')}</h2>
      <p className="muted">{t('catalogAdmin.versions.formLead')}</p>
      <div className="field"><label htmlFor={`${id}-code`}>{t('catalogAdmin.versions.code')}</label><input id={`${id}-code`} data-testid="decision-code" required maxLength={100} value={values.code} onChange={set('code')} /></div>
      <div className="field"><label htmlFor={`${id}-t`}>{t('catalogAdmin.versions.decisionTitle')}</label><input id={`${id}-t`} data-testid="decision-title" required maxLength={500} value={values.title} onChange={set('title')} /></div>
      <div className="field"><label htmlFor={`${id}-at`}>{t('catalogAdmin.versions.effectiveAt')}</label><input id={`${id}-at`} data-testid="decision-effective" type="date" required value={values.effectiveAt} onChange={set('effectiveAt')} /></div>
      <div className="field">
        <label htmlFor={`${id}-op`}>{t('catalogAdmin.versions.op')}</label>
        <select id={`${id}-op`} data-testid="decision-op" value={values.op} onChange={set('op')}>
          <option value="add">{t('catalogAdmin.versions.opAdd')}</option>
          <option value="remove">{t('catalogAdmin.versions.opRemove')}</option>
        </select>
      </div>
      <div className="field"><label htmlFor={`${id}-p`}>{t('catalogAdmin.versions.procedures')}</label><textarea id={`${id}-p`} data-testid="decision-procedures" required rows={4} value={values.procedures} onChange={set('procedures')} /></div>
      <div className="field"><label htmlFor={`${id}-n`}>{t('catalogAdmin.versions.note')}</label><input id={`${id}-n`} maxLength={2000} value={values.note} onChange={set('note')} /></div>
      <ErrorAlert error={error} testId="decision-error" />
      {saved ? <p className="alert alert-ok" role="status" data-testid="decision-saved">{saved}</p> : null}
      <button type="submit" className="button button-primary" data-testid="decision-submit" disabled={pending}>
        {pending ? t('catalogAdmin.versions.submitting') : t('catalogAdmin.versions.submit')}
      </button>
    </form>
  );
}
