// The facts the service index (Decision 766) and the Circular 01/2018 evaluation read beyond the daily
// rollups: the catalog as it stood at the period's end, and per-dossier facts of the reporting events
// (stats_events, so sub-dossiers are never counted and a dossier counts under the units it was counted
// under). Scope = dossiers whose receiving OR competent unit is in the unit's subtree, as the rollups.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './database.ts';

export interface EventScope {
  fromDay: string;
  toDay: string;
  unitCodes: readonly string[];
}

export function eventWhere(provinceCode: string, s: EventScope): RawBuilder<unknown> {
  return sql`e.province_code = ${provinceCode} AND e.day BETWEEN ${s.fromDay}::date AND ${s.toDay}::date
    AND (e.receiving_unit_code = ANY(${[...s.unitCodes]}::text[]) OR e.competent_unit_code = ANY(${[...s.unitCodes]}::text[]))`;
}

export interface CatalogProcedure {
  code: string;
  onlineLevel: 'full' | 'partial' | 'none';
  problemCount: number;
  content: unknown;
}

/** The procedure versions in force at `at`. */
export async function catalogAt(db: Db, provinceCode: string, at: Date): Promise<CatalogProcedure[]> {
  const rows = await db.selectFrom('procedure_versions').select(['procedure_code', 'online_level', 'problem_count', 'content'])
    .where('province_code', '=', provinceCode).where('valid_from', '<=', at)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]))
    .execute();
  return rows.map((r) => ({ code: r.procedure_code, onlineLevel: r.online_level, problemCount: r.problem_count, content: r.content }));
}

/** Procedures that received at least one online dossier in the scope and period (indicator 3.2). */
export async function proceduresWithOnlineIntake(db: Db, provinceCode: string, s: EventScope): Promise<string[]> {
  if (s.unitCodes.length === 0) return [];
  const r = await sql<{ procedure_code: string }>`SELECT DISTINCT e.procedure_code FROM stats_events e
    WHERE ${eventWhere(provinceCode, s)} AND e.action = 'receive' AND e.channel = 'online'`.execute(db);
  return r.rows.map((row) => row.procedure_code);
}

export interface IntakeCounts {
  received: number;
  /** With at least one scanned or uploaded attachment (4.2). */
  digitised: number;
  /** With at least one scan reused from an earlier dossier of the same applicant (4.3). */
  reused: number;
  /** Of procedures in `feeProcedures` (3.6's denominator) … */
  feeBearing: number;
  /** … and of those, paid online (a completed payment through the payment platform). */
  paidOnline: number;
}

export async function intakeCounts(db: Db, provinceCode: string, s: EventScope, feeProcedures: readonly string[]): Promise<IntakeCounts> {
  if (s.unitCodes.length === 0) return { received: 0, digitised: 0, reused: 0, feeBearing: 0, paidOnline: 0 };
  const fee = sql`e.procedure_code = ANY(${[...feeProcedures]}::text[])`;
  const paid = sql`EXISTS (SELECT 1 FROM payments p WHERE p.province_code = e.province_code AND p.dossier_code = e.dossier_code AND p.status = 'paid')`;
  const r = await sql<{ received: number; digitised: number; reused: number; fee_bearing: number; paid_online: number }>`
    SELECT count(*)::bigint AS received,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM dossier_attachments a WHERE a.province_code = e.province_code AND a.dossier_code = e.dossier_code))::bigint AS digitised,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM dossier_attachments a WHERE a.province_code = e.province_code AND a.dossier_code = e.dossier_code
                                          AND a.reused_from_id IS NOT NULL))::bigint AS reused,
           count(*) FILTER (WHERE ${fee})::bigint AS fee_bearing,
           count(*) FILTER (WHERE ${fee} AND ${paid})::bigint AS paid_online
      FROM stats_events e WHERE ${eventWhere(provinceCode, s)} AND e.action = 'receive'`.execute(db);
  const row = r.rows[0];
  return { received: Number(row?.received ?? 0), digitised: Number(row?.digitised ?? 0), reused: Number(row?.reused ?? 0), feeBearing: Number(row?.fee_bearing ?? 0), paidOnline: Number(row?.paid_online ?? 0) };
}

