// The administrator's year editor: click days to toggle them, set the status, give a reason, preview the
// change (nothing saved), then confirm it. A preview is only valid for the draft it was made from: any
// later click hides the confirm button until the next preview.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewYearChange, saveYearChange, type CalendarYear, type YearChange, type YearEditRequest, type YearStatus } from '../../api/calendar.ts';
import { CalendarLegend } from '../calendar-legend.tsx';
import { ErrorAlert } from '../error-alert.tsx';
import { InputProblem } from '../problem.ts';
import { YearGrid } from '../year-grid.tsx';
import { ChangePreview } from './change-preview.tsx';
import { useIdempotencyKey } from './idempotency-key.ts';
import { SavedNotice } from './saved-notice.tsx';
import { useYearDraft } from './use-year-draft.ts';

const STATUSES: readonly YearStatus[] = ['official', 'provisional'];
export const MIN_REASON_LENGTH = 5;

interface Props {
  saved: CalendarYear;
  /** The last save on this page, shown until the next edit. */
  lastSave: YearChange | null;
  onSaved(change: YearChange): void;
}

export function YearEditor({ saved, lastSave, onSaved }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const draft = useYearDraft(saved);
  const keyFor = useIdempotencyKey();
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<{ edit: string; change: YearChange } | null>(null);
  const [pending, setPending] = useState<'preview' | 'save' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const panelTitle = useRef<HTMLHeadingElement>(null);
  const editKey = JSON.stringify(draft.edit);
  const currentPreview = preview?.edit === editKey ? preview.change : null;
  /** Confirming a provisional year without naming the notice would leave "Tạm tính…" as its public basis. */
  const confirming = saved.status === 'provisional' && draft.status === 'official' && !draft.basisChanged;

  function request(): YearEditRequest | null {
    if (reason.trim().length < MIN_REASON_LENGTH) {
      setError(new InputProblem('adminCalendar.reasonTooShort'));
      return null;
    }
    return { ...draft.edit, reason: reason.trim() };
  }

  async function run(kind: 'preview' | 'save') {
    const body = request();
    if (!body || pending) return;
    setError(null);
    setPending(kind);
    try {
      if (kind === 'preview') {
        setPreview({ edit: editKey, change: await previewYearChange(saved.year, body) });
      } else {
        onSaved(await saveYearChange(saved.year, body, keyFor(JSON.stringify(body))));
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="editor" data-testid="admin-calendar" data-year={saved.year}>
      <div className="editor-calendar">
        <CalendarLegend showChanged />
        <YearGrid editable year={saved.year} days={draft.days} savedDays={draft.savedDays} breaks={saved.holidayBreaks} onToggle={draft.toggle} />
        {draft.dirty ? (
          // Phones: the panel is below twelve months; this bar stays in sight and leads to it.
          <button type="button" className="editor-jump" onClick={() => panelTitle.current?.focus()}>
            {t('adminCalendar.jumpToSave', { count: draft.changedDays })} <span aria-hidden="true">↓</span>
          </button>
        ) : null}
      </div>
      <section className="card editor-panel" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`} tabIndex={-1} ref={panelTitle}>{t('adminCalendar.formTitle')}</h3>
        {lastSave && !draft.dirty ? <SavedNotice change={lastSave} /> : null}
        <p role="status" data-testid="admin-pending">{t('adminCalendar.pendingCount', { count: draft.changedDays })}</p>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('adminCalendar.status')}</label>
          <select id={`${id}-status`} data-testid="admin-status" value={draft.status} onChange={(e) => draft.setStatus(e.target.value === 'official' ? 'official' : 'provisional')}>
            {STATUSES.map((status) => (
              <option key={status} value={status}>{t(`calendar.status.${status}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-basis`}>{t('adminCalendar.basis')}</label>
          <textarea
            id={`${id}-basis`}
            data-testid="admin-basis"
            rows={3}
            maxLength={2000}
            value={draft.basis}
            onChange={(e) => draft.setBasis(e.target.value)}
            aria-describedby={confirming ? `${id}-basis-hint` : undefined}
          />
          {confirming ? <p id={`${id}-basis-hint`} className="field-hint">{t('adminCalendar.basisHint')}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('adminCalendar.reason')}</label>
          <textarea
            id={`${id}-reason`}
            data-testid="admin-reason"
            rows={2}
            required
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={`${id}-reason-hint`}
            aria-invalid={error instanceof InputProblem ? true : undefined}
          />
          <p id={`${id}-reason-hint`} className="field-hint">{t('adminCalendar.reasonHint')}</p>
        </div>
        <ErrorAlert error={error} testId="admin-error" />
        <div className="editor-actions">
          <button type="button" className="button" data-testid="admin-preview" disabled={pending !== null} onClick={() => void run('preview')}>
            {pending === 'preview' ? t('adminCalendar.previewing') : t('adminCalendar.preview')}
          </button>
          <button type="button" className="button button-quiet" data-testid="admin-reset" disabled={!draft.dirty || pending !== null} onClick={draft.reset}>
            {t('adminCalendar.reset')}
          </button>
        </div>
        {currentPreview ? (
          <ChangePreview change={currentPreview} basisChanged={draft.basisChanged} saving={pending === 'save'} onConfirm={() => void run('save')} />
        ) : null}
      </section>
    </div>
  );
}
