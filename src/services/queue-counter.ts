// The counter console's commands (quầy): sign in and out, call next, and the actions on the ticket a
// counter holds — recall, start serving, no-show, transfer, park, resume, finish. Each runs in one
// transaction that first locks the counter row (one command at a time per counter), appends a history
// event per ticket change and announces it to the displays once committed.
import { conflict, forbidden, invalid, notFound } from '../domain/errors.ts';
import { isAtCounter, mustTakeNormal, nextStreak, ticketDay, transition, type TicketCommand, type TicketStatus } from '../domain/queue/index.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import type { Unit } from '../domain/network/unit.ts';
import { appendAudit } from '../store/audit.ts';
import { findServiceGroup, listCounters, lockCounter, releaseOfficer, setCounterOfficer, setPriorityStreak, type CounterRow } from '../store/queue-config.ts';
import { appendTicketEvent, claimNextTicket, findTicket, ticketsAtCounter, updateTicket, type TicketRow } from '../store/queue-tickets.ts';
import type { Db } from '../store/database.ts';
import { loadPriorityPolicy, loadStaffAssignment } from '../store/queue-admin.ts';
import { runIdempotent } from './idempotency.ts';
import { announce, deliverLocally, type QueueLiveEvent } from './queue-live.ts';
import { liveEvent } from './queue-tickets.ts';
import { receptionUnit, requireCounterOfficer } from './queue-units.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

/** Where "start serving" leads: the counter intake screen, prefilled from the ticket. */
export const intakePath = (ticketId: string) => `/quay/tiep-nhan?ticket=${ticketId}`;

export interface CalledTicket {
  id: string;
  number: string;
  serviceGroup: string;
  priority: string;
  status: TicketStatus;
  counterCode: string | null;
  issuedAt: string;
  calledAt: string | null;
  callCount: number;
  waitedSeconds: number | null;
}

export function ticketView(t: TicketRow): CalledTicket {
  return {
    id: t.id, number: t.number, serviceGroup: t.serviceGroup, priority: t.priority, status: t.status, counterCode: t.counterCode,
    issuedAt: formatInstantVN(t.issuedAt.getTime()), calledAt: t.calledAt ? formatInstantVN(t.calledAt.getTime()) : null, callCount: t.callCount,
    waitedSeconds: t.firstCalledAt ? Math.round((t.firstCalledAt.getTime() - t.issuedAt.getTime()) / 1000) : null,
  };
}

interface CounterCommand<T> {
  unitCode: string;
  counterCode: string;
  run: (trx: Db, unit: Unit, counter: CounterRow, events: QueueLiveEvent[]) => Promise<T>;
  idempotency?: { key: string; command: string; request: unknown } | undefined;
}

/** Common frame: the officer belongs to the unit, the counter exists and is locked, the officer sits at it. */
async function counterCommand<T>(ctx: ServiceContext, actor: Actor, origin: RequestOrigin, command: CounterCommand<T>): Promise<T> {
  const unit = await receptionUnit(ctx.db, command.unitCode, ctx.now().getTime());
  requireCounterOfficer(actor, unit);
  const events: QueueLiveEvent[] = [];
  const act = async (trx: Db) => {
    const counter = await lockCounter(trx, ctx.provinceCode, unit.code, command.counterCode);
    if (!counter) throw notFound('UNKNOWN_COUNTER', `${unit.name} không có quầy "${command.counterCode}".`, { counterCode: command.counterCode });
    await seatOfficer(ctx, trx, actor, unit, counter, origin);
    return command.run(trx, unit, counter, events);
  };
  const answer = command.idempotency
    ? (await runIdempotent(ctx.db, { scope: actor.username, key: command.idempotency.key, command: command.idempotency.command, request: command.idempotency.request }, act)).answer
    : await ctx.db.transaction().execute(act);
  deliverLocally(ctx, events);
  return answer;
}

