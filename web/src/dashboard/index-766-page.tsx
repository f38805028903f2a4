// Chỉ số 766: the service index of a unit's subtree per group and indicator (points / max, the measured
// input, "chưa đo" where the system cannot measure), a chart comparing the units below, and the Circular
// 01/2018 evaluation of the unit and its officers. Indicators backed by dossiers open the list behind them.
import type { TFunction } from 'i18next';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { fetchEvaluation, fetchServiceIndex, type Evaluation, type IndexQuery, type IndicatorScore, type PeriodKind, type ServiceIndex } from '../api/service-index.ts';
import { useSession } from '../auth/session-context.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { useLoader } from '../hooks/use-loader.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { Chart } from './chart.tsx';
import { drillLink } from './filters.ts';
import { StructureNote, StructureSelect } from './structure-select.tsx';

const PERIODS: PeriodKind[] = ['month', 'quarter', 'year'];
const GROUP_COLORS = ['#1565c0', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#c62828'];

function queryOf(params: URLSearchParams): IndexQuery {
  const q: IndexQuery = {};
  const unitCode = params.get('unitCode');
  const period = params.get('period');
  const at = params.get('at');
  if (unitCode) q.unitCode = unitCode;
  if (period && (PERIODS as string[]).includes(period)) q.period = period as PeriodKind;
  if (at) q.at = at;
  const structure = params.get('structure');
  const structureAt = params.get('structureAt');
  if (structure) q.structure = structure;
  if (structure === 'asOf' && structureAt) q.structureAt = structureAt;
  return q;
}

export function Index766Page() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const key = JSON.stringify(query);
  const index = useLoader(`index-${key}`, (signal) => fetchServiceIndex(query, signal));
  const evaluation = useLoader(`evaluation-${key}`, (signal) => fetchEvaluation(query, signal));
  useDocumentTitle(t('serviceIndex.tabs.index'));
  const d = index.data;

  return (
    <section className="page dashboard index-766" aria-labelledby="index-title" data-testid="index-766-page">
      <h1 id="index-title">{t('serviceIndex.title')}</h1>
      {d && <p className="lead" data-testid="index-scope">{t('serviceIndex.scope', { unit: d.unitName, period: d.period.label, from: d.period.from, to: d.period.to })}</p>}
      <IndexFilter query={query} onApply={(q) => setParams(new URLSearchParams(Object.entries(q).filter(([, v]) => v) as Array<[string, string]>))} />
      <ErrorAlert error={index.error} testId="index-error" />
      {index.loading && !d && <p aria-live="polite">{t('serviceIndex.loading')}</p>}
      <StructureNote structure={d?.structure} testId="index-structure" />
      {d && <IndexTables d={d} />}
      {d && d.byUnit.length > 0 && (
        <figure className="chart-box">
          <figcaption>{t('serviceIndex.compare')}</figcaption>
          <Chart testId="chart-index-units" label={t('serviceIndex.compare')} height={Math.max(260, d.byUnit.length * 28 + 80)} option={compareBars(d, t)} />
        </figure>
      )}
      <ErrorAlert error={evaluation.error} testId="evaluation-error" />
      {evaluation.data && <EvaluationTables e={evaluation.data} />}
    </section>
  );
}

