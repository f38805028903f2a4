// Timer candidates and the marks that make each timer fire once per dossier per promised instant.
import { sql } from 'kysely';
import type { Db } from './database.ts';

export type TimerKind = 'due_soon' | 'apology_reminder' | 'overdue';

export interface TimerCandidate {
  code: string;
  status: string;
  receivedAt: Date;
  dueAt: Date;
  clock: unknown;
  receivingUnitCode: string;
  competentUnitCode: string;
  procedureName: string;
  /** Timers already fired for this due instant. */
  marked: TimerKind[];
}

/**
 * Running dossiers (not finished, clock not paused) that are not yet marked overdue for their current
 * due instant and whose due instant is close enough that a timer may fire. The SQL bound is deliberately
 * loose (calendar time): the working-time decision is made in `timersAt`. A working day of 8 h spans at
 * most 1.4 calendar days on average plus the longest break (Tết ≈ 10 days), and the due-soon threshold
 * is at most `maxShare` of the promised span, hence `due ≤ now + 2 × share × (due − received) + 12 days`.
 */
export async function listTimerCandidates(
  db: Db, provinceCode: string, now: Date, maxShare: number, limit: number, after?: { dueAt: Date; code: string },
): Promise<TimerCandidate[]> {
  let query = db
    .selectFrom('dossiers as d')
    .select(['d.code', 'd.status', 'd.received_at', 'd.due_at', 'd.clock', 'd.receiving_unit_code', 'd.competent_unit_code', 'd.procedure_name'])
    .select((eb) =>
      sql<TimerKind[] | null>`(SELECT array_agg(m.kind) FROM dossier_timer_marks m
        WHERE m.province_code = d.province_code AND m.dossier_code = d.code AND m.due_at = d.due_at)`.as('marked'),
    )
    .where('d.province_code', '=', provinceCode)
    .where('d.finished_at', 'is', null)
    .where('d.due_at', 'is not', null)
    .where('d.status', 'not in', ['awaiting_supplement', 'paused'])
    .where(sql<boolean>`d.due_at <= ${now}::timestamptz + (d.due_at - d.received_at) * ${2 * maxShare}::float8 + interval '12 days'`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('dossier_timer_marks as o').select('o.kind')
        .whereRef('o.province_code', '=', 'd.province_code').whereRef('o.dossier_code', '=', 'd.code')
        .whereRef('o.due_at', '=', 'd.due_at').where('o.kind', '=', 'overdue'))),
    )
    .orderBy('d.due_at')
    .orderBy('d.code')
    .limit(limit);
  if (after) query = query.where(sql<boolean>`(d.due_at, d.code) > (${after.dueAt}::timestamptz, ${after.code})`);
  const rows = await query.execute();
  return rows.map((r) => ({
    code: r.code,
    status: r.status,
    receivedAt: r.received_at,
    dueAt: r.due_at as Date,
    clock: r.clock,
    receivingUnitCode: r.receiving_unit_code,
    competentUnitCode: r.competent_unit_code,
    procedureName: r.procedure_name,
    marked: parseKinds(r.marked),
  }));
}

// array_agg of text comes back as a JS array from node-postgres and PGlite alike; be lenient anyway.
function parseKinds(value: unknown): TimerKind[] {
  if (Array.isArray(value)) return value as TimerKind[];
  if (typeof value === 'string') return value.replace(/[{}]/g, '').split(',').filter(Boolean) as TimerKind[];
  return [];
}

/** Records that the timer fired; false when it had already fired for this due instant (another runner). */
export async function insertTimerMark(db: Db, provinceCode: string, code: string, kind: TimerKind, dueAt: Date, at: Date): Promise<boolean> {
  const rows = await db
    .insertInto('dossier_timer_marks')
    .values({ province_code: provinceCode, dossier_code: code, kind, due_at: dueAt, marked_at: at })
    .onConflict((oc) => oc.doNothing())
    .returning('kind')
    .execute();
  return rows.length === 1;
}

/** Active leaders of a unit (they receive the unit's timer warnings). */
export async function activeLeadersOf(db: Db, provinceCode: string, unitCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('staff_users')
    .select('username')
    .where('province_code', '=', provinceCode)
    .where('unit_code', '=', unitCode)
    .where('active', '=', true)
    .where(sql<boolean>`'leader' = ANY(roles)`)
    .orderBy('username')
    .execute();
  return rows.map((r) => r.username);
}
