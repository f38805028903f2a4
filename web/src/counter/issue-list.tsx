// The server's field-by-field refusal (details.issues: field + Vietnamese message), listed under the
// alert so the officer sees every field to fix at once.
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';

interface Issue { field: string; message: string }

export function IssueList({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiError(error)) return null;
  const issues = (error.details as { issues?: Issue[] } | undefined)?.issues;
  if (!Array.isArray(issues) || issues.length < 2) return null;
  return (
    <div className="issue-list" data-testid="counter-issues">
      <p>{t('counter.intake.issuesTitle')}</p>
      <ul>
        {issues.map((issue) => <li key={issue.field}>{issue.message} <span className="muted">({issue.field})</span></li>)}
      </ul>
    </div>
  );
}
