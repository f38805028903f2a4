// Writing a unit's queue settings: service groups (retired, never deleted: tickets name them), counters
// (closed, never deleted) and the unit's priority weights.
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { DEFAULT_PRIORITY_POLICY, type PriorityPolicy } from '../domain/queue/index.ts';

export interface GroupSetting {
  code: string;
  name: string;
  prefix: string;
  sortOrder: number;
  slotMinutes: number;
  slotCapacity: number;
  active: boolean;
}

export interface CounterSetting {
  code: string;
  name: string;
  serviceGroups: string[];
  active: boolean;
  officerUsername: string | null;
}

export async function listGroupSettings(db: Db, provinceCode: string, unitCode: string, lock = false): Promise<GroupSetting[]> {
  let query = db.selectFrom('queue_service_groups').selectAll().where('province_code', '=', provinceCode).where('unit_code', '=', unitCode)
    .orderBy('sort_order').orderBy('code');
  if (lock) query = query.forUpdate();
  const rows = await query.execute();
  return rows.map((r) => ({ code: r.code, name: r.name, prefix: r.prefix, sortOrder: r.sort_order, slotMinutes: r.slot_minutes, slotCapacity: r.slot_capacity, active: r.active }));
}

export async function listCounterSettings(db: Db, provinceCode: string, unitCode: string, lock = false): Promise<CounterSetting[]> {
  let query = db.selectFrom('queue_counters').select(['code', 'name', 'service_groups', 'active', 'officer_username'])
    .where('province_code', '=', provinceCode).where('unit_code', '=', unitCode).orderBy(sql`length(code)`).orderBy('code');
  if (lock) query = query.forUpdate();
  const rows = await query.execute();
  return rows.map((r) => ({ code: r.code, name: r.name, serviceGroups: r.service_groups, active: r.active, officerUsername: r.officer_username }));
}

export async function upsertGroupSetting(db: Db, provinceCode: string, unitCode: string, g: GroupSetting): Promise<void> {
  await db.insertInto('queue_service_groups').values({
    province_code: provinceCode, unit_code: unitCode, code: g.code, name: g.name, prefix: g.prefix, sort_order: g.sortOrder,
    slot_minutes: g.slotMinutes, slot_capacity: g.slotCapacity, active: g.active,
  }).onConflict((oc) => oc.columns(['province_code', 'unit_code', 'code']).doUpdateSet({
    name: g.name, prefix: g.prefix, sort_order: g.sortOrder, slot_minutes: g.slotMinutes, slot_capacity: g.slotCapacity, active: g.active,
  })).execute();
}

export async function upsertCounterSetting(db: Db, provinceCode: string, unitCode: string, c: Omit<CounterSetting, 'officerUsername'>): Promise<void> {
  await db.insertInto('queue_counters').values({ province_code: provinceCode, unit_code: unitCode, code: c.code, name: c.name, service_groups: c.serviceGroups, active: c.active })
    .onConflict((oc) => oc.columns(['province_code', 'unit_code', 'code']).doUpdateSet({ name: c.name, service_groups: c.serviceGroups, active: c.active }))
    .execute();
}

/** The unit's priority weights, or the default policy when it set none. */
export async function loadPriorityPolicy(db: Db, provinceCode: string, unitCode: string): Promise<PriorityPolicy & { custom: boolean }> {
  const r = await db.selectFrom('queue_priority_policies').select(['head_start_minutes', 'max_consecutive_priority'])
    .where('province_code', '=', provinceCode).where('unit_code', '=', unitCode).executeTakeFirst();
  if (!r) return { ...DEFAULT_PRIORITY_POLICY, custom: false };
  return { headStartMinutes: { ...DEFAULT_PRIORITY_POLICY.headStartMinutes, ...r.head_start_minutes }, maxConsecutivePriority: r.max_consecutive_priority, custom: true };
}

export async function savePriorityPolicy(db: Db, provinceCode: string, unitCode: string, policy: PriorityPolicy, by: string, at: Date): Promise<void> {
  const values = { head_start_minutes: JSON.stringify(policy.headStartMinutes), max_consecutive_priority: policy.maxConsecutivePriority, updated_by: by, updated_at: at };
  await db.insertInto('queue_priority_policies').values({ province_code: provinceCode, unit_code: unitCode, ...values })
    .onConflict((oc) => oc.columns(['province_code', 'unit_code']).doUpdateSet(values)).execute();
}

/** Tickets a counter holds (called, serving, parked): a counter holding one cannot close. */
export async function countHeldAt(db: Db, provinceCode: string, unitCode: string, counterCode: string): Promise<number> {
  const r = await db.selectFrom('queue_tickets').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('province_code', '=', provinceCode).where('unit_code', '=', unitCode).where('counter_code', '=', counterCode)
    .where('status', 'in', ['called', 'serving', 'parked']).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Officer assignments (counters, service groups); empty arrays: any of their unit's. */
export async function loadStaffAssignment(db: Db, username: string): Promise<{ counterCodes: string[]; serviceGroups: string[] } | undefined> {
  const r = await db.selectFrom('staff_users').select(['counter_codes', 'service_groups']).where(sql`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
  return r ? { counterCodes: r.counter_codes, serviceGroups: r.service_groups } : undefined;
}

export async function saveStaffAssignment(db: Db, userId: string, a: { counterCodes: string[]; serviceGroups: string[] }): Promise<void> {
  await db.updateTable('staff_users').set({ counter_codes: a.counterCodes, service_groups: a.serviceGroups }).where('id', '=', userId).execute();
}