/** The officer works at this counter: signs them in when it is free, refuses when a colleague sits there. */
async function seatOfficer(ctx: ServiceContext, trx: Db, actor: Actor, unit: Unit, counter: CounterRow, origin: RequestOrigin): Promise<void> {
  if (counter.officerUsername === actor.username) return;
  // An officer assigned to particular counters (staff administration) sits only at those.
  const assigned = (await loadStaffAssignment(trx, actor.username))?.counterCodes ?? [];
  if (assigned.length > 0 && !assigned.includes(counter.code)) {
    throw forbidden('COUNTER_NOT_ASSIGNED', `Bạn được phân công làm việc tại quầy ${assigned.join(', ')}, không phải ${counter.name}.`, { counterCode: counter.code, assigned });
  }
  if (counter.officerUsername !== null) {
    throw conflict('COUNTER_OCCUPIED', `${counter.name} đang có cán bộ ${counter.officerUsername} làm việc. Cán bộ đó cần rời quầy trước.`, { counterCode: counter.code, officer: counter.officerUsername });
  }
  await releaseOfficer(trx, ctx.provinceCode, actor.username);
  await setCounterOfficer(trx, ctx.provinceCode, unit.code, counter.code, actor.username, ctx.now());
  counter.officerUsername = actor.username;
  await appendAudit(trx, { provinceCode: ctx.provinceCode, at: ctx.now(), actor, action: 'queue.counter_sign_in', entityType: 'queue_counter', entityId: `${unit.code}/${counter.code}`,
    requestId: origin.requestId, address: origin.address });
}

export function signInAtCounter(ctx: ServiceContext, actor: Actor, unitCode: string, counterCode: string, origin: RequestOrigin): Promise<{ counterCode: string; officer: string }> {
  return counterCommand(ctx, actor, origin, { unitCode, counterCode, run: async (_trx, _unit, counter) => ({ counterCode: counter.code, officer: actor.username }) });
}

export async function signOutOfCounter(ctx: ServiceContext, actor: Actor, unitCode: string, counterCode: string, origin: RequestOrigin): Promise<{ counterCode: string; officer: null }> {
  const unit = await receptionUnit(ctx.db, unitCode, ctx.now().getTime());
  requireCounterOfficer(actor, unit);
  await ctx.db.transaction().execute(async (trx) => {
    const counter = await lockCounter(trx, ctx.provinceCode, unit.code, counterCode);
    if (!counter) throw notFound('UNKNOWN_COUNTER', `${unit.name} không có quầy "${counterCode}".`);
    if (counter.officerUsername !== actor.username) throw conflict('NOT_AT_COUNTER', `Bạn không đăng nhập tại ${counter.name}.`);
    if ((await ticketsAtCounter(trx, ctx.provinceCode, unit.code, counter.code)).length > 0) {
      throw conflict('COUNTER_BUSY', 'Quầy đang phục vụ một số thứ tự: hãy kết thúc, chuyển hoặc tạm gác số đó trước khi rời quầy.');
    }
    await setCounterOfficer(trx, ctx.provinceCode, unit.code, counter.code, null, null);
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: ctx.now(), actor, action: 'queue.counter_sign_out', entityType: 'queue_counter', entityId: `${unit.code}/${counter.code}`,
      requestId: origin.requestId, address: origin.address });
  });
  return { counterCode, officer: null };
}

async function record(ctx: ServiceContext, trx: Db, actor: Actor, counter: CounterRow, before: TicketRow, after: TicketRow, type: string, events: QueueLiveEvent[], details: Record<string, unknown> = {}): Promise<void> {
  const now = ctx.now();
  const id = await appendTicketEvent(trx, ctx.provinceCode, { ticketId: after.id, unitCode: after.unitCode, type, at: now, counterCode: counter.code, actor,
    fromStatus: before.status, toStatus: after.status, details });
  const event = liveEvent(id, { ...after, counterCode: after.counterCode ?? counter.code }, type, counter.name, now);
  await announce(trx, [event]);
  events.push(event);
}

