// Shows a refused input or a server error (its own message), announced and focused.
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/error-message.ts';
import { InputProblem } from './problem.ts';
import { useFocusOnError } from './use-focus-on-error.ts';

export function ErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { t, i18n } = useTranslation();
  const ref = useFocusOnError<HTMLParagraphElement>(error);
  if (!error) return null;
  const text = error instanceof InputProblem ? t(error.key) : errorMessage(error, t, i18n.resolvedLanguage ?? 'vi');
  return (
    <p className="alert alert-error" role="alert" tabIndex={-1} ref={ref} data-testid={testId}>
      {text}
    </p>
  );
}
