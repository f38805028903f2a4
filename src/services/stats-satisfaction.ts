// Satisfaction (domain.md §6) for the summary: ratings given in the period on dossiers of the scope.
// The ratings table belongs to the citizen portal (POST /public/dossiers/{code}/rating); until it exists
// in the schema the summary answers zero ratings and 0 %.
import type { FactFilter } from '../store/stats.ts';
import type { Db } from '../store/database.ts';

export interface Satisfaction {
  ratings: number;
  satisfiedPercent: number;
}

export async function satisfactionOf(_db: Db, _provinceCode: string, _f: FactFilter): Promise<Satisfaction> {
  return { ratings: 0, satisfiedPercent: 0 };
}
