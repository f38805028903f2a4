// Editing one unit: name, address, contact, map position, agency identifier, office hours and Saturday
// reception, display screens. Only changed fields are sent; the server refuses a bad one by name.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPeriods, parsePeriods, placesApi, type AdminUnit, type UnitPatch } from '../api/places.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';

const text = (v: string | null) => v ?? '';
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const num = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));
const screensText = (unit: AdminUnit) => unit.displayScreens.map((s) => `${s.code} | ${s.name}`).join('\n');

export function UnitForm({ unit, onDone }: { unit: AdminUnit; onDone(saved: AdminUnit | null): void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({
    name: unit.name, shortName: text(unit.shortName), address: text(unit.address), phone: text(unit.phone), email: text(unit.email),
    latitude: unit.latitude === null ? '' : String(unit.latitude), longitude: unit.longitude === null ? '' : String(unit.longitude),
    agencyIdentifier: text(unit.agencyIdentifier), hours: formatPeriods(unit.officeHours.workingPeriods),
    saturday: unit.officeHours.saturdayReception.enabled, saturdayHours: formatPeriods(unit.officeHours.saturdayReception.periods), screens: screensText(unit),
  });
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const set = (key: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const patch: UnitPatch = {};
    if (f.name !== unit.name) patch.name = f.name;
    if (orNull(f.shortName) !== unit.shortName) patch.shortName = orNull(f.shortName);
    if (orNull(f.address) !== unit.address) patch.address = orNull(f.address);
    if (orNull(f.phone) !== unit.phone) patch.phone = orNull(f.phone);
    if (orNull(f.email) !== unit.email) patch.email = orNull(f.email);
    if (num(f.latitude) !== unit.latitude || num(f.longitude) !== unit.longitude) {
      patch.latitude = num(f.latitude);
      patch.longitude = num(f.longitude);
    }
    if (orNull(f.agencyIdentifier) !== unit.agencyIdentifier) patch.agencyIdentifier = orNull(f.agencyIdentifier);
    const hours = { workingPeriods: parsePeriods(f.hours), saturdayReception: { enabled: f.saturday, periods: f.saturday ? parsePeriods(f.saturdayHours) : [] } };
    if (JSON.stringify(hours) !== JSON.stringify({ ...unit.officeHours, saturdayReception: { enabled: unit.officeHours.saturdayReception.enabled,
      periods: unit.officeHours.saturdayReception.enabled ? unit.officeHours.saturdayReception.periods : [] } })) patch.officeHours = hours;
    if (f.screens.trim() !== screensText(unit).trim()) {
      patch.displayScreens = f.screens.split('\n').map((l) => l.trim()).filter((l) => l !== '').map((l) => {
        const [code = '', ...name] = l.split('|');
        return { code: code.trim(), name: name.join('|').trim() };
      });
    }
    if (Object.keys(patch).length === 0) return onDone(null);
    setPending(true);
    setError(null);
    try {
      onDone(await placesApi.updateUnit(unit.code, patch));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  const field = (key: keyof typeof f, label: string, hint?: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`unit-${key}`}>{label}</label>
      <input id={`unit-${key}`} data-testid={`unit-${key}`} type={type} value={f[key] as string} onChange={set(key)} aria-describedby={hint ? `unit-${key}-hint` : undefined} />
      {hint ? <p className="hint" id={`unit-${key}-hint`}>{hint}</p> : null}
    </div>
  );
  return (
    <form className="unit-form" onSubmit={(e) => void submit(e)} data-testid="unit-form" aria-labelledby="unit-form-title">
      <h2 id="unit-form-title">{t('places.editTitle', { name: unit.name, code: unit.code })}</h2>
      {field('name', t('places.name'))}
      {field('shortName', t('places.shortName'))}
      {field('address', t('places.address'))}
      {field('phone', t('places.phone'), undefined, 'tel')}
      {field('email', t('places.email'), undefined, 'email')}
      {field('latitude', t('places.latitude'), t('places.positionHint'))}
      {field('longitude', t('places.longitude'))}
      {field('agencyIdentifier', t('places.agencyIdentifier'), t('places.agencyIdentifierHint', { value: unit.effectiveAgencyIdentifier ?? '—' }))}
      {field('hours', t('places.officeHours'), t('places.periodsHint'))}
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" data-testid="unit-saturday" checked={f.saturday} onChange={(e) => setF({ ...f, saturday: e.target.checked })} />
          {' '}{t('places.saturday')}
        </label>
      </div>
      {f.saturday ? field('saturdayHours', t('places.saturdayHours'), t('places.periodsHint')) : null}
      <div className="field">
        <label htmlFor="unit-screens">{t('places.screens')}</label>
        <textarea id="unit-screens" data-testid="unit-screens" rows={3} value={f.screens} onChange={set('screens')} aria-describedby="unit-screens-hint" />
        <p className="hint" id="unit-screens-hint">{t('places.screensHint')}</p>
      </div>
      <ErrorAlert error={error} testId="unit-error" />
      <button type="submit" className="button button-primary" data-testid="unit-save" disabled={pending}>{t('places.save')}</button>
      {' '}
      <button type="button" className="button" onClick={() => onDone(null)}>{t('places.cancel')}</button>
    </form>
  );
}
