// The form for one action: only the fields that action needs; every submission carries a fresh key
// (a double click is stopped by `pending`; the server's answer decides the rest).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { actOnDossier, type ActionRequest, type ActionType } from '../api/dossiers.ts';
import { provinceInstant, provinceNow } from '../calendar/dates.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { newIdempotencyKey } from '../calendar/edit/idempotency-key.ts';

export const KNOWN_ACTIONS: readonly ActionType[] = [
  'transfer', 'assign', 'forward', 'request_supplement', 'receive_supplement', 'pause', 'resume',
  'extend', 'reject', 'approve', 'record_result', 'return_result', 'withdraw', 'receive_online', 'refuse_online',
];

export function isKnownAction(value: string): value is ActionType {
  return (KNOWN_ACTIONS as readonly string[]).includes(value);
}

const REASON_REQUIRED: readonly ActionType[] = ['request_supplement', 'reject', 'extend', 'refuse_online'];
const PAUSE_REASONS = ['fee', 'consultation', 'citizen_request'] as const;

interface Props {
  code: string;
  type: ActionType;
  onDone: (type: ActionType) => void;
  onCancel: () => void;
}

export function ActionForm({ code, type, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const now = provinceNow();
  const [values, setValues] = useState({
    note: '', reason: type === 'pause' ? 'citizen_request' : '', assignee: '', resultNumber: '', signer: '',
    signedDate: now.date, signedTime: now.time, method: 'counter', recipientName: '', postalTrackingNumber: '',
    days: '1', toStep: '', direction: 'next',
  });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function request(): ActionRequest {
    const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
    const base: ActionRequest = { type, idempotencyKey: newIdempotencyKey() };
    switch (type) {
      case 'assign':
        return { ...base, assignee: values.assignee.trim(), note: text(values.note) };
      case 'forward':
        return { ...base, note: text(values.note), toStep: values.toStep.trim(), direction: values.direction === 'back' ? 'back' : 'next' };
      case 'request_supplement':
      case 'reject':
      case 'refuse_online':
        return { ...base, reason: values.reason.trim() };
      case 'withdraw':
        return { ...base, reason: text(values.reason) };
      case 'pause':
        return { ...base, reason: values.reason, note: text(values.note) };
      case 'extend':
        return { ...base, reason: values.reason.trim(), extension: { kind: 'added', days: Number(values.days) } };
      case 'record_result':
        return {
          ...base, resultNumber: values.resultNumber.trim(), signer: values.signer.trim(),
          signedAt: provinceInstant(values.signedDate, values.signedTime),
        };
      case 'return_result':
        return values.method === 'post'
          ? { ...base, method: 'post', postalTrackingNumber: values.postalTrackingNumber.trim(), note: text(values.note) }
          : { ...base, method: 'counter', recipientName: values.recipientName.trim(), note: text(values.note) };
      default:
        return { ...base, note: text(values.note) };
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await actOnDossier(code, request());
      onDone(type);
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  }

  const field = (key: keyof typeof values, label: string, options: { required?: boolean; testId?: string; hint?: string; multiline?: boolean; type?: string } = {}) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {options.multiline ? (
        <textarea id={`${id}-${key}`} rows={3} required={options.required} maxLength={2000} data-testid={options.testId} value={values[key]} onChange={set(key)} />
      ) : (
        <input id={`${id}-${key}`} type={options.type ?? 'text'} required={options.required} maxLength={200} data-testid={options.testId}
          value={values[key]} onChange={set(key)} aria-describedby={options.hint ? `${id}-${key}-hint` : undefined}
          autoCapitalize={key === 'assignee' ? 'none' : undefined} spellCheck={key === 'assignee' ? false : undefined} />
      )}
      {options.hint ? <p id={`${id}-${key}-hint`} className="field-hint">{options.hint}</p> : null}
    </div>
  );

  return (
    <form className="action-form" onSubmit={submit} data-testid="action-form" data-action={type} aria-label={t(`dossier.action.${type}`)}>
      <h3>{t(`dossier.action.${type}`)}</h3>
      {type === 'assign' ? field('assignee', t('dossier.action.assignee'), { required: true, testId: 'action-assignee', hint: t('dossier.action.assigneeHint') }) : null}
      {type === 'forward' ? (
        <>
          {field('toStep', t('dossier.action.toStep'), { required: true })}
          <div className="field">
            <label htmlFor={`${id}-direction`}>{t('dossier.action.direction')}</label>
            <select id={`${id}-direction`} value={values.direction} onChange={set('direction')}>
              <option value="next">{t('dossier.action.directionNext')}</option>
              <option value="back">{t('dossier.action.directionBack')}</option>
            </select>
          </div>
        </>
      ) : null}
      {REASON_REQUIRED.includes(type) || type === 'withdraw'
        ? field('reason', t('dossier.action.reason'), { required: type !== 'withdraw', testId: 'action-reason', multiline: true })
        : null}
      {type === 'pause' ? (
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('dossier.action.pauseReason')}</label>
          <select id={`${id}-reason`} data-testid="action-reason" value={values.reason} onChange={set('reason')}>
            {PAUSE_REASONS.map((r) => <option key={r} value={r}>{t(`dossier.action.pauseReasons.${r}`)}</option>)}
          </select>
        </div>
      ) : null}
      {type === 'extend' ? field('days', t('dossier.action.extendDays'), { required: true, type: 'number', testId: 'action-days' }) : null}
      {type === 'record_result' ? (
        <>
          {field('resultNumber', t('dossier.action.resultNumber'), { required: true, testId: 'action-result-number' })}
          {field('signer', t('dossier.action.signer'), { required: true, testId: 'action-signer' })}
          <div className="field-row">
            {field('signedDate', t('dossier.action.signedDate'), { required: true, type: 'date', testId: 'action-signed-date' })}
            {field('signedTime', t('dossier.action.signedTime'), { required: true, type: 'time', testId: 'action-signed-time' })}
          </div>
        </>
      ) : null}
      {type === 'return_result' ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-method`}>{t('dossier.action.method')}</label>
            <select id={`${id}-method`} data-testid="action-method" value={values.method} onChange={set('method')}>
              <option value="counter">{t('dossier.action.methodCounter')}</option>
              <option value="post">{t('dossier.action.methodPost')}</option>
            </select>
          </div>
          {values.method === 'post'
            ? field('postalTrackingNumber', t('dossier.action.postalTrackingNumber'), { required: true, testId: 'action-tracking' })
            : field('recipientName', t('dossier.action.recipientName'), { required: true, testId: 'action-recipient' })}
        </>
      ) : null}
      {['transfer', 'assign', 'forward', 'receive_supplement', 'pause', 'resume', 'approve', 'return_result'].includes(type)
        ? field('note', t('dossier.action.note'), { testId: 'action-note', multiline: true })
        : null}
      <ErrorAlert error={error} testId="action-error" />
      <div className="action-buttons">
        <button type="submit" className="button button-primary" data-testid="action-submit" disabled={pending}>
          {pending ? t('dossier.action.submitting') : t('dossier.action.submit')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={pending}>{t('dossier.action.cancel')}</button>
      </div>
    </form>
  );
}
