// The dossier page's workflow panels: the steps with their deadlines, the paper file's journey (with
// the handover buttons for the officer's own unit), and the inter-agency sub-dossiers.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../api/dossiers.ts';
import { actOnSubDossier, openSubDossier, recordPaperHandover, type PaperTransferView, type SubDossierView } from '../api/workflow.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { formatInstant } from '../calendar/format-date.ts';

export function WorkflowStepsCard({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const workflow = dossier.workflow;
  if (!workflow) return null;
  return (
    <section className="card" aria-labelledby="steps-title" data-testid="workflow-steps" data-current={workflow.currentStep ?? ''}>
      <h2 id="steps-title">{t('workflow.steps.title')}</h2>
      <p className="muted">{t(`workflow.steps.source.${workflow.source}`)}</p>
      {workflow.currentStep ? (
        <p className={workflow.stepOverdue ? 'alert alert-error' : 'lead'} data-testid="current-step">
          {t('workflow.steps.current')}: <strong>{workflow.currentStepName}</strong>
          {workflow.stepDueAt ? <> — {t('workflow.steps.due')} <time dateTime={workflow.stepDueAt}>{formatInstant(workflow.stepDueAt, t)}</time></> : null}
          {workflow.stepOverdue ? <> ({t('workflow.steps.stepOverdue')})</> : null}
        </p>
      ) : <p className="muted">{t('workflow.steps.finished')}</p>}
      <ol className="workflow-steps">
        {workflow.steps.map((step) => (
          <li key={step.key} className={`workflow-step is-${step.state}`} data-step={step.key} aria-current={step.state === 'current' ? 'step' : undefined}>
            <span className="workflow-step-name">{step.name}</span>
            {step.dueAt ? <time className="muted" dateTime={step.dueAt}>{formatInstant(step.dueAt, t)}</time> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Who({ h }: { h: PaperTransferView['sent'] }) {
  const { t } = useTranslation();
  if (!h) return <span className="muted">{t('workflow.paper.notYet')}</span>;
  return <><time dateTime={h.at}>{formatInstant(h.at, t)}</time> · {t('workflow.paper.by', { user: h.username, unit: h.unitCode })}</>;
}

export function PaperJourneyCard({ dossier, unitCode, onChanged }: { dossier: Dossier; unitCode: string | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const transfers = dossier.paperTransfers ?? [];
  async function handover(transfer: PaperTransferView, kind: 'dispatch' | 'receipt') {
    setPending(`${transfer.seq}-${kind}`);
    setError(null);
    try {
      await recordPaperHandover(dossier.code, transfer.seq, kind);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setPending(null);
    }
  }
  return (
    <section className="card" aria-labelledby="paper-title" data-testid="paper-journey">
      <h2 id="paper-title">{t('workflow.paper.title')}</h2>
      {error ? <ErrorAlert error={error} testId="paper-error" /> : null}
      {transfers.length === 0 ? <p className="muted">{t('workflow.paper.empty')}</p> : (
        <ul className="paper-list">
          {transfers.map((tr) => (
            <li key={tr.seq} className={`paper-item watch-${tr.watch}`} data-testid="paper-transfer" data-watch={tr.watch} data-seq={tr.seq}>
              <p><strong>{tr.purposeLabel}</strong>: {tr.fromUnitName} → {tr.toUnitName}{' '}
                <span className={`paper-watch watch-${tr.watch}`}>{t(`workflow.paper.watch.${tr.watch}`)}</span>
                {tr.late && tr.lateByMinutes > 0 ? <span className="muted"> ({t('workflow.paper.lateBy', { minutes: tr.lateByMinutes })})</span> : null}
              </p>
              <dl className="facts facts-inline">
                <div><dt>{t('workflow.paper.deadline')}</dt><dd>{tr.deadline ? <time dateTime={tr.deadline}>{formatInstant(tr.deadline, t)}</time> : t('workflow.paper.noDeadline')}</dd></div>
                <div><dt>{t('workflow.paper.sent')}</dt><dd><Who h={tr.sent} /></dd></div>
                <div><dt>{t('workflow.paper.received')}</dt><dd><Who h={tr.received} /></dd></div>
              </dl>
              {tr.cancelledAt === null && tr.sent === null && unitCode === tr.fromUnitCode && tr.purpose !== 'dossier' ? (
                <button type="button" className="button" disabled={pending !== null} data-testid="paper-dispatch" onClick={() => handover(tr, 'dispatch')}>{t('workflow.paper.dispatch')}</button>
              ) : null}
              {tr.sent !== null && tr.received === null && unitCode === tr.toUnitCode ? (
                <button type="button" className="button button-primary" disabled={pending !== null} data-testid="paper-confirm" onClick={() => handover(tr, 'receipt')}>{t('workflow.paper.confirm')}</button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SubDossiersCard({ dossier, canOpen, onChanged }: { dossier: Dossier; canOpen: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [form, setForm] = useState<null | { unit: string; request: string; days: string }>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const subs = dossier.subDossiers ?? [];
  if (subs.length === 0 && !canOpen) return null;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    setPending(true);
    setError(null);
    try {
      await openSubDossier(dossier.code, { coordinatingUnitCode: form.unit.trim(), request: form.request, days: Number(form.days) });
      setForm(null);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }
  return (
    <section className="card" aria-labelledby="subs-title" data-testid="sub-dossiers">
      <h2 id="subs-title">{t('workflow.sub.title')}</h2>
      {subs.length === 0 ? <p className="muted">{t('workflow.sub.empty')}</p> : (
        <ul className="paper-list">
          {subs.map((s) => <SubDossierItem key={s.code} sub={s} canClose={canOpen} onChanged={onChanged} />)}
        </ul>
      )}
      {canOpen && !form ? <button type="button" className="button" onClick={() => setForm({ unit: '', request: '', days: '2' })}>{t('workflow.sub.open')}</button> : null}
      {form ? (
        <form className="stack" onSubmit={submit}>
          <div className="field"><label htmlFor={`${id}-unit`}>{t('workflow.sub.unit')}</label>
            <input id={`${id}-unit`} required value={form.unit} onChange={(e) => setForm({ ...form, unit: e.target.value })} /></div>
          <div className="field"><label htmlFor={`${id}-request`}>{t('workflow.sub.request')}</label>
            <textarea id={`${id}-request`} required value={form.request} onChange={(e) => setForm({ ...form, request: e.target.value })} /></div>
          <div className="field"><label htmlFor={`${id}-days`}>{t('workflow.sub.days')}</label>
            <input id={`${id}-days`} type="number" min="0.5" step="0.5" required value={form.days} onChange={(e) => setForm({ ...form, days: e.target.value })} /></div>
          {error ? <ErrorAlert error={error} /> : null}
          <div className="action-list">
            <button type="submit" className="button button-primary" disabled={pending}>{t('workflow.sub.submit')}</button>
            <button type="button" className="button button-quiet" onClick={() => setForm(null)}>{t('workflow.sub.cancel')}</button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function SubDossierItem({ sub, canClose, onChanged }: { sub: SubDossierView; canClose: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function close(event: FormEvent) {
    event.preventDefault();
    try {
      await actOnSubDossier(sub.code, { type: 'close', reason: reason ?? '' });
      setReason(null);
      onChanged();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <li className={sub.overdue ? 'paper-item is-overdue' : 'paper-item'} data-testid="sub-dossier" data-status={sub.status}>
      <p><strong className="dossier-code">{sub.code}</strong> — {sub.coordinatingUnitName} · {sub.statusLabel}</p>
      <p>{sub.request}</p>
      <p className="muted">{t('workflow.sub.due')}: <time dateTime={sub.dueAt}>{formatInstant(sub.dueAt, t)}</time></p>
      {sub.answer ? <p>{t('workflow.sub.answer')}: {sub.answer}</p> : null}
      {sub.closeReason ? <p className="muted">{t('workflow.sub.reason')}: {sub.closeReason}</p> : null}
      {sub.status === 'open' && canClose ? (reason === null
        ? <button type="button" className="button button-quiet" onClick={() => setReason('')}>{t('workflow.sub.close')}</button>
        : (
          <form onSubmit={close} className="stack">
            <label>{t('workflow.sub.reason')} <input required value={reason} onChange={(e) => setReason(e.target.value)} /></label>
            {error ? <ErrorAlert error={error} /> : null}
            <button type="submit" className="button">{t('workflow.sub.close')}</button>
          </form>
        )) : null}
    </li>
  );
}
