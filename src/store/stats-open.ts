// End-of-day in-progress snapshots (migration 0026): how many dossiers were open at 00:00 (Vietnam time)
// after each ended day, on time or overdue, per scope unit × channel. Taken set-based from the dossiers
// table (as `inProgressBy` reads it live) and never changed afterwards; read by the summary for a
// period that ended, so that figure no longer scans history.
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { notSubDossier, type InProgressCounts } from './stats.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const PAUSED_STATUSES = ['awaiting_supplement', 'paused'];

/** Every unit gets its closure rows (open dossiers moved to a successor with no fact yet count under it too). */
async function ensureClosureOfAllUnits(db: Db): Promise<void> {
  await sql`
    WITH RECURSIVE up AS (
      SELECT u.code AS unit_code, u.code AS ancestor_code, u.parent_code FROM units u
      WHERE NOT EXISTS (SELECT 1 FROM stats_scope_closure c WHERE c.unit_code = u.code)
      UNION
      SELECT up.unit_code, u.code, u.parent_code FROM up JOIN units u ON u.code = up.parent_code
    )
    INSERT INTO stats_scope_closure (unit_code, ancestor_code) SELECT unit_code, ancestor_code FROM up ORDER BY 1, 2
    ON CONFLICT DO NOTHING`.execute(db);
}

/**
 * Takes the snapshots of the days fromDay..toDay (all ended, none taken yet): per dossier its open days
 * in the range become +1/−1 deltas (and the overdue part likewise), summed per scope unit and channel,
 * then accumulated day by day. The same test as the live read: received before the instant, not
 * finished by it, overdue when its due instant had passed and its clock was not paused for the citizen.
 */
export async function takeOpenSnapshots(db: Db, provinceCode: string, fromDay: string, toDay: string, takenAt: Date): Promise<{ days: number; rows: number }> {
  const taken = await sql<{ n: string }>`
    SELECT count(*)::bigint AS n FROM stats_open_days WHERE province_code = ${provinceCode} AND day BETWEEN ${fromDay}::date AND ${toDay}::date`.execute(db);
  if (Number(taken.rows[0]?.n ?? 0) > 0) throw new Error(`open snapshots already taken between ${fromDay} and ${toDay}`);
  await ensureClosureOfAllUnits(db);
  const notSub = await notSubDossier(db);
  const from = sql`${fromDay}::date`;
  const to = sql`${toDay}::date`;
  const startT = sql`((${fromDay}::date + 1)::timestamp AT TIME ZONE ${TZ})`;
  const endT = sql`((${toDay}::date + 1)::timestamp AT TIME ZONE ${TZ})`;
  const inserted = await sql`
    WITH cand AS (
      SELECT d.receiving_unit_code AS r, d.competent_unit_code AS c, d.channel,
        GREATEST(${from}, (d.received_at AT TIME ZONE ${TZ})::date) AS open_day,
        ((d.finished_at - interval '1 microsecond') AT TIME ZONE ${TZ})::date AS close_day,
        CASE WHEN d.due_at IS NULL OR (d.finished_at IS NULL AND d.status = ANY(${PAUSED_STATUSES}::text[])) THEN NULL
             ELSE (d.due_at AT TIME ZONE ${TZ})::date END AS due_day
      FROM dossiers d
      WHERE d.province_code = ${provinceCode} AND ${notSub}
        AND d.received_at < ${endT} AND (d.finished_at IS NULL OR d.finished_at > ${startT})
    ), open AS (
      SELECT r, c, channel, open_day, close_day, CASE WHEN due_day IS NOT NULL THEN GREATEST(open_day, due_day) END AS late_day FROM cand WHERE close_day IS NULL OR close_day > open_day
    ), deltas AS (
      SELECT r, c, channel, open_day AS day, 1 AS d_open, 0 AS d_late FROM open
      UNION ALL SELECT r, c, channel, close_day, -1, 0 FROM open WHERE close_day <= ${to}
      UNION ALL SELECT r, c, channel, late_day, 0, 1 FROM open WHERE late_day <= ${to} AND (close_day IS NULL OR late_day < close_day)
      UNION ALL SELECT r, c, channel, close_day, 0, -1 FROM open WHERE close_day <= ${to} AND late_day < close_day
    ), pair_deltas AS (
      SELECT r, c, channel, day, sum(d_open) AS d_open, sum(d_late) AS d_late FROM deltas GROUP BY r, c, channel, day
    ), pair_scopes AS (
      -- each unit pair's scope units, once per pair (a hash join below, not two lookups per row)
      SELECT p.r, p.c, a.ancestor_code AS scope FROM (SELECT DISTINCT r, c FROM pair_deltas) p JOIN LATERAL (
        SELECT ancestor_code FROM stats_scope_closure WHERE unit_code = p.r
        UNION
        SELECT ancestor_code FROM stats_scope_closure WHERE unit_code = p.c
      ) a ON true
    ), scope_deltas AS (
      SELECT ps.scope, p.channel, p.day, sum(p.d_open) AS d_open, sum(p.d_late) AS d_late
      FROM pair_deltas p JOIN pair_scopes ps ON ps.r = p.r AND ps.c = p.c
      GROUP BY ps.scope, p.channel, p.day
    ), keys AS (
      SELECT DISTINCT scope, channel FROM scope_deltas
    ), days AS (
      SELECT g::date AS day FROM generate_series(${from}, ${to}, interval '1 day') g
    ), grid AS (
      -- every day for every (scope, channel), so the running sums have a row on days without a change
      SELECT scope, channel, day, sum(d_open) AS d_open, sum(d_late) AS d_late FROM (
        SELECT scope, channel, day, d_open, d_late FROM scope_deltas
        UNION ALL
        SELECT k.scope, k.channel, days.day, 0, 0 FROM keys k CROSS JOIN days
      ) x GROUP BY scope, channel, day
    ), running AS (
      SELECT scope, channel, day, sum(d_open) OVER w AS open_n, sum(d_late) OVER w AS late_n
      FROM grid WINDOW w AS (PARTITION BY scope, channel ORDER BY day)
    )
    INSERT INTO stats_open_daily (province_code, scope_unit_code, day, channel, on_time, overdue)
    SELECT ${provinceCode}, scope, day, channel, (open_n - late_n)::int, late_n::int FROM running WHERE open_n > 0`.execute(db);
  const days = await sql`
    INSERT INTO stats_open_days (province_code, day, taken_at)
    SELECT ${provinceCode}, g::date, ${takenAt} FROM generate_series(${from}, ${to}, interval '1 day') g`.execute(db);
  return { days: Number(days.numAffectedRows ?? 0), rows: Number(inserted.numAffectedRows ?? 0) };
}

