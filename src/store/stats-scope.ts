// Scope rollups (migration 0026): the daily counters per (day × scope unit × channel), where an event
// counts once under every unit whose subtree holds its receiving or its competent unit, with the unit
// tree they were written with (stats_scope_closure). A subtree summary reads ≤ 3 rows a day.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './database.ts';
import { COUNTER_NAMES, type RollupCounters } from '../domain/stats/rollup-deltas.ts';
import { ROLLUP_COLUMNS, type DossierFactKeys } from './stats.ts';

/** Adds the units to the closure (unit → each ancestor in today's tree, itself included) unless there
 * already; a unit's ancestry is fixed from its first fact until a rebuild. */
export async function ensureClosure(db: Db, codes: readonly string[]): Promise<void> {
  await sql`
    WITH RECURSIVE up AS (
      SELECT u.code AS unit_code, u.code AS ancestor_code, u.parent_code FROM units u
      WHERE u.code = ANY(${[...codes]}::text[]) AND NOT EXISTS (SELECT 1 FROM stats_scope_closure c WHERE c.unit_code = u.code)
      UNION
      SELECT up.unit_code, u.code, u.parent_code FROM up JOIN units u ON u.code = up.parent_code
    )
    INSERT INTO stats_scope_closure (unit_code, ancestor_code) SELECT unit_code, ancestor_code FROM up ORDER BY 1, 2
    ON CONFLICT DO NOTHING`.execute(db);
}

/** Adds one event's deltas under every scope unit of its two units, in code order (a fixed lock order:
 * concurrent commands wait on each other's rows but never deadlock). */
export async function addToScopeRollup(db: Db, provinceCode: string, day: string, keys: DossierFactKeys, d: RollupCounters): Promise<void> {
  await ensureClosure(db, [keys.receivingUnitCode, keys.competentUnitCode]);
  const values = COUNTER_NAMES.map((name) => sql`${d[name]}`);
  const updates = ROLLUP_COLUMNS.map((c) => sql.raw(`${c} = stats_scope_daily.${c} + EXCLUDED.${c}`));
  await sql`
    INSERT INTO stats_scope_daily (province_code, scope_unit_code, day, channel, ${sql.raw(ROLLUP_COLUMNS.join(', '))})
    SELECT ${provinceCode}, a.code, ${day}::date, ${keys.channel}, ${sql.join(values)}
    FROM (SELECT DISTINCT ancestor_code AS code FROM stats_scope_closure WHERE unit_code IN (${keys.receivingUnitCode}, ${keys.competentUnitCode})) a
    ORDER BY a.code
    ON CONFLICT (province_code, scope_unit_code, day, channel) DO UPDATE SET ${sql.join(updates)}`.execute(db);
}

/**
 * Whether the scope rows of `unitCode` answer for its subtree as it stands today (`liveSubtree`): the
 * units under it in the closure must be exactly the units of today's subtree that have a closure row
 * (a unit without one has no fact yet). A re-parented unit makes them differ until a rebuild.
 */
export async function scopeRowsMatchTree(db: Db, unitCode: string, liveSubtree: readonly string[]): Promise<boolean> {
  const live = new Set(liveSubtree);
  const rows = (await sql<{ unit_code: string; under: boolean }>`
    SELECT unit_code, bool_or(ancestor_code = ${unitCode}) AS under FROM stats_scope_closure
    WHERE unit_code = ANY(${[...liveSubtree]}::text[]) OR ancestor_code = ${unitCode} GROUP BY unit_code`.execute(db)).rows;
  return rows.every((r) => r.under === live.has(r.unit_code));
}

export type ScopeBreakdown = 'total' | 'channel' | 'day';

const GROUP: Record<ScopeBreakdown, string> = { total: `'total'`, channel: 'channel', day: `to_char(day, 'YYYY-MM-DD')` };

/** Counters of a unit's subtree over whole days, grouped by one dimension. */
export async function sumScopeRollups(db: Db, provinceCode: string, f: { unitCode: string; fromDay: string; toDay: string; channel?: string | undefined }, by: ScopeBreakdown):
  Promise<Array<{ key: string; counters: RollupCounters }>> {
  const sums = ROLLUP_COLUMNS.map((c) => sql.raw(`COALESCE(SUM(${c}), 0)::bigint AS ${c}`));
  const channel = f.channel ? sql`AND channel = ${f.channel}` : sql``;
  const result = await sql<Record<string, string | number>>`
    SELECT ${sql.raw(GROUP[by])} AS key, ${sql.join(sums)} FROM stats_scope_daily
    WHERE province_code = ${provinceCode} AND scope_unit_code = ${f.unitCode} AND day BETWEEN ${f.fromDay}::date AND ${f.toDay}::date ${channel}
    GROUP BY 1 ORDER BY 1`.execute(db);
  return result.rows.map((row) => {
    const c = {} as RollupCounters;
    COUNTER_NAMES.forEach((name, i) => (c[name] = Number(row[ROLLUP_COLUMNS[i]!] ?? 0)));
    return { key: String(row.key), counters: c };
  });
}

