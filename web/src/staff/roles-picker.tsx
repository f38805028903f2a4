// Checkboxes for an account's roles, labelled in the current language.
import { useTranslation } from 'react-i18next';
import { ROLES } from '../api/auth.ts';

export function RolesPicker({ value, onChange, idPrefix }: { value: string[]; onChange(roles: string[]): void; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field roles-picker">
      <legend>{t('staff.roles')}</legend>
      {ROLES.map((role) => (
        <label key={role} className="checkbox">
          <input type="checkbox" data-testid={`${idPrefix}-role-${role}`} checked={value.includes(role)}
            onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))} />
          {' '}{t(`staff.roleNames.${role}`)}
        </label>
      ))}
    </fieldset>
  );
}
