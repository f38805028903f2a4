// Reporting facts and rollups (migration 0009): the per-event insert, the additive daily upsert, and the
// reads of the dashboard (totals, breakdowns, in-progress snapshots, drill-down lists).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './database.ts';
import { COUNTER_NAMES, type RollupCounters } from '../domain/stats/rollup-deltas.ts';

export interface DossierFactKeys {
  receivingUnitCode: string;
  competentUnitCode: string;
  procedureCode: string;
  channel: string;
  receivedAt: Date;
  /** Set on inter-agency sub-dossiers (column added by the workflow feature); those are never counted. */
  parentCode: string | null;
}

/** The keys of a dossier as facts need them; `parent_code` is read through to_jsonb so this works
 * whether or not the sub-dossier column exists yet. */
export async function findDossierFactKeys(db: Db, provinceCode: string, code: string): Promise<DossierFactKeys | undefined> {
  const result = await sql<{ receiving_unit_code: string; competent_unit_code: string; procedure_code: string; channel: string; received_at: Date; parent_code: string | null }>`
    SELECT d.receiving_unit_code, d.competent_unit_code, d.procedure_code, d.channel, d.received_at, to_jsonb(d) ->> 'parent_code' AS parent_code
    FROM dossiers d WHERE d.province_code = ${provinceCode} AND d.code = ${code}`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    receivingUnitCode: row.receiving_unit_code, competentUnitCode: row.competent_unit_code, procedureCode: row.procedure_code,
    channel: row.channel, receivedAt: row.received_at, parentCode: row.parent_code,
  };
}

export interface StatsEventRow {
  dossierCode: string;
  seq: number;
  action: string;
  at: Date;
  day: string;
  keys: DossierFactKeys;
  outcome: string | null;
  processingMs: number | null;
}

