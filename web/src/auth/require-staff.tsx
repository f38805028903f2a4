// Gate for staff areas: the sign-in form when nobody is signed in, a notice when the role does not fit.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, type Role } from '../api/auth.ts';
import { errorMessage } from '../i18n/error-message.ts';
import { LoginForm } from './login-form.tsx';
import { useSession } from './session-context.ts';

interface Props {
  title: string;
  roles?: readonly Role[] | undefined;
  children: ReactNode;
}

export function RequireStaff({ title, roles, children }: Props) {
  const { t, i18n } = useTranslation();
  const { session, refresh } = useSession();

  if (session.status === 'loading') {
    return <p className="muted" role="status">{t('auth.checking')}</p>;
  }
  if (session.status === 'error') {
    return (
      <section className="page narrow" aria-labelledby="gate-title">
        <h1 id="gate-title">{title}</h1>
        <p className="alert alert-error" role="alert">
          {t('auth.sessionCheckFailed')} {errorMessage(session.error, t, i18n.resolvedLanguage ?? 'vi')}
        </p>
        <button type="button" className="button" onClick={refresh}>{t('auth.retry')}</button>
      </section>
    );
  }
  if (session.status === 'anonymous') {
    return (
      <section className="page narrow" aria-labelledby="gate-title">
        <h1 id="gate-title">{title}</h1>
        <p className="eyebrow">{t('auth.title')}</p>
        <p>{t('auth.intro')}</p>
        <LoginForm />
      </section>
    );
  }
  if (roles && !hasAnyRole(session.user, roles)) {
    return (
      <section className="page narrow" aria-labelledby="gate-title" data-testid="access-denied">
        <h1 id="gate-title">{title}</h1>
        <h2>{t('auth.forbiddenTitle')}</h2>
        <p>{t('auth.forbidden')}</p>
        <p>{t('auth.requiredRoles', { roles: roles.map((role) => t(`roles.${role}`)).join(', ') })}</p>
      </section>
    );
  }
  return <>{children}</>;
}
