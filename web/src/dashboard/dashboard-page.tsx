// Điều hành: received by channel, finished early / on time / late, in progress on time / overdue,
// returned, supplements, average processing time per procedure, by Center / Branch / Reception Point and
// by competent agency, with a district map; every number opens the list of dossiers behind it.
import type { TFunction } from 'i18next';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fetchDashboard, fetchDistricts, exportUrl, withoutStructure, REPORTS, type Dashboard, type DashboardRow, type QueueWaitRow, type StatsFilter } from '../api/stats.ts';
import { api } from '../api/client.ts';
import { useSession } from '../auth/session-context.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { useLoader } from '../hooks/use-loader.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { Chart, echarts } from './chart.tsx';
import { drillLink, filterOf, FILTER_KEYS } from './filters.ts';
import { StructureNote, StructureSelect } from './structure-select.tsx';

type MapMeasure = 'received' | 'finishedLate' | 'inProgressOverdue' | 'onTimeRate';
const COLORS = { early: '#2e7d32', onTime: '#1565c0', late: '#c62828', overdue: '#ef6c00', neutral: '#607d8b' };

export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const filter = filterOf(params);
  const key = JSON.stringify(filter);
  const loaded = useLoader(key, (signal) => fetchDashboard(filter, signal));
  useDocumentTitle(t('dashboard.title'));
  const d = loaded.data;

  return (
    <section className="page dashboard" aria-labelledby="dashboard-title" data-testid="dashboard-page">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      {d && <p className="lead" data-testid="dashboard-scope">{t('dashboard.scope', { unit: d.unitName, from: d.period.from, to: d.period.to })}</p>}
      <StructureNote structure={d?.structure} testId="dashboard-structure" />
      <FilterForm filter={filter} onApply={(f) => setParams(new URLSearchParams(Object.entries(f).filter(([, v]) => v) as Array<[string, string]>))} />
      <ErrorAlert error={loaded.error} testId="dashboard-error" />
      {loaded.loading && !d && <p aria-live="polite">{t('dashboard.loading')}</p>}
      {d && (
        <>
          <Kpis d={d} filter={filter} />
          <p className="exports">
            <a href={exportUrl('/stats/reports/period.xlsx', filter)} data-testid="export-period">{t('dashboard.exportPeriod')}</a>
            {' · '}
            <a href={exportUrl('/stats/late.xlsx', filter)} data-testid="export-late">{t('dashboard.exportLate')}</a>
          </p>
          <Reports filter={filter} />
          <div className="chart-grid">
            <figure>
              <figcaption>{t('dashboard.charts.channel')}</figcaption>
              <Chart testId="chart-channel" label={t('dashboard.charts.channel')} option={pie([
                { name: t('dashboard.channel.direct'), value: d.received.direct, key: 'direct' },
                { name: t('dashboard.channel.online'), value: d.received.online, key: 'online' },
                { name: t('dashboard.channel.postal'), value: d.received.postal, key: 'postal' },
              ])} onPick={(p) => navigate(drillLink(filter, 'received', { channel: (p.data as { key: string }).key }))} />
            </figure>
            <figure>
              <figcaption>{t('dashboard.charts.finished')}</figcaption>
              <Chart testId="chart-finished" label={t('dashboard.charts.finished')} option={pie([
                { name: t('dashboard.kpi.early'), value: d.finished.early, key: 'finished_early', color: COLORS.early },
                { name: t('dashboard.kpi.onTime'), value: d.finished.onTime, key: 'finished_on_time', color: COLORS.onTime },
                { name: t('dashboard.kpi.late'), value: d.finished.late, key: 'finished_late', color: COLORS.late },
              ])} onPick={(p) => navigate(drillLink(filter, (p.data as { key: string }).key))} />
            </figure>
            <figure className="wide">
              <figcaption>{t('dashboard.charts.byUnit')}</figcaption>
              <Chart testId="chart-units" label={t('dashboard.charts.byUnit')} height={320} option={unitBars(d.byReceivingUnit, t)}
                onPick={(p) => navigate(drillLink(filter, p.seriesName === t('dashboard.kpi.overdue') ? 'in_progress_overdue' : 'received',
                  { receivingUnitCode: d.byReceivingUnit[p.dataIndex]?.key ?? '' }))} />
            </figure>
            <figure className="wide">
              <figcaption>{t('dashboard.charts.byAgency')}</figcaption>
              <Chart testId="chart-agencies" label={t('dashboard.charts.byAgency')} height={320} option={unitBars(d.byCompetentAgency.slice(0, 12), t)}
                onPick={(p) => navigate(drillLink(filter, p.seriesName === t('dashboard.kpi.overdue') ? 'in_progress_overdue' : 'received',
                  { competentUnitCode: d.byCompetentAgency[p.dataIndex]?.key ?? '' }))} />
            </figure>
            <figure className="wide">
              <figcaption>{t('dashboard.charts.processing')}</figcaption>
              <Chart testId="chart-procedures" label={t('dashboard.charts.processing')} option={procedureBars(d.byProcedure.filter((r) => r.averageProcessingHours !== null).slice(0, 10), t)}
                onPick={(p) => navigate(drillLink({ ...filter, procedureCode: d.byProcedure.filter((r) => r.averageProcessingHours !== null)[p.dataIndex]?.key ?? '' }, 'finished'))} />
            </figure>
            {d.daily && (
              <figure className="wide">
                <figcaption>{t('dashboard.charts.daily')}</figcaption>
                <Chart testId="chart-daily" label={t('dashboard.charts.daily')} option={dailyLines(d.daily, t)} />
              </figure>
            )}
            <DistrictMap d={d} filter={filter} />
          </div>
          <UnitTable title={t('dashboard.charts.byUnit')} rows={d.byReceivingUnit} filter={filter} side="receivingUnitCode" testId="table-units" />
          <UnitTable title={t('dashboard.charts.byAgency')} rows={d.byCompetentAgency} filter={filter} side="competentUnitCode" testId="table-agencies" />
          <QueueWaits rows={d.queueWaits} />
        </>
      )}
    </section>
  );
}

