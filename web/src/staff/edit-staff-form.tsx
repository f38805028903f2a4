// Editing one account's unit and roles (a moved or re-roled officer signs in again).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkUnit } from '../api/counter.ts';
import { staffApi, type StaffListItem } from '../api/staff.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { RolesPicker } from './roles-picker.tsx';
import { UnitSelect } from './unit-select.tsx';
import { CounterAssignment } from '../places/counter-assignment.tsx';

export function EditStaffForm({ account, units, onDone }: { account: StaffListItem; units: readonly NetworkUnit[]; onDone(saved: boolean): void }) {
  const { t } = useTranslation();
  const [unitCode, setUnitCode] = useState(account.unitCode);
  const [roles, setRoles] = useState(account.roles);
  const [assignment, setAssignment] = useState({ counterCodes: account.counterCodes, serviceGroups: account.serviceGroups });
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    setError(null);
    const change = { ...(unitCode !== account.unitCode ? { unitCode } : {}),
      ...(roles.slice().sort().join() !== account.roles.slice().sort().join() ? { roles } : {}),
      ...(assignment.counterCodes.slice().sort().join() !== account.counterCodes.slice().sort().join() || unitCode !== account.unitCode ? { counterCodes: assignment.counterCodes } : {}),
      ...(assignment.serviceGroups.slice().sort().join() !== account.serviceGroups.slice().sort().join() || unitCode !== account.unitCode ? { serviceGroups: assignment.serviceGroups } : {}) };
    if (Object.keys(change).length === 0) return onDone(false);
    try {
      await staffApi.update(account.username, change);
      onDone(true);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section className="staff-edit" aria-labelledby="edit-title" data-testid="staff-edit">
      <h2 id="edit-title">{t('staff.editTitle', { username: account.username })}</h2>
      <UnitSelect id="edit-unit" testId="edit-unit" units={units} value={unitCode}
        onChange={(code) => { setUnitCode(code); setAssignment({ counterCodes: [], serviceGroups: [] }); }} emptyLabel={t('staff.chooseUnit')} />
      <RolesPicker idPrefix="edit" value={roles} onChange={setRoles} />
      {unitCode ? <CounterAssignment unitCode={unitCode} value={assignment} onChange={setAssignment} /> : null}
      <ErrorAlert error={error} testId="edit-error" />
      <button type="button" className="button button-primary" data-testid="edit-save" onClick={() => void save()}>{t('staff.save')}</button>
      {' '}
      <button type="button" className="button" onClick={() => onDone(false)}>{t('staff.cancel')}</button>
    </section>
  );
}
