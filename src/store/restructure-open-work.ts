// The open work of closed units other than dossiers, counted for a dry run and moved at the effective
// instant: service groups and counters (copied to the successor, the originals kept inactive as history),
// queue tickets of the day (renumbered in the successor's series, their place in line kept), future
// appointments (same slot, same group), ticket series, paper transfers not yet sent or received, open
// inter-agency sub-dossiers and open citizen feedback. Nothing is cancelled or restarted: statuses,
// deadlines and slots stay as they were; each ticket and feedback item gets a history row.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './database.ts';
import type { StoredClosure } from './restructure.ts';
import { formatTicketNumber } from '../domain/queue/ticket-number.ts';
import { OPEN_STATUSES as OPEN_FEEDBACK } from '../domain/feedback/kinds.ts';

export const OPEN_TICKET_STATUSES = ['waiting', 'called', 'serving', 'parked'] as const;
const OPEN_SUB_DOSSIER = 'open';

export interface OpenWorkCounts {
  tickets: number;
  appointments: number;
  counters: number;
  serviceGroups: number;
  ticketSeries: number;
  paperTransfers: number;
  subDossiers: number;
  feedback: number;
}

export const NO_OPEN_WORK: OpenWorkCounts = { tickets: 0, appointments: 0, counters: 0, serviceGroups: 0, ticketSeries: 0, paperTransfers: 0, subDossiers: 0, feedback: 0 };

/** Where the open work of a closed unit goes when nothing says otherwise (no commune to go by). */
export function defaultSuccessor(closure: StoredClosure): string | null {
  return closure.fallback ?? closure.successors[0] ?? null;
}

/** The split rule for work that belongs to a dossier: the applicant's commune, else the default. */
function successorByCommune(closure: StoredClosure, communeCode: string | null): string | null {
  return (communeCode !== null ? closure.communeMap[communeCode] : undefined) ?? defaultSuccessor(closure);
}

/** What moves: the day (YYYY-MM-DD, local) from which tickets and series count, and the instant from which appointments do. */
export interface OpenWorkWindow {
  fromDay: string;
  fromInstant: Date;
}

export interface UnitOpenWork {
  unitCode: string;
  to: string | null;
  tickets: number;
  appointments: number;
  counters: number;
}

const countBy = (rows: ReadonlyArray<{ unit: string; n: number | string }>) => new Map(rows.map((r) => [r.unit, Number(r.n)]));

/** The open work of the closed units, per unit and in total (dry run; also what apply moves). */
export async function countOpenWork(db: Db, provinceCode: string, closures: ReadonlyMap<string, StoredClosure>, window: OpenWorkWindow): Promise<{ totals: OpenWorkCounts; units: UnitOpenWork[] }> {
  const codes = [...closures.keys()];
  if (codes.length === 0) return { totals: { ...NO_OPEN_WORK }, units: [] };
  const tickets = countBy((await sql<{ unit: string; n: number }>`
    SELECT unit_code AS unit, count(*)::int AS n FROM queue_tickets
    WHERE province_code = ${provinceCode} AND unit_code = ANY(${codes}) AND status = ANY(${[...OPEN_TICKET_STATUSES]}) AND day >= ${window.fromDay}::date
    GROUP BY unit_code`.execute(db)).rows);
  const appointments = countBy((await sql<{ unit: string; n: number }>`
    SELECT unit_code AS unit, count(*)::int AS n FROM queue_appointments
    WHERE province_code = ${provinceCode} AND unit_code = ANY(${codes}) AND status = 'booked' AND slot_end > ${window.fromInstant}
    GROUP BY unit_code`.execute(db)).rows);
  const counters = countBy((await sql<{ unit: string; n: number }>`
    SELECT unit_code AS unit, count(*)::int AS n FROM queue_counters
    WHERE province_code = ${provinceCode} AND unit_code = ANY(${codes}) AND active GROUP BY unit_code`.execute(db)).rows);
  const one = async (query: RawBuilder<{ n: number }>) => Number((await query.execute(db)).rows[0]?.n ?? 0);
  const totals: OpenWorkCounts = {
    tickets: [...tickets.values()].reduce((a, b) => a + b, 0),
    appointments: [...appointments.values()].reduce((a, b) => a + b, 0),
    counters: [...counters.values()].reduce((a, b) => a + b, 0),
    serviceGroups: await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM queue_service_groups WHERE province_code = ${provinceCode} AND unit_code = ANY(${codes}) AND active`),
    ticketSeries: await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM queue_ticket_series WHERE province_code = ${provinceCode} AND unit_code = ANY(${codes}) AND day >= ${window.fromDay}::date`),
    paperTransfers: (await pendingPaperTransfers(db, provinceCode, codes)).length,
    subDossiers: await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM sub_dossiers WHERE province_code = ${provinceCode} AND coordinating_unit_code = ANY(${codes}) AND status = ${OPEN_SUB_DOSSIER}`),
    feedback: await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM feedback WHERE province_code = ${provinceCode} AND unit_code = ANY(${codes}) AND status = ANY(${[...OPEN_FEEDBACK]})`),
  };
  const units = codes.filter((c) => tickets.has(c) || appointments.has(c) || counters.has(c)).map((code) => ({
    unitCode: code, to: defaultSuccessor(closures.get(code)!), tickets: tickets.get(code) ?? 0, appointments: appointments.get(code) ?? 0, counters: counters.get(code) ?? 0,
  }));
  return { totals, units };
}

