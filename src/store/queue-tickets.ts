// Tickets and their appended events. The one concurrency-critical query is `claimNextTicket`: the
// waiting row is taken with FOR UPDATE SKIP LOCKED, so counters calling at the same instant each lock a
// different row instead of queueing behind (or double-taking) the same one.
import { sql, type Selectable } from 'kysely';
import type { Db } from './database.ts';
import type { QueueTicketsTable } from './schema.ts';
import type { PriorityKind, TicketStatus } from '../domain/queue/index.ts';

export interface TicketRow {
  id: string;
  unitCode: string;
  day: string;
  serviceGroup: string;
  issuedGroup: string;
  seq: number;
  number: string;
  priority: PriorityKind;
  channel: string;
  status: TicketStatus;
  issuedAt: Date;
  rankAt: Date;
  targetCounterCode: string | null;
  counterCode: string | null;
  officerUsername: string | null;
  calledAt: Date | null;
  firstCalledAt: Date | null;
  callCount: number;
  servingStartedAt: Date | null;
  finishedAt: Date | null;
  appointmentId: string | null;
  dossierCode: string | null;
}

export function toTicket(r: Selectable<QueueTicketsTable>): TicketRow {
  return {
    id: r.id, unitCode: r.unit_code, day: r.day, serviceGroup: r.service_group, issuedGroup: r.issued_group, seq: r.seq, number: r.number,
    priority: r.priority as PriorityKind, channel: r.channel, status: r.status as TicketStatus, issuedAt: r.issued_at, rankAt: r.rank_at,
    targetCounterCode: r.target_counter_code, counterCode: r.counter_code, officerUsername: r.officer_username, calledAt: r.called_at,
    firstCalledAt: r.first_called_at, callCount: r.call_count, servingStartedAt: r.serving_started_at, finishedAt: r.finished_at,
    appointmentId: r.appointment_id, dossierCode: r.dossier_code,
  };
}

/** Next number of the (unit × group × day) series; the row lock makes it gap-free and unique. */
export async function nextTicketSeq(db: Db, provinceCode: string, unitCode: string, group: string, day: string): Promise<number> {
  const result = await sql<{ last_value: number }>`
    INSERT INTO queue_ticket_series (province_code, unit_code, service_group, day, last_value)
    VALUES (${provinceCode}, ${unitCode}, ${group}, ${day}::date, 1)
    ON CONFLICT (province_code, unit_code, service_group, day) DO UPDATE SET last_value = queue_ticket_series.last_value + 1
    RETURNING last_value`.execute(db);
  return Number(result.rows[0]!.last_value);
}

export interface NewTicket {
  unitCode: string;
  day: string;
  serviceGroup: string;
  seq: number;
  number: string;
  priority: PriorityKind;
  channel: 'kiosk' | 'counter' | 'appointment' | 'online';
  issuedAt: Date;
  rankAt: Date;
  appointmentId?: string | null;
  issuedAddress?: string | null;
}

export async function insertTicket(db: Db, provinceCode: string, t: NewTicket): Promise<TicketRow> {
  const row = await db.insertInto('queue_tickets').values({
    province_code: provinceCode, unit_code: t.unitCode, day: t.day, service_group: t.serviceGroup, issued_group: t.serviceGroup, seq: t.seq,
    number: t.number, priority: t.priority, channel: t.channel, status: 'waiting', issued_at: t.issuedAt, rank_at: t.rankAt,
    appointment_id: t.appointmentId ?? null, issued_address: t.issuedAddress ?? null,
  }).returningAll().executeTakeFirstOrThrow();
  return toTicket(row);
}

export async function findTicket(db: Db, provinceCode: string, id: string, lock = false): Promise<TicketRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  let query = db.selectFrom('queue_tickets').selectAll().where('province_code', '=', provinceCode).where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toTicket(row) : undefined;
}

export async function updateTicket(db: Db, provinceCode: string, id: string, set: Partial<Omit<Selectable<QueueTicketsTable>, 'id' | 'province_code'>>): Promise<TicketRow> {
  const row = await db.updateTable('queue_tickets').set(set).where('province_code', '=', provinceCode).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return toTicket(row);
}

/** Tickets a counter holds (called, serving), locked. */
export async function ticketsAtCounter(db: Db, provinceCode: string, unitCode: string, counterCode: string, statuses: readonly TicketStatus[] = ['called', 'serving']): Promise<TicketRow[]> {
  const rows = await db.selectFrom('queue_tickets').selectAll()
    .where('province_code', '=', provinceCode).where('unit_code', '=', unitCode).where('counter_code', '=', counterCode)
    .where('status', 'in', statuses).orderBy('called_at').forUpdate().execute();
  return rows.map(toTicket);
}

export interface ClaimRequest {
  unitCode: string;
  day: string;
  groups: readonly string[];
  counterCode: string;
  normalOnly: boolean;
}

/** Locks the first waiting ticket this counter may take (rank order), skipping rows other counters hold. */
export async function claimNextTicket(db: Db, provinceCode: string, claim: ClaimRequest): Promise<TicketRow | undefined> {
  if (claim.groups.length === 0) return undefined;
  // The whole row, locked: the caller updates it without reading it again (a round trip per call-next).
  const result = await sql<Selectable<QueueTicketsTable>>`
    SELECT * FROM queue_tickets
    WHERE province_code = ${provinceCode} AND unit_code = ${claim.unitCode} AND day = ${claim.day}::date AND status = 'waiting'
      AND service_group IN (${sql.join(claim.groups)})
      AND (target_counter_code IS NULL OR target_counter_code = ${claim.counterCode})
      ${claim.normalOnly ? sql`AND priority IN ('normal', 'appointment')` : sql``}
    ORDER BY rank_at, seq, id
    LIMIT 1
    FOR UPDATE SKIP LOCKED`.execute(db);
  const row = result.rows[0];
  return row ? toTicket(row) : undefined;
}

