// Satisfaction (domain.md §6) for the summary: ratings given in the period (POST /public/dossiers/{code}/rating,
// the citizen portal's table) on dossiers of the scope; "satisfied" = Rất hài lòng or Hài lòng.
import type { FactFilter } from '../store/stats.ts';
import type { Db } from '../store/database.ts';
import { countRatings } from '../store/portal.ts';

export interface Satisfaction {
  ratings: number;
  satisfiedPercent: number;
}

export async function satisfactionOf(db: Db, provinceCode: string, f: FactFilter): Promise<Satisfaction> {
  const { total, satisfied } = await countRatings(db, provinceCode, f);
  return { ratings: total, satisfiedPercent: total === 0 ? 0 : Math.round((satisfied / total) * 1000) / 10 };
}