export interface MoveActor {
  at: Date;
  username: string;
  roles: string[];
  planId: string;
  reason: string;
}

/** Moves the open work of the closed units to their successors (inside the plan's transaction). */
export async function moveOpenWork(db: Db, provinceCode: string, closures: ReadonlyMap<string, StoredClosure>, window: OpenWorkWindow, actor: MoveActor): Promise<OpenWorkCounts & { moved: Record<string, string[]>; movedAppointments: MovedAppointment[] }> {
  const counts: OpenWorkCounts = { ...NO_OPEN_WORK };
  const moved: Record<string, string[]> = { paperTransfers: [], subDossiers: [] };
  const handovers = [...closures.values()].map((c) => ({ from: c.code, to: defaultSuccessor(c) })).filter((h): h is { from: string; to: string } => h.to !== null);
  if (handovers.length === 0) return { ...counts, moved, movedAppointments: [] };

  counts.serviceGroups = await moveServiceGroups(db, provinceCode, handovers);
  const counterCodes = await moveCounters(db, provinceCode, handovers);
  counts.counters = counterCodes.size;
  const tickets = await moveTickets(db, provinceCode, handovers, counterCodes, window, actor);
  counts.tickets = tickets.tickets;
  counts.ticketSeries = tickets.series;
  const movedAppointments = await moveAppointments(db, provinceCode, handovers, window);
  counts.appointments = movedAppointments.length;

  for (const t of await pendingPaperTransfers(db, provinceCode, [...closures.keys()])) {
    const from = closures.get(t.from_unit_code);
    const to = closures.get(t.to_unit_code);
    // Papers not yet sent leave from the successor; papers not yet received arrive at it.
    const nextFrom = from && t.sent_at === null ? successorByCommune(from, t.commune) : null;
    const nextTo = to && t.received_at === null ? successorByCommune(to, t.commune) : null;
    if (!nextFrom && !nextTo) continue;
    await db.updateTable('paper_transfers').set({ from_unit_code: nextFrom ?? t.from_unit_code, to_unit_code: nextTo ?? t.to_unit_code })
      .where('province_code', '=', provinceCode).where('dossier_code', '=', t.dossier_code).where('seq', '=', t.seq).execute();
    moved.paperTransfers!.push(`${t.dossier_code}#${t.seq}`);
    counts.paperTransfers++;
  }

  const subs = await sql<{ code: string; unit: string; commune: string | null }>`
    SELECT s.code, s.coordinating_unit_code AS unit, d.applicant_commune_code AS commune
    FROM sub_dossiers s JOIN dossiers d ON d.province_code = s.province_code AND d.code = s.parent_code
    WHERE s.province_code = ${provinceCode} AND s.coordinating_unit_code = ANY(${[...closures.keys()]}) AND s.status = ${OPEN_SUB_DOSSIER}`.execute(db);
  for (const s of subs.rows) {
    const to = successorByCommune(closures.get(s.unit)!, s.commune);
    if (!to) continue;
    await db.updateTable('sub_dossiers').set({ coordinating_unit_code: to }).where('province_code', '=', provinceCode).where('code', '=', s.code).execute();
    moved.subDossiers!.push(s.code);
    counts.subDossiers++;
  }

  counts.feedback = await moveFeedback(db, provinceCode, closures, actor);
  return { ...counts, moved, movedAppointments };
}