/** Inserts the event once; false when it was already recorded (a replayed command counts nothing twice). */
export async function insertStatsEvent(db: Db, provinceCode: string, e: StatsEventRow): Promise<boolean> {
  const result = await sql`
    INSERT INTO stats_events (province_code, dossier_code, seq, action, at, day, receiving_unit_code, competent_unit_code, procedure_code, channel, outcome, processing_ms)
    VALUES (${provinceCode}, ${e.dossierCode}, ${e.seq}, ${e.action}, ${e.at}, ${e.day}::date, ${e.keys.receivingUnitCode}, ${e.keys.competentUnitCode},
            ${e.keys.procedureCode}, ${e.keys.channel}, ${e.outcome}, ${e.processingMs})
    ON CONFLICT (province_code, dossier_code, seq) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

const COLUMN: Record<keyof RollupCounters, string> = {
  received: 'received', finishedEarly: 'finished_early', finishedOnTime: 'finished_on_time', finishedLate: 'finished_late',
  processingMs: 'processing_ms', returned: 'returned', rejected: 'rejected', withdrawn: 'withdrawn',
  supplementRequests: 'supplement_requests', extensions: 'extensions',
};
export const ROLLUP_COLUMNS = COUNTER_NAMES.map((name) => COLUMN[name]);

/** Adds the deltas to the day's row: one row lock per command, so concurrent commands neither deadlock
 * nor lose a count. */
export async function addToDailyRollup(db: Db, provinceCode: string, day: string, keys: DossierFactKeys, d: RollupCounters): Promise<void> {
  const values = COUNTER_NAMES.map((name) => sql`${d[name]}`);
  const updates = ROLLUP_COLUMNS.map((c) => sql.raw(`${c} = stats_daily.${c} + EXCLUDED.${c}`));
  await sql`
    INSERT INTO stats_daily (province_code, day, receiving_unit_code, competent_unit_code, procedure_code, channel, ${sql.raw(ROLLUP_COLUMNS.join(', '))})
    VALUES (${provinceCode}, ${day}::date, ${keys.receivingUnitCode}, ${keys.competentUnitCode}, ${keys.procedureCode}, ${keys.channel}, ${sql.join(values)})
    ON CONFLICT (province_code, day, receiving_unit_code, competent_unit_code, procedure_code, channel)
    DO UPDATE SET ${sql.join(updates)}`.execute(db);
}

/** Which facts a dashboard question is about. */
export interface FactFilter {
  fromDay: string;
  toDay: string;
  /** Dossiers whose receiving OR competent unit is one of these (a unit's subtree). */
  unitCodes: readonly string[];
  /** Restricts to these procedures (a field or one procedure); undefined = all. */
  procedureCodes?: readonly string[] | undefined;
  channel?: string | undefined;
  /** Drill-down: only dossiers received in these units (a unit's subtree). */
  receivingCodes?: readonly string[] | undefined;
  /** Drill-down: only dossiers of this competent agency. */
  competentUnitCode?: string | undefined;
}

export function factWhere(provinceCode: string, f: FactFilter, alias: string): RawBuilder<unknown> {
  const a = sql.raw(alias);
  const parts = [
    sql`${a}.province_code = ${provinceCode}`,
    sql`${a}.day BETWEEN ${f.fromDay}::date AND ${f.toDay}::date`,
    sql`(${a}.receiving_unit_code = ANY(${[...f.unitCodes]}::text[]) OR ${a}.competent_unit_code = ANY(${[...f.unitCodes]}::text[]))`,
  ];
  if (f.procedureCodes) parts.push(sql`${a}.procedure_code = ANY(${[...f.procedureCodes]}::text[])`);
  if (f.channel) parts.push(sql`${a}.channel = ${f.channel}`);
  if (f.receivingCodes) parts.push(sql`${a}.receiving_unit_code = ANY(${[...f.receivingCodes]}::text[])`);
  if (f.competentUnitCode) parts.push(sql`${a}.competent_unit_code = ${f.competentUnitCode}`);
  return sql.join(parts, sql` AND `);
}

export type Breakdown = 'total' | 'channel' | 'receiving' | 'competent' | 'procedure' | 'day';

const GROUP_EXPR: Record<Breakdown, string> = {
  total: `'total'`, channel: 'channel', receiving: 'receiving_unit_code', competent: 'competent_unit_code', procedure: 'procedure_code', day: `to_char(day, 'YYYY-MM-DD')`,
};

/** Rollup sums grouped by one dimension. */
export async function sumRollups(db: Db, provinceCode: string, f: FactFilter, by: Breakdown): Promise<Array<{ key: string; counters: RollupCounters }>> {
  if (f.unitCodes.length === 0) return [];
  const sums = ROLLUP_COLUMNS.map((c) => sql.raw(`COALESCE(SUM(${c}), 0)::bigint AS ${c}`));
  const group = sql.raw(GROUP_EXPR[by]);
  const result = await sql<Record<string, string | number>>`
    SELECT ${group} AS key, ${sql.join(sums)} FROM stats_daily s WHERE ${factWhere(provinceCode, f, 's')}
    GROUP BY 1 ORDER BY 1`.execute(db);
  return result.rows.map((row) => ({ key: String(row.key), counters: countersOf(row) }));
}

function countersOf(row: Record<string, unknown>): RollupCounters {
  const c = {} as RollupCounters;
  COUNTER_NAMES.forEach((name, i) => (c[name] = Number(row[ROLLUP_COLUMNS[i]!] ?? 0)));
  return c;
}

export interface InProgressCounts {
  onTime: number;
  overdue: number;
}

export type SnapshotFilter = Omit<FactFilter, 'fromDay' | 'toDay'>;

const PAUSED_STATUSES = ['awaiting_supplement', 'paused'];

/**
 * Excludes sub-dossiers should a `parent_code` column ever be added to dossiers (they live in their own
 * table today). Asked of the catalogue on each read rather than read through to_jsonb(d), which would
 * serialise every open dossier and rule out an index-only count.
 */
export async function notSubDossier(db: Db): Promise<RawBuilder<unknown>> {
  const row = (await sql<{ has: boolean }>`
    SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'dossiers'::regclass AND attname = 'parent_code' AND NOT attisdropped) AS has`.execute(db)).rows[0];
  return row?.has ? sql.raw('d.parent_code IS NULL') : sql.raw('true');
}

function dossierWhere(provinceCode: string, f: SnapshotFilter, notSub: RawBuilder<unknown>): RawBuilder<unknown> {
  const parts = [
    sql`d.province_code = ${provinceCode}`,
    sql`(d.receiving_unit_code = ANY(${[...f.unitCodes]}::text[]) OR d.competent_unit_code = ANY(${[...f.unitCodes]}::text[]))`,
    notSub,
  ];
  if (f.procedureCodes) parts.push(sql`d.procedure_code = ANY(${[...f.procedureCodes]}::text[])`);
  if (f.channel) parts.push(sql`d.channel = ${f.channel}`);
  if (f.receivingCodes) parts.push(sql`d.receiving_unit_code = ANY(${[...f.receivingCodes]}::text[])`);
  if (f.competentUnitCode) parts.push(sql`d.competent_unit_code = ${f.competentUnitCode}`);
  return sql.join(parts, sql` AND `);
}

/**
 * Dossiers in progress at `at` (received before it, not finished by it), split by whether their due
 * instant had passed, grouped by one dimension. Overdue is a matter of time, not of events, so it is
 * read from the dossiers' open-set indexes rather than from rollups. A clock paused for the citizen is
 * never overdue.
 */
export async function inProgressBy(db: Db, provinceCode: string, at: Date, f: SnapshotFilter, by: Breakdown = 'total'):
  Promise<Array<{ key: string } & InProgressCounts>> {
  if (f.unitCodes.length === 0) return [];
  const where = dossierWhere(provinceCode, f, await notSubDossier(db));
  // The same overdue test as listInProgressDossiers, written per branch without finished_at (known in
  // each), so the open branch reads only columns of dossiers_open_stats_idx: an index-only scan.
  const openLate = sql`(d.due_at < ${at} AND NOT d.status = ANY(${PAUSED_STATUSES}::text[]))`;
  const finishedLate = sql`(d.due_at < ${at})`;
  const group = sql.raw(by === 'day' ? `to_char(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')` : GROUP_EXPR[by]);
  const result = await sql<{ key: string; on_time: number; overdue: number }>`
    SELECT key, COALESCE(SUM(CASE WHEN late THEN 0 ELSE 1 END), 0)::bigint AS on_time, COALESCE(SUM(CASE WHEN late THEN 1 ELSE 0 END), 0)::bigint AS overdue
    FROM (
      SELECT ${group} AS key, ${openLate} AS late FROM dossiers d WHERE ${where} AND d.finished_at IS NULL AND d.received_at < ${at}
      UNION ALL
      SELECT ${group} AS key, ${finishedLate} AS late FROM dossiers d WHERE ${where} AND d.finished_at > ${at} AND d.received_at < ${at}
    ) d GROUP BY key ORDER BY key`.execute(db);
  return result.rows.map((r) => ({ key: String(r.key), onTime: Number(r.on_time), overdue: Number(r.overdue) }));
}

