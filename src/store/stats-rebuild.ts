// Facts and rollups recomputed from the append-only history (dossier_actions ⨝ dossiers), with the same
// mapping as the live hook (domain/stats/rollup-deltas.ts), and compared with what the hook wrote.
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { ROLLUP_COLUMNS } from './stats.ts';
import { replaceScopeRollups } from './stats-scope.ts';

const KEY_COLUMNS = ['day', 'receiving_unit_code', 'competent_unit_code', 'procedure_code', 'channel'];

/**
 * A dossier's unit in `role` when action `a` happened: a restructuring (a 'restructure' action whose
 * payload lists `moves: [{ role, from, to }]`) moves open work to successors, but facts recorded before
 * it stay with the unit of their time, as the live hook wrote them. Only moved dossiers pay the lookup.
 */
const unitAtAction = (role: 'receiving' | 'competent', column: string) => sql.raw(`
  CASE WHEN EXISTS (SELECT 1 FROM dossier_actions r WHERE r.province_code = a.province_code AND r.dossier_code = a.dossier_code AND r.type = 'restructure' AND r.seq > a.seq)
  THEN COALESCE((SELECT m ->> 'from' FROM dossier_actions r, jsonb_array_elements(COALESCE(r.payload -> 'moves', '[]'::jsonb)) m
                 WHERE r.province_code = a.province_code AND r.dossier_code = a.dossier_code AND r.type = 'restructure' AND r.seq > a.seq
                   AND m ->> 'role' = '${role}' ORDER BY r.seq LIMIT 1), d.${column})
  ELSE d.${column} END`);

/** Every counting event of the history: one per action of a dossier that is not a sub-dossier. */
const historyEvents = (provinceCode: string) => sql`
  SELECT a.province_code, a.dossier_code, a.seq, a.type AS action, a.at, (a.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day,
         ${unitAtAction('receiving', 'receiving_unit_code')} AS receiving_unit_code, ${unitAtAction('competent', 'competent_unit_code')} AS competent_unit_code,
         d.procedure_code, d.channel,
         a.payload ->> 'outcome' AS outcome,
         CASE WHEN a.payload ? 'outcome' THEN round(extract(epoch FROM (a.at - d.received_at)) * 1000)::bigint END AS processing_ms
  FROM dossier_actions a JOIN dossiers d ON d.province_code = a.province_code AND d.code = a.dossier_code
  WHERE a.province_code = ${provinceCode} AND (to_jsonb(d) ->> 'parent_code') IS NULL`;

/** The rollup rows the history implies (rows with no count are not kept, as the live hook never writes them). */
export const historyRollups = (provinceCode: string) => sql`
  SELECT province_code, day, receiving_unit_code, competent_unit_code, procedure_code, channel,
    count(*) FILTER (WHERE action = 'receive')::int AS received,
    count(*) FILTER (WHERE outcome = 'early')::int AS finished_early,
    count(*) FILTER (WHERE outcome = 'on_time')::int AS finished_on_time,
    count(*) FILTER (WHERE outcome = 'late')::int AS finished_late,
    COALESCE(sum(GREATEST(processing_ms, 0)) FILTER (WHERE outcome IS NOT NULL), 0)::bigint AS processing_ms,
    count(*) FILTER (WHERE action = 'return_result')::int AS returned,
    count(*) FILTER (WHERE action = 'reject')::int AS rejected,
    count(*) FILTER (WHERE action = 'withdraw')::int AS withdrawn,
    count(*) FILTER (WHERE action = 'request_supplement')::int AS supplement_requests,
    count(*) FILTER (WHERE action = 'extend')::int AS extensions
  FROM (${historyEvents(provinceCode)}) e
  GROUP BY province_code, day, receiving_unit_code, competent_unit_code, procedure_code, channel
  HAVING count(*) FILTER (WHERE action IN ('receive', 'return_result', 'reject', 'withdraw', 'request_supplement', 'extend') OR outcome IS NOT NULL) > 0`;

export interface RollupDifference {
  key: Record<string, string>;
  column: string;
  stored: number;
  fromHistory: number;
}

