// What a preview (PUT confirm:false) says will change: days off and make-up days added or removed, the
// status before → after; then the button that saves exactly that.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { YearChange } from '../../api/calendar.ts';
import { formatDateLong, formatInstant } from '../format-date.ts';

const LISTS = ['daysOffAdded', 'daysOffRemoved', 'makeupDaysAdded', 'makeupDaysRemoved'] as const;

export function hasChanges(change: YearChange, basisChanged: boolean): boolean {
  return basisChanged || change.statusBefore !== change.statusAfter || LISTS.some((list) => change[list].length > 0);
}

interface Props {
  change: YearChange;
  basisChanged: boolean;
  saving: boolean;
  onConfirm(): void;
}

export function ChangePreview({ change, basisChanged, saving, onConfirm }: Props) {
  const { t } = useTranslation();
  const status = (value: string) => t(`calendar.status.${value === 'official' ? 'official' : 'provisional'}`);
  const changed = hasChanges(change, basisChanged);
  const ref = useRef<HTMLElement>(null);
  // Bring each new preview into view (the editor panel may scroll) and have it read out.
  useEffect(() => ref.current?.focus(), [change]);

  return (
    <section className="change-preview" data-testid="admin-preview-result" aria-labelledby="preview-title" tabIndex={-1} ref={ref}>
      <h4 id="preview-title">{t('adminCalendar.previewTitle')}</h4>
      {LISTS.filter((list) => change[list].length > 0).map((list) => (
        <div key={list} className={`change-list change-${list}`} data-testid={`preview-${list}`}>
          <p className="change-label">{t(`adminCalendar.${list}`)}</p>
          <ul>
            {change[list].map((date) => (
              <li key={date} data-date={date}>{formatDateLong(date, t)}</li>
            ))}
          </ul>
        </div>
      ))}
      <p data-testid="preview-status">
        {change.statusBefore === change.statusAfter
          ? t('adminCalendar.statusSame', { status: status(change.statusAfter) })
          : t('adminCalendar.statusChange', { before: status(change.statusBefore), after: status(change.statusAfter) })}
      </p>
      {basisChanged ? <p>{t('adminCalendar.basisChanged')}</p> : null}
      <div className="change-list" data-testid="preview-affected" data-count={change.affectedCount}>
        <p className="change-label">
          {change.affectedCount === 0 ? t('adminCalendar.affectedNone') : t('adminCalendar.affected', { count: change.affectedCount })}
        </p>
        {change.affectedDossiers.length > 0 ? (
          <ul>
            {change.affectedDossiers.map((d) => (
              <li key={d.code}>
                <code>{d.code}</code>: {formatInstant(d.dueBefore, t)} → {formatInstant(d.dueAfter, t)}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {changed ? (
        <button type="button" className="button button-primary" data-testid="admin-confirm" disabled={saving} onClick={onConfirm}>
          {saving ? t('adminCalendar.saving') : t('adminCalendar.confirm')}
        </button>
      ) : (
        <p className="muted">{t('adminCalendar.noChange')}</p>
      )}
    </section>
  );
}