async function pendingPaperTransfers(db: Db, provinceCode: string, codes: string[]) {
  if (codes.length === 0) return [];
  return (await sql<{ dossier_code: string; seq: number; from_unit_code: string; to_unit_code: string; sent_at: Date | null; received_at: Date | null; commune: string | null }>`
    SELECT t.dossier_code, t.seq, t.from_unit_code, t.to_unit_code, t.sent_at, t.received_at, d.applicant_commune_code AS commune
    FROM paper_transfers t JOIN dossiers d ON d.province_code = t.province_code AND d.code = t.dossier_code
    WHERE t.province_code = ${provinceCode} AND t.cancelled_at IS NULL AND t.received_at IS NULL
      AND ((t.from_unit_code = ANY(${codes}) AND t.sent_at IS NULL) OR t.to_unit_code = ANY(${codes}))
    ORDER BY t.dossier_code, t.seq`.execute(db)).rows;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function freePrefix(taken: ReadonlySet<string>, wanted: string): string {
  if (!taken.has(wanted)) return wanted;
  for (const a of LETTERS) if (!taken.has(a)) return a;
  for (const a of LETTERS) for (const b of LETTERS) if (!taken.has(a + b)) return a + b;
  throw new Error('restructure: no free ticket prefix');
}

/** Groups the successor lacks are copied to it (with a free prefix); the closed unit's groups go inactive. Answers the groups handed over. */
async function moveServiceGroups(db: Db, provinceCode: string, handovers: ReadonlyArray<{ from: string; to: string }>): Promise<number> {
  let handed = 0;
  for (const h of handovers) {
    const own = await db.selectFrom('queue_service_groups').selectAll().where('province_code', '=', provinceCode).where('unit_code', '=', h.from).where('active', '=', true).orderBy('sort_order').execute();
    if (own.length === 0) continue;
    const theirs = await db.selectFrom('queue_service_groups').selectAll().where('province_code', '=', provinceCode).where('unit_code', '=', h.to).execute();
    const prefixes = new Set(theirs.map((g) => g.prefix));
    for (const g of own) {
      handed++;
      const existing = theirs.find((t) => t.code === g.code);
      if (existing) {
        if (!existing.active) await db.updateTable('queue_service_groups').set({ active: true }).where('province_code', '=', provinceCode).where('unit_code', '=', h.to).where('code', '=', g.code).execute();
        continue;
      }
      const prefix = freePrefix(prefixes, g.prefix);
      prefixes.add(prefix);
      await db.insertInto('queue_service_groups').values({
        province_code: provinceCode, unit_code: h.to, code: g.code, name: g.name, prefix, sort_order: g.sort_order, slot_minutes: g.slot_minutes, slot_capacity: g.slot_capacity,
      }).execute();
      theirs.push({ ...g, unit_code: h.to, prefix, active: true });
    }
    await db.updateTable('queue_service_groups').set({ active: false }).where('province_code', '=', provinceCode).where('unit_code', '=', h.from).execute();
  }
  return handed;
}

/** Counters are copied to the successor under the next free numbers; an officer signed in follows the copy. Key: "from|code" → new code. */
async function moveCounters(db: Db, provinceCode: string, handovers: ReadonlyArray<{ from: string; to: string }>): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  const nextNumber = new Map<string, number>();
  for (const h of handovers) {
    const own = await db.selectFrom('queue_counters').selectAll().where('province_code', '=', provinceCode).where('unit_code', '=', h.from).where('active', '=', true)
      .orderBy(sql`length(code)`).orderBy('code').execute();
    if (own.length === 0) continue;
    if (!nextNumber.has(h.to)) {
      const theirs = await db.selectFrom('queue_counters').select('code').where('province_code', '=', provinceCode).where('unit_code', '=', h.to).execute();
      nextNumber.set(h.to, theirs.reduce((max, c) => Math.max(max, /^\d+$/.test(c.code) ? Number(c.code) : 0), 0) + 1);
    }
    for (const c of own) {
      const n = nextNumber.get(h.to)!;
      nextNumber.set(h.to, n + 1);
      const code = String(n);
      // The unique index allows an officer at one counter only: free the old one first.
      await db.updateTable('queue_counters').set({ active: false, officer_username: null, signed_in_at: null })
        .where('province_code', '=', provinceCode).where('unit_code', '=', h.from).where('code', '=', c.code).execute();
      await db.insertInto('queue_counters').values({
        province_code: provinceCode, unit_code: h.to, code, name: `Quầy ${code}`, service_groups: c.service_groups,
        officer_username: c.officer_username, signed_in_at: c.signed_in_at, priority_streak: c.priority_streak,
      }).execute();
      codes.set(`${h.from}|${c.code}`, code);
    }
  }
  return codes;
}