function IndexFilter({ query, onApply }: { query: IndexQuery; onApply: (q: IndexQuery) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const myUnit = session.status === 'signed-in' ? session.user.unitCode : '';
  const units = useLoader(`units-${myUnit}`, (signal) => api.get<{ items: Array<{ code: string; name: string }> }>('/units', { parentCode: myUnit, limit: 200 }, signal));
  const [draft, setDraft] = useState<IndexQuery>(query);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form className="filters" onSubmit={submit} data-testid="index-filters">
      <label>{t('serviceIndex.filter.unit')}
        <select value={draft.unitCode ?? ''} onChange={(e) => setDraft({ ...draft, unitCode: e.target.value || undefined })} data-testid="index-unit">
          <option value="">{session.status === 'signed-in' ? session.user.unitName : ''}</option>
          {(units.data?.items ?? []).map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
        </select>
      </label>
      <label>{t('serviceIndex.filter.period')}
        <select value={draft.period ?? 'month'} onChange={(e) => setDraft({ ...draft, period: e.target.value as PeriodKind })} data-testid="index-period">
          {PERIODS.map((p) => <option key={p} value={p}>{t(`serviceIndex.period.${p}`)}</option>)}
        </select>
      </label>
      <label>{t('serviceIndex.filter.at')}<input type="date" value={draft.at ?? ''} onChange={(e) => setDraft({ ...draft, at: e.target.value || undefined })} data-testid="index-at" /></label>
      <StructureSelect value={draft} onChange={(v) => setDraft({ ...draft, structure: v.structure, structureAt: v.structureAt })} testId="index-structure-select" />
      <button type="submit" data-testid="index-apply">{t('serviceIndex.filter.apply')}</button>
    </form>
  );
}

function IndexTables({ d }: { d: ServiceIndex }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="kpi-value" data-testid="index-total" data-points={d.points}>{t('serviceIndex.total', { points: d.points, max: d.maxPoints })}</p>
      <p className="muted">{t('serviceIndex.measuredNote', { measured: d.measuredMaxPoints })}{d.config.source === 'configured' ? ` ${t('serviceIndex.configured')}` : ''}</p>
      {d.groups.map((g) => (
        <div className="table-scroll" key={g.id}>
          <table className="data" data-testid={`index-group-${g.id}`}>
            <caption>
              {t(`serviceIndex.group.${g.id}` as 'serviceIndex.group.publicity')}: <strong data-testid={`index-group-points-${g.id}`}>{g.points}</strong> / {g.maxPoints}
            </caption>
            <thead>
              <tr><th scope="col">{t('serviceIndex.col.indicator')}</th><th scope="col">{t('serviceIndex.col.points')}</th><th scope="col">{t('serviceIndex.col.measured')}</th><th scope="col">{t('serviceIndex.col.rule')}</th></tr>
            </thead>
            <tbody>{g.indicators.map((i) => <IndicatorRow key={i.id} i={i} d={d} />)}</tbody>
          </table>
        </div>
      ))}
    </>
  );
}

function IndicatorRow({ i, d }: { i: IndicatorScore; d: ServiceIndex }) {
  const { t } = useTranslation();
  const measured = i.status === 'not_measured' ? <span className="muted" title={i.reason ?? undefined}>{t('serviceIndex.notMeasured')}</span>
    : i.status === 'no_data' ? <span className="muted">{t('serviceIndex.noData')}</span>
      : i.rule === 'share_of_legal_time' ? t('serviceIndex.share', { percent: i.percent, total: i.total })
        : t('serviceIndex.ratio', { count: i.count, total: i.total, percent: i.percent });
  const rule = `${i.rule === 'rate' ? t('serviceIndex.rule.rate', { full: i.fullAtPercent }) : t('serviceIndex.rule.share', { full: i.fullAtPercent })}${i.thresholdSource === 'assumption' ? ` ${t('serviceIndex.rule.assumption')}` : ''}`;
  const drill = i.drill && i.status === 'scored'
    ? drillLink({ from: d.period.from, to: d.period.to, unitCode: d.unitCode, ...(i.drill.channel ? { channel: i.drill.channel } : {}) }, i.drill.measure)
    : null;
  return (
    <tr data-testid="index-indicator" data-id={i.id} data-status={i.status} data-points={i.points ?? ''}>
      <th scope="row">{i.id} {t(`serviceIndex.indicator.${i.id}` as 'serviceIndex.indicator.1.1')}</th>
      <td className="num">{i.points === null ? '—' : i.points} / {i.maxPoints}</td>
      <td>{measured}{drill && <> · <Link to={drill} data-testid={`index-drill-${i.id}`}>{t('serviceIndex.drill')}</Link></>}</td>
      <td className="muted">{rule}</td>
    </tr>
  );
}

