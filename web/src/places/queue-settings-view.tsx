// One reception unit's queue settings: service groups (prefix, slot length and capacity; retire or
// reopen), counters (the groups each serves; open or close) and the priority weights.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { placesApi, type CounterSetting, type QueueSettings, type ServiceGroupSetting } from '../api/places.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';

type Run = (label: string, call: () => Promise<QueueSettings>) => Promise<void>;

export function QueueSettingsView({ settings, onChange }: { settings: QueueSettings; onChange(s: QueueSettings, notice: string): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const run: Run = async (label, call) => {
    setError(null);
    try {
      onChange(await call(), label);
    } catch (caught) {
      setError(caught);
    }
  };
  const unit = settings.unitCode;
  const activeGroups = settings.serviceGroups.filter((g) => g.active);
  return (
    <div className="queue-settings">
      <ErrorAlert error={error} testId="queue-error" />
      <section aria-labelledby="groups-title">
        <h2 id="groups-title">{t('places.groupsTitle')}</h2>
        <table className="data-table" data-testid="groups-table">
          <thead><tr><th>{t('places.code')}</th><th>{t('places.name')}</th><th>{t('places.prefix')}</th><th>{t('places.slotMinutes')}</th>
            <th>{t('places.slotCapacity')}</th><th>{t('places.status')}</th><th>{t('places.actions')}</th></tr></thead>
          <tbody>{settings.serviceGroups.map((g) => <GroupRow key={`${g.code}-${JSON.stringify(g)}`} group={g} run={run} unit={unit} />)}</tbody>
        </table>
        <NewGroupForm unit={unit} run={run} />
      </section>
      <section aria-labelledby="counters-title">
        <h2 id="counters-title">{t('places.countersTitle')}</h2>
        <table className="data-table" data-testid="counters-table">
          <thead><tr><th>{t('places.code')}</th><th>{t('places.name')}</th><th>{t('places.servesGroups')}</th><th>{t('places.officer')}</th>
            <th>{t('places.status')}</th><th>{t('places.actions')}</th></tr></thead>
          <tbody>{settings.counters.map((c) => <CounterRow key={`${c.code}-${JSON.stringify(c)}`} counter={c} groups={activeGroups} run={run} unit={unit} />)}</tbody>
        </table>
        <NewCounterForm unit={unit} groups={activeGroups} run={run} />
      </section>
      <PriorityForm key={JSON.stringify(settings.priority)} settings={settings} run={run} />
    </div>
  );
}

function GroupRow({ group, run, unit }: { group: ServiceGroupSetting; run: Run; unit: string }) {
  const { t } = useTranslation();
  const [g, setG] = useState(group);
  const id = `group-${group.code}`;
  return (
    <tr data-testid={id}>
      <td>{group.code}</td>
      <td><input aria-label={t('places.name')} value={g.name} onChange={(e) => setG({ ...g, name: e.target.value })} /></td>
      <td><input aria-label={t('places.prefix')} data-testid={`${id}-prefix`} size={3} value={g.prefix} onChange={(e) => setG({ ...g, prefix: e.target.value })} /></td>
      <td><input aria-label={t('places.slotMinutes')} type="number" value={g.slotMinutes} onChange={(e) => setG({ ...g, slotMinutes: Number(e.target.value) })} /></td>
      <td><input aria-label={t('places.slotCapacity')} data-testid={`${id}-capacity`} type="number" value={g.slotCapacity} onChange={(e) => setG({ ...g, slotCapacity: Number(e.target.value) })} /></td>
      <td>{group.active ? t('places.active') : t('places.retired')}</td>
      <td className="row-actions">
        <button type="button" className="button" data-testid={`${id}-save`} onClick={() => void run(t('places.groupSaved', { code: group.code }),
          () => placesApi.updateGroup(unit, group.code, { name: g.name, prefix: g.prefix, slotMinutes: g.slotMinutes, slotCapacity: g.slotCapacity }))}>{t('places.save')}</button>
        {' '}
        <button type="button" className="button" data-testid={`${id}-toggle`} onClick={() => void run(t('places.groupSaved', { code: group.code }),
          () => placesApi.updateGroup(unit, group.code, { active: !group.active }))}>{group.active ? t('places.retire') : t('places.reopen')}</button>
      </td>
    </tr>
  );
}

function NewGroupForm({ unit, run }: { unit: string; run: Run }) {
  const { t } = useTranslation();
  const empty = { code: '', name: '', prefix: '', slotMinutes: 30, slotCapacity: 4 };
  const [g, setG] = useState(empty);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(t('places.groupCreated', { code: g.code }), () => placesApi.createGroup(unit, g)).then(() => setG(empty));
  };
  return (
    <form className="filters" onSubmit={submit} data-testid="new-group">
      <div className="field"><label htmlFor="new-group-code">{t('places.code')}</label><input id="new-group-code" data-testid="new-group-code" value={g.code} onChange={(e) => setG({ ...g, code: e.target.value })} /></div>
      <div className="field"><label htmlFor="new-group-name">{t('places.name')}</label><input id="new-group-name" data-testid="new-group-name" value={g.name} onChange={(e) => setG({ ...g, name: e.target.value })} /></div>
      <div className="field"><label htmlFor="new-group-prefix">{t('places.prefix')}</label><input id="new-group-prefix" data-testid="new-group-prefix" size={3} value={g.prefix} onChange={(e) => setG({ ...g, prefix: e.target.value })} /></div>
      <div className="field"><label htmlFor="new-group-capacity">{t('places.slotCapacity')}</label><input id="new-group-capacity" type="number" value={g.slotCapacity} onChange={(e) => setG({ ...g, slotCapacity: Number(e.target.value) })} /></div>
      <button type="submit" className="button" data-testid="new-group-submit">{t('places.addGroup')}</button>
    </form>
  );
}

