// Portal pages that need the signed-in citizen: shows the sign-in invitation (or the expiry notice)
// instead of the page while signed out.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { CITIZEN_LOGIN_URL, fetchCitizen, fetchSignInMethods, type CitizenProfile } from '../api/portal.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { useLoader } from '../hooks/use-loader.ts';
import { OtpSignIn } from './otp-sign-in.tsx';

export function SignInCard({ returnTo, expired, error }: { returnTo: string; expired?: boolean; error?: string | null }) {
  const { t } = useTranslation();
  const known = ['LOGIN_DECLINED', 'LOGIN_STATE_INVALID', 'LOGIN_STATE_EXPIRED'];
  // The one-time code is offered only where the province enables it.
  const methods = useLoader('citizen-sign-in-methods', (signal) => fetchSignInMethods(signal));
  return (
    <section className="card portal-signin" aria-labelledby="signin-title">
      <h2 id="signin-title">{t('portal.signIn')}</h2>
      {expired ? <p className="alert alert-error" role="alert">{t('portal.expired')}</p> : null}
      {error ? <p className="alert alert-error" role="alert" data-testid="signin-error">
        {known.includes(error) ? t(`portal.loginError.${error}` as 'portal.loginError.other') : t('portal.loginError.other')}</p> : null}
      <p>{t('portal.signInLead')}</p>
      <a className="button button-primary" href={CITIZEN_LOGIN_URL(returnTo)} data-testid="citizen-signin">{t('portal.signIn')}</a>
      {methods.data?.oneTimeCode ? <OtpSignIn returnTo={returnTo} /> : null}
    </section>
  );
}

/** A citizen signed in with a one-time code follows dossiers; filing needs the electronic identity. */
export function FilingNeedsIdentity({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="needs-identity-title" data-testid="filing-needs-identity">
      <h2 id="needs-identity-title">{t('portal.newFiling')}</h2>
      <p>{t('portal.otp.filingNeedsIdentity')}</p>
      <a className="button" href={CITIZEN_LOGIN_URL(returnTo)}>{t('portal.signIn')}</a>
    </section>
  );
}

export function CitizenGate({ children }: { children: (citizen: CitizenProfile) => ReactNode }) {
  const location = useLocation();
  const { data, error, loading } = useLoader('citizen', (signal) => fetchCitizen(signal));
  if (loading && !data) return <p className="muted" role="status">…</p>;
  if (error) return <ErrorAlert error={error} />;
  if (!data?.citizen) return <SignInCard returnTo={location.pathname + location.search} expired={data?.expired ?? false} />;
  return <>{children(data.citizen)}</>;
}
