// Footer indicator fed by GET /api/v1/health, re-checked every minute. Text, not colour alone, carries the state.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchHealth } from '../api/health.ts';

type State = 'checking' | 'ok' | 'down';
const INTERVAL_MS = 60_000;

export function HealthStatus() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>('checking');

  useEffect(() => {
    let controller = new AbortController();
    const check = () => {
      controller.abort();
      controller = new AbortController();
      const { signal } = controller;
      fetchHealth(signal).then(
        (health) => !signal.aborted && setState(health.status === 'ok' ? 'ok' : 'down'),
        () => !signal.aborted && setState('down'),
      );
    };
    check();
    const timer = window.setInterval(check, INTERVAL_MS);
    return () => {
      window.clearInterval(timer);
      controller.abort();
    };
  }, []);

  const label = state === 'ok' ? t('footer.healthOk') : state === 'down' ? t('footer.healthDown') : t('footer.healthChecking');
  return (
    <p className="health" data-testid="health-status" data-state={state} role="status">
      <span className={`health-dot health-${state}`} aria-hidden="true" />
      {t('footer.health')}: {label}
    </p>
  );
}
