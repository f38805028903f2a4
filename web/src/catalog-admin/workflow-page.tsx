// /quan-tri/quy-trinh?ma=CODE: a procedure's workflow template — which steps, who does each, how many
// working minutes each gets, where each may lead, the supplement policy — checked on the server (its
// problems named, or the path with the deadlines a dossier received now would get) and saved as a new
// procedure version.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { workflowAdminApi, type DraftPreview, type DraftStep, type PathPreview, type WorkflowTemplateView } from '../api/workflow-admin.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { formatInstant } from '../calendar/format-date.ts';
import { ProcedurePicker } from '../counter/procedure-picker.tsx';
import { useLoader } from '../hooks/use-loader.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { ADMIN_PAGES } from '../pages/admin/admin-pages.ts';

const REQUIRED = new Set(['receive', 'process', 'approve', 'return']);

interface Row { key: string; used: boolean; name: string; role: string; budget: string; next: string[] }

/** "2 ngày 3 giờ" from working minutes (8 working hours a day). */
function workingText(minutes: number): string {
  const d = Math.floor(minutes / 480);
  const h = Math.floor((minutes % 480) / 60);
  const m = minutes % 60;
  return [d ? `${d} ngày` : '', h ? `${h} giờ` : '', m ? `${m} phút` : ''].filter(Boolean).join(' ') || '0';
}

function rowsOf(view: WorkflowTemplateView): Row[] {
  return view.stepChoices.map((choice) => {
    const step = view.steps.find((s) => s.key === choice.key);
    return { key: choice.key, used: step !== undefined, name: step?.name ?? choice.name, role: step?.role ?? choice.roles[0] ?? '',
      budget: String(step?.budgetMinutes ?? 0), next: step?.next ?? [] };
  });
}

function draftOf(rows: Row[], policy: string) {
  const used = rows.filter((r) => r.used);
  const steps: DraftStep[] = used.map((r) => {
    const next = r.next.filter((k) => used.some((u) => u.key === k));
    return { key: r.key, name: r.name.trim(), role: r.role, budgetMinutes: Number(r.budget.trim() === '' ? NaN : r.budget), ...(next.length > 0 ? { next } : {}) };
  });
  return { steps, supplementPolicy: policy };
}

export function WorkflowPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workflowAdmin.title'));
  const [params, setParams] = useSearchParams();
  const code = params.get('ma') ?? '';
  const [generation, setGeneration] = useState(0);
  const view = useLoader(`${code}|${generation}`, (signal) => (code ? workflowAdminApi.template(code, signal) : Promise.resolve(null)));
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <div className="catalog-admin-page">
      <nav className="breadcrumb" aria-label={t('catalogAdmin.breadcrumb')}>
        <Link to="/quan-tri">{t('catalogAdmin.back')}</Link>
        <span aria-hidden="true"> › </span>
        <span>{t('workflowAdmin.title')}</span>
      </nav>
      <header className="page-intro">
        <h1>{t('workflowAdmin.title')}</h1>
        <p className="lead">{t('workflowAdmin.lead')}</p>
      </header>
      <section className="card" aria-label={t('workflowAdmin.pick')}>
        <ProcedurePicker onSelect={(p) => { setSaved(null); setParams({ ma: p.code }); }} />
      </section>
      {view.loading && code ? <p className="muted" role="status">{t('workflowAdmin.loading')}</p> : null}
      <ErrorAlert error={view.error} testId="workflow-load-error" />
      {saved ? <p className="alert alert-ok" role="status" data-testid="workflow-saved">{saved}</p> : null}
      {view.data ? (
        <WorkflowEditor key={`${view.data.procedureCode}-${view.data.version}`} view={view.data}
          onSaved={(message) => { setSaved(message); setGeneration((g) => g + 1); }} />
      ) : null}
    </div>
  );
}

