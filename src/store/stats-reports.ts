// Reads behind the standard reports (issue 8): daily intake from the rollups, satisfaction ratings by
// level and criterion, and per-officer performance from the facts joined to the actions that caused them.
// Every read takes the dashboard's FactFilter, so a report's totals are the dashboard's numbers.
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { factWhere, type FactFilter } from './stats.ts';

export interface DailyIntakeRow {
  day: string;
  receivingUnitCode: string;
  direct: number;
  online: number;
  postal: number;
}

/** Intake per day × receiving unit, split by channel (ordered by day, then unit). */
export async function dailyIntake(db: Db, provinceCode: string, f: FactFilter): Promise<DailyIntakeRow[]> {
  if (f.unitCodes.length === 0) return [];
  const result = await sql<{ day: string; unit: string; direct: string; online: string; postal: string }>`
    SELECT to_char(s.day, 'YYYY-MM-DD') AS day, s.receiving_unit_code AS unit,
      COALESCE(SUM(s.received) FILTER (WHERE s.channel = 'direct'), 0)::bigint AS direct,
      COALESCE(SUM(s.received) FILTER (WHERE s.channel = 'online'), 0)::bigint AS online,
      COALESCE(SUM(s.received) FILTER (WHERE s.channel = 'postal'), 0)::bigint AS postal
    FROM stats_daily s WHERE ${factWhere(provinceCode, f, 's')} AND s.received > 0
    GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
  return result.rows.map((r) => ({ day: r.day, receivingUnitCode: r.unit, direct: Number(r.direct), online: Number(r.online), postal: Number(r.postal) }));
}

export interface RatingTally {
  /** Receiving unit of the rated dossier. */
  receivingUnitCode: string;
  /** Applicant commune of the rated dossiers, when asked per commune (reports across a restructuring). */
  commune?: string | undefined;
  ratings: number;
  verySatisfied: number;
  satisfied: number;
  dissatisfied: number;
  /** Σ points per criterion (time, contacts, agencies, attitude; 0–2 each, Circular 01/2018 art. 13). */
  points: Record<'time' | 'contacts' | 'agencies' | 'attitude', number>;
  totalPoints: number;
}

const ratingWhere = (provinceCode: string, f: FactFilter) => {
  const parts = [
    sql`r.province_code = ${provinceCode}`,
    sql`(r.rated_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ${f.fromDay}::date AND ${f.toDay}::date`,
    sql`(d.receiving_unit_code = ANY(${[...f.unitCodes]}::text[]) OR d.competent_unit_code = ANY(${[...f.unitCodes]}::text[]))`,
  ];
  if (f.procedureCodes) parts.push(sql`d.procedure_code = ANY(${[...f.procedureCodes]}::text[])`);
  if (f.channel) parts.push(sql`d.channel = ${f.channel}`);
  return sql.join(parts, sql` AND `);
};

/** Ratings given in the period on dossiers of the scope (the summary's satisfaction), per receiving unit (and applicant commune). */
export async function ratingTallies(db: Db, provinceCode: string, f: FactFilter, options: { byCommune?: boolean } = {}): Promise<RatingTally[]> {
  const commune = options.byCommune ? sql`, d.applicant_commune_code AS commune` : sql``;
  if (f.unitCodes.length === 0) return [];
  const pts = (k: string) => sql.raw(`COALESCE(SUM((r.criteria -> 'points' ->> '${k}')::int), 0)::bigint AS p_${k}`);
  const result = await sql<Record<string, string>>`
    SELECT d.receiving_unit_code AS unit ${commune}, count(*)::bigint AS ratings,
      count(*) FILTER (WHERE r.overall = 'very_satisfied')::bigint AS very_satisfied,
      count(*) FILTER (WHERE r.overall = 'satisfied')::bigint AS satisfied,
      count(*) FILTER (WHERE r.overall = 'dissatisfied')::bigint AS dissatisfied,
      ${pts('time')}, ${pts('contacts')}, ${pts('agencies')}, ${pts('attitude')}, COALESCE(SUM(r.points), 0)::bigint AS total_points
    FROM dossier_ratings r JOIN dossiers d ON d.province_code = r.province_code AND d.code = r.dossier_code
    WHERE ${ratingWhere(provinceCode, f)} GROUP BY 1 ${options.byCommune ? sql`, 2` : sql``} ORDER BY 1`.execute(db);
  return result.rows.map((r) => ({
    receivingUnitCode: r.unit!, ...(options.byCommune ? { commune: r.commune! } : {}), ratings: Number(r.ratings), verySatisfied: Number(r.very_satisfied), satisfied: Number(r.satisfied), dissatisfied: Number(r.dissatisfied),
    points: { time: Number(r.p_time), contacts: Number(r.p_contacts), agencies: Number(r.p_agencies), attitude: Number(r.p_attitude) }, totalPoints: Number(r.total_points),
  }));
}

export interface OfficerTally {
  username: string;
  fullName: string | null;
  unitCode: string;
  /** Distinct dossiers of the scope on which the officer recorded an action in the period. */
  handled: number;
  /** Dossiers whose legal clock the officer's own action finished in the period, by outcome (domain.md §5). */
  early: number;
  onTime: number;
  late: number;
  processingMs: number;
  /** Ratings given in the period on the dossiers the officer finished (whenever they were finished). */
  ratings: number;
  satisfiedRatings: number;
}

/**
 * Per-officer performance. A finished dossier counts for the officer whose action finished its clock,
 * so the officers' finished counts add up to the dashboard's; "handled" counts every officer who acted.
 */
export async function officerTallies(db: Db, provinceCode: string, f: FactFilter): Promise<OfficerTally[]> {
  if (f.unitCodes.length === 0) return [];
  const result = await sql<Record<string, string | null>>`
    WITH acted AS (
      SELECT a.actor_username AS username, max(a.actor_unit_code) AS unit_code, count(DISTINCT e.dossier_code)::bigint AS handled,
        count(*) FILTER (WHERE e.outcome = 'early')::bigint AS early,
        count(*) FILTER (WHERE e.outcome = 'on_time')::bigint AS on_time,
        count(*) FILTER (WHERE e.outcome = 'late')::bigint AS late,
        COALESCE(SUM(GREATEST(e.processing_ms, 0)) FILTER (WHERE e.outcome IS NOT NULL), 0)::bigint AS processing_ms
      FROM stats_events e JOIN dossier_actions a ON a.province_code = e.province_code AND a.dossier_code = e.dossier_code AND a.seq = e.seq
      WHERE ${factWhere(provinceCode, f, 'e')} GROUP BY 1),
    rated AS (
      SELECT a.actor_username AS username, count(*)::bigint AS ratings,
        count(*) FILTER (WHERE r.overall IN ('very_satisfied', 'satisfied'))::bigint AS satisfied
      FROM dossier_ratings r JOIN dossiers d ON d.province_code = r.province_code AND d.code = r.dossier_code
        JOIN stats_events e ON e.province_code = r.province_code AND e.dossier_code = r.dossier_code AND e.outcome IS NOT NULL
        JOIN dossier_actions a ON a.province_code = e.province_code AND a.dossier_code = e.dossier_code AND a.seq = e.seq
      WHERE ${ratingWhere(provinceCode, f)} GROUP BY 1)
    SELECT COALESCE(acted.username, rated.username) AS username, s.full_name, COALESCE(acted.unit_code, s.unit_code, '') AS unit_code,
      COALESCE(acted.handled, 0) AS handled, COALESCE(acted.early, 0) AS early, COALESCE(acted.on_time, 0) AS on_time, COALESCE(acted.late, 0) AS late,
      COALESCE(acted.processing_ms, 0) AS processing_ms, COALESCE(rated.ratings, 0) AS ratings, COALESCE(rated.satisfied, 0) AS satisfied
    FROM acted FULL OUTER JOIN rated ON rated.username = acted.username
      LEFT JOIN staff_users s ON s.province_code = ${provinceCode} AND s.username = COALESCE(acted.username, rated.username)
    ORDER BY 3, 1`.execute(db);
  return result.rows.map((r) => ({
    username: r.username!, fullName: r.full_name ?? null, unitCode: r.unit_code ?? '', handled: Number(r.handled), early: Number(r.early), onTime: Number(r.on_time),
    late: Number(r.late), processingMs: Number(r.processing_ms), ratings: Number(r.ratings), satisfiedRatings: Number(r.satisfied),
  }));
}