/**
 * Open tickets of the day go to the successor: a new number at the end of its series for the group
 * (two "A-023" in one hall would call the wrong person), their place in line (rank) unchanged, any
 * counter holding them mapped to its copy; one 'restructured' event each with the number before.
 */
async function moveTickets(db: Db, provinceCode: string, handovers: ReadonlyArray<{ from: string; to: string }>, counterCodes: ReadonlyMap<string, string>, window: OpenWorkWindow, actor: MoveActor): Promise<{ tickets: number; series: number }> {
  const to = new Map(handovers.map((h) => [h.from, h.to]));
  const open = await db.selectFrom('queue_tickets').selectAll().where('province_code', '=', provinceCode).where('unit_code', 'in', [...to.keys()])
    .where('status', 'in', [...OPEN_TICKET_STATUSES]).where('day', '>=', window.fromDay).orderBy('rank_at').orderBy('seq').execute();
  const series = await sql<{ unit_code: string }>`SELECT unit_code FROM queue_ticket_series
    WHERE province_code = ${provinceCode} AND unit_code = ANY(${[...to.keys()]}) AND day >= ${window.fromDay}::date`.execute(db);
  if (open.length === 0) return { tickets: 0, series: series.rows.length };

  const successors = [...new Set(open.map((t) => to.get(t.unit_code)!))];
  const lastValue = new Map((await sql<{ k: string; last_value: number }>`
    SELECT unit_code || '|' || service_group || '|' || day::text AS k, last_value FROM queue_ticket_series
    WHERE province_code = ${provinceCode} AND unit_code = ANY(${successors}) AND day >= ${window.fromDay}::date`.execute(db)).rows.map((r) => [r.k, Number(r.last_value)]));
  const prefixes = new Map((await db.selectFrom('queue_service_groups').select(['unit_code', 'code', 'prefix']).where('province_code', '=', provinceCode).where('unit_code', 'in', successors).execute())
    .map((g) => [`${g.unit_code}|${g.code}`, g.prefix]));

  const updates = open.map((t) => {
    const unit = to.get(t.unit_code)!;
    const key = `${unit}|${t.issued_group}|${t.day}`;
    const seq = (lastValue.get(key) ?? 0) + 1;
    lastValue.set(key, seq);
    const prefix = prefixes.get(`${unit}|${t.issued_group}`) ?? t.number.split('-')[0]!;
    const mapCounter = (code: string | null) => (code === null ? null : counterCodes.get(`${t.unit_code}|${code}`) ?? null);
    return { t, unit, seq, number: formatTicketNumber(prefix, seq), counter: mapCounter(t.counter_code), target: mapCounter(t.target_counter_code) };
  });
  for (let i = 0; i < updates.length; i += 500) {
    const batch = updates.slice(i, i + 500);
    const values = sql.join(batch.map((u) => sql`(${u.t.id}::uuid, ${u.unit}, ${u.seq}::int, ${u.number}, ${u.counter}::text, ${u.target}::text)`));
    await sql`
      UPDATE queue_tickets q SET unit_code = v.unit, seq = v.seq, number = v.number, counter_code = v.counter, target_counter_code = v.target
      FROM (VALUES ${values}) AS v(id, unit, seq, number, counter, target)
      WHERE q.province_code = ${provinceCode} AND q.id = v.id`.execute(db);
    await db.insertInto('queue_ticket_events').values(batch.map((u) => ({
      province_code: provinceCode, ticket_id: u.t.id, unit_code: u.unit, type: 'restructured', at: actor.at, counter_code: u.counter,
      actor_username: actor.username, actor_roles: actor.roles, from_status: u.t.status, to_status: u.t.status,
      details: JSON.stringify({ reason: actor.reason, planId: actor.planId, fromUnit: u.t.unit_code, numberBefore: u.t.number, number: u.number }),
    }))).execute();
  }
  // The successor's series continue after the numbers just given.
  for (const [key, last] of lastValue) {
    const [unit, group, day] = key.split('|') as [string, string, string];
    await sql`INSERT INTO queue_ticket_series (province_code, unit_code, service_group, day, last_value) VALUES (${provinceCode}, ${unit}, ${group}, ${day}::date, ${last})
      ON CONFLICT (province_code, unit_code, service_group, day) DO UPDATE SET last_value = GREATEST(queue_ticket_series.last_value, EXCLUDED.last_value)`.execute(db);
  }
  return { tickets: updates.length, series: series.rows.length };
}

