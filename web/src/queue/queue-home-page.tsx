// /hang-doi: choose a reception point, then its kiosk, calling screen or counter console.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchReceptionUnits } from '../api/queue.ts';
import { useLoader } from '../hooks/use-loader.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { displayPath, QUEUE_PATH } from './queue-area.tsx';

export function QueueHomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('queue.title'));
  const units = useLoader('units', fetchReceptionUnits);
  const [unit, setUnit] = useState('');
  return (
    <section className="page queue-home">
      <h1>{t('queue.title')}</h1>
      <p className="lead">{t('queue.lead')}</p>
      <p><Link className="button button-primary" to={`${QUEUE_PATH}/di-dau`} data-testid="queue-where">{t('queue.where')}</Link></p>
      <label className="field">
        <span>{t('queue.unitLabel')}</span>
        <select value={unit} onChange={(e) => setUnit(e.target.value)} data-testid="queue-unit">
          <option value="">{t('queue.unitPlaceholder')}</option>
          {(units.data ?? []).map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
        </select>
      </label>
      {unit ? (
        <ul className="queue-links">
          <li><Link className="button" to={`${QUEUE_PATH}/${unit}/lay-so`}>{t('queue.kiosk')}</Link></li>
          <li><Link className="button" to={displayPath(unit)}>{t('queue.display')}</Link></li>
          <li><Link className="button" to={`${QUEUE_PATH}/${unit}/dat-lich`}>{t('queue.book')}</Link></li>
          <li><Link className="button button-ghost" to={`${QUEUE_PATH}/${unit}/quay`}>{t('queue.console')}</Link></li>
        </ul>
      ) : null}
    </section>
  );
}
