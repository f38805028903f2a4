// /quan-tri/hang-doi?unit=…: queue settings of a reception unit within the administrator's subtree.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { placesApi, type QueueSettings } from '../../api/places.ts';
import { ErrorAlert } from '../../calendar/error-alert.tsx';
import { useLoader } from '../../hooks/use-loader.ts';
import { useDocumentTitle } from '../../layout/use-document-title.ts';
import { QueueSettingsView } from '../../places/queue-settings-view.tsx';

export function AdminQueuesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('places.queuesTitle'));
  const [params, setParams] = useSearchParams();
  const units = useLoader('admin-units', (signal) => placesApi.units(signal));
  const reception = (units.data?.items ?? []).filter((u) => u.type !== 'agency');
  const unitCode = params.get('unit') ?? reception[0]?.code ?? '';
  const settings = useLoader(`queue-${unitCode}`, (signal) => (unitCode ? placesApi.queue(unitCode, signal) : Promise.resolve(null)));
  const [current, setCurrent] = useState<QueueSettings | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const shown = current && current.unitCode === unitCode ? current : settings.data;
  return (
    <div className="page admin-queues-page">
      <nav className="breadcrumb" aria-label={t('places.back')}>
        <Link to="/quan-tri">{t('places.back')}</Link><span aria-hidden="true"> › </span><span>{t('places.queuesTitle')}</span>
      </nav>
      <h1>{t('places.queuesTitle')}</h1>
      <p className="lead">{t('places.queuesLead')}</p>
      <div className="field">
        <label htmlFor="queue-unit">{t('places.unit')}</label>
        <select id="queue-unit" data-testid="queue-unit" value={unitCode} onChange={(e) => { setNotice(null); setCurrent(null); setParams({ unit: e.target.value }); }}>
          {reception.map((u) => <option key={u.code} value={u.code}>{u.code} — {u.name}</option>)}
        </select>
      </div>
      {notice ? <p className="alert alert-success" role="status" data-testid="queue-notice">{notice}</p> : null}
      <ErrorAlert error={units.error ?? settings.error} testId="queue-load-error" />
      {shown ? <QueueSettingsView key={shown.unitCode} settings={shown} onChange={(s, n) => { setCurrent(s); setNotice(n); }} /> : null}
    </div>
  );
}
