// Taking a ticket (lấy số thứ tự) at a kiosk, a counter or by checking in an appointment: refused when
// the unit is closed by its calendar, for an unknown group, or when one address takes tickets faster
// than a person could (a stuck or abused kiosk); a retried request with the same key gets the same
// ticket. The public status of a ticket (its QR code) shows no personal data — tickets hold none.
import { invalid, notFound, rateLimited, conflict } from '../domain/errors.ts';
import { isReceptionOpen } from '../domain/calendar/index.ts';
import {
  CLAIMABLE_PRIORITIES,
  PRIORITY_LABELS,
  STATUS_LABELS,
  TICKETS_PER_ADDRESS_PER_MINUTE,
  formatTicketNumber,
  isPriorityKind,
  nextReceptionOpening,
  rankInstant,
  ticketDay,
  type PriorityKind,
} from '../domain/queue/index.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import type { Unit } from '../domain/network/unit.ts';
import { findServiceGroup, listCounters, listServiceGroups } from '../store/queue-config.ts';
import { loadPriorityPolicy } from '../store/queue-admin.ts';
import { appendTicketEvent, countAhead, countIssuedFrom, findTicket, insertTicket, nextTicketSeq, type TicketRow } from '../store/queue-tickets.ts';
import type { Db } from '../store/database.ts';
import { unitCalendar } from './calendar.ts';
import { runIdempotent } from './idempotency.ts';
import { estimatedWaitMinutes } from './queue-estimate.ts';
import { announce, deliverLocally, type QueueLiveEvent } from './queue-live.ts';
import { receptionUnit } from './queue-units.ts';
import type { RequestOrigin, ServiceContext } from './context.ts';

export interface TicketRequest {
  serviceGroup: string;
  priority?: string | undefined;
  idempotencyKey?: string | undefined;
}

export interface TicketAnswer {
  id: string;
  number: string;
  serviceGroup: string;
  serviceGroupName: string;
  unitCode: string;
  unitName: string;
  priority: PriorityKind;
  priorityLabel: string;
  issuedAt: string;
  waitingAhead: number;
  estimatedWaitMinutes: number | null;
  statusPath: string;
}

/** Public path of a ticket's status page (the QR code on the printed ticket). */
export const ticketStatusPath = (id: string) => `/hang-doi/so/${id}`;

export async function takeTicket(ctx: ServiceContext, unitCode: string, request: TicketRequest, origin: RequestOrigin): Promise<TicketAnswer> {
  const { idempotencyKey, ...fingerprint } = request;
  const events: QueueLiveEvent[] = [];
  const act = async (trx: Db) => {
    const unit = await receptionUnit(trx, unitCode, ctx.now().getTime());
    const priority = request.priority ?? 'normal';
    if (!isPriorityKind(priority) || !CLAIMABLE_PRIORITIES.includes(priority)) {
      throw invalid('INVALID_PRIORITY', `Đối tượng ưu tiên "${priority}" không hợp lệ. Chọn một trong: ${CLAIMABLE_PRIORITIES.join(', ')}.`, { field: 'priority', allowed: CLAIMABLE_PRIORITIES });
    }
    const limitSince = new Date(ctx.now().getTime() - 60_000);
    if ((await countIssuedFrom(trx, ctx.provinceCode, unit.code, origin.address, limitSince)) >= TICKETS_PER_ADDRESS_PER_MINUTE) {
      throw rateLimited('TICKET_RATE_LIMITED', 'Máy lấy số đã cấp quá nhiều số trong một phút. Vui lòng chờ giây lát rồi thử lại hoặc liên hệ cán bộ hướng dẫn.',
        { retryAfterSeconds: 60, limitPerMinute: TICKETS_PER_ADDRESS_PER_MINUTE });
    }
    const issued = await issueTicket(ctx, trx, unit, { serviceGroup: request.serviceGroup, priority, channel: 'kiosk', rankAt: null, address: origin.address }, events);
    return ticketAnswer(ctx, trx, unit, issued, issued.serviceGroupName);
  };
  const answer = idempotencyKey
    ? (await runIdempotent(ctx.db, { scope: `queue:${unitCode}`, key: idempotencyKey, command: 'queue.ticket', request: fingerprint }, act)).answer
    : await ctx.db.transaction().execute(act);
  deliverLocally(ctx, events);
  return answer;
}

export interface IssueRequest {
  serviceGroup: string;
  priority: PriorityKind;
  channel: 'kiosk' | 'counter' | 'appointment' | 'online';
  /** Rank given by the caller (a checked-in appointment); null: from the issue instant and priority. */
  rankAt: number | null;
  address: string | null;
  appointmentId?: string;
}

