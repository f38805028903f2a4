// Service groups and counters of reception units (queries only; rules live in domain/queue).
import { sql } from 'kysely';
import type { Db } from './database.ts';

export interface ServiceGroupRow {
  unitCode: string;
  code: string;
  name: string;
  prefix: string;
  slotMinutes: number;
  slotCapacity: number;
}

export interface CounterRow {
  unitCode: string;
  code: string;
  name: string;
  serviceGroups: string[];
  officerUsername: string | null;
  signedInAt: Date | null;
  priorityStreak: number;
}

export async function insertServiceGroups(db: Db, provinceCode: string, groups: ReadonlyArray<Omit<ServiceGroupRow, 'slotMinutes' | 'slotCapacity'> & { sortOrder: number }>): Promise<void> {
  for (let i = 0; i < groups.length; i += 500) {
    await db.insertInto('queue_service_groups')
      .values(groups.slice(i, i + 500).map((g) => ({ province_code: provinceCode, unit_code: g.unitCode, code: g.code, name: g.name, prefix: g.prefix, sort_order: g.sortOrder })))
      .execute();
  }
}

export async function insertCounters(db: Db, provinceCode: string, counters: ReadonlyArray<Pick<CounterRow, 'unitCode' | 'code' | 'name' | 'serviceGroups'>>): Promise<void> {
  for (let i = 0; i < counters.length; i += 500) {
    await db.insertInto('queue_counters')
      .values(counters.slice(i, i + 500).map((c) => ({ province_code: provinceCode, unit_code: c.unitCode, code: c.code, name: c.name, service_groups: c.serviceGroups })))
      .execute();
  }
}

export async function listServiceGroups(db: Db, provinceCode: string, unitCode: string): Promise<ServiceGroupRow[]> {
  const rows = await db.selectFrom('queue_service_groups').selectAll()
    .where('province_code', '=', provinceCode).where('unit_code', '=', unitCode).where('active', '=', true)
    .orderBy('sort_order').orderBy('code').execute();
  return rows.map((r) => ({ unitCode: r.unit_code, code: r.code, name: r.name, prefix: r.prefix, slotMinutes: r.slot_minutes, slotCapacity: r.slot_capacity }));
}

/** The group row, locked when `lock` (bookings of one group's slots are serialised on it). */
export async function findServiceGroup(db: Db, provinceCode: string, unitCode: string, code: string, lock = false): Promise<ServiceGroupRow | undefined> {
  let query = db.selectFrom('queue_service_groups').selectAll()
    .where('province_code', '=', provinceCode).where('unit_code', '=', unitCode).where('code', '=', code).where('active', '=', true);
  if (lock) query = query.forUpdate();
  const r = await query.executeTakeFirst();
  return r ? { unitCode: r.unit_code, code: r.code, name: r.name, prefix: r.prefix, slotMinutes: r.slot_minutes, slotCapacity: r.slot_capacity } : undefined;
}

function toCounter(r: { unit_code: string; code: string; name: string; service_groups: string[]; officer_username: string | null; signed_in_at: Date | null; priority_streak: number }): CounterRow {
  return { unitCode: r.unit_code, code: r.code, name: r.name, serviceGroups: r.service_groups, officerUsername: r.officer_username, signedInAt: r.signed_in_at, priorityStreak: r.priority_streak };
}

export async function listCounters(db: Db, provinceCode: string, unitCode: string): Promise<CounterRow[]> {
  const rows = await db.selectFrom('queue_counters').selectAll()
    .where('province_code', '=', provinceCode).where('unit_code', '=', unitCode).where('active', '=', true)
    .orderBy(sql`length(code)`).orderBy('code').execute();
  return rows.map(toCounter);
}

/** The counter row, locked for the rest of the transaction (one command at a time per counter). */
export async function lockCounter(db: Db, provinceCode: string, unitCode: string, code: string): Promise<CounterRow | undefined> {
  const r = await db.selectFrom('queue_counters').selectAll()
    .where('province_code', '=', provinceCode).where('unit_code', '=', unitCode).where('code', '=', code).where('active', '=', true)
    .forUpdate().executeTakeFirst();
  return r ? toCounter(r) : undefined;
}

export async function counterOfOfficer(db: Db, provinceCode: string, username: string): Promise<CounterRow | undefined> {
  const r = await db.selectFrom('queue_counters').selectAll()
    .where('province_code', '=', provinceCode).where('officer_username', '=', username).executeTakeFirst();
  return r ? toCounter(r) : undefined;
}

export async function setCounterOfficer(db: Db, provinceCode: string, unitCode: string, code: string, username: string | null, at: Date | null): Promise<void> {
  await db.updateTable('queue_counters').set({ officer_username: username, signed_in_at: at })
    .where('province_code', '=', provinceCode).where('unit_code', '=', unitCode).where('code', '=', code).execute();
}

/** Signs an officer out of whatever counter holds them. */
export async function releaseOfficer(db: Db, provinceCode: string, username: string): Promise<void> {
  await db.updateTable('queue_counters').set({ officer_username: null, signed_in_at: null })
    .where('province_code', '=', provinceCode).where('officer_username', '=', username).execute();
}

export async function setPriorityStreak(db: Db, provinceCode: string, unitCode: string, code: string, streak: number): Promise<void> {
  await db.updateTable('queue_counters').set({ priority_streak: streak })
    .where('province_code', '=', provinceCode).where('unit_code', '=', unitCode).where('code', '=', code).execute();
}

/** Every counter serving a group, across the network. */
export async function countersServing(db: Db, provinceCode: string, group: string): Promise<CounterRow[]> {
  const rows = await db.selectFrom('queue_counters').selectAll()
    .where('province_code', '=', provinceCode).where('active', '=', true).where(sql<boolean>`${group} = ANY(service_groups)`).execute();
  return rows.map(toCounter);
}

/** Units that offer a group. */
export async function unitsOffering(db: Db, provinceCode: string, group: string): Promise<Array<{ unitCode: string; name: string }>> {
  const rows = await db.selectFrom('queue_service_groups').select(['unit_code', 'name'])
    .where('province_code', '=', provinceCode).where('code', '=', group).where('active', '=', true).execute();
  return rows.map((r) => ({ unitCode: r.unit_code, name: r.name }));
}
