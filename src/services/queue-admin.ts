// Queue configuration of a reception unit (cấu hình hàng đợi): service groups (created, edited, retired —
// never deleted, tickets name them), counters (opened, closed, the groups each serves), ticket prefixes
// (unique per unit), appointment capacity per slot and the unit's priority weights. The queue engine
// reads these rows directly, so a change applies to the next ticket, booking or call. Scoped to the
// administrator's subtree; every change audited with before → after, in one transaction.
import { conflict, invalid, notFound } from '../domain/errors.ts';
import type { Unit } from '../domain/network/unit.ts';
import {
  checkCounterCode, checkGroupCode, checkName, checkPrefix, checkPriorityPolicy, checkSlotCapacity, checkSlotMinutes,
  DEFAULT_PRIORITY_POLICY, PRIORITY_LABELS, ticketDay, type PriorityPolicy,
} from '../domain/queue/index.ts';
import { appendAudit } from '../store/audit.ts';
import type { Db } from '../store/database.ts';
import {
  countHeldAt, listCounterSettings, listGroupSettings, loadPriorityPolicy, savePriorityPolicy, upsertCounterSetting, upsertGroupSetting,
  type CounterSetting, type GroupSetting,
} from '../store/queue-admin.ts';
import { requireAdminRole, requireUnitInScope } from './admin-checks.ts';
import { receptionUnit } from './queue-units.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

export interface QueueSettings {
  unitCode: string;
  unitName: string;
  serviceGroups: GroupSetting[];
  counters: CounterSetting[];
  priority: PriorityPolicy & { custom: boolean; labels: Record<string, string> };
}

async function adminUnit(ctx: ServiceContext, actor: Actor, unitCode: string): Promise<Unit> {
  requireAdminRole(actor, 'Chỉ quản trị viên được cấu hình hàng đợi.');
  const unit = await receptionUnit(ctx.db, unitCode, ctx.now().getTime());
  await requireUnitInScope(ctx.db, actor, unit.code);
  return unit;
}

export async function getQueueSettings(ctx: ServiceContext, actor: Actor, unitCode: string): Promise<QueueSettings> {
  const unit = await adminUnit(ctx, actor, unitCode);
  return readSettings(ctx, ctx.db, unit);
}

async function readSettings(ctx: ServiceContext, db: Db, unit: Unit): Promise<QueueSettings> {
  return {
    unitCode: unit.code, unitName: unit.name,
    serviceGroups: await listGroupSettings(db, ctx.provinceCode, unit.code),
    counters: await listCounterSettings(db, ctx.provinceCode, unit.code),
    priority: { ...(await loadPriorityPolicy(db, ctx.provinceCode, unit.code)), labels: PRIORITY_LABELS },
  };
}

/** One audited change of a unit's queue settings, answered with the settings after it. */
async function change(ctx: ServiceContext, actor: Actor, unitCode: string, origin: RequestOrigin,
  run: (trx: Db, unit: Unit) => Promise<{ action: string; entityId: string; before: unknown; after: unknown } | null>): Promise<QueueSettings> {
  const unit = await adminUnit(ctx, actor, unitCode);
  return ctx.db.transaction().execute(async (trx) => {
    const entry = await run(trx, unit);
    if (entry) {
      await appendAudit(trx, { provinceCode: ctx.provinceCode, at: ctx.now(), actor, action: entry.action, entityType: entry.action.startsWith('queue.priority') ? 'queue_unit' : entry.action.startsWith('queue.counter') ? 'queue_counter' : 'queue_service_group',
        entityId: entry.entityId, details: { unitCode: unit.code, before: entry.before, after: entry.after }, requestId: origin.requestId, address: origin.address });
    }
    return readSettings(ctx, trx, unit);
  });
}

export interface GroupInput {
  code?: string;
  name?: string;
  prefix?: string;
  sortOrder?: number;
  slotMinutes?: number;
  slotCapacity?: number;
  active?: boolean;
}

function prefixTaken(groups: readonly GroupSetting[], prefix: string, except: string | null): void {
  const other = groups.find((g) => g.prefix === prefix && g.code !== except);
  if (other) {
    throw conflict('PREFIX_TAKEN', `Tiền tố "${prefix}" đã dùng cho nhóm ${other.name} (${other.code})${other.active ? '' : ', đã ngừng'}; số thứ tự của hai nhóm sẽ trùng nhau.`, { field: 'prefix', serviceGroup: other.code });
  }
}