/** Waiting tickets ranked before this one in its group (what the citizen sees as "people ahead"). */
export async function countAhead(db: Db, provinceCode: string, t: Pick<TicketRow, 'unitCode' | 'day' | 'serviceGroup' | 'rankAt' | 'seq' | 'id'>): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM queue_tickets
    WHERE province_code = ${provinceCode} AND unit_code = ${t.unitCode} AND day = ${t.day}::date AND status = 'waiting'
      AND service_group = ${t.serviceGroup} AND id <> ${t.id}
      AND (rank_at, seq) < (${t.rankAt}::timestamptz, ${t.seq}::int)`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** Waiting tickets per group of a unit today. */
export async function waitingByGroup(db: Db, provinceCode: string, unitCode: string, day: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('queue_tickets').select(['service_group', (eb) => eb.fn.countAll<number>().as('n')])
    .where('province_code', '=', provinceCode).where('unit_code', '=', unitCode).where('day', '=', day).where('status', '=', 'waiting')
    .groupBy('service_group').execute();
  return new Map(rows.map((r) => [r.service_group, Number(r.n)]));
}

/** Waiting tickets per unit and group today, for the whole network at once. */
export async function waitingAcrossUnits(db: Db, provinceCode: string, day: string, group: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('queue_tickets').select(['unit_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('province_code', '=', provinceCode).where('day', '=', day).where('status', '=', 'waiting').where('service_group', '=', group)
    .groupBy('unit_code').execute();
  return new Map(rows.map((r) => [r.unit_code, Number(r.n)]));
}

/** Serving times (ms, first call → finish) of the last finished tickets of a group at a unit. */
export async function recentServiceTimes(db: Db, provinceCode: string, unitCode: string, group: string, since: Date, limit = 50): Promise<number[]> {
  const result = await sql<{ ms: number }>`
    SELECT (extract(epoch FROM finished_at - first_called_at) * 1000)::float8 AS ms FROM queue_tickets
    WHERE province_code = ${provinceCode} AND unit_code = ${unitCode} AND service_group = ${group} AND status = 'finished'
      AND finished_at >= ${since} AND first_called_at IS NOT NULL
    ORDER BY finished_at DESC LIMIT ${limit}`.execute(db);
  return result.rows.map((r) => Number(r.ms));
}

/** Tickets issued recently from one address at a unit (the kiosk rate limit). */
export async function countIssuedFrom(db: Db, provinceCode: string, unitCode: string, address: string, since: Date): Promise<number> {
  const row = await db.selectFrom('queue_tickets').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('issued_address', '=', address).where('issued_at', '>=', since)
    .where('province_code', '=', provinceCode).where('unit_code', '=', unitCode).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The tickets shown on a display: the latest called per counter, today. */
export async function calledToday(db: Db, provinceCode: string, unitCode: string, day: string, limit = 12): Promise<TicketRow[]> {
  const rows = await db.selectFrom('queue_tickets').selectAll()
    .where('province_code', '=', provinceCode).where('unit_code', '=', unitCode).where('day', '=', day)
    .where('status', 'in', ['called', 'serving']).orderBy('called_at', 'desc').limit(limit).execute();
  return rows.map(toTicket);
}

export async function parkedAtCounter(db: Db, provinceCode: string, unitCode: string, counterCode: string): Promise<TicketRow[]> {
  const rows = await db.selectFrom('queue_tickets').selectAll()
    .where('province_code', '=', provinceCode).where('unit_code', '=', unitCode).where('counter_code', '=', counterCode)
    .where('status', '=', 'parked').orderBy('issued_at').execute();
  return rows.map(toTicket);
}

export interface TicketEvent {
  ticketId: string;
  unitCode: string;
  type: string;
  at: Date;
  counterCode: string | null;
  actor: { username: string; roles: readonly string[] } | null;
  fromStatus: string | null;
  toStatus: string;
  details?: Record<string, unknown>;
}

export async function appendTicketEvent(db: Db, provinceCode: string, e: TicketEvent): Promise<number> {
  const row = await db.insertInto('queue_ticket_events').values({
    province_code: provinceCode, ticket_id: e.ticketId, unit_code: e.unitCode, type: e.type, at: e.at, counter_code: e.counterCode,
    actor_username: e.actor?.username ?? null, actor_roles: e.actor ? [...e.actor.roles] : [], from_status: e.fromStatus, to_status: e.toStatus,
    details: JSON.stringify(e.details ?? {}),
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function ticketEvents(db: Db, provinceCode: string, ticketId: string) {
  return db.selectFrom('queue_ticket_events').selectAll().where('province_code', '=', provinceCode).where('ticket_id', '=', ticketId).orderBy('id').execute();
}

/** Median serving time (ms) of a group's recent finished tickets, per unit, for the whole network at once. */
export async function medianServiceByUnit(db: Db, provinceCode: string, group: string, since: Date): Promise<Map<string, number>> {
  const result = await sql<{ unit_code: string; ms: number }>`
    SELECT unit_code, (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - first_called_at)) * 1000)::float8 AS ms
    FROM queue_tickets
    WHERE province_code = ${provinceCode} AND service_group = ${group} AND status = 'finished' AND finished_at >= ${since} AND first_called_at IS NOT NULL
    GROUP BY unit_code`.execute(db);
  return new Map(result.rows.map((r) => [r.unit_code, Number(r.ms)]));
}
