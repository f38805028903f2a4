// Appointments (lịch hẹn) booked into a group's slots.
import { sql, type Selectable } from 'kysely';
import type { Db } from './database.ts';
import type { QueueAppointmentsTable } from './schema.ts';

export interface AppointmentRow {
  id: string;
  code: string;
  unitCode: string;
  serviceGroup: string;
  slotStart: Date;
  slotEnd: Date;
  fullName: string;
  phone: string;
  status: 'booked' | 'checked_in' | 'cancelled';
  ticketId: string | null;
}

function toAppointment(r: Selectable<QueueAppointmentsTable>): AppointmentRow {
  return { id: r.id, code: r.code, unitCode: r.unit_code, serviceGroup: r.service_group, slotStart: r.slot_start, slotEnd: r.slot_end, fullName: r.full_name,
    phone: r.phone, status: r.status as AppointmentRow['status'], ticketId: r.ticket_id };
}

/** Several appointments by booking code (any order; unknown codes are left out). */
export async function findAppointments(db: Db, provinceCode: string, codes: readonly string[]): Promise<AppointmentRow[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('queue_appointments').selectAll().where('province_code', '=', provinceCode).where('code', 'in', [...codes]).execute();
  return rows.map(toAppointment);
}

/** Bookings (not cancelled) per slot start of a group between two instants. */
export async function bookedPerSlot(db: Db, provinceCode: string, unitCode: string, group: string, from: Date, to: Date): Promise<Map<number, number>> {
  const rows = await sql<{ slot_start: Date; n: number }>`
    SELECT slot_start, count(*)::int AS n FROM queue_appointments
    WHERE province_code = ${provinceCode} AND unit_code = ${unitCode} AND service_group = ${group} AND status <> 'cancelled'
      AND slot_start >= ${from} AND slot_start < ${to}
    GROUP BY slot_start`.execute(db);
  return new Map(rows.rows.map((r) => [new Date(r.slot_start).getTime(), Number(r.n)]));
}

export async function insertAppointment(db: Db, provinceCode: string, a: Omit<AppointmentRow, 'id' | 'status' | 'ticketId'> & { createdAt: Date }): Promise<AppointmentRow> {
  const row = await db.insertInto('queue_appointments').values({
    province_code: provinceCode, code: a.code, unit_code: a.unitCode, service_group: a.serviceGroup, slot_start: a.slotStart, slot_end: a.slotEnd,
    full_name: a.fullName, phone: a.phone, created_at: a.createdAt,
  }).returningAll().executeTakeFirstOrThrow();
  return toAppointment(row);
}

export async function findAppointment(db: Db, provinceCode: string, code: string, lock = false): Promise<AppointmentRow | undefined> {
  let query = db.selectFrom('queue_appointments').selectAll().where('province_code', '=', provinceCode).where('code', '=', code);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toAppointment(row) : undefined;
}

export async function markAppointment(db: Db, provinceCode: string, id: string, set: { status: 'checked_in' | 'cancelled'; ticketId?: string; at: Date }): Promise<void> {
  await db.updateTable('queue_appointments')
    .set({ status: set.status, ...(set.ticketId ? { ticket_id: set.ticketId, checked_in_at: set.at } : {}) })
    .where('province_code', '=', provinceCode).where('id', '=', id).execute();
}
