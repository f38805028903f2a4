// The impact of a plan as a manager reads it: counts, the network before → after, closed units with
// their successors, and where the open dossiers go.
import { useTranslation } from 'react-i18next';
import type { PlanAnswer } from '../api/restructure.ts';

const TYPES = ['center', 'branch', 'reception_point', 'agency'] as const;
const LIMIT = 60;

export function ImpactView({ answer }: { answer: PlanAnswer }) {
  const { t } = useTranslation();
  const i = answer.impact;
  const status = answer.status === 'preview' ? t('restructure.statusPreview') : answer.status === 'applied' ? t('restructure.statusApplied') : t('restructure.statusScheduled');
  const counts: Array<[string, number]> = [
    [t('restructure.unitsCreated'), i.unitsCreated],
    [t('restructure.unitsClosed'), i.unitsClosed],
    [t('restructure.dossiersMoved'), i.dossiersMoved],
    [t('restructure.staffMoved'), i.staffMoved],
    [t('restructure.ticketsMoved'), i.ticketsMoved],
    [t('restructure.appointmentsMoved'), i.appointmentsMoved ?? 0],
    [t('restructure.countersMoved'), i.openWork?.counters ?? 0],
    [t('restructure.otherWorkMoved'), (i.openWork?.paperTransfers ?? 0) + (i.openWork?.subDossiers ?? 0) + (i.openWork?.feedback ?? 0)],
    [t('restructure.deadlinesChanged'), i.deadlinesChanged],
  ];
  return (
    <section className="restructure-impact" aria-labelledby="impact-title" data-testid="restructure-impact">
      <h2 id="impact-title">{t('restructure.impactTitle', { id: answer.planId, at: answer.effectiveAt })}</h2>
      <p className={answer.status === 'preview' ? 'alert' : 'alert alert-success'} role="status" data-testid="restructure-status">{status}</p>
      <dl className="impact-counts">
        {counts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value.toLocaleString('vi-VN')}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('restructure.networkTitle')}</h3>
      <table className="data-table" data-testid="restructure-network">
        <tbody>
          {TYPES.map((type) => (
            <tr key={type}>
              <th scope="row">{t(`restructure.type.${type}`)}</th>
              <td>{i.network.before[type] ?? 0} → {i.network.after[type] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {i.units.closed.length > 0 && (
        <>
          <h3>{t('restructure.closedTitle')}</h3>
          <ul className="closed-units">
            {i.units.closed.slice(0, LIMIT).map((u) => (
              <li key={u.code}>
                <strong>{u.name}</strong> ({u.code}) → {u.successors.join(', ') || '—'}
                {u.openDossiers > 0 && <> · {t('restructure.openDossiers', { count: u.openDossiers })}</>}
              </li>
            ))}
            {i.units.closed.length > LIMIT && <li>{t('restructure.more', { count: i.units.closed.length - LIMIT })}</li>}
          </ul>
        </>
      )}
      {i.units.created.length > 0 && (
        <>
          <h3>{t('restructure.createdTitle')}</h3>
          <ul className="created-units">
            {i.units.created.slice(0, LIMIT).map((u) => (
              <li key={u.code}>{u.name} ({u.code}) — {t(`restructure.type.${u.type as (typeof TYPES)[number]}`)}</li>
            ))}
            {i.units.created.length > LIMIT && <li>{t('restructure.more', { count: i.units.created.length - LIMIT })}</li>}
          </ul>
        </>
      )}
      {i.dossiers.length > 0 && (
        <>
          <h3>{t('restructure.dossiersTitle')}</h3>
          <table className="data-table" data-testid="restructure-dossiers">
            <thead>
              <tr><th scope="col">{t('restructure.colUnit')}</th><th scope="col">{t('restructure.colRole')}</th><th scope="col">{t('restructure.colCount')}</th><th scope="col">{t('restructure.colTo')}</th></tr>
            </thead>
            <tbody>
              {i.dossiers.slice(0, LIMIT).map((d) => (
                <tr key={`${d.unitCode}-${d.role}`}>
                  <td>{d.unitCode}</td>
                  <td>{t(`restructure.role.${d.role}`)}</td>
                  <td>{d.count}</td>
                  <td>{Object.entries(d.to).map(([code, n]) => `${code} (${n})`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {i.dossiers.length > LIMIT && <p>{t('restructure.more', { count: i.dossiers.length - LIMIT })}</p>}
        </>
      )}
    </section>
  );
}
