// /thu-tuc: the procedure catalog — search as you type, filters, paged results; the state lives in the address.
import { useTranslation } from 'react-i18next';
import { searchProcedures } from '../api/procedures.ts';
import { ErrorAlert } from '../calendar/error-alert.tsx';
import { CatalogFilters } from '../catalog/catalog-filters.tsx';
import { toProcedureQuery, useCatalogParams, writeCatalogParams } from '../catalog/catalog-params.ts';
import { CatalogResults } from '../catalog/catalog-results.tsx';
import { SearchBox } from '../catalog/search-box.tsx';
import { useLoader } from '../hooks/use-loader.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';

export function CatalogPage() {
  const { t } = useTranslation();
  const [state, update] = useCatalogParams();
  useDocumentTitle(t('catalog.title'));
  const key = writeCatalogParams(state).toString();
  const search = useLoader(key, (signal) => searchProcedures(toProcedureQuery(state), signal));

  function goToPage(page: number) {
    update({ page });
    document.getElementById('catalog-top')?.scrollIntoView({ block: 'start' });
  }

  return (
    <div className="catalog-page" data-testid="catalog-page">
      <header className="page-intro" id="catalog-top">
        <h1>{t('catalog.title')}</h1>
        <p className="lead">{t('catalog.lead')}</p>
      </header>
      <div className="catalog-tools card">
        <SearchBox value={state.q} onSearch={(q, replace) => update({ q }, replace)} />
        <CatalogFilters state={state} onChange={(change) => update(change)} />
      </div>
      {search.error ? (
        <div className="catalog-error">
          <ErrorAlert error={search.error} testId="catalog-error" />
          <button type="button" className="button" onClick={search.reload}>{t('catalog.retry')}</button>
        </div>
      ) : search.data ? (
        <CatalogResults result={search.data} typed={state.q} page={state.page} busy={search.loading} onPage={goToPage} />
      ) : (
        <p className="muted" role="status">{t('catalog.loading')}</p>
      )}
    </div>
  );
}
