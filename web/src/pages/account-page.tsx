// /tai-khoan: the signed-in officer's unit and roles, password change, and live sessions.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accountApi } from '../api/staff.ts';
import { RequireStaff } from '../auth/require-staff.tsx';
import { useSession } from '../auth/session-context.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { useLoader } from '../hooks/use-loader.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';

export const ACCOUNT_PATH = '/tai-khoan';
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function AccountView() {
  const { t } = useTranslation();
  const { session } = useSession();
  const sessions = useLoader('sessions', (signal) => accountApi.sessions(signal));
  const [form, setForm] = useState({ current: '', next: '', repeat: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const user = session.status === 'signed-in' ? session.user : null;

  const change = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    setError(null);
    if (form.next !== form.repeat) return setProblem(t('staff.account.mismatch'));
    setProblem(null);
    try {
      const r = await accountApi.changePassword(form.current, form.next);
      setForm({ current: '', next: '', repeat: '' });
      setNotice(t('staff.account.changed', { count: r.sessionsEnded }));
      sessions.reload();
    } catch (caught) {
      setError(caught);
    }
  };
  const revokeOthers = async () => {
    setError(null);
    try {
      const r = await accountApi.revokeOthers();
      setNotice(t('staff.account.revoked', { count: r.sessionsEnded }));
      sessions.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className="page narrow" aria-labelledby="account-title">
      <h1 id="account-title">{t('staff.account.title')}</h1>
      {user ? (
        <dl className="profile" data-testid="account-profile">
          <dt>{t('staff.username')}</dt><dd>{user.username}</dd>
          <dt>{t('staff.fullName')}</dt><dd>{user.fullName}</dd>
          <dt>{t('staff.unit')}</dt><dd>{user.unitCode} — {user.unitName}</dd>
          <dt>{t('staff.roles')}</dt><dd>{user.roles.map((r) => t(`staff.roleNames.${r as 'admin'}`)).join(', ')}</dd>
        </dl>
      ) : null}
      {notice ? <p className="alert alert-success" role="status" data-testid="account-notice">{notice}</p> : null}
      <ErrorAlert error={error} testId="account-error" />
      <form onSubmit={(e) => void change(e)} aria-labelledby="password-title">
        <h2 id="password-title">{t('staff.account.changePassword')}</h2>
        {([['current', 'currentPassword', 'current-password'], ['next', 'newPassword', 'new-password'], ['repeat', 'confirmPassword', 'new-password']] as const).map(([field, label, auto]) => (
          <div className="field" key={field}>
            <label htmlFor={`pw-${field}`}>{t(`staff.account.${label}`)}</label>
            <input id={`pw-${field}`} data-testid={`pw-${field}`} type="password" required autoComplete={auto} value={form[field]}
              onChange={(e) => setForm({ ...form, [field]: e.target.value })} />
          </div>
        ))}
        {problem ? <p className="alert alert-error" role="alert">{problem}</p> : null}
        <button type="submit" className="button button-primary" data-testid="pw-submit">{t('staff.account.changePassword')}</button>
      </form>
      <h2>{t('staff.account.sessions')}</h2>
      <table className="data-table" data-testid="account-sessions">
        <thead><tr><th>{t('staff.account.started')}</th><th>{t('staff.account.expires')}</th><th>{t('staff.account.device')}</th><th /></tr></thead>
        <tbody>
          {(sessions.data?.items ?? []).map((s) => (
            <tr key={s.id}>
              <td>{when(s.createdAt)}</td><td>{when(s.expiresAt)}</td>
              <td>{s.address ?? ''} {s.userAgent ? `· ${s.userAgent.slice(0, 60)}` : ''}</td>
              <td>{s.current ? <strong>{t('staff.account.current')}</strong> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button" data-testid="revoke-others" onClick={() => void revokeOthers()}>{t('staff.account.revokeOthers')}</button>
    </section>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('staff.account.title'));
  return (
    <RequireStaff title={t('staff.account.title')}>
      <AccountView />
    </RequireStaff>
  );
}
