// Appointments: slots from the unit's calendar (none on a Sunday, a holiday or a unit closure) with a
// per-slot capacity per group; booking online; check-in on arrival turns the booking into a ticket
// that ranks from its slot time. The booking code and the phone number together identify a booking.
import { randomInt } from 'node:crypto';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import { normalisePhone, checkPersonName } from '../domain/dossier/identity-numbers.ts';
import { appointmentCode, appointmentRankInstant, appointmentSlots, findSlot, ticketDay } from '../domain/queue/index.ts';
import { DAY_MS } from '../domain/calendar/local-time.ts';
import { formatInstantVN, parseInstant } from '../domain/time/instant.ts';
import { findServiceGroup } from '../store/queue-config.ts';
import { bookedPerSlot, findAppointment, insertAppointment, markAppointment } from '../store/queue-appointments.ts';
import { findTicket } from '../store/queue-tickets.ts';
import type { Db } from '../store/database.ts';
import { unitCalendar } from './calendar.ts';
import { runIdempotent } from './idempotency.ts';
import { deliverLocally, type QueueLiveEvent } from './queue-live.ts';
import { issueTicket, publicTicketStatus, type PublicTicketStatus } from './queue-tickets.ts';
import { receptionUnit } from './queue-units.ts';
import type { ServiceContext } from './context.ts';

/** How far ahead a citizen may book. */
export const BOOKING_HORIZON_DAYS = 30;
/** How early before the slot a check-in is accepted. */
const EARLY_CHECK_IN_MS = 60 * 60_000;

export interface SlotView { start: string; end: string; capacity: number; booked: number; available: number }

export async function listSlots(ctx: ServiceContext, unitCode: string, group: string, day: string): Promise<{ date: string; serviceGroup: string; items: SlotView[] }> {
  const unit = await receptionUnit(ctx.db, unitCode, ctx.now().getTime());
  const g = await findServiceGroup(ctx.db, ctx.provinceCode, unit.code, group);
  if (!g) throw invalid('UNKNOWN_SERVICE_GROUP', `${unit.name} không có nhóm dịch vụ "${group}".`, { field: 'serviceGroup' });
  const calendar = await unitCalendar(ctx, unit.code);
  const now = ctx.now().getTime();
  const slots = appointmentSlots(calendar, day, g.slotMinutes).filter((s) => s.start > now && s.start <= now + BOOKING_HORIZON_DAYS * DAY_MS);
  const booked = slots.length === 0 ? new Map<number, number>()
    : await bookedPerSlot(ctx.db, ctx.provinceCode, unit.code, g.code, new Date(slots[0]!.start), new Date(slots[slots.length - 1]!.end));
  return {
    date: day, serviceGroup: g.code,
    items: slots.map((s) => {
      const n = booked.get(s.start) ?? 0;
      return { start: formatInstantVN(s.start), end: formatInstantVN(s.end), capacity: g.slotCapacity, booked: n, available: Math.max(0, g.slotCapacity - n) };
    }),
  };
}

export interface BookingRequest { serviceGroup: string; slotStart: string; fullName: string; phone: string; idempotencyKey?: string | undefined }
export interface BookingAnswer { code: string; unitCode: string; unitName: string; serviceGroup: string; slotStart: string; slotEnd: string; status: string }

export async function bookAppointment(ctx: ServiceContext, unitCode: string, request: BookingRequest): Promise<BookingAnswer> {
  const phone = normalisePhone(request.phone);
  if (!phone) throw invalid('INVALID_PHONE', 'Số điện thoại không hợp lệ.', { field: 'phone' });
  const name = checkPersonName(request.fullName);
  if (!name.ok) throw invalid('INVALID_NAME', name.message, { field: 'fullName' });
  const start = parseInstant(request.slotStart, 'slotStart');
  const { idempotencyKey, ...fingerprint } = request;
  const act = async (trx: Db): Promise<BookingAnswer> => {
    const now = ctx.now().getTime();
    const unit = await receptionUnit(trx, unitCode, now);
    // Locking the group row serialises bookings of its slots: the capacity check below cannot be raced.
    const group = await findServiceGroup(trx, ctx.provinceCode, unit.code, request.serviceGroup, true);
    if (!group) throw invalid('UNKNOWN_SERVICE_GROUP', `${unit.name} không có nhóm dịch vụ "${request.serviceGroup}".`, { field: 'serviceGroup' });
    const calendar = await unitCalendar(ctx, unit.code, trx);
    const slot = findSlot(calendar, ticketDay(start), group.slotMinutes, start);
    if (!slot) throw invalid('NO_SUCH_SLOT', `${unit.name} không có khung giờ hẹn bắt đầu lúc ${formatInstantVN(start)} (ngoài giờ làm việc, ngày nghỉ hoặc lễ).`, { field: 'slotStart' });
    if (slot.start <= now) throw invalid('SLOT_IN_PAST', 'Khung giờ này đã bắt đầu hoặc đã qua.', { field: 'slotStart' });
    if (slot.start > now + BOOKING_HORIZON_DAYS * DAY_MS) throw invalid('SLOT_TOO_FAR', `Chỉ đặt lịch trước tối đa ${BOOKING_HORIZON_DAYS} ngày.`, { field: 'slotStart' });
    const booked = (await bookedPerSlot(trx, ctx.provinceCode, unit.code, group.code, new Date(slot.start), new Date(slot.end))).get(slot.start) ?? 0;
    if (booked >= group.slotCapacity) throw conflict('SLOT_FULL', 'Khung giờ này đã đủ lượt hẹn. Vui lòng chọn khung giờ khác.', { slotStart: formatInstantVN(slot.start) });
    const row = await insertAppointment(trx, ctx.provinceCode, { code: appointmentCode((n) => Array.from({ length: n }, () => randomInt(1 << 16))), unitCode: unit.code,
      serviceGroup: group.code, slotStart: new Date(slot.start), slotEnd: new Date(slot.end), fullName: name.value, phone, createdAt: ctx.now() });
    return { code: row.code, unitCode: unit.code, unitName: unit.name, serviceGroup: group.code, slotStart: formatInstantVN(slot.start), slotEnd: formatInstantVN(slot.end), status: 'booked' };
  };
  return idempotencyKey
    ? (await runIdempotent(ctx.db, { scope: `queue-booking:${unitCode}`, key: idempotencyKey, command: 'queue.appointment', request: fingerprint }, act)).answer
    : ctx.db.transaction().execute(act);
}