/** Issues the next number of the group's series today, inside the caller's transaction. */
export async function issueTicket(ctx: ServiceContext, trx: Db, unit: Unit, request: IssueRequest, events: QueueLiveEvent[]): Promise<TicketRow & { serviceGroupName: string }> {
  const now = ctx.now();
  const calendar = await unitCalendar(ctx, unit.code, trx);
  if (!isReceptionOpen(calendar, now.getTime())) {
    const opening = nextReceptionOpening(calendar, now.getTime());
    throw conflict('UNIT_CLOSED', `${unit.name} hiện không tiếp nhận (ngoài giờ làm việc hoặc ngày nghỉ), nên chưa cấp số thứ tự.${opening ? ` Mời quay lại từ ${formatLocal(opening)}.` : ''}`,
      { unitCode: unit.code, nextOpeningAt: opening ? formatInstantVN(opening) : null });
  }
  const group = await findServiceGroup(trx, ctx.provinceCode, unit.code, request.serviceGroup);
  if (!group) {
    const available = (await listServiceGroups(trx, ctx.provinceCode, unit.code)).map((g) => `${g.code} (${g.name})`);
    throw invalid('UNKNOWN_SERVICE_GROUP', `${unit.name} không có nhóm dịch vụ "${request.serviceGroup}". Các nhóm đang phục vụ: ${available.join(', ') || 'chưa có'}.`,
      { field: 'serviceGroup', available: available });
  }
  const day = ticketDay(now.getTime());
  // The unit's own priority weights (queue administration), else the default policy.
  const policy = await loadPriorityPolicy(trx, ctx.provinceCode, unit.code);
  const seq = await nextTicketSeq(trx, ctx.provinceCode, unit.code, group.code, day);
  const ticket = await insertTicket(trx, ctx.provinceCode, {
    unitCode: unit.code, day, serviceGroup: group.code, seq, number: formatTicketNumber(group.prefix, seq), priority: request.priority,
    channel: request.channel, issuedAt: now, rankAt: new Date(request.rankAt ?? rankInstant(now.getTime(), request.priority, policy)),
    appointmentId: request.appointmentId ?? null, issuedAddress: request.channel === 'kiosk' ? request.address : null,
  });
  const id = await appendTicketEvent(trx, ctx.provinceCode, { ticketId: ticket.id, unitCode: unit.code, type: 'issued', at: now, counterCode: null, actor: null,
    fromStatus: null, toStatus: 'waiting', details: { number: ticket.number, serviceGroup: group.code, priority: request.priority, channel: request.channel } });
  const event = liveEvent(id, ticket, 'issued', null, now);
  await announce(trx, [event]);
  events.push(event);
  return { ...ticket, serviceGroupName: group.name };
}

export function liveEvent(id: number, ticket: TicketRow, type: string, counterName: string | null, at: Date): QueueLiveEvent {
  return { id, unitCode: ticket.unitCode, type, ticketId: ticket.id, number: ticket.number, serviceGroup: ticket.serviceGroup, counterCode: ticket.counterCode,
    counterName, status: ticket.status, at: formatInstantVN(at.getTime()) };
}

/** `groupName`: the service group's name as read when the ticket was issued (the same transaction). */
async function ticketAnswer(ctx: ServiceContext, db: Db, unit: Unit, ticket: TicketRow, groupName: string): Promise<TicketAnswer> {
  const ahead = await countAhead(db, ctx.provinceCode, ticket);
  const counters = await listCounters(db, ctx.provinceCode, unit.code);
  return {
    id: ticket.id, number: ticket.number, serviceGroup: ticket.serviceGroup, serviceGroupName: groupName, unitCode: unit.code, unitName: unit.name,
    priority: ticket.priority, priorityLabel: PRIORITY_LABELS[ticket.priority], issuedAt: formatInstantVN(ticket.issuedAt.getTime()), waitingAhead: ahead,
    estimatedWaitMinutes: await estimatedWaitMinutes(db, ctx.provinceCode, unit.code, ticket.serviceGroup, ahead, counters, ctx.now()),
    statusPath: ticketStatusPath(ticket.id),
  };
}

export interface PublicTicketStatus {
  id: string;
  number: string;
  unitCode: string;
  unitName: string;
  serviceGroup: string;
  serviceGroupName: string;
  status: string;
  statusLabel: string;
  issuedAt: string;
  waitingAhead: number | null;
  estimatedWaitMinutes: number | null;
  counterCode: string | null;
  counterName: string | null;
  calledAt: string | null;
  today: boolean;
}

/** What the QR code on a ticket opens: where the ticket stands, no personal data. */
export async function publicTicketStatus(ctx: ServiceContext, id: string): Promise<PublicTicketStatus> {
  const ticket = await findTicket(ctx.db, ctx.provinceCode, id);
  if (!ticket) throw notFound('TICKET_NOT_FOUND', 'Không tìm thấy số thứ tự này.');
  const unit = await receptionUnit(ctx.db, ticket.unitCode, ticket.issuedAt.getTime());
  const group = await findServiceGroup(ctx.db, ctx.provinceCode, unit.code, ticket.serviceGroup);
  const counters = await listCounters(ctx.db, ctx.provinceCode, unit.code);
  const counter = counters.find((c) => c.code === ticket.counterCode);
  const today = ticket.day === ticketDay(ctx.now().getTime());
  const waiting = ticket.status === 'waiting' && today;
  const ahead = waiting ? await countAhead(ctx.db, ctx.provinceCode, ticket) : null;
  return {
    id: ticket.id, number: ticket.number, unitCode: unit.code, unitName: unit.name, serviceGroup: ticket.serviceGroup, serviceGroupName: group?.name ?? ticket.serviceGroup,
    status: ticket.status, statusLabel: waiting || ticket.status !== 'waiting' ? STATUS_LABELS[ticket.status] : 'Hết hiệu lực (số của ngày trước)',
    issuedAt: formatInstantVN(ticket.issuedAt.getTime()), waitingAhead: ahead,
    estimatedWaitMinutes: ahead === null ? null : await estimatedWaitMinutes(ctx.db, ctx.provinceCode, unit.code, ticket.serviceGroup, ahead, counters, ctx.now()),
    counterCode: ticket.counterCode, counterName: counter?.name ?? null, calledAt: ticket.calledAt ? formatInstantVN(ticket.calledAt.getTime()) : null, today,
  };
}

function formatLocal(epochMs: number): string {
  const iso = formatInstantVN(epochMs);
  return `${iso.slice(11, 16)} ngày ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
