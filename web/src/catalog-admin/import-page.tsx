// /quan-tri/nhap-danh-muc: upload a catalog file; one bar follows the upload and then the server's
// import phases as they are streamed back; the report lists every rejected row with its line and reason.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { uploadCatalog, type ImportReport } from '../api/catalog-admin.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { advance, START, type ProgressState } from './import-progress.ts';

export function ImportPage() {
  const { t } = useTranslation();
  const id = useId();
  useDocumentTitle(t('catalogAdmin.import.title'));
  const fileRef = useRef<HTMLInputElement>(null);
  const [partial, setPartial] = useState(false);
  const [dryRun, setDryRun] = useState(false);
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [missingFile, setMissingFile] = useState(false);
  const running = progress !== null && progress.stage !== 'done' && error === null && report === null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    setMissingFile(!file);
    if (!file || running) return;
    setReport(null);
    setError(null);
    setProgress(START);
    try {
      const answer = await uploadCatalog(file, { partial, dryRun }, (e) => setProgress((p) => advance(p ?? START, e)));
      setProgress((p) => advance(p ?? START, { type: 'done' }));
      setReport(answer);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <div className="catalog-admin-page">
      <nav className="breadcrumb" aria-label={t('catalogAdmin.breadcrumb')}>
        <Link to="/quan-tri">{t('catalogAdmin.back')}</Link>
        <span aria-hidden="true"> › </span>
        <span>{t('catalogAdmin.import.title')}</span>
      </nav>
      <header className="page-intro">
        <h1>{t('catalogAdmin.import.title')}</h1>
        <p className="lead">{t('catalogAdmin.import.lead')}</p>
      </header>
      <form className="card form import-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('catalogAdmin.import.file')}</label>
          <input id={`${id}-file`} ref={fileRef} type="file" data-testid="import-file" accept=".json,.csv,.xlsx,.gz,application/json,text/csv" />
          <p className="field-hint">{t('catalogAdmin.import.fileHint')}</p>
          {missingFile ? <p className="field-error" role="alert">{t('catalogAdmin.import.chooseFile')}</p> : null}
        </div>
        <label className="check"><input type="checkbox" data-testid="import-partial" checked={partial} onChange={(e) => setPartial(e.target.checked)} />{t('catalogAdmin.import.partial')}</label>
        <label className="check"><input type="checkbox" data-testid="import-dry-run" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />{t('catalogAdmin.import.dryRun')}</label>
        <button type="submit" className="button button-primary" data-testid="import-submit" disabled={running}>
          {running ? t('catalogAdmin.import.running') : t('catalogAdmin.import.submit')}
        </button>
      </form>
      {progress ? (
        <section className="card import-progress" aria-labelledby={`${id}-progress`} data-testid="import-progress" data-stage={progress.stage} data-phases={progress.seen.join(' ')}>
          <h2 id={`${id}-progress`}>{t('catalogAdmin.import.progressLabel')}</h2>
          <progress max={100} value={progress.percent} data-testid="import-progress-bar" aria-valuetext={`${progress.percent}% — ${t(`catalogAdmin.import.phase.${progress.stage}`)}`} />
          <p role="status" aria-live="polite">
            <strong>{progress.percent}%</strong> · {t(`catalogAdmin.import.phase.${progress.stage}`)}
            {progress.total > 0 && progress.stage !== 'done' && progress.stage !== 'upload' ? ` · ${t('catalogAdmin.import.count', { done: progress.done, total: progress.total })}` : null}
          </p>
        </section>
      ) : null}
      <ErrorAlert error={error} testId="import-error" />
      {report ? <ImportReportView report={report} /> : null}
    </div>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <section className="card import-report" data-testid="import-report" data-written={report.written ? 'true' : 'false'} aria-labelledby="import-report-title">
      <h2 id="import-report-title">{t('catalogAdmin.import.reportTitle', { file: report.fileName ?? '' })}</h2>
      <dl className="facts import-counts">
        <div><dt>{t('catalogAdmin.import.rows')}</dt><dd data-testid="import-rows">{report.rows}</dd></div>
        <div><dt>{t('catalogAdmin.import.created')}</dt><dd data-testid="import-created">{report.created}</dd></div>
        <div><dt>{t('catalogAdmin.import.updated')}</dt><dd>{report.updated}</dd></div>
        <div><dt>{t('catalogAdmin.import.unchanged')}</dt><dd>{report.unchanged}</dd></div>
        <div><dt>{t('catalogAdmin.import.rejectedCount')}</dt><dd data-testid="import-rejected-count">{report.rejected.length}</dd></div>
      </dl>
      <p className={report.written ? 'alert alert-ok' : 'alert alert-error'} data-testid="import-written">
        {report.written ? t('catalogAdmin.import.written') : report.rejected.length > 0 ? t('catalogAdmin.import.notWrittenRejected') : t('catalogAdmin.import.notWritten')}
      </p>
      {report.rejected.length > 0 ? (
        <>
          <h3>{t('catalogAdmin.import.rejectedTitle')}</h3>
          <table className="inbox-table" data-testid="import-rejected">
            <thead><tr><th scope="col">{t('catalogAdmin.import.colRow')}</th><th scope="col">{t('catalogAdmin.import.colCode')}</th><th scope="col">{t('catalogAdmin.import.colField')}</th><th scope="col">{t('catalogAdmin.import.colReason')}</th></tr></thead>
            <tbody>
              {report.rejected.map((r, i) => (
                <tr key={`${r.row}-${i}`} data-testid="import-rejected-row" data-row={r.row} data-code={r.code}>
                  <td>{r.row}</td><td>{r.procedureCode ?? ''}</td><td>{r.field ?? ''}</td><td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {report.flagged.length > 0 ? <p className="muted">{t('catalogAdmin.import.flagged', { count: report.flagged.length })}</p> : null}
      {report.unparsedDurations.length > 0 ? (
        <>
          <h3>{t('catalogAdmin.import.unparsedTitle')}</h3>
          <ul>
            {report.unparsedDurations.slice(0, 20).map((u) => (
              <li key={`${u.reason}-${u.pattern}`}>{t('catalogAdmin.import.unparsedRow', { pattern: u.pattern, reason: u.reason, count: u.count, examples: u.examples.join(', ') })}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="muted">{t('catalogAdmin.import.duration', { seconds: (report.durationMs / 1000).toFixed(1) })}</p>
    </section>
  );
}