/** Rollup rows where what is stored differs from what the history implies (missing rows count as zeros). */
export async function diffRollupsWithHistory(db: Db, provinceCode: string, limit = 50): Promise<{ count: number; sample: RollupDifference[]; rows: number }> {
  const joinOn = sql.raw(KEY_COLUMNS.map((c) => `s.${c} = h.${c}`).join(' AND '));
  const differs = sql.raw(ROLLUP_COLUMNS.map((c) => `COALESCE(s.${c}, 0) <> COALESCE(h.${c}, 0)`).join(' OR '));
  const cols = sql.raw(ROLLUP_COLUMNS.map((c) => `COALESCE(s.${c}, 0)::bigint AS s_${c}, COALESCE(h.${c}, 0)::bigint AS h_${c}`).join(', '));
  const keyOf = (c: string) => (c === 'day' ? `COALESCE(to_char(s.day, 'YYYY-MM-DD'), to_char(h.day, 'YYYY-MM-DD'))` : `COALESCE(s.${c}, h.${c})`);
  const keys = sql.raw(KEY_COLUMNS.map((c) => `${keyOf(c)} AS k_${c}`).join(', '));
  const result = await sql<Record<string, unknown>>`
    WITH h AS (${historyRollups(provinceCode)}),
         s AS (SELECT * FROM stats_daily WHERE province_code = ${provinceCode}),
         d AS (SELECT ${keys}, ${cols} FROM s FULL OUTER JOIN h ON ${joinOn} WHERE ${differs})
    SELECT *, count(*) OVER () AS total, (SELECT count(*) FROM h) AS history_rows FROM d ORDER BY 1, 2, 3, 4, 5 LIMIT ${limit}`.execute(db);
  const sample: RollupDifference[] = [];
  for (const row of result.rows) {
    const key = Object.fromEntries(KEY_COLUMNS.map((c) => [c, String(row[`k_${c}`])]));
    for (const c of ROLLUP_COLUMNS) {
      const stored = Number(row[`s_${c}`]);
      const fromHistory = Number(row[`h_${c}`]);
      if (stored !== fromHistory) sample.push({ key, column: c, stored, fromHistory });
    }
  }
  const count = Number(result.rows[0]?.total ?? 0);
  const rows = result.rows.length > 0 ? Number(result.rows[0]!.history_rows) : Number((await sql<{ n: number }>`
    SELECT count(*)::bigint AS n FROM (${historyRollups(provinceCode)}) h`.execute(db)).rows[0]?.n ?? 0);
  return { count, sample, rows };
}

/**
 * Replaces the province's facts and rollups (stats_daily, then the scope rows and their unit closure)
 * with those of the history. The exclusive locks make live
 * commands wait for the rebuild to commit, then add their own event on top: none is lost or doubled.
 * Call inside a transaction.
 */
export async function replaceFactsFromHistory(trx: Db, provinceCode: string): Promise<{ events: number; rollups: number; scopeRows: number }> {
  await sql`LOCK TABLE stats_events, stats_daily IN EXCLUSIVE MODE`.execute(trx);
  await sql`DELETE FROM stats_daily WHERE province_code = ${provinceCode}`.execute(trx);
  await sql`DELETE FROM stats_events WHERE province_code = ${provinceCode}`.execute(trx);
  const events = await sql`
    INSERT INTO stats_events (province_code, dossier_code, seq, action, at, day, receiving_unit_code, competent_unit_code, procedure_code, channel, outcome, processing_ms)
    SELECT province_code, dossier_code, seq, action, at, day, receiving_unit_code, competent_unit_code, procedure_code, channel, outcome, processing_ms
    FROM (${historyEvents(provinceCode)}) e`.execute(trx);
  const rollups = await sql`
    INSERT INTO stats_daily (province_code, day, receiving_unit_code, competent_unit_code, procedure_code, channel, ${sql.raw(ROLLUP_COLUMNS.join(', '))})
    SELECT province_code, day, receiving_unit_code, competent_unit_code, procedure_code, channel, ${sql.raw(ROLLUP_COLUMNS.join(', '))}
    FROM (${historyRollups(provinceCode)}) h`.execute(trx);
  // The scope rows (migration 0026) follow from stats_daily under today's unit tree.
  const scopeRows = await replaceScopeRollups(trx, provinceCode);
  return { events: Number(events.numAffectedRows ?? 0), rollups: Number(rollups.numAffectedRows ?? 0), scopeRows };
}
