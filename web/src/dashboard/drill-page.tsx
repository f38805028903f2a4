// /dieu-hanh/ho-so: the dossiers behind one number of the dashboard, each opening on the desk.
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fetchDrill, withoutStructure } from '../api/stats.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { formatInstant } from '../calendar/format-date.ts';
import { useLoader } from '../hooks/use-loader.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { filterOf } from './filters.ts';

const PAGE = 50;

export function DrillPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = withoutStructure(filterOf(params));
  const measure = params.get('measure') ?? 'received';
  const receivingUnitCode = params.get('receivingUnitCode') ?? undefined;
  const competentUnitCode = params.get('competentUnitCode') ?? undefined;
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const loaded = useLoader(params.toString(), (signal) => fetchDrill({ ...filter, measure, receivingUnitCode, competentUnitCode, limit: PAGE, offset }, signal));
  const title = t('dashboard.drill.title', { measure: t(`dashboard.measure.${measure}`, { defaultValue: measure }) });
  useDocumentTitle(title);
  const back = new URLSearchParams(Object.entries(filter) as Array<[string, string]>);
  const page = (to: number) => {
    const next = new URLSearchParams(params);
    next.set('offset', String(to));
    setParams(next);
  };
  return (
    <section className="page" aria-labelledby="drill-title" data-testid="drill-page">
      <p><Link to={`/dieu-hanh?${back.toString()}`}>{t('dashboard.drill.back')}</Link></p>
      <h1 id="drill-title">{title}</h1>
      <ErrorAlert error={loaded.error} />
      {loaded.data && (
        <>
          <p data-testid="drill-total" data-total={loaded.data.total}>{t('dashboard.drill.total', { count: loaded.data.total })}</p>
          <div className="table-scroll">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.drill.code')}</th>
                  <th scope="col">{t('dashboard.drill.procedure')}</th>
                  <th scope="col">{t('dashboard.drill.received')}</th>
                  <th scope="col">{t('dashboard.drill.due')}</th>
                  <th scope="col">{t('dashboard.drill.status')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.items.map((i) => (
                  <tr key={`${i.code}-${i.at}`} data-testid="drill-item" data-code={i.code}>
                    <td><Link to={`/xu-ly/${encodeURIComponent(i.code)}`}>{i.code}</Link></td>
                    <td>{i.procedureName}</td>
                    <td>{i.receivedAt ? formatInstant(i.receivedAt, t) : ''}</td>
                    <td>{i.dueAt ? formatInstant(i.dueAt, t) : ''}</td>
                    <td>{t(`dossier.status.${i.status}`, { defaultValue: i.status })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="pager">
            {offset > 0 && <button type="button" onClick={() => page(Math.max(0, offset - PAGE))}>{t('dashboard.drill.previous')}</button>}
            {offset + PAGE < loaded.data.total && <button type="button" onClick={() => page(offset + PAGE)}>{t('dashboard.drill.next')}</button>}
          </p>
        </>
      )}
    </section>
  );
}
