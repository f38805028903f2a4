// A confirmation that closes by itself after a few seconds (5 s by default). It lives in a polite live
// region (role=status, aria-live) so screen readers read it when it appears; what it says also stays on
// the page elsewhere (the tracking code), because a message that vanishes must not be the only copy.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export function SelfClosingToast({ message, onClose, ms = 5000, testId }: { message: string | null; onClose: () => void; ms?: number; testId?: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (message === null) return;
    const timer = window.setTimeout(onClose, ms);
    return () => window.clearTimeout(timer);
  }, [message, ms, onClose]);
  // The region is always in the document so that assistive technology notices the text being added.
  return (
    <div className="toast-region" role="status" aria-live="polite" aria-atomic="true" data-testid={testId}>
      {message !== null ? (
        <div className="toast">
          <span>{message}</span>
          <button type="button" className="toast-close" onClick={onClose} aria-label={t('feedback.form.close')}>×</button>
        </div>
      ) : null}
    </div>
  );
}