export function createServiceGroup(ctx: ServiceContext, actor: Actor, unitCode: string, input: GroupInput, origin: RequestOrigin): Promise<QueueSettings> {
  return change(ctx, actor, unitCode, origin, async (trx, unit) => {
    const code = checkGroupCode(input.code ?? '');
    const group: GroupSetting = { code, name: checkName(input.name ?? '', 'Tên nhóm dịch vụ'), prefix: checkPrefix(input.prefix ?? ''),
      sortOrder: input.sortOrder ?? 0, slotMinutes: checkSlotMinutes(input.slotMinutes ?? 30), slotCapacity: checkSlotCapacity(input.slotCapacity ?? 4), active: true };
    const groups = await listGroupSettings(trx, ctx.provinceCode, unit.code, true);
    if (groups.some((g) => g.code === code)) throw conflict('GROUP_EXISTS', `${unit.name} đã có nhóm dịch vụ mã "${code}".`, { field: 'code' });
    prefixTaken(groups, group.prefix, null);
    await upsertGroupSetting(trx, ctx.provinceCode, unit.code, group);
    return { action: 'queue.service_group.create', entityId: `${unit.code}/${code}`, before: null, after: group };
  });
}

export function updateServiceGroup(ctx: ServiceContext, actor: Actor, unitCode: string, code: string, input: GroupInput, origin: RequestOrigin): Promise<QueueSettings> {
  return change(ctx, actor, unitCode, origin, async (trx, unit) => {
    const groups = await listGroupSettings(trx, ctx.provinceCode, unit.code, true);
    const before = groups.find((g) => g.code === code);
    if (!before) throw notFound('UNKNOWN_SERVICE_GROUP', `${unit.name} không có nhóm dịch vụ "${code}".`);
    const after: GroupSetting = {
      ...before,
      ...(input.name !== undefined ? { name: checkName(input.name, 'Tên nhóm dịch vụ') } : {}),
      ...(input.prefix !== undefined ? { prefix: checkPrefix(input.prefix) } : {}),
      ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
      ...(input.slotMinutes !== undefined ? { slotMinutes: checkSlotMinutes(input.slotMinutes) } : {}),
      ...(input.slotCapacity !== undefined ? { slotCapacity: checkSlotCapacity(input.slotCapacity) } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    if (after.prefix !== before.prefix) prefixTaken(groups, after.prefix, code);
    if (after.slotMinutes !== before.slotMinutes && (await futureBookings(trx, ctx, unit.code, code)) > 0) {
      throw conflict('GROUP_HAS_BOOKINGS', `Nhóm ${before.name} còn lịch hẹn sắp tới: không đổi được độ dài khung giờ (lịch đã hẹn sẽ lệch khung). Có thể đổi số lượt mỗi khung.`, { field: 'slotMinutes' });
    }
    if (before.active && !after.active) await requireNothingPending(trx, ctx, unit, before);
    if (JSON.stringify(before) === JSON.stringify(after)) return null;
    await upsertGroupSetting(trx, ctx.provinceCode, unit.code, after);
    const action = before.active && !after.active ? 'queue.service_group.retire' : !before.active && after.active ? 'queue.service_group.reopen' : 'queue.service_group.update';
    return { action, entityId: `${unit.code}/${code}`, before, after };
  });
}

async function futureBookings(trx: Db, ctx: ServiceContext, unitCode: string, group: string): Promise<number> {
  const r = await trx.selectFrom('queue_appointments').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('province_code', '=', ctx.provinceCode).where('unit_code', '=', unitCode).where('service_group', '=', group)
    .where('status', '=', 'booked').where('slot_end', '>', ctx.now()).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A group retires only when no one waits in it today and no appointment is still booked in it. */
async function requireNothingPending(trx: Db, ctx: ServiceContext, unit: Unit, group: GroupSetting): Promise<void> {
  const waiting = await trx.selectFrom('queue_tickets').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('province_code', '=', ctx.provinceCode).where('unit_code', '=', unit.code).where('service_group', '=', group.code)
    .where('day', '=', ticketDay(ctx.now().getTime())).where('status', 'in', ['waiting', 'called', 'serving', 'parked']).executeTakeFirstOrThrow();
  if (Number(waiting.n) > 0) {
    throw conflict('GROUP_HAS_TICKETS', `Nhóm ${group.name} còn ${Number(waiting.n)} số thứ tự chưa xong hôm nay: hãy phục vụ hoặc chuyển các số đó trước khi ngừng nhóm.`);
  }
  const booked = await futureBookings(trx, ctx, unit.code, group.code);
  if (booked > 0) throw conflict('GROUP_HAS_BOOKINGS', `Nhóm ${group.name} còn ${booked} lịch hẹn sắp tới: hãy hủy hoặc chuyển các lịch đó trước khi ngừng nhóm.`);
}

export interface CounterInput {
  code?: string;
  name?: string;
  serviceGroups?: string[];
  active?: boolean;
}

async function checkServedGroups(trx: Db, ctx: ServiceContext, unit: Unit, groups: readonly string[]): Promise<string[]> {
  const unique = [...new Set(groups)];
  if (unique.length === 0) throw invalid('NO_SERVICE_GROUPS', 'Một quầy cần phục vụ ít nhất một nhóm dịch vụ.', { field: 'serviceGroups' });
  const active = new Set((await listGroupSettings(trx, ctx.provinceCode, unit.code)).filter((g) => g.active).map((g) => g.code));
  const unknown = unique.filter((g) => !active.has(g));
  if (unknown.length > 0) {
    throw invalid('UNKNOWN_SERVICE_GROUP', `${unit.name} không có nhóm dịch vụ đang hoạt động: ${unknown.join(', ')}.`, { field: 'serviceGroups', unknown });
  }
  return unique;
}

export function createCounter(ctx: ServiceContext, actor: Actor, unitCode: string, input: CounterInput, origin: RequestOrigin): Promise<QueueSettings> {
  return change(ctx, actor, unitCode, origin, async (trx, unit) => {
    const code = checkCounterCode(input.code ?? '');
    const name = checkName(input.name ?? '', 'Tên quầy');
    const counters = await listCounterSettings(trx, ctx.provinceCode, unit.code, true);
    if (counters.some((c) => c.code.toLowerCase() === code.toLowerCase())) throw conflict('COUNTER_EXISTS', `${unit.name} đã có quầy mã "${code}".`, { field: 'code' });
    const counter = { code, name, serviceGroups: await checkServedGroups(trx, ctx, unit, input.serviceGroups ?? []), active: true };
    await upsertCounterSetting(trx, ctx.provinceCode, unit.code, counter);
    return { action: 'queue.counter.create', entityId: `${unit.code}/${code}`, before: null, after: counter };
  });
}

export function updateCounter(ctx: ServiceContext, actor: Actor, unitCode: string, code: string, input: CounterInput, origin: RequestOrigin): Promise<QueueSettings> {
  return change(ctx, actor, unitCode, origin, async (trx, unit) => {
    const found = (await listCounterSettings(trx, ctx.provinceCode, unit.code, true)).find((c) => c.code === code);
    if (!found) throw notFound('UNKNOWN_COUNTER', `${unit.name} không có quầy "${code}".`);
    const { officerUsername, ...before } = found;
    const after = {
      ...before,
      ...(input.name !== undefined ? { name: checkName(input.name, 'Tên quầy') } : {}),
      ...(input.serviceGroups !== undefined ? { serviceGroups: await checkServedGroups(trx, ctx, unit, input.serviceGroups) } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    if (before.active && !after.active) {
      if (officerUsername) throw conflict('COUNTER_OCCUPIED', `Cán bộ ${officerUsername} đang làm việc tại ${before.name}: cán bộ cần rời quầy trước khi đóng quầy.`, { officer: officerUsername });
      const held = await countHeldAt(trx, ctx.provinceCode, unit.code, code);
      if (held > 0) throw conflict('COUNTER_BUSY', `${before.name} đang giữ ${held} số thứ tự: hãy kết thúc hoặc chuyển trước khi đóng quầy.`);
    }
    if (JSON.stringify(before) === JSON.stringify(after)) return null;
    await upsertCounterSetting(trx, ctx.provinceCode, unit.code, after);
    const action = before.active && !after.active ? 'queue.counter.close' : !before.active && after.active ? 'queue.counter.open' : 'queue.counter.update';
    return { action, entityId: `${unit.code}/${code}`, before, after };
  });
}

export function setPriorityPolicy(ctx: ServiceContext, actor: Actor, unitCode: string, input: { headStartMinutes: Partial<Record<string, number>>; maxConsecutivePriority: number }, origin: RequestOrigin): Promise<QueueSettings> {
  return change(ctx, actor, unitCode, origin, async (trx, unit) => {
    const policy = checkPriorityPolicy(input);
    const { custom, ...before } = await loadPriorityPolicy(trx, ctx.provinceCode, unit.code);
    if (custom && JSON.stringify(before) === JSON.stringify(policy)) return null;
    await savePriorityPolicy(trx, ctx.provinceCode, unit.code, policy, actor.username, ctx.now());
    return { action: 'queue.priority_policy.update', entityId: unit.code, before: custom ? before : { ...DEFAULT_PRIORITY_POLICY, default: true }, after: policy };
  });
}