function compareBars(d: ServiceIndex, t: TFunction) {
  const units = [...d.byUnit].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', data: units.map((u) => u.unitName), axisLabel: { width: 220, overflow: 'truncate' } },
    series: d.groups.map((g, n) => ({
      name: t(`serviceIndex.group.${g.id}` as 'serviceIndex.group.publicity'), type: 'bar', stack: 'points', color: GROUP_COLORS[n],
      data: units.map((u) => u.groups.find((x) => x.id === g.id)?.points ?? 0),
    })),
  };
}

function EvaluationTables({ e }: { e: Evaluation }) {
  const { t } = useTranslation();
  const indices = useMemo(() => [1, 2, 3, 4, 6, 7], []);
  return (
    <section aria-labelledby="evaluation-title" data-testid="evaluation">
      <h2 id="evaluation-title">{t('serviceIndex.evaluation.title')} — {e.period.label}</h2>
      <p data-testid="evaluation-unit" data-band={e.unit.band ?? ''}>
        {e.unit.scaledScore === null ? t('serviceIndex.evaluation.unitNone')
          : t('serviceIndex.evaluation.unit', { score: e.unit.score, max: e.unit.measuredMax, scaled: e.unit.scaledScore, band: e.unit.bandLabel })}
      </p>
      <p className="muted">{t('serviceIndex.evaluation.note')}</p>
      <h3>{t('serviceIndex.evaluation.officers')}</h3>
      {e.officers.length === 0 ? <p>{t('serviceIndex.evaluation.none')}</p> : (
        <div className="table-scroll">
          <table className="data" data-testid="evaluation-officers">
            <thead>
              <tr>
                <th scope="col">{t('serviceIndex.evaluation.col.officer')}</th><th scope="col">{t('serviceIndex.evaluation.col.unit')}</th>
                <th scope="col">{t('serviceIndex.evaluation.col.dossiers')}</th>
                {indices.map((n) => <th scope="col" key={n}>{t('serviceIndex.evaluation.col.index', { n })}</th>)}
                <th scope="col">{t('serviceIndex.evaluation.col.score')}</th><th scope="col">{t('serviceIndex.evaluation.col.band')}</th>
              </tr>
            </thead>
            <tbody>
              {e.officers.map((o) => (
                <tr key={o.username} data-testid="evaluation-officer" data-username={o.username} data-score={o.score}>
                  <th scope="row">{o.fullName ?? o.username} <span className="muted">({o.username})</span></th>
                  <td>{o.unitName ?? ''}</td>
                  <td className="num">{o.dossiers}</td>
                  {indices.map((n) => <td className="num" key={n}>{o.indices[String(n)]}</td>)}
                  <td className="num">{o.score}</td>
                  <td>{o.bandLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {e.byUnit.length > 0 && (
        <>
          <h3>{t('serviceIndex.evaluation.byUnit')}</h3>
          <div className="table-scroll">
            <table className="data" data-testid="evaluation-units">
              <thead>
                <tr>
                  <th scope="col">{t('serviceIndex.evaluation.col.unit')}</th><th scope="col">{t('serviceIndex.evaluation.col.dossiers')}</th>
                  <th scope="col">{t('serviceIndex.evaluation.col.scaled')}</th><th scope="col">{t('serviceIndex.evaluation.col.band')}</th>
                </tr>
              </thead>
              <tbody>
                {e.byUnit.map((u) => (
                  <tr key={u.unitCode} data-code={u.unitCode}>
                    <th scope="row">{u.unitName}</th><td className="num">{u.dossiers}</td><td className="num">{u.scaledScore ?? '—'}</td><td>{u.bandLabel ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
