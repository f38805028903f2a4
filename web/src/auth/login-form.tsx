// Username/password form. Errors are announced (role="alert") and receive focus.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/error-message.ts';
import { useSession } from './session-context.ts';

export function LoginForm({ onSuccess }: { onSuccess?: () => void }) {
  const { t, i18n } = useTranslation();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const id = useId();

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
      onSuccess?.();
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  }

  const errorId = `${id}-error`;
  return (
    <form className="card form" onSubmit={submit}>
      {error ? (
        <p id={errorId} className="alert alert-error" role="alert" tabIndex={-1} ref={errorRef}>
          {errorMessage(error, t, i18n.resolvedLanguage ?? 'vi')}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-username`}>{t('auth.username')}</label>
        <input
          id={`${id}-username`}
          name="username"
          data-testid="login-username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={100}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('auth.password')}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          data-testid="login-password"
          autoComplete="current-password"
          required
          maxLength={200}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <button type="submit" className="button button-primary" data-testid="login-submit" disabled={pending}>
        {pending ? t('auth.submitting') : t('auth.submit')}
      </button>
    </form>
  );
}