export interface RecordedResult {
  code: string;
  at: Date;
  receivedAt: Date;
  dueAt: Date | null;
  /** The procedure version's result is issued electronically (digitally signed). */
  electronicResult: boolean;
}

/**
 * Dossiers whose result was recorded in the period (the finishing `record_result` events), in pages of
 * `limit` after the (at, code) cursor: a province-wide year is read in bounded memory (indicators 2.2, 4.1).
 */
export async function recordedResults(db: Db, provinceCode: string, s: EventScope, page: { limit: number; after?: { at: Date; code: string } | undefined }): Promise<RecordedResult[]> {
  if (s.unitCodes.length === 0) return [];
  const after = page.after ? sql`AND (e.at, e.dossier_code) > (${page.after.at}, ${page.after.code})` : sql``;
  const r = await sql<{ code: string; at: Date; received_at: Date; due_at: Date | null; electronic_result: boolean | null }>`
    SELECT e.dossier_code AS code, e.at, d.received_at, d.due_at, v.digitally_signed_result AS electronic_result
      FROM stats_events e
      JOIN dossiers d ON d.province_code = e.province_code AND d.code = e.dossier_code
      LEFT JOIN procedure_versions v ON v.province_code = d.province_code AND v.procedure_code = d.procedure_code AND v.version = d.procedure_version
     WHERE ${eventWhere(provinceCode, s)} AND e.outcome IS NOT NULL AND e.action = 'record_result' ${after}
     ORDER BY e.at, e.dossier_code LIMIT ${page.limit}`.execute(db);
  return r.rows.map((row) => ({ code: row.code, at: row.at, receivedAt: row.received_at, dueAt: row.due_at, electronicResult: row.electronic_result === true }));
}

export interface FinishedDossier {
  code: string;
  action: string;
  at: Date;
  outcome: 'early' | 'on_time' | 'late';
  channel: string;
  receivedAt: Date;
  dueAt: Date | null;
  /** The officer who recorded the finishing action, and their name. */
  officer: string;
  officerName: string | null;
  officerUnitCode: string | null;
  /** The procedure version's result is issued electronically (digitally signed). */
  electronicResult: boolean;
  catalogComplete: boolean;
  supplementRequests: number;
  /** A complaint linked to the dossier that the unit accepted (not refused, not still unclassified). */
  verifiedComplaint: boolean;
  /** Points the citizen gave to indices 1, 3, 4, 7 (dossier_ratings.criteria.points), when rated. */
  ratingPoints: Record<string, number> | null;
  /** Consulted agencies' answers: [answeredAt, dueAt]. */
  consultations: Array<{ answeredAt: Date; dueAt: Date }>;
}

