// Header corner: who is signed in (name + unit) with a sign-out button, or a sign-in link.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../auth/session-context.ts';
import { LOGIN_PATH } from '../areas.ts';

/** The officer's own page (password, sessions); a plain path so the header needs no page import. */
const ACCOUNT_PATH = '/tai-khoan';

export function UserMenu() {
  const { t } = useTranslation();
  const { session, signOut, refresh } = useSession();
  const location = useLocation();
  const [pending, setPending] = useState(false);

  if (session.status === 'signed-in') {
    const { user } = session;
    const onSignOut = async () => {
      setPending(true);
      try {
        await signOut();
      } catch {
        refresh(); // could not reach the server: re-read the session rather than pretend
      } finally {
        setPending(false);
      }
    };
    return (
      <div className="user-menu">
        <span className="sr-only">{t('auth.currentUser')}:</span>
        <p className="current-user" data-testid="current-user" title={`${user.fullName} — ${user.unitName} (${user.username})`}>
          <span className="user-name">{user.fullName}</span>
          <span className="sr-only"> — </span>
          <span className="user-unit">{user.unitName}</span>
        </p>
        <Link className="button button-ghost" to={ACCOUNT_PATH} data-testid="account-link">{t('auth.account')}</Link>
        <button type="button" className="button button-ghost" onClick={onSignOut} disabled={pending} data-testid="logout">
          {pending ? t('auth.signingOut') : t('auth.signOut')}
        </button>
      </div>
    );
  }

  if (session.status === 'loading' || location.pathname === LOGIN_PATH) return null;
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <Link className="button button-ghost" to={`${LOGIN_PATH}?next=${next}`} data-testid="login-link">
      {t('auth.signIn')}
    </Link>
  );
}
