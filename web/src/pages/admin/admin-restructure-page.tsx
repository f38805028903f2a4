// /quan-tri/sap-xep: an administrator drafts or picks a restructuring plan, previews its impact, then
// applies it (at once, or scheduled for its effective instant), and can undo a plan not yet in effect.
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { restructureApi, type NetworkPlanning, type PlanAnswer, type PlanProblem } from '../../api/restructure.ts';
import { ErrorAlert } from '../../calendar/error-alert.tsx';
import { useLoader } from '../../hooks/use-loader.ts';
import { useDocumentTitle } from '../../layout/use-document-title.ts';
import { ImpactView } from '../../restructure/impact-view.tsx';
import { PlanningView } from '../../restructure/planning-view.tsx';

export function AdminRestructurePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('restructure.title'));
  const bundled = useLoader('bundled', (signal) => restructureApi.bundled(signal));
  const plans = useLoader('plans', (signal) => restructureApi.plans(signal));
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<PlanAnswer | null>(null);
  const [problems, setProblems] = useState<PlanProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [planning, setPlanning] = useState<NetworkPlanning | null>(null);

  const edit = (value: string) => {
    setText(value);
    setAnswer(null);
    setPlanning(null);
    setProblems([]);
    setError(null);
    setJsonError(null);
    setConfirmed(false);
  };

  const submit = async (dryRun: boolean) => {
    setError(null);
    setProblems([]);
    let plan: unknown;
    try {
      plan = JSON.parse(text);
    } catch (e) {
      setJsonError(t('restructure.badJson', { message: (e as Error).message }));
      return;
    }
    setBusy(true);
    try {
      const result = await restructureApi.submit(plan, dryRun);
      setAnswer(result);
      if (!dryRun) {
        setConfirmed(false);
        plans.reload();
      }
    } catch (caught) {
      setAnswer(null);
      const listed = isApiError(caught) ? (caught.details as { problems?: PlanProblem[] } | undefined)?.problems : undefined;
      if (listed) setProblems(listed);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const showPlanning = async () => {
    setError(null);
    setBusy(true);
    try {
      setPlanning(await restructureApi.planning(JSON.parse(text)));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const loadFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) edit(await file.text());
  };

  const undo = async (planId: string) => {
    setError(null);
    try {
      await restructureApi.undo(planId);
      setAnswer(null);
      plans.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <div className="page restructure-page">
      <nav className="breadcrumb" aria-label={t('restructure.back')}>
        <Link to="/quan-tri">{t('restructure.back')}</Link>
        <span aria-hidden="true"> › </span>
        <span>{t('restructure.title')}</span>
      </nav>
      <header className="page-intro">
        <h1>{t('restructure.title')}</h1>
        <p className="lead">{t('restructure.lead')}</p>
      </header>

      <section aria-labelledby="bundled-title">
        <h2 id="bundled-title">{t('restructure.bundledTitle')}</h2>
        <p>{t('restructure.bundledLead')}</p>
        <ErrorAlert error={bundled.error} />
        <ul className="tiles">
          {(bundled.data?.items ?? []).map((plan) => (
            <li key={plan.id} className="tile">
              <span className="tile-title">{plan.title}</span>
              <span className="tile-text">{plan.effectiveAt}{plan.note ? ` — ${plan.note}` : ''}</span>
              <button type="button" className="button" data-testid={`use-plan-${plan.id}`} onClick={() => edit(JSON.stringify(plan, null, 2))}>
                {t('restructure.use')}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="editor-title">
        <h2 id="editor-title">{t('restructure.editorTitle')}</h2>
        <label htmlFor="plan-text">{t('restructure.editorLabel')}</label>
        <textarea id="plan-text" data-testid="plan-text" rows={12} spellCheck={false} value={text} onChange={(e) => edit(e.target.value)} style={{ width: '100%', fontFamily: 'monospace' }} />
        <p>
          <label>
            {t('restructure.loadFile')} <input type="file" accept="application/json,.json" onChange={(e) => void loadFile(e)} />
          </label>
        </p>
        <div className="actions">
          <button type="button" className="button" disabled={busy || text.trim() === ''} data-testid="plan-preview" onClick={() => void submit(true)}>
            {t('restructure.preview')}
          </button>
        </div>
        <ErrorAlert error={error} testId="plan-error" />
        {jsonError && <p className="alert alert-error" role="alert" data-testid="plan-json-error">{jsonError}</p>}
        {problems.length > 0 && (
          <div className="alert alert-error" role="alert" data-testid="plan-problems">
            <p>{t('restructure.problemsTitle', { count: problems.length })}</p>
            <ul>
              {problems.map((p, index) => (
                <li key={index}><code>{p.path || '—'}</code>: {p.message}</li>
              ))}
            </ul>
          </div>
        )}
      </section>

      {answer && <ImpactView answer={answer} />}
      {answer && (
        <p>
          <button type="button" className="button" disabled={busy} data-testid="plan-planning" onClick={() => void showPlanning()}>{t('restructure.planningShow')}</button>
        </p>
      )}
      {planning && <PlanningView planning={planning} />}
      {answer?.status === 'preview' && (
        <section className="apply-plan">
          <label>
            <input type="checkbox" checked={confirmed} data-testid="plan-confirm" onChange={(e) => setConfirmed(e.target.checked)} /> {t('restructure.confirm')}
          </label>
          <button type="button" className="button button-primary" disabled={!confirmed || busy} data-testid="plan-apply" onClick={() => void submit(false)}>
            {t('restructure.apply')}
          </button>
        </section>
      )}

      <section aria-labelledby="plans-title">
        <h2 id="plans-title">{t('restructure.plansTitle')}</h2>
        {plans.data && plans.data.items.length === 0 && <p>{t('restructure.noPlans')}</p>}
        <ul data-testid="plan-list">
          {(plans.data?.items ?? []).map((p) => (
            <li key={`${p.planId}-${p.version}`} data-testid={`plan-${p.planId}`}>
              <strong>{p.title}</strong> ({p.planId} v{p.version}) — {t(`restructure.planStatus.${p.status}`)}, {p.effectiveAt}
              {p.status === 'scheduled' && (
                <button type="button" className="button" onClick={() => void undo(p.planId)}>{t('restructure.undo')}</button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