/** Dossiers whose legal clock finished in the period (the events that carry an outcome), with what the evaluation needs. */
export async function finishedDossiers(db: Db, provinceCode: string, s: EventScope): Promise<FinishedDossier[]> {
  if (s.unitCodes.length === 0) return [];
  const r = await sql<{
    code: string; action: string; at: Date; outcome: 'early' | 'on_time' | 'late'; channel: string; received_at: Date; due_at: Date | null;
    officer: string; officer_name: string | null; officer_unit: string | null; electronic_result: boolean | null; problem_count: number | null;
    supplements: number; complaint: boolean; rating: unknown;
  }>`
    SELECT e.dossier_code AS code, e.action, e.at, e.outcome, e.channel, d.received_at, d.due_at,
           a.actor_username AS officer, u.full_name AS officer_name, u.unit_code AS officer_unit,
           v.digitally_signed_result AS electronic_result, v.problem_count,
           (SELECT count(*) FROM dossier_actions x WHERE x.province_code = e.province_code AND x.dossier_code = e.dossier_code
              AND x.type = 'request_supplement' AND x.seq < e.seq)::int AS supplements,
           EXISTS (SELECT 1 FROM feedback f WHERE f.province_code = e.province_code AND f.dossier_code = e.dossier_code
              AND f.kind = 'complaint' AND f.status IN ('accepted', 'info_requested', 'answered', 'published')) AS complaint,
           (SELECT r.criteria -> 'points' FROM dossier_ratings r WHERE r.province_code = e.province_code AND r.dossier_code = e.dossier_code) AS rating
      FROM stats_events e
      JOIN dossiers d ON d.province_code = e.province_code AND d.code = e.dossier_code
      JOIN dossier_actions a ON a.province_code = e.province_code AND a.dossier_code = e.dossier_code AND a.seq = e.seq
      LEFT JOIN staff_users u ON u.username = a.actor_username
      LEFT JOIN procedure_versions v ON v.province_code = d.province_code AND v.procedure_code = d.procedure_code AND v.version = d.procedure_version
     WHERE ${eventWhere(provinceCode, s)} AND e.outcome IS NOT NULL
     ORDER BY e.at, e.dossier_code`.execute(db);
  const codes = r.rows.map((row) => row.code);
  const consultations = new Map<string, Array<{ answeredAt: Date; dueAt: Date }>>();
  if (codes.length > 0) {
    const subs = await db.selectFrom('sub_dossiers').select(['parent_code', 'answered_at', 'due_at'])
      .where('province_code', '=', provinceCode).where('parent_code', 'in', codes).where('answered_at', 'is not', null).execute();
    for (const sub of subs) {
      const list = consultations.get(sub.parent_code) ?? [];
      list.push({ answeredAt: sub.answered_at!, dueAt: sub.due_at });
      consultations.set(sub.parent_code, list);
    }
  }
  return r.rows.map((row) => ({
    code: row.code, action: row.action, at: row.at, outcome: row.outcome, channel: row.channel, receivedAt: row.received_at, dueAt: row.due_at,
    officer: row.officer, officerName: row.officer_name, officerUnitCode: row.officer_unit,
    electronicResult: row.electronic_result === true, catalogComplete: row.problem_count === 0,
    supplementRequests: Number(row.supplements), verifiedComplaint: row.complaint === true,
    ratingPoints: parsePoints(row.rating), consultations: consultations.get(row.code) ?? [],
  }));
}

function parsePoints(raw: unknown): Record<string, number> | null {
  const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  if (value === null || typeof value !== 'object') return null;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
}

/**
 * Indicator 5.4's "complaint or dislike": distinct dossiers of the scope with a linked complaint received
 * in [from, to) or a "Không hài lòng" rating given in it.
 */
export async function dossiersComplainedOrDisliked(db: Db, provinceCode: string, unitCodes: readonly string[], from: Date, to: Date): Promise<number> {
  if (unitCodes.length === 0) return 0;
  const units = sql`${[...unitCodes]}::text[]`;
  const r = await sql<{ n: number }>`
    SELECT count(DISTINCT d.code)::bigint AS n FROM dossiers d
     WHERE d.province_code = ${provinceCode} AND (d.receiving_unit_code = ANY(${units}) OR d.competent_unit_code = ANY(${units}))
       AND (EXISTS (SELECT 1 FROM feedback f WHERE f.province_code = d.province_code AND f.dossier_code = d.code AND f.kind = 'complaint'
                     AND f.received_at >= ${from} AND f.received_at < ${to})
         OR EXISTS (SELECT 1 FROM dossier_ratings r WHERE r.province_code = d.province_code AND r.dossier_code = d.code AND r.overall = 'dissatisfied'
                     AND r.rated_at >= ${from} AND r.rated_at < ${to}))`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
