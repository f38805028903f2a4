// Filters of the catalog: location-free only (on by default), level, field (from the catalog's fields),
// online service level.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchProcedureFields, ONLINE_LEVELS, PROCEDURE_LEVELS, type OnlineLevel, type ProcedureLevel } from '../api/procedures.ts';
import type { CatalogParams } from './catalog-params.ts';
import { useLoader } from '../hooks/use-loader.ts';

interface Props {
  state: CatalogParams;
  onChange: (change: Partial<CatalogParams>) => void;
}

export function CatalogFilters({ state, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const fields = useLoader('fields', (signal) => fetchProcedureFields(signal));
  const items = fields.data?.items ?? [];
  const selected = state.level !== '' || state.field !== '' || state.onlineLevel !== '';
  const filtered = selected || !state.locationFree;
  // On a phone the selects fold away under "Lọc thêm" so results come first; open on wider screens or when used.
  const [open, setOpen] = useState(() => selected || window.matchMedia('(min-width: 40rem)').matches);

  return (
    <fieldset className="catalog-filters">
      <legend className="sr-only">{t('catalog.filtersTitle')}</legend>
      <label className="catalog-check">
        <input
          type="checkbox"
          data-testid="catalog-filter-locationfree"
          checked={state.locationFree}
          onChange={(e) => onChange({ locationFree: e.target.checked })}
        />
        <span>{t('catalog.locationFree')}</span>
      </label>
      <details className="catalog-more" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('catalog.moreFilters')}</summary>
        <div className="catalog-selects">
          <div className="field">
            <label htmlFor={`${id}-level`}>{t('catalog.level')}</label>
            <select
              id={`${id}-level`}
              data-testid="catalog-filter-level"
              value={state.level}
              onChange={(e) => onChange({ level: e.target.value as ProcedureLevel | '' })}
            >
              <option value="">{t('catalog.any')}</option>
              {PROCEDURE_LEVELS.map((level) => (
                <option key={level} value={level}>{t(`catalog.levels.${level}`)}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-field`}>{t('catalog.field')}</label>
            <select id={`${id}-field`} data-testid="catalog-filter-field" value={state.field} onChange={(e) => onChange({ field: e.target.value })}>
              <option value="">{t('catalog.any')}</option>
              {state.field && !items.some((f) => f.field === state.field) ? <option value={state.field}>{state.field}</option> : null}
              {items.map((f) => (
                <option key={f.field} value={f.field}>{t('catalog.fieldOption', { field: f.field, count: f.count })}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-online`}>{t('catalog.onlineLevel')}</label>
            <select
              id={`${id}-online`}
              data-testid="catalog-filter-online"
              value={state.onlineLevel}
              onChange={(e) => onChange({ onlineLevel: e.target.value as OnlineLevel | '' })}
            >
              <option value="">{t('catalog.any')}</option>
              {ONLINE_LEVELS.map((level) => (
                <option key={level} value={level}>{t(`catalog.online.${level}`)}</option>
              ))}
            </select>
          </div>
        </div>
      </details>
      {filtered ? (
        <button
          type="button"
          className="button button-quiet catalog-clear"
          onClick={() => onChange({ locationFree: true, level: '', field: '', onlineLevel: '' })}
        >
          {t('catalog.clear')}
        </button>
      ) : null}
    </fieldset>
  );
}
