// The form that creates an officer's account: unit and at least one role are required before sending.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkUnit } from '../api/counter.ts';
import { staffApi } from '../api/staff.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { RolesPicker } from './roles-picker.tsx';
import { UnitSelect } from './unit-select.tsx';

export function CreateStaffForm({ units, onCreated }: { units: readonly NetworkUnit[]; onCreated(username: string): void }) {
  const { t } = useTranslation();
  const empty = { username: '', fullName: '', unitCode: '', password: '' };
  const [form, setForm] = useState(empty);
  const [roles, setRoles] = useState<string[]>(['reception']);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // One key per filled form: a double click or a retry after a lost answer creates the account once.
  const [key, setKey] = useState(() => crypto.randomUUID());

  const set = (field: keyof typeof empty) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!form.unitCode) return setProblem(t('staff.unitRequired'));
    if (roles.length === 0) return setProblem(t('staff.rolesRequired'));
    setProblem(null);
    setBusy(true);
    try {
      const created = await staffApi.create({ ...form, roles, idempotencyKey: key });
      setForm(empty);
      setKey(crypto.randomUUID());
      onCreated(created.username);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="staff-create" onSubmit={(e) => void submit(e)} aria-labelledby="create-title" data-testid="staff-create">
      <h2 id="create-title">{t('staff.createTitle')}</h2>
      <div className="field">
        <label htmlFor="new-username">{t('staff.username')}</label>
        <input id="new-username" data-testid="new-username" required autoComplete="off" value={form.username} onChange={(e) => set('username')(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="new-fullname">{t('staff.fullName')}</label>
        <input id="new-fullname" data-testid="new-fullname" required value={form.fullName} onChange={(e) => set('fullName')(e.target.value)} />
      </div>
      <UnitSelect id="new-unit" testId="new-unit" units={units} value={form.unitCode} onChange={set('unitCode')} emptyLabel={t('staff.chooseUnit')} />
      <RolesPicker idPrefix="new" value={roles} onChange={setRoles} />
      <div className="field">
        <label htmlFor="new-password">{t('staff.password')}</label>
        <input id="new-password" data-testid="new-password" type="password" required autoComplete="new-password" value={form.password} onChange={(e) => set('password')(e.target.value)} />
      </div>
      {problem ? <p className="alert alert-error" role="alert">{problem}</p> : null}
      <ErrorAlert error={error} testId="create-error" />
      <button type="submit" className="button button-primary" data-testid="create-submit" disabled={busy}>{t('staff.create')}</button>
    </form>
  );
}
