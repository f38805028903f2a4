// /dat-lai-mat-khau#<token>: sets a new password through an administrator's one-time link. The token
// stays in the fragment, so it never reaches server logs or the Referer header.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { accountApi } from '../api/staff.ts';
import { LOGIN_PATH } from '../areas.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { useDocumentTitle } from '../layout/use-document-title.ts';

export const RESET_PASSWORD_PATH = '/dat-lai-mat-khau';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('staff.reset.title'));
  const [token] = useState(() => window.location.hash.replace(/^#/, ''));
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (password !== repeat) return setProblem(t('staff.account.mismatch'));
    setProblem(null);
    try {
      const r = await accountApi.resetPassword(token, password);
      setDone(r.username);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className="page narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('staff.reset.title')}</h1>
      {done ? (
        <>
          <p className="alert alert-success" role="status" data-testid="reset-done">{t('staff.reset.done', { username: done })}</p>
          <Link className="button button-primary" to={LOGIN_PATH}>{t('staff.reset.signIn')}</Link>
        </>
      ) : !token ? (
        <p className="alert alert-error" role="alert">{t('staff.reset.missing')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <p>{t('staff.reset.lead')}</p>
          <div className="field">
            <label htmlFor="reset-password">{t('staff.account.newPassword')}</label>
            <input id="reset-password" data-testid="reset-password" type="password" required autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="reset-repeat">{t('staff.account.confirmPassword')}</label>
            <input id="reset-repeat" data-testid="reset-repeat" type="password" required autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
          </div>
          {problem ? <p className="alert alert-error" role="alert">{problem}</p> : null}
          <ErrorAlert error={error} testId="reset-error" />
          <button type="submit" className="button button-primary" data-testid="reset-submit">{t('staff.reset.submit')}</button>
        </form>
      )}
    </section>
  );
}
