// Queue statistics straight from the ticket rows: waiting time (issue → first call), serving time
// (first call → finish), no-shows, per unit, group, counter, officer or hour of the day.
import { sql } from 'kysely';
import type { Db } from './database.ts';

export type StatsDimension = 'unit' | 'group' | 'unitGroup' | 'counter' | 'officer' | 'hour';

// `unit` is the ticket's unit, or the unit it is reported under in another network structure (issue 9).
const UNIT = sql`coalesce(m.target, t.unit_code)`;
const KEY = {
  unit: UNIT,
  group: sql`service_group`,
  /** unit code and service group, separated by '|' (the operations dashboard's queue waits). */
  unitGroup: sql`${UNIT} || '|' || service_group`,
  counter: sql`unit_code || '/' || coalesce(counter_code, '-')`,
  officer: sql`coalesce(officer_username, '-')`,
  hour: sql`lpad(extract(hour FROM issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int::text, 2, '0')`,
} as const;

export interface StatsRow {
  key: string;
  tickets: number;
  called: number;
  served: number;
  noShows: number;
  avgWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  maxWaitSeconds: number | null;
  avgServeSeconds: number | null;
}

export async function queueStats(db: Db, provinceCode: string, filter: {
  unitCodes: readonly string[]; from: Date; to: Date; group?: string | undefined; by: StatsDimension;
  /** Report a ticket's unit under another unit (a restructured network read in another structure). */
  unitTargets?: ReadonlyMap<string, string> | undefined;
}): Promise<StatsRow[]> {
  if (filter.unitCodes.length === 0) return [];
  const targets = [...(filter.unitTargets ?? new Map<string, string>())].filter(([code, target]) => code !== target);
  const wait = sql`extract(epoch FROM first_called_at - issued_at)`;
  const serve = sql`extract(epoch FROM finished_at - first_called_at)`;
  const result = await sql<{ key: string; tickets: number; called: number; served: number; no_shows: number; avg_wait: number | null; p90_wait: number | null; max_wait: number | null; avg_serve: number | null }>`
    SELECT ${KEY[filter.by]} AS key,
      count(*)::int AS tickets,
      count(first_called_at)::int AS called,
      (count(*) FILTER (WHERE status = 'finished'))::int AS served,
      (count(*) FILTER (WHERE status = 'no_show'))::int AS no_shows,
      (avg(${wait}) FILTER (WHERE first_called_at IS NOT NULL))::float8 AS avg_wait,
      (percentile_cont(0.9) WITHIN GROUP (ORDER BY ${wait}) FILTER (WHERE first_called_at IS NOT NULL))::float8 AS p90_wait,
      (max(${wait}))::float8 AS max_wait,
      (avg(${serve}) FILTER (WHERE status = 'finished' AND first_called_at IS NOT NULL))::float8 AS avg_serve
    FROM queue_tickets t
      LEFT JOIN (SELECT * FROM unnest(${targets.map(([c]) => c)}::text[], ${targets.map(([, t]) => t)}::text[])) AS m(code, target) ON m.code = t.unit_code
    WHERE province_code = ${provinceCode} AND t.unit_code IN (${sql.join(filter.unitCodes)})
      AND issued_at >= ${filter.from} AND issued_at < ${filter.to}
      ${filter.group ? sql`AND service_group = ${filter.group}` : sql``}
    GROUP BY 1 ORDER BY 1`.execute(db);
  const round = (v: number | null) => (v === null ? null : Math.round(Number(v)));
  return result.rows.map((r) => ({
    key: r.key, tickets: Number(r.tickets), called: Number(r.called), served: Number(r.served), noShows: Number(r.no_shows),
    avgWaitSeconds: round(r.avg_wait), p90WaitSeconds: round(r.p90_wait), maxWaitSeconds: round(r.max_wait), avgServeSeconds: round(r.avg_serve),
  }));
}
