// The catalog's search state, kept in the address so a search can be linked and Back works:
// ?q=khai+sinh&trang=2&cap=commune&linh-vuc=Hộ+tịch&truc-tuyen=full&phi-dia-gioi=0
// Location-free only is the default; `phi-dia-gioi=0` turns it off.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ONLINE_LEVELS, PROCEDURE_LEVELS, type OnlineLevel, type ProcedureLevel, type ProcedureQuery } from '../api/procedures.ts';

export const PAGE_SIZE = 20;

export interface CatalogParams {
  q: string;
  page: number;
  locationFree: boolean;
  level: ProcedureLevel | '';
  field: string;
  onlineLevel: OnlineLevel | '';
}

const KEYS = { q: 'q', page: 'trang', locationFree: 'phi-dia-gioi', level: 'cap', field: 'linh-vuc', onlineLevel: 'truc-tuyen' } as const;

export function readCatalogParams(params: URLSearchParams): CatalogParams {
  const page = Number(params.get(KEYS.page));
  const level = params.get(KEYS.level) ?? '';
  const online = params.get(KEYS.onlineLevel) ?? '';
  return {
    q: (params.get(KEYS.q) ?? '').slice(0, 200),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    locationFree: params.get(KEYS.locationFree) !== '0',
    level: (PROCEDURE_LEVELS as readonly string[]).includes(level) ? (level as ProcedureLevel) : '',
    field: params.get(KEYS.field) ?? '',
    onlineLevel: (ONLINE_LEVELS as readonly string[]).includes(online) ? (online as OnlineLevel) : '',
  };
}

/** The address parameters of a state; defaults are left out so plain addresses stay short. */
export function writeCatalogParams(state: CatalogParams): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set(KEYS.q, state.q);
  if (!state.locationFree) params.set(KEYS.locationFree, '0');
  if (state.level) params.set(KEYS.level, state.level);
  if (state.field) params.set(KEYS.field, state.field);
  if (state.onlineLevel) params.set(KEYS.onlineLevel, state.onlineLevel);
  if (state.page > 1) params.set(KEYS.page, String(state.page));
  return params;
}

export function toProcedureQuery(state: CatalogParams): ProcedureQuery {
  return {
    q: state.q.trim() || undefined,
    locationFree: state.locationFree ? true : undefined,
    level: state.level || undefined,
    field: state.field || undefined,
    onlineLevel: state.onlineLevel || undefined,
    limit: PAGE_SIZE,
    offset: (state.page - 1) * PAGE_SIZE,
  };
}

/** `update` merges a change; any change but the page goes back to page 1. `replace` keeps typing out of history. */
export function useCatalogParams(): [CatalogParams, (change: Partial<CatalogParams>, replace?: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readCatalogParams(params), [params]);
  const update = useCallback(
    (change: Partial<CatalogParams>, replace = false) =>
      setParams(
        (current) => {
          const previous = readCatalogParams(current);
          const next = { ...previous, ...change };
          if (!('page' in change)) next.page = 1;
          return writeCatalogParams(next);
        },
        { replace },
      ),
    [setParams],
  );
  return [state, update];
}
