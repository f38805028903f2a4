// /hang-doi/di-dau — "where to go now": open points for a service group ranked by travel + estimated wait.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchReceptionUnits, fetchWhere, type WhereAnswer } from '../api/queue.ts';
import { useLoader } from '../hooks/use-loader.ts';
import { errorMessage } from '../i18n/error-message.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { QUEUE_PATH } from './queue-area.tsx';

const GROUPS = [['HT', 'Hộ tịch'], ['DD', 'Đất đai'], ['KD', 'Kinh doanh'], ['CT', 'Chứng thực'], ['TH', 'Tổng hợp']] as const;

export function WherePage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('queue.whereTitle'));
  const units = useLoader('units', fetchReceptionUnits);
  const communes = (units.data ?? []).filter((u) => u.type === 'reception_point' && u.areaCode);
  const [group, setGroup] = useState('HT');
  const [commune, setCommune] = useState('');
  const [answer, setAnswer] = useState<WhereAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setAnswer(await fetchWhere(group, commune));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="page">
      <h1>{t('queue.whereTitle')}</h1>
      <p className="lead">{t('queue.whereLead')}</p>
      <form className="where-form" onSubmit={(e) => void submit(e)}>
        <label className="field"><span>{t('queue.groupLabel')}</span>
          <select value={group} onChange={(e) => setGroup(e.target.value)} data-testid="where-group">
            {GROUPS.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        </label>
        <label className="field"><span>{t('queue.communeLabel')}</span>
          <select value={commune} onChange={(e) => setCommune(e.target.value)} required data-testid="where-commune">
            <option value="">—</option>
            {communes.map((u) => <option key={u.areaCode!} value={u.areaCode!}>{u.name.replace(/^Điểm tiếp nhận /, '')}</option>)}
          </select>
        </label>
        <button type="submit" className="button button-primary">{t('queue.search')}</button>
      </form>
      {error ? <p className="alert alert-error" role="alert">{errorMessage(error, t, i18n.resolvedLanguage ?? 'vi')}</p> : null}
      {answer ? (
        <>
          <ol className="where-list" data-testid="where-results">
            {answer.items.map((p) => (
              <li key={p.unitCode} className="where-item">
                <strong>{p.unitName}</strong>
                <span>{t(`queue.proximity.${p.proximity}`, { km: p.distanceKm ?? '?' })}</span>
                {p.open && p.totalMinutes !== null
                  ? <span>{t('queue.totalTime', { minutes: p.totalMinutes, travel: p.travelMinutes, wait: p.estimatedWaitMinutes })} · {t('queue.waitingCount', { count: p.waiting })}</span>
                  : <span className="muted">{t('queue.closed')}</span>}
                <span><Link to={`${QUEUE_PATH}/${p.unitCode}/dat-lich`}>{t('queue.book')}</Link></span>
              </li>
            ))}
          </ol>
          <p className="muted">{answer.distanceBasis}</p>
        </>
      ) : null}
    </section>
  );
}