/** Call-next and resume close what the counter holds: the citizen there has been served. */
async function closeCurrent(ctx: ServiceContext, trx: Db, actor: Actor, counter: CounterRow, events: QueueLiveEvent[]): Promise<TicketRow[]> {
  const closed: TicketRow[] = [];
  for (const held of await ticketsAtCounter(trx, ctx.provinceCode, counter.unitCode, counter.code)) {
    const after = await updateTicket(trx, ctx.provinceCode, held.id, { status: 'finished', finished_at: ctx.now() });
    await record(ctx, trx, actor, counter, held, after, 'finished', events, { automatic: true });
    closed.push(after);
  }
  return closed;
}

export interface CallNextAnswer {
  ticket: (CalledTicket & { counterName: string }) | null;
  finished: Array<{ id: string; number: string }>;
}

export function callNext(ctx: ServiceContext, actor: Actor, unitCode: string, counterCode: string, origin: RequestOrigin): Promise<CallNextAnswer> {
  return counterCommand(ctx, actor, origin, {
    unitCode, counterCode,
    run: async (trx, unit, counter, events) => {
      const finished = await closeCurrent(ctx, trx, actor, counter, events);
      const now = ctx.now();
      // An officer assigned to particular service groups calls only those among the counter's.
      const officerGroups = (await loadStaffAssignment(trx, actor.username))?.serviceGroups ?? [];
      const groups = officerGroups.length > 0 ? counter.serviceGroups.filter((g) => officerGroups.includes(g)) : counter.serviceGroups;
      const claim = { unitCode: unit.code, day: ticketDay(now.getTime()), groups, counterCode: counter.code };
      const policy = await loadPriorityPolicy(trx, ctx.provinceCode, unit.code);
      // Anti-starvation: after a full streak of priority calls, a waiting normal ticket goes first.
      let before = mustTakeNormal(counter, policy) ? await claimNextTicket(trx, ctx.provinceCode, { ...claim, normalOnly: true }) : undefined;
      before ??= await claimNextTicket(trx, ctx.provinceCode, { ...claim, normalOnly: false });
      const closedList = finished.map((t) => ({ id: t.id, number: t.number }));
      if (!before) return { ticket: null, finished: closedList };
      const after = await updateTicket(trx, ctx.provinceCode, before.id, {
        status: 'called', counter_code: counter.code, officer_username: actor.username, called_at: now, first_called_at: before.firstCalledAt ?? now,
        call_count: before.callCount + 1, target_counter_code: null,
      });
      await setPriorityStreak(trx, ctx.provinceCode, unit.code, counter.code, nextStreak(counter.priorityStreak, after.priority));
      await record(ctx, trx, actor, counter, before, after, 'called', events, { priority: after.priority });
      return { ticket: { ...ticketView(after), counterName: counter.name }, finished: closedList };
    },
  });
}

export interface TicketActionBody {
  type: TicketCommand;
  counter: string;
  serviceGroup?: string | undefined;
  targetCounter?: string | undefined;
  dossierCode?: string | undefined;
  note?: string | undefined;
  idempotencyKey?: string | undefined;
}

export interface TicketActionAnswer {
  ticket: CalledTicket;
  /** After "start": the counter intake screen for this ticket. */
  intakePath?: string;
}