async function ownedAppointment(trx: Db, ctx: ServiceContext, unitCode: string, code: string, phoneText: string) {
  const appointment = await findAppointment(trx, ctx.provinceCode, code.trim().toUpperCase(), true);
  // A wrong phone answers like an unknown code: the code alone reveals nothing.
  if (!appointment || appointment.unitCode !== unitCode || appointment.phone !== normalisePhone(phoneText)) {
    throw notFound('APPOINTMENT_NOT_FOUND', 'Không tìm thấy lịch hẹn với mã và số điện thoại này tại đơn vị.');
  }
  return appointment;
}

/** Check-in on arrival (kiosk or counter): the booking becomes a ticket ranked from its slot. */
export async function checkIn(ctx: ServiceContext, unitCode: string, code: string, phone: string): Promise<PublicTicketStatus> {
  const events: QueueLiveEvent[] = [];
  const ticketId = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const unit = await receptionUnit(trx, unitCode, now.getTime());
    const appointment = await ownedAppointment(trx, ctx, unit.code, code, phone);
    if (appointment.status === 'checked_in' && appointment.ticketId) return appointment.ticketId; // a second check-in shows the same ticket
    if (appointment.status === 'cancelled') throw conflict('APPOINTMENT_CANCELLED', 'Lịch hẹn này đã bị hủy.');
    const start = appointment.slotStart.getTime();
    if (ticketDay(start) !== ticketDay(now.getTime())) {
      throw conflict('NOT_APPOINTMENT_DAY', `Lịch hẹn này vào ngày ${formatInstantVN(start).slice(0, 10)}, chưa thể xác nhận đến hôm nay.`);
    }
    if (now.getTime() < start - EARLY_CHECK_IN_MS) throw conflict('TOO_EARLY', `Vui lòng xác nhận đến trong vòng 60 phút trước giờ hẹn (${formatInstantVN(start).slice(11, 16)}).`);
    const ticket = await issueTicket(ctx, trx, unit, { serviceGroup: appointment.serviceGroup, priority: 'appointment', channel: 'appointment',
      rankAt: appointmentRankInstant(start, now.getTime()), address: null, appointmentId: appointment.id }, events);
    await markAppointment(trx, ctx.provinceCode, appointment.id, { status: 'checked_in', ticketId: ticket.id, at: now });
    return ticket.id;
  });
  deliverLocally(ctx, events);
  if (!(await findTicket(ctx.db, ctx.provinceCode, ticketId))) throw notFound('TICKET_NOT_FOUND', 'Không tìm thấy số thứ tự.');
  return publicTicketStatus(ctx, ticketId);
}

export async function cancelAppointment(ctx: ServiceContext, unitCode: string, code: string, phone: string): Promise<{ code: string; status: 'cancelled' }> {
  return ctx.db.transaction().execute(async (trx) => {
    const appointment = await ownedAppointment(trx, ctx, unitCode, code, phone);
    if (appointment.status === 'checked_in') throw conflict('APPOINTMENT_CHECKED_IN', 'Lịch hẹn đã được xác nhận đến và cấp số, không thể hủy.');
    if (appointment.status === 'booked') await markAppointment(trx, ctx.provinceCode, appointment.id, { status: 'cancelled', at: ctx.now() });
    return { code: appointment.code, status: 'cancelled' as const };
  });
}
