// "Saved, revision N": announced and focused once, right after the save.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { YearChange } from '../../api/calendar.ts';

export function SavedNotice({ change }: { change: YearChange }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p className="alert alert-ok" role="status" tabIndex={-1} ref={ref} data-testid="admin-saved" data-revision={change.revision}>
      {t('adminCalendar.saved', { year: change.year, revision: change.revision })}
    </p>
  );
}
