// /xu-ly/:code — one dossier for an officer: status and SLA clock, the three units, the applicant, the
// history, and only the actions the server allows now (allowedActions). Reloaded after every action.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { fetchDossier, type ActionType, type Dossier } from '../../api/dossiers.ts';
import { ErrorAlert } from '../../calendar/error-alert.tsx';
import { formatInstant } from '../../calendar/format-date.ts';
import { ActionForm, isKnownAction } from '../../dossier/action-form.tsx';
import { AttachmentsPanel } from '../../dossier/attachments-panel.tsx';
import { DossierFormsPanel } from '../../dossier/dossier-forms-panel.tsx';
import { NotificationList } from '../../dossier/notification-list.tsx';
import { StatusBadge } from '../../dossier/status-badge.tsx';
import { Timeline } from '../../dossier/timeline.tsx';
import { DossierComplaints } from '../../dossier/dossier-complaints.tsx';
import { errorMessage } from '../../i18n/error-message.ts';
import { useDocumentTitle } from '../../layout/use-document-title.ts';
import { useSession } from '../../auth/session-context.ts';
import { PaperJourneyCard, SubDossiersCard, WorkflowStepsCard } from '../../dossier/workflow-panels.tsx';

type Load = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; dossier: Dossier };

export function DossierPage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const [done, setDone] = useState<ActionType | null>(null);
  useDocumentTitle(t('dossier.dossier.title', { code }));

  useEffect(() => {
    const controller = new AbortController();
    fetchDossier(code, controller.signal).then(
      (dossier) => setLoad({ state: 'ready', dossier }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [code, generation]);

  const reload = useCallback((type: ActionType) => {
    setDone(type);
    setGeneration((g) => g + 1);
  }, []);

  return (
    <div className="dossier-page" data-testid="dossier-page">
      <p className="back-link"><Link to="/xu-ly">{t('dossier.desk.back')}</Link></p>
      {load.state === 'loading' ? <p className="muted" role="status">{t('dossier.dossier.loading')}</p> : null}
      {load.state === 'error' ? <LoadError code={code} error={load.error} onRetry={() => setGeneration((g) => g + 1)} /> : null}
      {load.state === 'ready' ? <DossierView dossier={load.dossier} done={done} onDone={reload} onReload={() => setGeneration((g) => g + 1)} /> : null}
    </div>
  );
}

function LoadError({ code, error, onRetry }: { code: string; error: unknown; onRetry: () => void }) {
  const { t, i18n } = useTranslation();
  const denied = isApiError(error) && error.status === 403;
  if (denied) {
    return (
      <section className="card denied-card" data-testid="dossier-denied" aria-labelledby="denied-title">
        <h1 id="denied-title">{t('dossier.dossier.deniedTitle')}</h1>
        <p className="alert alert-error" role="alert">{errorMessage(error, t, i18n.resolvedLanguage ?? 'vi')}</p>
        <p className="muted dossier-code">{code}</p>
      </section>
    );
  }
  return (
    <section>
      <h1 className="dossier-code">{t('dossier.dossier.title', { code })}</h1>
      <ErrorAlert error={error} testId="dossier-error" />
      {isApiError(error) && error.status === 404 ? null : (
        <button type="button" className="button" onClick={onRetry}>{t('dossier.dossier.retry')}</button>
      )}
    </section>
  );
}

function DossierView({ dossier, done, onDone, onReload }: { dossier: Dossier; done: ActionType | null; onDone: (type: ActionType) => void; onReload: () => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const user = session.status === 'signed-in' ? session.user : null;
  const refresh = onReload;
  const atAgency = user !== null && user.unitCode === dossier.competentUnitCode && user.roles.some((r) => r === 'leader' || r === 'processing');
  const canOpenSub = atAgency && (dossier.status === 'processing' || dossier.status === 'paused');
  const { clock, applicant } = dossier;
  const finished = clock.phase === 'finished';
  const outcome = clock.outcome === 'early' || clock.outcome === 'on_time' || clock.outcome === 'late' ? clock.outcome : null;
  const clockClass = finished
    ? outcome === 'late' ? 'clock is-overdue' : 'clock is-finished'
    : clock.overdue ? 'clock is-overdue' : clock.dueSoon ? 'clock is-due-soon' : 'clock';
  return (
    <>
      <header className="dossier-head card">
        <div className="result-head">
          <div>
            <h1 className="dossier-code">{t('dossier.dossier.title', { code: dossier.code })}</h1>
            <p className="lead dossier-procedure">{dossier.procedureName}</p>
          </div>
          <StatusBadge status={dossier.status} label={dossier.statusLabel} testId="dossier-status" />
        </div>
        <div className={clockClass} data-testid="dossier-clock" data-overdue={clock.overdue ? 'true' : undefined} data-due-soon={clock.dueSoon ? 'true' : undefined}>
          <span className="clock-label">{t('dossier.dossier.clock')}</span>
          <strong className="clock-remaining">
            {finished && outcome ? t(`dossier.dossier.outcome.${outcome}`) : clock.remainingText}
          </strong>
          {clock.phase === 'paused' ? <span className="clock-due">{t('dossier.dossier.clockPaused')}</span> : null}
          {clock.dueAt ?? dossier.dueAt ? (
            <span className="clock-due">
              {t('dossier.dossier.due')}: <time dateTime={(clock.dueAt ?? dossier.dueAt) as string}>{formatInstant((clock.dueAt ?? dossier.dueAt) as string, t)}</time>
            </span>
          ) : null}
        </div>
      </header>

      <div className="dossier-grid">
        <div className="dossier-main">
          <ActionsPanel dossier={dossier} done={done} onDone={onDone} />
          <WorkflowStepsCard dossier={dossier} />
          <PaperJourneyCard dossier={dossier} unitCode={user?.unitCode ?? null} onChanged={refresh} />
          <SubDossiersCard dossier={dossier} canOpen={canOpenSub} onChanged={refresh} />
          <AttachmentsPanel dossier={dossier} />
          <section className="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('dossier.dossier.timeline')}</h2>
            <Timeline
              testId="dossier-timeline"
              label={t('dossier.dossier.timeline')}
              entries={dossier.timeline.map((event) => ({
                key: event.seq,
                at: event.at,
                title: event.label,
                detail: (
                  <>
                    {event.actorUsername ? <p className="muted">{t('dossier.dossier.by', { user: event.actorUsername, unit: event.actorUnitCode ?? '' })}</p> : null}
                    {event.reason ? <p>{t('dossier.dossier.reasonLabel', { reason: event.reason })}</p> : null}
                  </>
                ),
              }))}
            />
          </section>
        </div>
        <aside className="dossier-side">
          <DossierFormsPanel dossier={dossier} />
          <DossierComplaints dossierCode={dossier.code} />
          <section className="card" aria-labelledby="units-title">
            <h2 id="units-title">{t('dossier.dossier.units')}</h2>
            <dl className="facts">
              <div><dt>{t('dossier.dossier.receivingUnit')}</dt><dd data-testid="unit-receiving" data-code={dossier.receivingUnitCode}>{dossier.receivingUnitName}</dd></div>
              <div><dt>{t('dossier.dossier.competentUnit')}</dt><dd data-testid="unit-competent" data-code={dossier.competentUnitCode}>{dossier.competentUnitName}</dd></div>
              <div><dt>{t('dossier.dossier.returnUnit')}</dt><dd data-testid="unit-return" data-code={dossier.returnUnitCode}>{dossier.returnUnitName}</dd></div>
              {dossier.handlerUsername ? <div><dt>{t('dossier.dossier.handler')}</dt><dd>{dossier.handlerUsername}</dd></div> : null}
              <div><dt>{t('dossier.dossier.received')}</dt><dd><time dateTime={dossier.receivedAt}>{formatInstant(dossier.receivedAt, t)}</time></dd></div>
            </dl>
          </section>
          <section className="card" aria-labelledby="applicant-title">
            <h2 id="applicant-title">{t('dossier.dossier.applicant')}</h2>
            <dl className="facts">
              {applicant.fullName ? <div><dt>{t('dossier.dossier.fullName')}</dt><dd>{applicant.fullName}</dd></div> : null}
              {applicant.idNumber ? <div><dt>{t('dossier.dossier.idNumber')}</dt><dd>{applicant.idNumber}</dd></div> : null}
              {applicant.phone ? <div><dt>{t('dossier.dossier.phone')}</dt><dd>{applicant.phone}</dd></div> : null}
              {applicant.address?.communeCode ? <div><dt>{t('dossier.dossier.commune')}</dt><dd>{applicant.address.communeCode}</dd></div> : null}
            </dl>
          </section>
          <NotificationList code={dossier.code} version={dossier.timeline.length} />
        </aside>
      </div>
    </>
  );
}

function ActionsPanel({ dossier, done, onDone }: { dossier: Dossier; done: ActionType | null; onDone: (type: ActionType) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ActionType | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const actions = dossier.allowedActions.filter(isKnownAction);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done, dossier]);

  return (
    <section className="card actions-panel" aria-labelledby="actions-title" data-testid="actions-panel">
      <h2 id="actions-title">{t('dossier.dossier.actions')}</h2>
      {done ? (
        <p className="alert alert-ok" role="status" tabIndex={-1} ref={doneRef} data-testid="action-done">
          {t('dossier.dossier.done', { label: t(`dossier.action.${done}`) })}
        </p>
      ) : null}
      {actions.length === 0 ? <p className="muted">{t('dossier.dossier.noActions')}</p> : (
        <div className="action-list">
          {actions.map((type) => (
            <button
              key={type}
              type="button"
              className={open === type ? 'button button-primary' : 'button'}
              aria-pressed={open === type}
              data-testid={`action-${type}`}
              onClick={() => setOpen(open === type ? null : type)}
            >
              {t(`dossier.action.${type}`)}
            </button>
          ))}
        </div>
      )}
      {open && actions.includes(open) ? (
        <ActionForm key={`${open}-${dossier.timeline.length}`} code={dossier.code} type={open} onCancel={() => setOpen(null)}
          onDone={(type) => { setOpen(null); onDone(type); }} />
      ) : null}
    </section>
  );
}
