// "Chính thức" or "Tạm tính — chưa được xác nhận": text, not colour alone, says which.
import { useTranslation } from 'react-i18next';
import type { YearStatus } from '../api/calendar.ts';

export function YearStatusBadge({ status }: { status: YearStatus }) {
  const { t } = useTranslation();
  return (
    <p className={`status-badge status-${status}`} data-testid="calendar-status" data-status={status}>
      {t(`calendar.status.${status}`)}
    </p>
  );
}