/** The last day whose snapshot was taken, if any. */
export async function lastSnapshotDay(db: Db, provinceCode: string): Promise<string | undefined> {
  const row = (await sql<{ day: string | null }>`
    SELECT to_char(max(day), 'YYYY-MM-DD') AS day FROM stats_open_days WHERE province_code = ${provinceCode}`.execute(db)).rows[0];
  return row?.day ?? undefined;
}

/** The local day of the first dossier received (where snapshots start), if any. */
export async function firstIntakeDay(db: Db, provinceCode: string): Promise<string | undefined> {
  const row = (await sql<{ day: string | null }>`
    SELECT to_char((min(received_at) AT TIME ZONE ${TZ})::date, 'YYYY-MM-DD') AS day FROM dossiers WHERE province_code = ${provinceCode}`.execute(db)).rows[0];
  return row?.day ?? undefined;
}

/** In progress at the end of `day` under a unit's subtree, or undefined when that day's snapshot was not taken. */
export async function openSnapshotOf(db: Db, provinceCode: string, unitCode: string, day: string, channel?: string): Promise<InProgressCounts | undefined> {
  const row = (await sql<{ taken: boolean; on_time: string; overdue: string }>`
    SELECT EXISTS (SELECT 1 FROM stats_open_days WHERE province_code = ${provinceCode} AND day = ${day}::date) AS taken,
      (SELECT COALESCE(sum(on_time), 0)::bigint FROM stats_open_daily
        WHERE province_code = ${provinceCode} AND scope_unit_code = ${unitCode} AND day = ${day}::date ${channel ? sql`AND channel = ${channel}` : sql``}) AS on_time,
      (SELECT COALESCE(sum(overdue), 0)::bigint FROM stats_open_daily
        WHERE province_code = ${provinceCode} AND scope_unit_code = ${unitCode} AND day = ${day}::date ${channel ? sql`AND channel = ${channel}` : sql``}) AS overdue`.execute(db)).rows[0];
  if (!row?.taken) return undefined;
  return { onTime: Number(row.on_time), overdue: Number(row.overdue) };
}

/** Forgets every snapshot (after a rebuild changed the unit tree they were expanded with). */
export async function clearOpenSnapshots(db: Db, provinceCode: string): Promise<void> {
  await sql`DELETE FROM stats_open_daily WHERE province_code = ${provinceCode}`.execute(db);
  await sql`DELETE FROM stats_open_days WHERE province_code = ${provinceCode}`.execute(db);
}