export async function inProgressAt(db: Db, provinceCode: string, at: Date, f: SnapshotFilter): Promise<InProgressCounts> {
  const [row] = await inProgressBy(db, provinceCode, at, f, 'total');
  return { onTime: row?.onTime ?? 0, overdue: row?.overdue ?? 0 };
}

export type DrillMeasure = 'received' | 'finished' | 'finished_early' | 'finished_on_time' | 'finished_late' | 'returned' | 'rejected' | 'withdrawn' | 'supplement_requests';

const MEASURE_WHERE: Record<DrillMeasure, string> = {
  received: `e.action = 'receive'`,
  finished: 'e.outcome IS NOT NULL',
  finished_early: `e.outcome = 'early'`,
  finished_on_time: `e.outcome = 'on_time'`,
  finished_late: `e.outcome = 'late'`,
  returned: `e.action = 'return_result'`,
  rejected: `e.action = 'reject'`,
  withdrawn: `e.action = 'withdraw'`,
  supplement_requests: `e.action = 'request_supplement'`,
};

export interface DrillRow {
  code: string;
  at: Date;
  procedureCode: string;
  procedureName: string;
  channel: string;
  receivingUnitCode: string;
  competentUnitCode: string;
  status: string;
  receivedAt: Date;
  dueAt: Date | null;
  finishedAt: Date | null;
  outcome: string | null;
}

