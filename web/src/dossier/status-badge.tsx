// A dossier status as a coloured badge; the label is translated when we know the status, else the server's.
import { useTranslation } from 'react-i18next';
import { DOSSIER_STATUSES, type DossierStatus } from '../api/dossiers.ts';

export function isKnownStatus(value: string): value is DossierStatus {
  return (DOSSIER_STATUSES as readonly string[]).includes(value);
}

export function useStatusLabel(): (status: string, serverLabel: string) => string {
  const { t, i18n } = useTranslation();
  return (status, serverLabel) =>
    i18n.resolvedLanguage === 'vi' || !isKnownStatus(status) ? serverLabel : t(`dossier.status.${status}`);
}

export function StatusBadge({ status, label, testId }: { status: string; label: string; testId?: string }) {
  const statusLabel = useStatusLabel();
  return (
    <span className={`status-badge status-${status}`} data-testid={testId} data-status={status}>
      {statusLabel(status, label)}
    </span>
  );
}
