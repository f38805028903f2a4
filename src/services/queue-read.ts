// Reading a unit's queue: its service groups (public), counters (staff), one counter's console state,
// the display screen's snapshot and the unit's live load (people waiting, estimated wait per group).
import { isReceptionOpen } from '../domain/calendar/index.ts';
import { STATUS_LABELS, ticketDay } from '../domain/queue/index.ts';
import { notFound } from '../domain/errors.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import { listCounters, listServiceGroups } from '../store/queue-config.ts';
import { calledToday, parkedAtCounter, ticketsAtCounter, waitingByGroup } from '../store/queue-tickets.ts';
import { anyInScope } from './admin-checks.ts';
import { unitCalendar } from './calendar.ts';
import { estimatedWaitMinutes, servingCounters } from './queue-estimate.ts';
import { ticketView, type CalledTicket } from './queue-counter.ts';
import { receptionUnit, requireCounterOfficer } from './queue-units.ts';
import { forbidden } from '../domain/errors.ts';
import type { Actor, ServiceContext } from './context.ts';

export async function unitServices(ctx: ServiceContext, unitCode: string) {
  const unit = await receptionUnit(ctx.db, unitCode, ctx.now().getTime());
  const groups = await listServiceGroups(ctx.db, ctx.provinceCode, unit.code);
  return { unitCode: unit.code, unitName: unit.name, items: groups.map((g) => ({ code: g.code, name: g.name, prefix: g.prefix })) };
}

export async function unitCounters(ctx: ServiceContext, actor: Actor, unitCode: string) {
  const unit = await receptionUnit(ctx.db, unitCode, ctx.now().getTime());
  if (!(await anyInScope(ctx.db, actor, [unit.code]))) throw forbidden('OUT_OF_SCOPE', `${unit.name} nằm ngoài phạm vi của bạn.`);
  const counters = await listCounters(ctx.db, ctx.provinceCode, unit.code);
  return {
    unitCode: unit.code, unitName: unit.name,
    items: counters.map((c) => ({ code: c.code, name: c.name, serviceGroups: c.serviceGroups, officer: c.officerUsername, signedInAt: c.signedInAt ? formatInstantVN(c.signedInAt.getTime()) : null })),
  };
}

export interface CounterState {
  unitCode: string;
  unitName: string;
  counter: { code: string; name: string; serviceGroups: string[]; officer: string | null };
  current: CalledTicket[];
  parked: CalledTicket[];
  waiting: Array<{ serviceGroup: string; name: string; waiting: number }>;
  groups: Array<{ code: string; name: string }>;
  counters: Array<{ code: string; name: string; serviceGroups: string[] }>;
}

export async function counterState(ctx: ServiceContext, actor: Actor, unitCode: string, counterCode: string): Promise<CounterState> {
  const unit = await receptionUnit(ctx.db, unitCode, ctx.now().getTime());
  requireCounterOfficer(actor, unit);
  const counters = await listCounters(ctx.db, ctx.provinceCode, unit.code);
  const counter = counters.find((c) => c.code === counterCode);
  if (!counter) throw notFound('UNKNOWN_COUNTER', `${unit.name} không có quầy "${counterCode}".`);
  const groups = await listServiceGroups(ctx.db, ctx.provinceCode, unit.code);
  const waiting = await waitingByGroup(ctx.db, ctx.provinceCode, unit.code, ticketDay(ctx.now().getTime()));
  const current = await ctx.db.transaction().execute((trx) => ticketsAtCounter(trx, ctx.provinceCode, unit.code, counter.code));
  return {
    unitCode: unit.code, unitName: unit.name,
    counter: { code: counter.code, name: counter.name, serviceGroups: counter.serviceGroups, officer: counter.officerUsername },
    current: current.map(ticketView),
    parked: (await parkedAtCounter(ctx.db, ctx.provinceCode, unit.code, counter.code)).map(ticketView),
    waiting: groups.filter((g) => counter.serviceGroups.includes(g.code)).map((g) => ({ serviceGroup: g.code, name: g.name, waiting: waiting.get(g.code) ?? 0 })),
    groups: groups.map((g) => ({ code: g.code, name: g.name })),
    counters: counters.map((c) => ({ code: c.code, name: c.name, serviceGroups: c.serviceGroups })),
  };
}

export interface UnitLoad {
  unitCode: string;
  unitName: string;
  open: boolean;
  at: string;
  groups: Array<{ code: string; name: string; waiting: number; counters: number; estimatedWaitMinutes: number | null }>;
}

/** People waiting and the estimated wait per group (public: counts only). */
export async function unitLoad(ctx: ServiceContext, unitCode: string): Promise<UnitLoad> {
  const now = ctx.now();
  const unit = await receptionUnit(ctx.db, unitCode, now.getTime());
  const groups = await listServiceGroups(ctx.db, ctx.provinceCode, unit.code);
  const counters = await listCounters(ctx.db, ctx.provinceCode, unit.code);
  const waiting = await waitingByGroup(ctx.db, ctx.provinceCode, unit.code, ticketDay(now.getTime()));
  const open = isReceptionOpen(await unitCalendar(ctx, unit.code), now.getTime());
  const rows = [];
  for (const g of groups) {
    const n = waiting.get(g.code) ?? 0;
    rows.push({ code: g.code, name: g.name, waiting: n, counters: servingCounters(counters, g.code),
      estimatedWaitMinutes: await estimatedWaitMinutes(ctx.db, ctx.provinceCode, unit.code, g.code, n, counters, now) });
  }
  return { unitCode: unit.code, unitName: unit.name, open, at: formatInstantVN(now.getTime()), groups: rows };
}

export interface DisplaySnapshot {
  unitCode: string;
  unitName: string;
  at: string;
  called: Array<{ ticketId: string; number: string; serviceGroup: string; counterCode: string; counterName: string; calledAt: string; status: string; statusLabel: string }>;
  waiting: Array<{ code: string; name: string; waiting: number }>;
}

/** What a TV shows: the latest calls with their counters, and how many wait per group. */
export async function displaySnapshot(ctx: ServiceContext, unitCode: string): Promise<DisplaySnapshot> {
  const now = ctx.now();
  const unit = await receptionUnit(ctx.db, unitCode, now.getTime());
  const day = ticketDay(now.getTime());
  const counters = new Map((await listCounters(ctx.db, ctx.provinceCode, unit.code)).map((c) => [c.code, c]));
  const groups = await listServiceGroups(ctx.db, ctx.provinceCode, unit.code);
  const waiting = await waitingByGroup(ctx.db, ctx.provinceCode, unit.code, day);
  const called = await calledToday(ctx.db, ctx.provinceCode, unit.code, day);
  return {
    unitCode: unit.code, unitName: unit.name, at: formatInstantVN(now.getTime()),
    called: called.map((t) => ({ ticketId: t.id, number: t.number, serviceGroup: t.serviceGroup, counterCode: t.counterCode ?? '', counterName: counters.get(t.counterCode ?? '')?.name ?? '',
      calledAt: formatInstantVN((t.calledAt ?? t.issuedAt).getTime()), status: t.status, statusLabel: STATUS_LABELS[t.status] })),
    waiting: groups.map((g) => ({ code: g.code, name: g.name, waiting: waiting.get(g.code) ?? 0 })),
  };
}
