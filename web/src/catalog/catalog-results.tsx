// The result list: total, the typo-correction hint, one card per procedure, paging.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProcedureSearch } from '../api/procedures.ts';
import { PAGE_SIZE } from './catalog-params.ts';
import { formatNumber, procedurePath, summaryTimeLimit } from './format.ts';

interface Props {
  result: ProcedureSearch;
  typed: string;
  page: number;
  busy: boolean;
  onPage: (page: number) => void;
}

export function CatalogResults({ result, typed, page, busy, onPage }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));

  return (
    <section className="catalog-results" aria-busy={busy || undefined} data-testid="catalog-results" aria-labelledby="catalog-total">
      <p id="catalog-total" className="catalog-total" role="status" data-testid="catalog-total" data-total={result.total}>
        {t('catalog.total', { count: result.total, formatted: formatNumber(result.total, language) })}
      </p>
      {result.correctedQuery ? (
        <p className="catalog-corrected" data-testid="catalog-corrected">
          {t('catalog.corrected', { typed, corrected: result.correctedQuery })}
        </p>
      ) : null}
      {result.items.length === 0 ? (
        <div className="catalog-empty" data-testid="catalog-empty">
          <p>{t('catalog.empty')}</p>
          <p className="muted">{t('catalog.emptyHint')}</p>
        </div>
      ) : (
        <ol className="catalog-list" start={(page - 1) * PAGE_SIZE + 1}>
          {result.items.map((item) => (
            <li key={item.code} className="catalog-item" data-testid="catalog-item" data-code={item.code}>
              <h3 className="catalog-item-name">
                <Link to={procedurePath(item.code)}>{item.name}</Link>
              </h3>
              <p className="catalog-item-meta">
                <span className="catalog-code">{t('catalog.code', { code: item.code })}</span>
                <span>{item.field}</span>
                <span>{t(`catalog.levels.${item.level}`)}</span>
              </p>
              <p className="catalog-item-meta">
                <span className={item.processingDays === null && item.processingHours === null ? 'catalog-unparsed' : undefined}>
                  <span className="sr-only">{t('catalog.timeLimit')}: </span>
                  {summaryTimeLimit(item, t)}
                </span>
                <span>{t(`catalog.online.${item.onlineLevel}`)}</span>
                {item.locationFree ? <span className="catalog-badge">{t('catalog.badgeLocationFree')}</span> : null}
              </p>
            </li>
          ))}
        </ol>
      )}
      {pages > 1 ? (
        <nav className="catalog-pager" aria-label={t('catalog.pagination')}>
          <button type="button" className="button" data-testid="catalog-prev" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {t('catalog.prev')}
          </button>
          <span className="catalog-page-of">{t('catalog.pageOf', { page, pages })}</span>
          <button type="button" className="button" data-testid="catalog-next" disabled={page >= pages} onClick={() => onPage(page + 1)}>
            {t('catalog.next')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}
