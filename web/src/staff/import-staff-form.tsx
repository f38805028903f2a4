// The staff import on /quan-tri/can-bo: template download, the file upload (check only or import),
// the row errors of a refused file, and the one-time links of the accounts created.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rejectedRows, templateUrl, uploadStaffFile, type StaffImportReport, type StaffRowError } from '../api/staff-import.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';

export function ImportStaffForm({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<StaffImportReport | null>(null);
  const [rejected, setRejected] = useState<StaffRowError[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setReport(null);
    setRejected(null);
    setError(null);
    if (!file) return setProblem(t('staffImport.chooseFile'));
    setProblem(null);
    setBusy(true);
    try {
      const answer = await uploadStaffFile(file, dryRun);
      setReport(answer);
      if (answer.written) onImported();
    } catch (caught) {
      const rows = rejectedRows(caught);
      if (rows) setRejected(rows);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form staff-import" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="staff-import">
      <h2 id={`${id}-title`}>{t('staffImport.title')}</h2>
      <p className="muted">{t('staffImport.lead')}</p>
      <p>
        {t('staffImport.template')}{' '}
        <a href={templateUrl('xlsx')} download data-testid="staff-template-xlsx">Excel (.xlsx)</a>{' · '}
        <a href={templateUrl('csv')} download data-testid="staff-template-csv">CSV</a>
      </p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('staffImport.file')}</label>
        <input id={`${id}-file`} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="staff-import-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <label className="check">
        <input type="checkbox" checked={dryRun} data-testid="staff-import-dry" onChange={(e) => setDryRun(e.target.checked)} /> {t('staffImport.dryRun')}
      </label>
      {problem ? <p className="alert alert-error" role="alert">{problem}</p> : null}
      <ErrorAlert error={error} testId="staff-import-error" />
      {rejected ? (
        <table className="data-table" data-testid="staff-import-rejected">
          <caption>{t('staffImport.rejectedTitle')}</caption>
          <thead><tr><th>{t('staffImport.colRow')}</th><th>{t('staffImport.colUsername')}</th><th>{t('staffImport.colColumn')}</th><th>{t('staffImport.colProblem')}</th></tr></thead>
          <tbody>
            {rejected.map((r, i) => (
              <tr key={i} data-row={r.row} data-code={r.code}>
                <td>{r.row}</td><td>{r.username ?? ''}</td>
                <td>{r.column ? t(`staffImport.column.${r.column}` as 'staffImport.column.username') : ''}</td>
                <td>{r.message} <code>{r.code}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report ? (
        <div className="alert alert-ok" role="status" data-testid="staff-import-report" data-written={String(report.written)}>
          <p>{report.dryRun ? t('staffImport.checked', { created: report.created.length, unchanged: report.unchanged.length })
            : t('staffImport.done', { created: report.created.length, unchanged: report.unchanged.length })}</p>
          {report.written ? (
            <>
              <p>{t('staffImport.linksLead')}</p>
              <ul data-testid="staff-import-links">
                {report.created.map((c) => (
                  <li key={c.username} data-username={c.username}>
                    <strong>{c.username}</strong> ({c.fullName}, {c.unitCode}): <code>{`${window.location.origin}${c.resetPath ?? ''}`}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <button type="submit" className="button button-primary" data-testid="staff-import-submit" disabled={busy}>
        {busy ? t('staffImport.sending') : t('staffImport.submit')}
      </button>
    </form>
  );
}
