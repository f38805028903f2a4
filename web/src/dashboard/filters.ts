// The dashboard's filters live in the URL (a reload or a shared link keeps them).
import { withoutStructure, type StatsFilter } from '../api/stats.ts';

export const FILTER_KEYS = ['from', 'to', 'unitCode', 'field', 'procedureCode', 'channel', 'structure', 'structureAt'] as const;

export function filterOf(params: URLSearchParams): StatsFilter {
  const f: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) f[key] = value;
  }
  return f;
}

export function drillLink(filter: StatsFilter, measure: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  // The list behind a number reads the dossiers as they are: a structure switch does not apply to it.
  for (const [k, v] of Object.entries({ ...withoutStructure(filter), ...extra, measure })) if (v) params.set(k, String(v));
  return `/dieu-hanh/ho-so?${params.toString()}`;
}