function FilterForm({ filter, onApply }: { filter: StatsFilter; onApply: (f: StatsFilter) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const myUnit = session.status === 'signed-in' ? session.user.unitCode : '';
  const units = useLoader(`units-${myUnit}`, (signal) => api.get<{ items: Array<{ code: string; name: string }> }>('/units', { parentCode: myUnit, limit: 200 }, signal));
  const [draft, setDraft] = useState<StatsFilter>(filter);
  const set = (k: keyof StatsFilter) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form className="filters" onSubmit={submit} data-testid="dashboard-filters">
      <label>{t('dashboard.filter.from')}<input type="date" value={draft.from ?? ''} onChange={set('from')} data-testid="filter-from" /></label>
      <label>{t('dashboard.filter.to')}<input type="date" value={draft.to ?? ''} onChange={set('to')} data-testid="filter-to" /></label>
      <label>{t('dashboard.filter.unit')}
        <select value={draft.unitCode ?? ''} onChange={set('unitCode')} data-testid="filter-unit">
          <option value="">{session.status === 'signed-in' ? session.user.unitName : ''}</option>
          {(units.data?.items ?? []).map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
        </select>
      </label>
      <label>{t('dashboard.filter.field')}<input value={draft.field ?? ''} onChange={set('field')} maxLength={300} /></label>
      <label>{t('dashboard.filter.procedure')}<input value={draft.procedureCode ?? ''} onChange={set('procedureCode')} maxLength={100} /></label>
      <label>{t('dashboard.filter.channel')}
        <select value={draft.channel ?? ''} onChange={set('channel')}>
          <option value="">{t('dashboard.filter.all')}</option>
          {(['direct', 'online', 'postal'] as const).map((c) => <option key={c} value={c}>{t(`dashboard.channel.${c}`)}</option>)}
        </select>
      </label>
      <StructureSelect value={draft} onChange={(v) => setDraft({ ...withoutStructure(draft), ...(v.structure ? { structure: v.structure } : {}), ...(v.structureAt ? { structureAt: v.structureAt } : {}) })} />
      <button type="submit" data-testid="filter-apply">{t('dashboard.filter.apply')}</button>
    </form>
  );
}

function Kpis({ d, filter }: { d: Dashboard; filter: StatsFilter }) {
  const { t } = useTranslation();
  const finished = d.finished.early + d.finished.onTime + d.finished.late;
  const rate = finished === 0 ? null : Math.round(((d.finished.early + d.finished.onTime) / finished) * 1000) / 10;
  const tiles: Array<{ id: string; label: string; value: number | string; measure?: string; tone?: string; extra?: Record<string, string> }> = [
    { id: 'carried', label: t('dashboard.kpi.carriedOver'), value: d.carriedOver },
    { id: 'received', label: t('dashboard.kpi.received'), value: d.received.total, measure: 'received' },
    { id: 'online', label: t('dashboard.channel.online'), value: d.received.online, measure: 'received', extra: { channel: 'online' } },
    { id: 'early', label: t('dashboard.kpi.early'), value: d.finished.early, measure: 'finished_early', tone: 'good' },
    { id: 'on-time', label: t('dashboard.kpi.onTime'), value: d.finished.onTime, measure: 'finished_on_time', tone: 'good' },
    { id: 'late', label: t('dashboard.kpi.late'), value: d.finished.late, measure: 'finished_late', tone: 'bad' },
    { id: 'in-progress', label: t('dashboard.kpi.inProgressOnTime'), value: d.inProgress.onTime, measure: 'in_progress_on_time' },
    { id: 'overdue', label: t('dashboard.kpi.overdue'), value: d.inProgress.overdue, measure: 'in_progress_overdue', tone: 'bad' },
    { id: 'returned', label: t('dashboard.kpi.returned'), value: d.returned, measure: 'returned' },
    { id: 'supplements', label: t('dashboard.kpi.supplements'), value: d.supplementRequests, measure: 'supplement_requests' },
    { id: 'rejected', label: t('dashboard.kpi.rejected'), value: d.rejected, measure: 'rejected' },
    { id: 'withdrawn', label: t('dashboard.kpi.withdrawn'), value: d.withdrawn, measure: 'withdrawn' },
    { id: 'rate', label: t('dashboard.kpi.onTimeRate'), value: rate === null ? '—' : `${rate} %` },
    { id: 'hours', label: t('dashboard.kpi.averageHours'), value: d.averageProcessingHours ?? '—' },
    { id: 'satisfaction', label: t('dashboard.kpi.satisfaction'), value: d.satisfaction.ratings === 0 ? '—' : `${d.satisfaction.satisfiedPercent} %` },
  ];
  return (
    <ul className="kpis">
      {tiles.map((k) => (
        <li key={k.id} className={`kpi ${k.tone ?? ''}`} data-testid={`kpi-${k.id}`}>
          <span className="kpi-label">{k.label}</span>
          {k.measure ? <Link className="kpi-value" to={drillLink(filter, k.measure, k.extra)} data-testid={`kpi-link-${k.id}`}>{k.value}</Link>
            : <span className="kpi-value">{k.value}</span>}
        </li>
      ))}
    </ul>
  );
}

function DistrictMap({ d, filter }: { d: Dashboard; filter: StatsFilter }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [measure, setMeasure] = useState<MapMeasure>('received');
  const geo = useLoader('districts', (signal) => fetchDistricts(signal));
  const option = useMemo(() => {
    if (!geo.data) return null;
    if (!echarts.getMap('motcua-districts')) echarts.registerMap('motcua-districts', geo.data as never);
    const byCode = new Map(d.byDistrict.map((r) => [r.key, r]));
    const value = (r: DashboardRow | undefined) => {
      if (!r) return 0;
      if (measure === 'onTimeRate') {
        const n = r.finishedEarly + r.finishedOnTime + r.finishedLate;
        return n === 0 ? 0 : Math.round(((r.finishedEarly + r.finishedOnTime) / n) * 100);
      }
      return r[measure];
    };
    const data = geo.data.features.map((f) => ({ name: f.properties.name, code: f.properties.code, value: value(byCode.get(f.properties.code)) }));
    const max = Math.max(1, ...data.map((x) => x.value));
    return {
      tooltip: { trigger: 'item' },
      visualMap: { min: 0, max: measure === 'onTimeRate' ? 100 : max, left: 'left', bottom: 10, calculable: true,
        inRange: { color: measure === 'received' ? ['#e3f2fd', '#0d47a1'] : measure === 'onTimeRate' ? ['#ffebee', '#1b5e20'] : ['#fff3e0', '#b71c1c'] } },
      series: [{ type: 'map', map: 'motcua-districts', roam: false, nameProperty: 'name', data, emphasis: { label: { show: true } } }],
    };
  }, [geo.data, d, measure]);
  return (
    <figure className="wide">
      <figcaption>
        {t('dashboard.charts.map')}{' '}
        <select value={measure} onChange={(e) => setMeasure(e.target.value as MapMeasure)} aria-label={t('dashboard.map.measure')} data-testid="map-measure">
          {(['received', 'finishedLate', 'inProgressOverdue', 'onTimeRate'] as const).map((m) => <option key={m} value={m}>{t(`dashboard.map.${m}`)}</option>)}
        </select>
      </figcaption>
      {option && <Chart testId="chart-map" label={t('dashboard.charts.map')} height={420} option={option}
        onPick={(p) => navigate(drillLink(filter, 'received', { receivingUnitCode: `CN${(p.data as { code: string }).code}` }))} />}
    </figure>
  );
}

function UnitTable({ title, rows, filter, side, testId }: { title: string; rows: DashboardRow[]; filter: StatsFilter; side: string; testId: string }) {
  const { t } = useTranslation();
  const cell = (r: DashboardRow, measure: string, value: number) =>
    r.key.startsWith('_') ? value : <Link to={drillLink(filter, measure, { [side]: r.key })}>{value}</Link>;
  return (
    <div className="table-scroll">
      <table className="data" data-testid={testId}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.table.unit')}</th>
            <th scope="col">{t('dashboard.kpi.received')}</th>
            <th scope="col">{t('dashboard.kpi.early')}</th>
            <th scope="col">{t('dashboard.kpi.onTime')}</th>
            <th scope="col">{t('dashboard.kpi.late')}</th>
            <th scope="col">{t('dashboard.kpi.inProgressOnTime')}</th>
            <th scope="col">{t('dashboard.kpi.overdue')}</th>
            <th scope="col">{t('dashboard.kpi.returned')}</th>
            <th scope="col">{t('dashboard.kpi.averageHours')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-code={r.key}>
              <th scope="row">{r.name}</th>
              <td>{cell(r, 'received', r.received)}</td>
              <td>{cell(r, 'finished_early', r.finishedEarly)}</td>
              <td>{cell(r, 'finished_on_time', r.finishedOnTime)}</td>
              <td>{cell(r, 'finished_late', r.finishedLate)}</td>
              <td>{cell(r, 'in_progress_on_time', r.inProgressOnTime)}</td>
              <td>{cell(r, 'in_progress_overdue', r.inProgressOverdue)}</td>
              <td>{cell(r, 'returned', r.returned)}</td>
              <td>{r.averageProcessingHours ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The standard reports, each as Excel or PDF, for the filter on screen (downloaded as files, streamed by the server). */
function Reports({ filter }: { filter: StatsFilter }) {
  const { t } = useTranslation();
  return (
    <details className="reports" data-testid="reports" open>
      <summary>{t('dashboard.reports.title')}</summary>
      <ul>
        {REPORTS.map((name) => (
          <li key={name}>
            {t(`dashboard.reports.${name}`)}:{' '}
            <a href={exportUrl(`/stats/reports/${name}.xlsx`, filter)} data-testid={`report-${name}-xlsx`} download>Excel</a>
            {' · '}
            <a href={exportUrl(`/stats/reports/${name}.pdf`, filter)} data-testid={`report-${name}-pdf`} download>PDF</a>
            {name === 'daily-intake' && <small> ({t('dashboard.reports.dailyLimit')})</small>}
          </li>
        ))}
      </ul>
    </details>
  );
}

const minutes = (seconds: number | null) => (seconds === null ? '—' : (seconds / 60).toFixed(1));

function QueueWaits({ rows }: { rows: QueueWaitRow[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data" data-testid="table-queue-waits">
        <caption>{t('dashboard.queue.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.queue.unit')}</th>
            <th scope="col">{t('dashboard.queue.group')}</th>
            <th scope="col">{t('dashboard.queue.tickets')}</th>
            <th scope="col">{t('dashboard.queue.called')}</th>
            <th scope="col">{t('dashboard.queue.average')}</th>
            <th scope="col">{t('dashboard.queue.p90')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && <tr><td colSpan={6}>{t('dashboard.queue.none')}</td></tr>}
          {rows.map((r) => (
            <tr key={`${r.unitCode}|${r.serviceGroup ?? ''}`} data-unit={r.unitCode} data-group={r.serviceGroup ?? ''} className={r.serviceGroup === null ? 'subtotal' : undefined}>
              <th scope="row">{r.serviceGroup === null ? r.unitName : ''}</th>
              <td>{r.serviceGroupName ?? t('dashboard.queue.allGroups')}</td>
              <td>{r.tickets}</td>
              <td>{r.called}</td>
              <td data-testid="queue-average">{minutes(r.avgWaitSeconds)}</td>
              <td data-testid="queue-p90">{minutes(r.p90WaitSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type T = TFunction;

function pie(items: Array<{ name: string; value: number; key: string; color?: string }>) {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['40%', '70%'], data: items.map((i) => ({ name: i.name, value: i.value, key: i.key, ...(i.color ? { itemStyle: { color: i.color } } : {}) })) }],
  };
}

function unitBars(rows: DashboardRow[], t: T) {
  const names = rows.map((r) => r.name);
  const series = (name: string, color: string, pickValue: (r: DashboardRow) => number) => ({ name, type: 'bar', stack: 'all', itemStyle: { color }, data: rows.map(pickValue) });
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 10, bottom: 60, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 30, interval: 0, fontSize: 10 } },
    yAxis: { type: 'value' },
    series: [
      series(t('dashboard.kpi.early'), COLORS.early, (r) => r.finishedEarly),
      series(t('dashboard.kpi.onTime'), COLORS.onTime, (r) => r.finishedOnTime),
      series(t('dashboard.kpi.late'), COLORS.late, (r) => r.finishedLate),
      series(t('dashboard.kpi.inProgressOnTime'), COLORS.neutral, (r) => r.inProgressOnTime),
      series(t('dashboard.kpi.overdue'), COLORS.overdue, (r) => r.inProgressOverdue),
    ],
  };
}

function procedureBars(rows: DashboardRow[], t: T) {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 10, bottom: 10, containLabel: true },
    xAxis: { type: 'value', name: t('dashboard.hours') },
    yAxis: { type: 'category', data: rows.map((r) => (r.name.length > 50 ? `${r.name.slice(0, 50)}…` : r.name)), axisLabel: { fontSize: 10 } },
    series: [{ type: 'bar', name: t('dashboard.kpi.averageHours'), data: rows.map((r) => r.averageProcessingHours ?? 0), itemStyle: { color: COLORS.onTime } }],
  };
}

function dailyLines(rows: DashboardRow[], t: T) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 10, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.key) },
    yAxis: { type: 'value' },
    series: [
      { type: 'line', name: t('dashboard.kpi.received'), data: rows.map((r) => r.received) },
      { type: 'line', name: t('dashboard.kpi.finished'), data: rows.map((r) => r.finishedEarly + r.finishedOnTime + r.finishedLate) },
    ],
  };
}

export { FILTER_KEYS };
