// Reading the network as it stood at a date.
import { listUnits, type UnitView } from '../store/units.ts';
import type { UnitType } from '../domain/network/unit.ts';
import type { ServiceContext } from './context.ts';

export interface UnitSearch {
  type?: UnitType | undefined;
  at?: number | undefined;
  parentCode?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export function searchUnits(ctx: ServiceContext, search: UnitSearch): Promise<{ items: UnitView[]; total: number }> {
  return listUnits(ctx.db, {
    type: search.type,
    at: new Date(search.at ?? ctx.now().getTime()),
    parentCode: search.parentCode,
    q: search.q,
    limit: search.limit ?? 100,
    offset: search.offset ?? 0,
  });
}
