// A unit picker over the network's open units, "code — name" so both can be typed to jump.
import { useTranslation } from 'react-i18next';
import type { NetworkUnit } from '../api/counter.ts';

interface Props {
  id: string;
  units: readonly NetworkUnit[];
  value: string;
  onChange(code: string): void;
  emptyLabel: string;
  testId: string;
}

export function UnitSelect({ id, units, value, onChange, emptyLabel, testId }: Props) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t('staff.unit')}</label>
      <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{emptyLabel}</option>
        {units.map((u) => <option key={u.code} value={u.code}>{u.code} — {u.name}</option>)}
      </select>
    </div>
  );
}