function WorkflowEditor({ view, onSaved }: { view: WorkflowTemplateView; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(view));
  const [policy, setPolicy] = useState<string>(view.supplementPolicy);
  const [checked, setChecked] = useState<DraftPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [idempotencyKey] = useState(() => `workflow-${view.procedureCode}-${view.version}-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`);
  useEffect(() => setChecked(null), [rows, policy]);

  const update = (key: string, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const total = rows.filter((r) => r.used).reduce((sum, r) => sum + (Number(r.budget) > 0 ? Number(r.budget) : 0), 0);
  const limit = view.limitMinutes;
  const diff = limit === null ? 0 : total - limit;
  const choices = new Map(view.stepChoices.map((c) => [c.key, c]));

  async function check() {
    setError(null);
    try {
      setChecked(await workflowAdminApi.preview(view.procedureCode, draftOf(rows, policy)));
    } catch (caught) {
      setError(caught);
    }
  }
  async function save() {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      const answer = await workflowAdminApi.save(view.procedureCode, { ...draftOf(rows, policy), baseVersion: view.version, idempotencyKey });
      onSaved(t('workflowAdmin.saved', { version: answer.version, code: answer.procedureCode }));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="workflow-editor" data-code={view.procedureCode} data-version={view.version}>
      <h2 id={`${id}-title`}>{t('workflowAdmin.summary', { name: view.name, code: view.procedureCode, version: view.version, from: formatInstant(view.validFrom, t) })}</h2>
      <p>{limit === null ? t('workflowAdmin.limitUnknown') : t('workflowAdmin.limit', { limit: view.timeLimit, minutes: limit })}</p>
      <p className="muted">{t(`workflowAdmin.source.${view.source}`)} {t('workflowAdmin.rule')}</p>
      <p><Link to={`/quan-tri/${ADMIN_PAGES.catalogVersions}?ma=${encodeURIComponent(view.procedureCode)}`}>{t('workflowAdmin.history')}</Link></p>
      <div className="table-scroll">
        <table className="inbox-table" data-testid="workflow-steps">
          <thead>
            <tr>
              <th scope="col">{t('workflowAdmin.colUse')}</th>
              <th scope="col">{t('workflowAdmin.colStep')}</th>
              <th scope="col">{t('workflowAdmin.colName')}</th>
              <th scope="col">{t('workflowAdmin.colRole')}</th>
              <th scope="col">{t('workflowAdmin.colBudget')}</th>
              <th scope="col">{t('workflowAdmin.colNext')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, index) => {
              const choice = choices.get(r.key);
              const later = rows.slice(index + 1).filter((l) => l.used);
              return (
                <tr key={r.key} data-step={r.key} className={r.used ? undefined : 'muted'}>
                  <td>
                    <input type="checkbox" aria-label={`${t('workflowAdmin.colUse')}: ${choice?.name ?? r.key}`} checked={r.used} disabled={REQUIRED.has(r.key)}
                      data-testid={`step-use-${r.key}`} onChange={(e) => update(r.key, { used: e.target.checked })} />
                    {REQUIRED.has(r.key) ? <span className="muted"> {t('workflowAdmin.required')}</span> : null}
                  </td>
                  <th scope="row">{choice?.name ?? r.key}<br /><span className="muted">{t(`workflowAdmin.side.${choice?.side ?? 'competent'}` as 'workflowAdmin.side.competent')}</span></th>
                  <td><input aria-label={`${t('workflowAdmin.colName')}: ${choice?.name ?? r.key}`} value={r.name} maxLength={200} disabled={!r.used}
                    data-testid={`step-name-${r.key}`} onChange={(e) => update(r.key, { name: e.target.value })} /></td>
                  <td>
                    <select aria-label={`${t('workflowAdmin.colRole')}: ${choice?.name ?? r.key}`} value={r.role} disabled={!r.used}
                      data-testid={`step-role-${r.key}`} onChange={(e) => update(r.key, { role: e.target.value })}>
                      {(choice?.roles ?? []).map((role) => <option key={role} value={role}>{t(`staff.roleNames.${role}` as 'staff.roleNames.admin')}</option>)}
                    </select>
                  </td>
                  <td>
                    <input type="number" min={0} step={1} inputMode="numeric" aria-label={`${t('workflowAdmin.colBudget')}: ${choice?.name ?? r.key}`} value={r.budget}
                      disabled={!r.used} data-testid={`step-budget-${r.key}`} onChange={(e) => update(r.key, { budget: e.target.value })} />
                    {r.used ? <span className="muted"> {t('workflowAdmin.days', { text: workingText(Number(r.budget) || 0) })}</span> : null}
                  </td>
                  <td>
                    {r.used && later.length > 0 ? (
                      <fieldset className="inline-choices">
                        <legend className="visually-hidden">{`${t('workflowAdmin.colNext')}: ${choice?.name ?? r.key}`}</legend>
                        {later.map((l) => (
                          <label key={l.key}>
                            <input type="checkbox" checked={r.next.includes(l.key)} data-testid={`step-next-${r.key}-${l.key}`}
                              onChange={(e) => update(r.key, { next: e.target.checked ? [...r.next, l.key] : r.next.filter((k) => k !== l.key) })} />
                            {' '}{choices.get(l.key)?.name ?? l.key}
                          </label>
                        ))}
                        {r.next.filter((k) => later.some((l) => l.key === k)).length === 0 ? <span className="muted">({t('workflowAdmin.nextDefault')})</span> : null}
                      </fieldset>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="field">
        <label htmlFor={`${id}-policy`}>{t('workflowAdmin.policy')}</label>
        <select id={`${id}-policy`} data-testid="workflow-policy" value={policy} onChange={(e) => setPolicy(e.target.value)}>
          {view.supplementPolicies.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
        </select>
      </div>
      {limit !== null ? (
        <p data-testid="workflow-total" data-diff={diff} className={diff === 0 ? 'alert alert-ok' : 'alert alert-warning'}>
          {t('workflowAdmin.total', { total, limit })} — {diff === 0 ? t('workflowAdmin.totalOk') : diff > 0 ? t('workflowAdmin.totalOver', { minutes: diff }) : t('workflowAdmin.totalUnder', { minutes: -diff })}
        </p>
      ) : null}
      <ErrorAlert error={error} testId="workflow-error" />
      {checked && !checked.valid ? (
        <div className="alert alert-error" role="alert" data-testid="workflow-problems">
          <strong>{t('workflowAdmin.problemsTitle')}</strong>
          <ul>{checked.problems.map((p, i) => <li key={i} data-code={p.code}>{p.message} <code>{p.code}</code></li>)}</ul>
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="button" data-testid="workflow-check" onClick={() => void check()}>{t('workflowAdmin.check')}</button>
        <button type="button" className="button button-primary" data-testid="workflow-save" disabled={pending || limit === null} onClick={() => void save()}>
          {pending ? t('workflowAdmin.saving') : t('workflowAdmin.save')}
        </button>
      </div>
      <PathView path={checked?.valid ? checked.preview : checked ? null : view.preview} />
    </section>
  );
}

function PathView({ path }: { path: PathPreview | null }) {
  const { t } = useTranslation();
  if (!path) return null;
  return (
    <section aria-labelledby="workflow-path-title" data-testid="workflow-path">
      <h3 id="workflow-path-title">{t('workflowAdmin.previewTitle', { at: formatInstant(path.receivedAt, t) })}</h3>
      <p data-testid="workflow-path-due">{t('workflowAdmin.previewDue', { due: formatInstant(path.dueAt, t) })}</p>
      <ol className="version-list">
        {path.steps.map((s) => (
          <li key={s.key} data-step={s.key} data-due={s.dueAt}>
            <strong>{s.name}</strong> — {t(`staff.roleNames.${s.role}` as 'staff.roleNames.admin')}, {workingText(s.budgetMinutes)} · {t('workflowAdmin.colDue')}: {formatInstant(s.dueAt, t)}
          </li>
        ))}
      </ol>
    </section>
  );
}
