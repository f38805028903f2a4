// The network planning view of a plan: points per district before → after (table and two maps), and the
// points that would take over work, with their staff, counters, in-person load and busiest-hour wait.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchDistricts } from '../api/stats.ts';
import type { NetworkPlanning } from '../api/restructure.ts';
import { useLoader } from '../hooks/use-loader.ts';
import { Chart, echarts } from '../dashboard/chart.tsx';

const arrow = (a: number | null, b: number | null) => `${a ?? '—'} → ${b ?? '—'}`;

export function PlanningView({ planning }: { planning: NetworkPlanning }) {
  const { t } = useTranslation();
  const geo = useLoader('districts', (signal) => fetchDistricts(signal));
  // Points that take over a closed unit's work (or open with the plan), whatever their load.
  const takingOver = new Set(planning.points.filter((p) => p.state === 'closed' && p.successor !== null).map((p) => p.successor));
  const absorbing = planning.points.filter((p) => p.state !== 'closed' && (takingOver.has(p.code) || p.state === 'created' || p.absorbedPerDay > 0));
  const districtName = new Map(planning.districts.map((d) => [d.code, d.name]));
  const map = (pick: (d: NetworkPlanning['districts'][number]) => number) => {
    if (!geo.data) return null;
    if (!echarts.getMap('motcua-districts')) echarts.registerMap('motcua-districts', geo.data as never);
    const byCode = new Map(planning.districts.map((d) => [d.code, d]));
    const max = Math.max(1, ...planning.districts.filter((d) => d.code !== null).map((d) => d.pointsBefore));
    const data = geo.data.features.map((f) => ({ name: f.properties.name, value: byCode.has(f.properties.code) ? pick(byCode.get(f.properties.code)!) : 0 }));
    return {
      tooltip: { trigger: 'item' },
      // The same scale on both maps, so a lighter district after is one that lost points.
      visualMap: { min: 0, max, left: 'left', bottom: 10, calculable: true, inRange: { color: ['#fff3e0', '#0d47a1'] } },
      series: [{ type: 'map', map: 'motcua-districts', roam: false, nameProperty: 'name', data, label: { show: true, formatter: '{c}', fontSize: 10 } }],
    };
  };
  const before = useMemo(() => map((d) => d.pointsBefore), [geo.data, planning]);
  const after = useMemo(() => map((d) => d.pointsAfter), [geo.data, planning]);

  return (
    <section aria-labelledby="planning-title" data-testid="restructure-planning">
      <h2 id="planning-title">{t('restructure.planningTitle')}</h2>
      <p className="muted">{t('restructure.planningWindow', { from: planning.window.from, to: planning.window.to, days: planning.window.observedDays })} {planning.method}</p>
      <table className="table" data-testid="planning-districts">
        <thead><tr><th>{t('restructure.colDistrict')}</th><th>{t('restructure.colPoints')}</th><th>{t('restructure.colStaff')}</th><th>{t('restructure.colVisits')}</th></tr></thead>
        <tbody>
          {planning.districts.map((d) => (
            <tr key={d.code ?? 'province'}>
              <td>{d.code === null ? t('restructure.province') : d.name}</td>
              <td>{arrow(d.pointsBefore, d.pointsAfter)}</td>
              <td>{arrow(d.staffBefore, d.staffAfter)}</td>
              <td>{d.visitsPerDay}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="planning-maps" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: '1rem' }}>
        {before && <figure><figcaption>{t('restructure.mapBefore')}</figcaption><Chart testId="planning-map-before" label={t('restructure.mapBefore')} height={360} option={before} /></figure>}
        {after && <figure><figcaption>{t('restructure.mapAfter')}</figcaption><Chart testId="planning-map-after" label={t('restructure.mapAfter')} height={360} option={after} /></figure>}
      </div>
      {absorbing.length === 0 ? <p>{t('restructure.noAbsorbing')}</p> : (
        <table className="table" data-testid="planning-points">
          <thead><tr><th>{t('restructure.colPoint')}</th><th>{t('restructure.colDistrict')}</th><th>{t('restructure.colStaff')}</th><th>{t('restructure.colCounters')}</th><th>{t('restructure.colLoad')}</th><th>{t('restructure.colWait')}</th></tr></thead>
          <tbody>
            {absorbing.map((p) => (
              <tr key={p.code} data-testid={`planning-point-${p.code}`}>
                <td>{p.name} <span className="muted">({p.code})</span></td>
                <td>{p.districtCode === null ? t('restructure.province') : districtName.get(p.districtCode) ?? p.districtCode}</td>
                <td>{arrow(p.staffBefore, p.staffAfter)}</td>
                <td>{arrow(p.countersBefore, p.countersAfter)}</td>
                <td>{arrow(p.visitsPerDayBefore, p.visitsPerDayAfter)} (+{p.absorbedPerDay})</td>
                <td>{arrow(p.waitMinutesBefore, p.waitMinutesAfter)}{p.saturatedAfter ? ` — ${t('restructure.saturated')}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
