// The counters an officer may sit at and the service groups they serve, among their unit's open ones.
import { useTranslation } from 'react-i18next';
import { placesApi } from '../api/places.ts';
import { useLoader } from '../hooks/use-loader.ts';

export interface Assignment { counterCodes: string[]; serviceGroups: string[] }

export function CounterAssignment({ unitCode, value, onChange }: { unitCode: string; value: Assignment; onChange(a: Assignment): void }) {
  const { t } = useTranslation();
  // An agency has no counters: the request is refused and the section stays hidden.
  const settings = useLoader(`assign-${unitCode}`, (signal) => placesApi.queue(unitCode, signal));
  if (!settings.data) return null;
  const toggle = (list: string[], code: string, on: boolean) => (on ? [...list, code] : list.filter((c) => c !== code));
  return (
    <fieldset className="field counter-assignment" data-testid="edit-assignment">
      <legend>{t('places.assignTitle')}</legend>
      <p className="hint">{t('places.assignHint')}</p>
      <p>{t('places.assignCounters')}:{' '}
        {settings.data.counters.filter((c) => c.active).map((c) => (
          <label key={c.code} className="checkbox">
            <input type="checkbox" data-testid={`edit-counter-${c.code}`} checked={value.counterCodes.includes(c.code)}
              onChange={(e) => onChange({ ...value, counterCodes: toggle(value.counterCodes, c.code, e.target.checked) })} />
            {' '}{c.name}{' '}
          </label>
        ))}
      </p>
      <p>{t('places.assignGroups')}:{' '}
        {settings.data.serviceGroups.filter((g) => g.active).map((g) => (
          <label key={g.code} className="checkbox">
            <input type="checkbox" data-testid={`edit-group-${g.code}`} checked={value.serviceGroups.includes(g.code)}
              onChange={(e) => onChange({ ...value, serviceGroups: toggle(value.serviceGroups, g.code, e.target.checked) })} />
            {' '}{g.name} ({g.code}){' '}
          </label>
        ))}
      </p>
    </fieldset>
  );
}
