// Feedback rows (câu hỏi, phản ánh), their append-only events and the per-address submission count.
import { sql, type Selectable } from 'kysely';
import type { Db } from './database.ts';
import type { FeedbackTable } from './schema.ts';

export type FeedbackRow = Selectable<FeedbackTable>;

export interface FeedbackEventRecord {
  seq: number;
  type: string;
  at: Date;
  actorUsername: string | null;
  actorRoles: string[];
  actorUnitCode: string | null;
  fromStatus: string | null;
  toStatus: string;
  fromUnitCode: string | null;
  toUnitCode: string;
  text: string | null;
  payload: Record<string, unknown>;
}

export type NewFeedback = Omit<FeedbackRow, 'event_count' | 'updated_at' | 'province_code'>;

export async function insertFeedback(db: Db, provinceCode: string, row: NewFeedback): Promise<void> {
  await db.insertInto('feedback').values({ ...row, province_code: provinceCode, updated_at: row.received_at }).execute();
}

export async function findFeedback(db: Db, provinceCode: string, code: string): Promise<FeedbackRow | undefined> {
  return db.selectFrom('feedback').selectAll().where('province_code', '=', provinceCode).where('code', '=', code).executeTakeFirst();
}

export async function feedbackCodeTaken(db: Db, provinceCode: string, code: string): Promise<boolean> {
  return (await db.selectFrom('feedback').select('code').where('province_code', '=', provinceCode).where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function appendFeedbackEvent(db: Db, provinceCode: string, code: string, e: FeedbackEventRecord): Promise<void> {
  await db
    .insertInto('feedback_events')
    .values({
      province_code: provinceCode,
      feedback_code: code,
      seq: e.seq,
      type: e.type,
      at: e.at,
      actor_username: e.actorUsername,
      actor_roles: e.actorRoles,
      actor_unit_code: e.actorUnitCode,
      from_status: e.fromStatus,
      to_status: e.toStatus,
      from_unit_code: e.fromUnitCode,
      to_unit_code: e.toUnitCode,
      text: e.text,
      payload: JSON.stringify(e.payload),
    })
    .execute();
}

export async function listFeedbackEvents(db: Db, provinceCode: string, code: string): Promise<FeedbackEventRecord[]> {
  const rows = await db.selectFrom('feedback_events').selectAll().where('province_code', '=', provinceCode).where('feedback_code', '=', code).orderBy('seq').execute();
  return rows.map(toEvent);
}

/** Events of many messages at once (indicators), grouped by code, in order. */
export async function listEventsOf(db: Db, provinceCode: string, codes: readonly string[]): Promise<Map<string, FeedbackEventRecord[]>> {
  const byCode = new Map<string, FeedbackEventRecord[]>();
  if (codes.length === 0) return byCode;
  const rows = await db.selectFrom('feedback_events').selectAll().where('province_code', '=', provinceCode).where('feedback_code', 'in', codes)
    .orderBy('feedback_code').orderBy('seq').execute();
  for (const row of rows) {
    const list = byCode.get(row.feedback_code) ?? [];
    list.push(toEvent(row));
    byCode.set(row.feedback_code, list);
  }
  return byCode;
}

function toEvent(r: { seq: number; type: string; at: Date; actor_username: string | null; actor_roles: string[]; actor_unit_code: string | null;
  from_status: string | null; to_status: string; from_unit_code: string | null; to_unit_code: string; text: string | null; payload: unknown }): FeedbackEventRecord {
  return {
    seq: r.seq, type: r.type, at: r.at, actorUsername: r.actor_username, actorRoles: r.actor_roles, actorUnitCode: r.actor_unit_code,
    fromStatus: r.from_status, toStatus: r.to_status, fromUnitCode: r.from_unit_code, toUnitCode: r.to_unit_code, text: r.text,
    payload: r.payload as Record<string, unknown>,
  };
}

export interface FeedbackCache {
  status: FeedbackRow['status'];
  unitCode: string;
  resolveDueAt: Date;
  nextDueAt: Date | null;
  classifiedAt: Date | null;
  answeredAt: Date | null;
  publishedAt: Date | null;
  answer?: string | null;
  rating?: { satisfied: boolean; at: Date } | null;
  at: Date;
}

/** Moves the cached state forward; false when another event got there first. */
export async function advanceFeedback(db: Db, provinceCode: string, code: string, expectedEventCount: number, next: FeedbackCache): Promise<boolean> {
  const result = await db
    .updateTable('feedback')
    .set({
      status: next.status,
      unit_code: next.unitCode,
      resolve_due_at: next.resolveDueAt,
      next_due_at: next.nextDueAt,
      classified_at: next.classifiedAt,
      answered_at: next.answeredAt,
      published_at: next.publishedAt,
      ...(next.answer !== undefined ? { answer: next.answer } : {}),
      ...(next.rating ? { rating_satisfied: next.rating.satisfied, rated_at: next.rating.at } : {}),
      event_count: expectedEventCount + 1,
      updated_at: next.at,
    })
    .where('province_code', '=', provinceCode)
    .where('code', '=', code)
    .where('event_count', '=', expectedEventCount)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Submissions from one address since `since`, counted under a transaction-scoped advisory lock on the
 * address, so that concurrent submissions from the same address take turns and the limit holds on
 * every instance.
 */
export async function lockAndCountRecentFromAddress(db: Db, provinceCode: string, address: string, since: Date): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`feedback:${provinceCode}:${address}`}))`.execute(db);
  const row = await db.selectFrom('feedback').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('province_code', '=', provinceCode).where('submitted_address', '=', address).where('received_at', '>=', since).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface FeedbackListQuery {
  unitCodes: readonly string[];
  /** open: received, accepted, info requested; overdue: open and past the next deadline; all. */
  filter: 'open' | 'overdue' | 'all';
  now: Date;
  limit: number;
  offset: number;
}

/** A unit's messages, most urgent first (earliest next deadline), then newest. */
export async function listFeedbackForUnits(db: Db, provinceCode: string, q: FeedbackListQuery): Promise<{ items: FeedbackRow[]; total: number }> {
  if (q.unitCodes.length === 0) return { items: [], total: 0 };
  let query = db.selectFrom('feedback').where('province_code', '=', provinceCode).where('unit_code', 'in', q.unitCodes);
  if (q.filter !== 'all') query = query.where('status', 'in', ['received', 'accepted', 'info_requested']);
  if (q.filter === 'overdue') query = query.where('status', '!=', 'info_requested').where('next_due_at', '<', q.now);
  const [items, count] = await Promise.all([
    query.selectAll().orderBy(sql`next_due_at ASC NULLS LAST`).orderBy('received_at', 'desc').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}

/**
 * The managers' overview: per unit, the messages still open and those past the deadline the unit works
 * towards now (waiting for the citizen does not count as overdue), most overdue units first.
 */
export async function openCountsByUnit(db: Db, provinceCode: string, unitCodes: readonly string[], now: Date): Promise<Array<{ unitCode: string; unitName: string; open: number; overdue: number }>> {
  if (unitCodes.length === 0) return [];
  const rows = await db.selectFrom('feedback as f').innerJoin('units as u', 'u.code', 'f.unit_code')
    .where('f.province_code', '=', provinceCode).where('f.unit_code', 'in', unitCodes)
    .where('f.status', 'in', ['received', 'accepted', 'info_requested'])
    .groupBy(['f.unit_code', 'u.name'])
    .select((eb) => [
      'f.unit_code as unitCode', 'u.name as unitName', eb.fn.countAll<number>().as('open'),
      sql<number>`count(*) FILTER (WHERE f.status <> 'info_requested' AND f.next_due_at < ${now})`.as('overdue'),
    ])
    .execute();
  return rows.map((r) => ({ unitCode: r.unitCode, unitName: r.unitName, open: Number(r.open), overdue: Number(r.overdue) }))
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.unitCode.localeCompare(b.unitCode));
}

/**
 * Messages of these units that may count in [from, to): received before `to` and touched (received,
 * decided, answered, rated…) at or after `from`. A superset; the indicators filter each event exactly.
 */
export async function feedbackForIndicators(db: Db, provinceCode: string, unitCodes: readonly string[], from: Date, to: Date): Promise<FeedbackRow[]> {
  if (unitCodes.length === 0) return [];
  return db.selectFrom('feedback').selectAll().where('province_code', '=', provinceCode).where('unit_code', 'in', unitCodes)
    .where('received_at', '<', to).where('updated_at', '>=', from)
    .execute();
}

/** Complaints linked to a dossier (after the phone check), oldest first. */
export async function complaintsOfDossier(db: Db, provinceCode: string, dossierCode: string): Promise<FeedbackRow[]> {
  return db.selectFrom('feedback').selectAll().where('province_code', '=', provinceCode).where('dossier_code', '=', dossierCode).orderBy('received_at').execute();
}

/**
 * Indicator 5.4's numerator: distinct dossiers with a linked complaint received in [from, to), per unit,
 * where the unit is the dossier's receiving or competent unit (a dossier counts once per unit).
 */
export async function dossiersWithComplaint(db: Db, provinceCode: string, q: { unitCodes: readonly string[]; from: Date; to: Date }): Promise<Array<{ unitCode: string; dossiers: number }>> {
  if (q.unitCodes.length === 0) return [];
  const result = await sql<{ unit_code: string; dossiers: number }>`
    SELECT u.unit_code, count(DISTINCT d.code)::int AS dossiers
      FROM feedback f
      JOIN dossiers d ON d.province_code = f.province_code AND d.code = f.dossier_code
      CROSS JOIN LATERAL (VALUES (d.receiving_unit_code), (d.competent_unit_code)) AS u (unit_code)
     WHERE f.province_code = ${provinceCode}
       AND f.kind = 'complaint'
       AND f.received_at >= ${q.from} AND f.received_at < ${q.to}
       AND u.unit_code IN (${sql.join(q.unitCodes)})
     GROUP BY u.unit_code
     ORDER BY u.unit_code`.execute(db);
  return result.rows.map((r) => ({ unitCode: r.unit_code, dossiers: Number(r.dossiers) }));
}