export function actOnTicket(ctx: ServiceContext, actor: Actor, unitCode: string, ticketId: string, body: TicketActionBody, origin: RequestOrigin): Promise<TicketActionAnswer> {
  const { idempotencyKey, ...request } = body;
  return counterCommand(ctx, actor, origin, {
    unitCode, counterCode: body.counter,
    idempotency: idempotencyKey ? { key: idempotencyKey, command: `queue.ticket.${body.type}`, request: { ...request, unitCode, ticketId } } : undefined,
    run: async (trx, unit, counter, events) => {
      const ticket = await findTicket(trx, ctx.provinceCode, ticketId, true);
      if (!ticket || ticket.unitCode !== unit.code) throw notFound('TICKET_NOT_FOUND', `Không có số thứ tự này tại ${unit.name}.`);
      const to = transition(ticket.status, body.type);
      // A ticket held by a counter is acted on from that counter only; a parked one may be resumed anywhere.
      if (isAtCounter(ticket.status) && ticket.counterCode !== counter.code) {
        throw conflict('TICKET_AT_OTHER_COUNTER', `Số ${ticket.number} đang ở quầy ${ticket.counterCode}, không phải ${counter.name}.`, { counterCode: ticket.counterCode });
      }
      const now = ctx.now();
      let after: TicketRow;
      const details: Record<string, unknown> = {};
      if (body.note) details.note = body.note.slice(0, 500);
      switch (body.type) {
        case 'recall':
          after = await updateTicket(trx, ctx.provinceCode, ticket.id, { called_at: now, call_count: ticket.callCount + 1 });
          details.callCount = after.callCount;
          break;
        case 'start':
          after = await updateTicket(trx, ctx.provinceCode, ticket.id, { status: to, serving_started_at: now, officer_username: actor.username });
          break;
        case 'no_show':
        case 'finish':
          after = await updateTicket(trx, ctx.provinceCode, ticket.id, { status: to, finished_at: now,
            ...(body.type === 'finish' && body.dossierCode ? { dossier_code: body.dossierCode.slice(0, 60) } : {}) });
          if (body.dossierCode) details.dossierCode = body.dossierCode.slice(0, 60);
          break;
        case 'park':
          after = await updateTicket(trx, ctx.provinceCode, ticket.id, { status: to });
          break;
        case 'resume': {
          await closeCurrent(ctx, trx, actor, counter, events);
          after = await updateTicket(trx, ctx.provinceCode, ticket.id, { status: to, counter_code: counter.code, officer_username: actor.username, called_at: now });
          details.fromCounter = ticket.counterCode;
          break;
        }
        case 'transfer': {
          const group = body.serviceGroup ?? ticket.serviceGroup;
          if (!(await findServiceGroup(trx, ctx.provinceCode, unit.code, group))) {
            throw invalid('UNKNOWN_SERVICE_GROUP', `${unit.name} không có nhóm dịch vụ "${group}".`, { field: 'serviceGroup' });
          }
          const target = body.targetCounter ?? null;
          if (target !== null) {
            const targetCounter = await findCounterServing(trx, ctx, unit, target, group);
            if (target === counter.code) throw invalid('TRANSFER_TO_SAME_COUNTER', 'Không thể chuyển số về chính quầy đang giữ số.', { field: 'targetCounter' });
            details.toCounterName = targetCounter.name;
          }
          if (target === null && group === ticket.serviceGroup) {
            throw invalid('TRANSFER_NOWHERE', 'Chọn nhóm dịch vụ khác hoặc một quầy để chuyển số đến.', { field: 'serviceGroup' });
          }
          // The number, issue instant and rank are kept: the citizen does not go to the back of the line.
          after = await updateTicket(trx, ctx.provinceCode, ticket.id, { status: to, service_group: group, target_counter_code: target, counter_code: null });
          Object.assign(details, { fromGroup: ticket.serviceGroup, toGroup: group, fromCounter: counter.code, toCounter: target });
          break;
        }
      }
      await record(ctx, trx, actor, counter, ticket, after, eventName(body.type), events, details);
      return { ticket: ticketView(after), ...(body.type === 'start' ? { intakePath: intakePath(after.id) } : {}) };
    },
  });
}

function eventName(command: TicketCommand): string {
  return ({ recall: 'recalled', start: 'serving', no_show: 'no_show', transfer: 'transferred', park: 'parked', resume: 'resumed', finish: 'finished' } as const)[command];
}

async function findCounterServing(trx: Db, ctx: ServiceContext, unit: Unit, code: string, group: string): Promise<CounterRow> {
  const counter = (await listCounters(trx, ctx.provinceCode, unit.code)).find((c) => c.code === code);
  if (!counter) throw invalid('UNKNOWN_COUNTER', `${unit.name} không có quầy "${code}".`, { field: 'targetCounter' });
  if (!counter.serviceGroups.includes(group)) throw invalid('COUNTER_DOES_NOT_SERVE_GROUP', `${counter.name} không phục vụ nhóm dịch vụ "${group}".`, { field: 'targetCounter' });
  return counter;
}
