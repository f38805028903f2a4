// "Đăng nhập bằng mã một lần": the fallback where the province enables it. Step 1 asks for a mobile
// number or an e-mail address and sends a six-digit code; step 2 takes the code (the phone's keyboard
// offers it: autocomplete="one-time-code") and signs in, then goes back to where the citizen was.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { requestSignInCode, verifySignInCode, type OtpRequestAnswer } from '../api/portal.ts';
import { errorMessage } from '../i18n/error-message.ts';
import { useFocusOnError } from '../calendar/use-focus-on-error.ts';
import { formatInstant } from '../calendar/format-date.ts';

const KNOWN_ERRORS = ['OTP_DISABLED', 'OTP_DESTINATION_INVALID', 'OTP_RATE_LIMITED', 'OTP_RESEND_TOO_SOON', 'OTP_NOT_REQUESTED', 'OTP_EXPIRED',
  'OTP_INVALID', 'OTP_TOO_MANY_ATTEMPTS'] as const;

function OtpError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const ref = useFocusOnError<HTMLParagraphElement>(error);
  if (!error) return null;
  const language = i18n.resolvedLanguage ?? 'vi';
  // Vietnamese: the server's own sentence (it says how many attempts are left); English: ours.
  const code = isApiError(error) ? error.code : '';
  const text = language !== 'vi' && (KNOWN_ERRORS as readonly string[]).includes(code)
    ? t(`portal.otp.errors.${code as (typeof KNOWN_ERRORS)[number]}`) : errorMessage(error, t, language);
  return <p className="alert alert-error" role="alert" tabIndex={-1} ref={ref} data-testid="otp-error" data-code={code}>{text}</p>;
}

export function OtpSignIn({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [destination, setDestination] = useState('');
  const [sent, setSent] = useState<OtpRequestAnswer | null>(null);
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(step: () => Promise<void>) {
    setPending(true);
    setError(null);
    try {
      await step();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  const send = (event?: FormEvent) => {
    event?.preventDefault();
    return run(async () => {
      setSent(await requestSignInCode(destination));
      setCode('');
    });
  };

  const verify = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      const answer = await verifySignInCode(destination, code, returnTo);
      // A full load: every part of the page reads the new session.
      window.location.assign(answer.returnTo);
    });
  };

  return (
    <details className="portal-otp" data-testid="otp-sign-in">
      <summary data-testid="otp-open">{t('portal.otp.title')}</summary>
      <p className="field-hint">{t('portal.otp.lead')}</p>
      {sent === null ? (
        <form className="form" onSubmit={send} noValidate>
          <div className="field">
            <label htmlFor={`${id}-destination`}>{t('portal.otp.destination')}</label>
            <input id={`${id}-destination`} type="text" inputMode="email" autoComplete="username" required maxLength={254} value={destination}
              onChange={(e) => setDestination(e.target.value)} aria-describedby={`${id}-destination-hint`} data-testid="otp-destination" />
            <p id={`${id}-destination-hint`} className="field-hint">{t('portal.otp.destinationHint')}</p>
          </div>
          <OtpError error={error} />
          <button type="submit" className="button button-primary" disabled={pending || destination.trim() === ''} data-testid="otp-send">
            {pending ? t('portal.otp.sending') : t('portal.otp.send')}</button>
        </form>
      ) : (
        <form className="form" onSubmit={verify} noValidate>
          <p role="status" data-testid="otp-sent">
            {t(sent.channel === 'sms' ? 'portal.otp.sentSms' : 'portal.otp.sentEmail', { to: sent.sentTo })}{' '}
            {t('portal.otp.validUntil')} <time dateTime={sent.expiresAt}>{formatInstant(sent.expiresAt, t)}</time>.
          </p>
          <div className="field">
            <label htmlFor={`${id}-code`}>{t('portal.otp.code')}</label>
            <input id={`${id}-code`} type="text" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" required maxLength={7}
              value={code} onChange={(e) => setCode(e.target.value)} aria-describedby={`${id}-code-hint`} data-testid="otp-code" />
            <p id={`${id}-code-hint`} className="field-hint">{t('portal.otp.codeHint')}</p>
          </div>
          <OtpError error={error} />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={pending || code.trim() === ''} data-testid="otp-verify">
              {pending ? t('portal.otp.verifying') : t('portal.otp.verify')}</button>
            <button type="button" className="button" disabled={pending} onClick={() => void send()} data-testid="otp-resend">{t('portal.otp.resend')}</button>
            <button type="button" className="button button-link" disabled={pending} onClick={() => { setSent(null); setError(null); }}>
              {t('portal.otp.change')}</button>
          </div>
        </form>
      )}
    </details>
  );
}