function GroupChecks({ groups, value, onChange, idPrefix }: { groups: readonly ServiceGroupSetting[]; value: string[]; onChange(v: string[]): void; idPrefix: string }) {
  return (
    <span className="group-checks">
      {groups.map((g) => (
        <label key={g.code} className="checkbox">
          <input type="checkbox" data-testid={`${idPrefix}-${g.code}`} checked={value.includes(g.code)}
            onChange={(e) => onChange(e.target.checked ? [...value, g.code] : value.filter((x) => x !== g.code))} />
          {' '}{g.code}{' '}
        </label>
      ))}
    </span>
  );
}

function CounterRow({ counter, groups, run, unit }: { counter: CounterSetting; groups: readonly ServiceGroupSetting[]; run: Run; unit: string }) {
  const { t } = useTranslation();
  const [c, setC] = useState(counter);
  const id = `counter-${counter.code}`;
  return (
    <tr data-testid={id}>
      <td>{counter.code}</td>
      <td><input aria-label={t('places.name')} value={c.name} onChange={(e) => setC({ ...c, name: e.target.value })} /></td>
      <td><GroupChecks groups={groups} value={c.serviceGroups} onChange={(serviceGroups) => setC({ ...c, serviceGroups })} idPrefix={`${id}-group`} /></td>
      <td>{counter.officerUsername ?? '—'}</td>
      <td>{counter.active ? t('places.open') : t('places.closed')}</td>
      <td className="row-actions">
        <button type="button" className="button" data-testid={`${id}-save`} onClick={() => void run(t('places.counterSaved', { code: counter.code }),
          () => placesApi.updateCounter(unit, counter.code, { name: c.name, serviceGroups: c.serviceGroups }))}>{t('places.save')}</button>
        {' '}
        <button type="button" className="button" data-testid={`${id}-toggle`} onClick={() => void run(t('places.counterSaved', { code: counter.code }),
          () => placesApi.updateCounter(unit, counter.code, { active: !counter.active }))}>{counter.active ? t('places.close') : t('places.reopenCounter')}</button>
      </td>
    </tr>
  );
}

function NewCounterForm({ unit, groups, run }: { unit: string; groups: readonly ServiceGroupSetting[]; run: Run }) {
  const { t } = useTranslation();
  const [c, setC] = useState({ code: '', name: '', serviceGroups: [] as string[] });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(t('places.counterCreated', { code: c.code }), () => placesApi.createCounter(unit, c)).then(() => setC({ code: '', name: '', serviceGroups: [] }));
  };
  return (
    <form className="filters" onSubmit={submit} data-testid="new-counter">
      <div className="field"><label htmlFor="new-counter-code">{t('places.code')}</label><input id="new-counter-code" data-testid="new-counter-code" size={4} value={c.code} onChange={(e) => setC({ ...c, code: e.target.value })} /></div>
      <div className="field"><label htmlFor="new-counter-name">{t('places.name')}</label><input id="new-counter-name" data-testid="new-counter-name" value={c.name} onChange={(e) => setC({ ...c, name: e.target.value })} /></div>
      <fieldset className="field"><legend>{t('places.servesGroups')}</legend>
        <GroupChecks groups={groups} value={c.serviceGroups} onChange={(serviceGroups) => setC({ ...c, serviceGroups })} idPrefix="new-counter-group" /></fieldset>
      <button type="submit" className="button" data-testid="new-counter-submit">{t('places.addCounter')}</button>
    </form>
  );
}

function PriorityForm({ settings, run }: { settings: QueueSettings; run: Run }) {
  const { t } = useTranslation();
  const kinds = Object.keys(settings.priority.headStartMinutes).filter((k) => k !== 'normal' && k !== 'appointment');
  const [minutes, setMinutes] = useState(settings.priority.headStartMinutes);
  const [streak, setStreak] = useState(settings.priority.maxConsecutivePriority);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(t('places.prioritySaved'), () => placesApi.setPriority(settings.unitCode, { headStartMinutes: minutes, maxConsecutivePriority: streak }));
  };
  return (
    <section aria-labelledby="priority-title">
      <h2 id="priority-title">{t('places.priorityTitle')}</h2>
      <p className="hint">{t(settings.priority.custom ? 'places.priorityCustom' : 'places.priorityDefault')}</p>
      <form className="filters" onSubmit={submit} data-testid="priority-form">
        {kinds.map((k) => (
          <div className="field" key={k}>
            <label htmlFor={`priority-${k}`}>{settings.priority.labels[k] ?? k} ({t('places.minutes')})</label>
            <input id={`priority-${k}`} data-testid={`priority-${k}`} type="number" value={minutes[k] ?? 0} onChange={(e) => setMinutes({ ...minutes, [k]: Number(e.target.value) })} />
          </div>
        ))}
        <div className="field">
          <label htmlFor="priority-streak">{t('places.maxStreak')}</label>
          <input id="priority-streak" data-testid="priority-streak" type="number" value={streak} onChange={(e) => setStreak(Number(e.target.value))} />
        </div>
        <button type="submit" className="button" data-testid="priority-save">{t('places.save')}</button>
      </form>
    </section>
  );
}
