// What the network planning view reads: staff and counters per unit, in-person intake per unit (and per
// applicant commune where a split needs it) over a window, and typical serving times per unit.
import { sql } from 'kysely';
import type { Db } from './database.ts';

const toMap = (rows: ReadonlyArray<{ unit: string; n: number | string }>) => new Map(rows.map((r) => [r.unit, Number(r.n)]));

export async function activeStaffByUnit(db: Db, provinceCode: string): Promise<Map<string, number>> {
  return toMap((await sql<{ unit: string; n: number }>`
    SELECT unit_code AS unit, count(*)::int AS n FROM staff_users WHERE province_code = ${provinceCode} AND active GROUP BY unit_code`.execute(db)).rows);
}

export async function activeCountersByUnit(db: Db, provinceCode: string): Promise<Map<string, number>> {
  return toMap((await sql<{ unit: string; n: number }>`
    SELECT unit_code AS unit, count(*)::int AS n FROM queue_counters WHERE province_code = ${provinceCode} AND active GROUP BY unit_code`.execute(db)).rows);
}

/** Dossiers received per receiving unit from `from` to `to` (local days, inclusive), from the daily rollups. */
export async function receivedByUnit(db: Db, provinceCode: string, from: string, to: string, channel?: string): Promise<Map<string, number>> {
  return toMap((await sql<{ unit: string; n: number }>`
    SELECT receiving_unit_code AS unit, sum(received)::int AS n FROM stats_daily
    WHERE province_code = ${provinceCode} AND day BETWEEN ${from}::date AND ${to}::date ${channel ? sql`AND channel = ${channel}` : sql``}
    GROUP BY receiving_unit_code HAVING sum(received) > 0`.execute(db)).rows);
}

/** Days in the window with any intake in the province (the working days observed). */
export async function intakeDays(db: Db, provinceCode: string, from: string, to: string): Promise<number> {
  const row = (await sql<{ n: number }>`
    SELECT count(DISTINCT day)::int AS n FROM stats_daily WHERE province_code = ${provinceCode} AND day BETWEEN ${from}::date AND ${to}::date AND received > 0`.execute(db)).rows[0];
  return Number(row?.n ?? 0);
}

/** Dossiers received per (receiving unit × applicant commune) in the window, for the units given. */
export async function receivedByUnitAndCommune(db: Db, provinceCode: string, unitCodes: readonly string[], from: Date, to: Date, channel?: string): Promise<Array<{ unit: string; commune: string; n: number }>> {
  if (unitCodes.length === 0) return [];
  return (await sql<{ unit: string; commune: string; n: number }>`
    SELECT receiving_unit_code AS unit, applicant_commune_code AS commune, count(*)::int AS n FROM dossiers
    WHERE province_code = ${provinceCode} AND receiving_unit_code = ANY(${[...unitCodes]}) AND received_at >= ${from} AND received_at < ${to}
      ${channel ? sql`AND channel = ${channel}` : sql``}
    GROUP BY 1, 2`.execute(db)).rows.map((r) => ({ unit: r.unit, commune: r.commune, n: Number(r.n) }));
}

/** Median serving time (ms, first call → finished) of each unit's tickets finished since `since`. */
export async function medianServiceMsByUnit(db: Db, provinceCode: string, since: Date): Promise<Map<string, number>> {
  return toMap((await sql<{ unit: string; n: number }>`
    SELECT unit_code AS unit, (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - first_called_at)) * 1000)::float8 AS n
    FROM queue_tickets WHERE province_code = ${provinceCode} AND status = 'finished' AND finished_at >= ${since} AND first_called_at IS NOT NULL
    GROUP BY unit_code`.execute(db)).rows);
}
