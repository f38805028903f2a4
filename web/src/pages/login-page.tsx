// /dang-nhap: staff sign-in. After success, go to `?next=` (same-app paths only) or home.
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeNextPath } from '../areas.ts';
import { LoginForm } from '../auth/login-form.tsx';
import { useSession } from '../auth/session-context.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';

export function LoginPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  useDocumentTitle(t('auth.title'));

  return (
    <section className="page narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('auth.title')}</h1>
      {session.status === 'signed-in' ? (
        <>
          <p>{t('auth.signedInAs', { name: session.user.fullName, unit: session.user.unitName })}</p>
          <p>
            <Link to={next}>{next === '/' ? t('placeholder.back') : t('auth.continue')}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('auth.intro')}</p>
          <LoginForm onSuccess={() => void navigate(next, { replace: true })} />
        </>
      )}
    </section>
  );
}