/** Booked appointments from the instant on keep their slot and group at the successor (never cancelled, even past its capacity). */
export interface MovedAppointment {
  code: string;
  from: string;
}

async function moveAppointments(db: Db, provinceCode: string, handovers: ReadonlyArray<{ from: string; to: string }>, window: OpenWorkWindow): Promise<MovedAppointment[]> {
  const moved: MovedAppointment[] = [];
  for (const h of handovers) {
    const rows = await db.updateTable('queue_appointments').set({ unit_code: h.to })
      .where('province_code', '=', provinceCode).where('unit_code', '=', h.from).where('status', '=', 'booked').where('slot_end', '>', window.fromInstant)
      .returning('code').execute();
    moved.push(...rows.map((r) => ({ code: r.code, from: h.from })));
  }
  return moved;
}

/** Open feedback goes to the successor (by the linked dossier's commune when it has one), with a history row. */
async function moveFeedback(db: Db, provinceCode: string, closures: ReadonlyMap<string, StoredClosure>, actor: MoveActor): Promise<number> {
  const open = (await sql<{ code: string; unit_code: string; status: string; event_count: number; commune: string | null }>`
    SELECT f.code, f.unit_code, f.status, f.event_count, d.applicant_commune_code AS commune
    FROM feedback f LEFT JOIN dossiers d ON d.province_code = f.province_code AND d.code = f.dossier_code
    WHERE f.province_code = ${provinceCode} AND f.unit_code = ANY(${[...closures.keys()]}) AND f.status = ANY(${[...OPEN_FEEDBACK]})
    ORDER BY f.code`.execute(db)).rows;
  let moved = 0;
  for (const f of open) {
    const to = successorByCommune(closures.get(f.unit_code)!, f.commune);
    if (!to) continue;
    await db.insertInto('feedback_events').values({
      province_code: provinceCode, feedback_code: f.code, seq: f.event_count + 1, type: 'restructure', at: actor.at, actor_username: actor.username,
      actor_roles: actor.roles, actor_unit_code: null, from_status: f.status, to_status: f.status, from_unit_code: f.unit_code, to_unit_code: to,
      text: actor.reason, payload: JSON.stringify({ planId: actor.planId }),
    }).execute();
    await db.updateTable('feedback').set({ unit_code: to, event_count: f.event_count + 1, updated_at: actor.at })
      .where('province_code', '=', provinceCode).where('code', '=', f.code).where('event_count', '=', f.event_count).execute();
    moved++;
  }
  return moved;
}