/** The dossiers behind a dashboard number (the events of that measure in the period), with the units
 * the event was counted under (before any restructuring moved the dossier). */
export async function listEventDossiers(db: Db, provinceCode: string, f: FactFilter, measure: DrillMeasure, page: { limit: number; offset: number }):
  Promise<{ items: DrillRow[]; total: number }> {
  if (f.unitCodes.length === 0) return { items: [], total: 0 };
  const where = sql`${factWhere(provinceCode, f, 'e')} AND ${sql.raw(MEASURE_WHERE[measure])}`;
  const count = await sql<{ n: number }>`SELECT count(*)::bigint AS n FROM stats_events e WHERE ${where}`.execute(db);
  const rows = await sql<{ code: string; at: Date; procedure_code: string; procedure_name: string; channel: string; receiving_unit_code: string;
    competent_unit_code: string; status: string; received_at: Date; due_at: Date | null; finished_at: Date | null; outcome: string | null }>`
    SELECT d.code, e.at, d.procedure_code, d.procedure_name, d.channel, e.receiving_unit_code, e.competent_unit_code, d.status, d.received_at,
           d.due_at, d.finished_at, e.outcome
    FROM stats_events e JOIN dossiers d ON d.province_code = e.province_code AND d.code = e.dossier_code
    WHERE ${where} ORDER BY e.at DESC, d.code LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  return {
    total: Number(count.rows[0]?.n ?? 0),
    items: rows.rows.map((r) => ({ code: r.code, at: r.at, procedureCode: r.procedure_code, procedureName: r.procedure_name, channel: r.channel,
      receivingUnitCode: r.receiving_unit_code, competentUnitCode: r.competent_unit_code, status: r.status, receivedAt: r.received_at,
      dueAt: r.due_at, finishedAt: r.finished_at, outcome: r.outcome })),
  };
}

/** The dossiers in progress at `at` (drill-down of inProgress), overdue or on time. */
export async function listInProgressDossiers(db: Db, provinceCode: string, at: Date, f: SnapshotFilter, which: 'overdue' | 'on_time',
  page: { limit: number; offset: number }): Promise<{ items: DrillRow[]; total: number }> {
  if (f.unitCodes.length === 0) return { items: [], total: 0 };
  const overdue = sql`(d.due_at < ${at} AND NOT (d.finished_at IS NULL AND d.status = ANY(${PAUSED_STATUSES}::text[])))`;
  const where = sql`${dossierWhere(provinceCode, f, await notSubDossier(db))} AND d.received_at < ${at} AND (d.finished_at IS NULL OR d.finished_at > ${at})
    AND ${which === 'overdue' ? overdue : sql`NOT ${overdue}`}`;
  const count = await sql<{ n: number }>`SELECT count(*)::bigint AS n FROM dossiers d WHERE ${where}`.execute(db);
  const rows = await sql<{ code: string; procedure_code: string; procedure_name: string; channel: string; receiving_unit_code: string;
    competent_unit_code: string; status: string; received_at: Date; due_at: Date | null; finished_at: Date | null }>`
    SELECT d.code, d.procedure_code, d.procedure_name, d.channel, d.receiving_unit_code, d.competent_unit_code, d.status, d.received_at, d.due_at, d.finished_at
    FROM dossiers d WHERE ${where} ORDER BY d.due_at NULLS LAST, d.code LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  return {
    total: Number(count.rows[0]?.n ?? 0),
    items: rows.rows.map((r) => ({ code: r.code, at: r.received_at, procedureCode: r.procedure_code, procedureName: r.procedure_name, channel: r.channel,
      receivingUnitCode: r.receiving_unit_code, competentUnitCode: r.competent_unit_code, status: r.status, receivedAt: r.received_at,
      dueAt: r.due_at, finishedAt: r.finished_at, outcome: null })),
  };
}

/** Procedure codes of a field (lĩnh vực), as published in any version. */
export async function procedureCodesOfField(db: Db, provinceCode: string, field: string): Promise<string[]> {
  const rows = await db.selectFrom('procedure_versions').select('procedure_code').distinct()
    .where('province_code', '=', provinceCode).where('field', '=', field).execute();
  return rows.map((r) => r.procedure_code);
}