/** The scope rows a set of (day × receiving × competent × channel) counters implies, under a closure. */
export const scopeRowsOf = (source: RawBuilder<unknown>) => sql`
  WITH src AS (SELECT * FROM (${source}) x),
  pair_scopes AS (
    SELECT p.r, p.c, a.ancestor_code AS scope FROM (SELECT DISTINCT receiving_unit_code AS r, competent_unit_code AS c FROM src) p JOIN LATERAL (
      SELECT ancestor_code FROM stats_scope_closure WHERE unit_code = p.r
      UNION
      SELECT ancestor_code FROM stats_scope_closure WHERE unit_code = p.c
    ) a ON true
  )
  SELECT s.province_code, ps.scope AS scope_unit_code, s.day, s.channel,
    ${sql.raw(ROLLUP_COLUMNS.map((c) => `sum(s.${c})::bigint AS ${c}`).join(', '))}
  FROM src s JOIN pair_scopes ps ON ps.r = s.receiving_unit_code AND ps.c = s.competent_unit_code
  GROUP BY s.province_code, ps.scope, s.day, s.channel`;

const lockScopeTables = (trx: Db) => sql`LOCK TABLE stats_scope_closure, stats_scope_daily IN EXCLUSIVE MODE`.execute(trx);

/**
 * Like replaceScopeRollups, only when the stored tree differs from today's: checked again under the
 * scope tables' lock (live commands wait on it and add their events on top once it commits), so a second
 * caller finds nothing to do. Inside a transaction.
 */
export async function replaceScopeRollupsIfStale(trx: Db, provinceCode: string): Promise<{ staleUnits: number; scopeRows: number }> {
  await lockScopeTables(trx);
  const staleUnits = await staleScopeUnits(trx);
  return { staleUnits, scopeRows: staleUnits === 0 ? 0 : await replaceScopeRollups(trx, provinceCode) };
}

/** Rebuilds the closure from today's tree and the scope rows from stats_daily (inside the rebuild's transaction). */
export async function replaceScopeRollups(trx: Db, provinceCode: string): Promise<number> {
  await lockScopeTables(trx);
  await sql`DELETE FROM stats_scope_closure`.execute(trx);
  await sql`
    WITH RECURSIVE up AS (
      SELECT code AS unit_code, code AS ancestor_code, parent_code FROM units
      UNION
      SELECT up.unit_code, u.code, u.parent_code FROM up JOIN units u ON u.code = up.parent_code
    ) INSERT INTO stats_scope_closure (unit_code, ancestor_code) SELECT unit_code, ancestor_code FROM up`.execute(trx);
  await sql`DELETE FROM stats_scope_daily WHERE province_code = ${provinceCode}`.execute(trx);
  const daily = sql`SELECT * FROM stats_daily WHERE province_code = ${provinceCode}`;
  const inserted = await sql`
    INSERT INTO stats_scope_daily (province_code, scope_unit_code, day, channel, ${sql.raw(ROLLUP_COLUMNS.join(', '))})
    SELECT province_code, scope_unit_code, day, channel, ${sql.raw(ROLLUP_COLUMNS.join(', '))} FROM (${scopeRowsOf(daily)}) x`.execute(trx);
  return Number(inserted.numAffectedRows ?? 0);
}

/**
 * Scope rows that differ from what `source` (rollup rows of the history) implies under the stored
 * closure, and how many units' ancestry in the closure differs from today's tree (those subtrees are
 * answered from stats_daily until a rebuild).
 */
export async function diffScopeRollups(db: Db, provinceCode: string, source: RawBuilder<unknown>): Promise<{ count: number; staleUnits: number }> {
  const differs = sql.raw(ROLLUP_COLUMNS.map((c) => `COALESCE(s.${c}, 0) <> COALESCE(h.${c}, 0)`).join(' OR '));
  const diff = await sql<{ n: string }>`
    WITH h AS (${scopeRowsOf(source)}), s AS (SELECT * FROM stats_scope_daily WHERE province_code = ${provinceCode})
    SELECT count(*)::bigint AS n FROM s FULL OUTER JOIN h
      ON s.scope_unit_code = h.scope_unit_code AND s.day = h.day AND s.channel = h.channel WHERE ${differs}`.execute(db);
  return { count: Number(diff.rows[0]?.n ?? 0), staleUnits: await staleScopeUnits(db) };
}

/**
 * How many units' ancestry in the scope rows' tree (stats_scope_closure) differs from today's unit tree.
 * Small reads (the closure has a row per unit and ancestor), so the snapshot job checks it every tick.
 */
export async function staleScopeUnits(db: Db): Promise<number> {
  const stale = await sql<{ n: string }>`
    WITH RECURSIVE up AS (
      SELECT code AS unit_code, code AS ancestor_code, parent_code FROM units
      UNION
      SELECT up.unit_code, u.code, u.parent_code FROM up JOIN units u ON u.code = up.parent_code
    ), live AS (SELECT unit_code, ancestor_code FROM up WHERE unit_code IN (SELECT unit_code FROM stats_scope_closure))
    SELECT count(DISTINCT unit_code)::bigint AS n FROM (
      (SELECT unit_code, ancestor_code FROM live EXCEPT SELECT unit_code, ancestor_code FROM stats_scope_closure)
      UNION ALL
      (SELECT unit_code, ancestor_code FROM stats_scope_closure EXCEPT SELECT unit_code, ancestor_code FROM live)
    ) x`.execute(db);
  return Number(stale.rows[0]?.n ?? 0);
}
