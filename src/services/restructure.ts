// Restructuring the network as data (sắp xếp đơn vị): preview a plan's impact, accept it (the network
// side is written at once, effective-dated), move open work to the successors at the effective instant,
// undo a plan that has not taken effect. Open dossiers keep their status and due date: the law forbids
// refusing, stopping or restarting a dossier because of a reorganisation (domain.md §1).
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import { isValidAt, type Unit } from '../domain/network/unit.ts';
import type { AdministrativeUnit } from '../domain/network/binh-duong-network.ts';
import {
  parsePlan, planNetworkChange, planToJson, successorFor, toVietnamInstant, phase2Plan, phase3Plan, reform2025Plan,
  type NetworkChange, type PlanProblem, type ReformMapping, type RestructurePlan,
} from '../domain/restructure/index.ts';
import { listAllUnits, insertUnits } from '../store/units.ts';
import {
  insertPlan, listPlans, livePlan, markPlan, moveDossiers, moveStaff, openDossiersOf, openWorkByUnit, staffOfUnits, undoNetworkChange, writeNetworkChange,
  type DossierMove, type PlanUndo, type RoleMove, type StoredClosure, type StoredPlan,
} from '../store/restructure.ts';
import { countOpenWork, moveOpenWork as moveOtherOpenWork, type OpenWorkCounts, type OpenWorkWindow, type UnitOpenWork } from '../store/restructure-open-work.ts';
import { isoDateOfDayNumber, localDayNumber } from '../domain/calendar/local-time.ts';
import { appendAudit } from '../store/audit.ts';
import type { Db } from '../store/database.ts';
import { requestHash } from './idempotency.ts';
import { noticeMovedAppointments, noticeMovedReturnPlaces } from './restructure-notices.ts';
import { requireProvinceAdmin } from './admin-checks.ts';
import type { Actor, ServiceContext } from './context.ts';

const LOCK_KEY = 74_2025_07; // one plan at a time, across instances
export const MOVE_REASON = 'Chuyển do sắp xếp đơn vị hành chính';

export interface Impact {
  unitsCreated: number;
  unitsClosed: number;
  dossiersMoved: number;
  /** Open tickets of the day (waiting, called, serving, parked) at closed units. */
  ticketsMoved: number;
  /** Booked appointments from the instant on at closed units. */
  appointmentsMoved: number;
  staffMoved: number;
  /** Everything else that moves: counters, service groups, series, paper transfers, sub-dossiers, feedback. */
  openWork: OpenWorkCounts;
  /** Tickets, appointments and counters per closed unit, and where they go. */
  queues: UnitOpenWork[];
  /** Due dates a plan changes: always 0 — a reorganisation never moves a deadline. */
  deadlinesChanged: number;
  units: {
    created: Array<{ code: string; name: string; type: string; parentCode: string | null }>;
    closed: Array<{ code: string; name: string; type: string; successors: string[]; openDossiers: number }>;
    renamed: Array<{ code: string; from: string; to: string }>;
    moved: Array<{ code: string; from: string | null; to: string }>;
  };
  /** Open dossiers per affected unit and role, and where they go. */
  dossiers: Array<{ unitCode: string; role: 'receiving' | 'competent' | 'return'; count: number; to: Record<string, number> }>;
  staff: Array<{ username: string; from: string; to: string }>;
  network: { before: Record<string, number>; after: Record<string, number> };
}

export interface PlanAnswer {
  planId: string;
  version: number | null;
  applied: boolean;
  status: 'preview' | 'scheduled' | 'applied';
  effectiveAt: string;
  impact: Impact;
}

function planProblems(problems: PlanProblem[]) {
  return invalid('PLAN_INVALID', `Phương án sắp xếp không hợp lệ (${problems.length} lỗi): ${problems.slice(0, 3).map((p) => p.message).join(' ')}`, { problems });
}

const countsByType = (units: readonly Unit[], at: number) => {
  const counts: Record<string, number> = { center: 0, branch: 0, reception_point: 0, agency: 0 };
  for (const u of units) if (isValidAt(u, at)) counts[u.type] = (counts[u.type] ?? 0) + 1;
  return counts;
};

/** Tickets count from the local day of the instant, appointments from the instant itself. */
export function openWorkWindow(effectiveAt: number): OpenWorkWindow {
  return { fromDay: isoDateOfDayNumber(localDayNumber(effectiveAt)), fromInstant: new Date(effectiveAt) };
}

const ROLES = [['receiving', 'receivingUnitCode'], ['competent', 'competentUnitCode'], ['return', 'returnUnitCode']] as const;

interface Computed {
  plan: RestructurePlan;
  change: NetworkChange;
  units: Map<string, Unit>;
  moves: DossierMove[];
  staff: Array<{ username: string; from: string; to: string }>;
  impact: Impact;
}

/** The network change of a plan not yet accepted, checked against the network as it stands (throws its problems). */
export async function planChange(db: Db, ctx: ServiceContext, plan: RestructurePlan): Promise<{ network: Unit[]; change: NetworkChange; openWork: Map<string, number> }> {
  const network = await listAllUnits(db);
  const earlier = (await listPlans(db, ctx.provinceCode)).filter((p) => p.status !== 'undone' && p.id !== plan.id);
  const openWork = await openWorkByUnit(db, ctx.provinceCode);
  const result = planNetworkChange({
    network, plan, provinceCode: ctx.provinceCode, openWork,
    earlierPlans: earlier.map((p) => ({ id: p.id, effectiveAt: p.effectiveAt.getTime(), touched: p.touched })),
  });
  if (!result.ok) throw planProblems(result.problems);
  return { network, change: result.change, openWork };
}

/** Everything a plan would do, read inside the transaction that may apply it. */
async function compute(db: Db, ctx: ServiceContext, plan: RestructurePlan): Promise<Computed> {
  const { network, change, openWork } = await planChange(db, ctx, plan);
  const units = new Map(network.map((u) => [u.code, u]));
  const closed = [...change.closures.keys()];
  const { moves, dossiers } = await dossierMoves(db, ctx.provinceCode, change.closures);
  const staff = (await staffOfUnits(db, ctx.provinceCode, closed)).map((s) => {
    const closure = change.closures.get(s.unitCode)!;
    return { username: s.username, from: s.unitCode, to: closure.fallback ?? closure.successors[0] ?? s.unitCode };
  }).filter((s) => s.to !== s.from);
  const other = await countOpenWork(db, ctx.provinceCode, change.closures, openWorkWindow(change.effectiveAt));
  const after = [...network.map((u) => (change.closures.has(u.code) ? { ...u, validTo: change.effectiveAt } : u)), ...change.creates];
  const impact: Impact = {
    unitsCreated: change.creates.length,
    unitsClosed: closed.length,
    dossiersMoved: moves.length,
    ticketsMoved: other.totals.tickets,
    appointmentsMoved: other.totals.appointments,
    staffMoved: staff.length,
    openWork: other.totals,
    queues: other.units,
    deadlinesChanged: 0,
    units: {
      created: change.creates.map((u) => ({ code: u.code, name: u.name, type: u.type, parentCode: u.parentCode })),
      closed: closed.map((code) => ({ code, name: units.get(code)?.name ?? code, type: units.get(code)?.type ?? 'agency', successors: change.closures.get(code)!.successors, openDossiers: openWork.get(code) ?? 0 })),
      renamed: change.renames,
      moved: change.moves,
    },
    dossiers,
    staff,
    network: { before: countsByType(network, change.effectiveAt - 1), after: countsByType(after, change.effectiveAt) },
  };
  return { plan, change, units, moves, staff, impact };
}

async function dossierMoves(db: Db, provinceCode: string, closures: ReadonlyMap<string, StoredClosure>) {
  const open = await openDossiersOf(db, provinceCode, [...closures.keys()]);
  const tally = new Map<string, { unitCode: string; role: 'receiving' | 'competent' | 'return'; count: number; to: Record<string, number> }>();
  const moves: DossierMove[] = [];
  for (const d of open) {
    const next = { receivingUnitCode: d.receivingUnitCode, competentUnitCode: d.competentUnitCode, returnUnitCode: d.returnUnitCode };
    const moved: RoleMove[] = [];
    for (const [role, key] of ROLES) {
      const from = d[key];
      const to = successorFor({ closures: closures as Map<string, never> }, from, d.communeCode);
      if (to === null || to === from) continue;
      next[key] = to;
      moved.push({ role, from, to });
      const entry = tally.get(`${from}|${role}`) ?? { unitCode: from, role, count: 0, to: {} };
      entry.count++;
      entry.to[to] = (entry.to[to] ?? 0) + 1;
      tally.set(`${from}|${role}`, entry);
    }
    if (moved.length > 0) moves.push({ code: d.code, status: d.status, actionCount: d.actionCount, ...next, roleMoves: moved });
  }
  return { moves, dossiers: [...tally.values()] };
}

export function parseOrThrow(input: unknown): RestructurePlan {
  const parsed = parsePlan(input);
  if (!parsed.ok) throw planProblems(parsed.problems);
  return parsed.plan;
}

/** `dryRun`: the impact only. Otherwise accept the plan: scheduled, or applied when its instant has come. */
export async function submitPlan(ctx: ServiceContext, actor: Actor, input: unknown, dryRun: boolean): Promise<PlanAnswer> {
  await requireProvinceAdmin(ctx.db, actor, 'Chỉ quản trị viên cấp tỉnh được sắp xếp mạng lưới đơn vị.');
  const plan = parseOrThrow(input);
  const digest = requestHash(planToJson(plan));
  return ctx.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    const existing = await livePlan(trx, ctx.provinceCode, plan.id);
    if (existing) {
      if (existing.digest !== digest) {
        throw conflict('PLAN_ID_TAKEN', `Mã phương án "${plan.id}" đã dùng cho một phương án khác (phiên bản ${existing.version}); hãy hủy phương án đó hoặc dùng mã mới.`, { planId: plan.id });
      }
      // The same plan again: nothing to do, the first answer stands.
      return answerOf(existing);
    }
    const computed = await compute(trx, ctx, plan);
    if (dryRun) return { planId: plan.id, version: null, applied: false, status: 'preview', effectiveAt: toVietnamInstant(plan.effectiveAt), impact: computed.impact };

    const now = ctx.now();
    const at = new Date(plan.effectiveAt);
    const { change, units } = computed;
    const undo: PlanUndo = {
      created: change.creates.map((u) => u.code),
      closed: [...change.closures.keys()].map((code) => ({ code, validToBefore: units.get(code)?.validTo ? new Date(units.get(code)!.validTo!).toISOString() : null })),
      renamed: change.renames.map((r) => ({ code: r.code, nameBefore: r.from })),
      moved: change.moves.map((m) => ({ code: m.code, parentBefore: m.from })),
      closures: [...change.closures.values()].map((c) => ({ code: c.code, successors: c.successors, communeMap: c.communeMap, fallback: c.fallback })),
      actor: { username: actor.username, roles: [...actor.roles], unitCode: actor.unitCode },
    };
    await insertUnits(trx, change.creates);
    await writeNetworkChange(trx, plan.id, at, { closed: [...change.closures.keys()], lineage: change.lineage, renames: change.renames, moves: change.moves, units });
    const due = plan.effectiveAt <= now.getTime();
    const version = await insertPlan(trx, ctx.provinceCode, {
      id: plan.id, title: plan.title, plan: planToJson(plan), digest, effectiveAt: at, status: due ? 'applied' : 'scheduled',
      touched: [...change.touched], undo, impact: computed.impact as unknown as Record<string, unknown>, createdBy: actor.username, appliedAt: due ? now : null,
    });
    const moved = due ? await moveOpenWork(trx, ctx, plan.id, plan.effectiveAt, undo, now) : null;
    await appendAudit(trx, {
      provinceCode: ctx.provinceCode, at: now, actor, action: due ? 'restructure.apply' : 'restructure.schedule', entityType: 'restructure_plan', entityId: plan.id,
      details: { version, effectiveAt: toVietnamInstant(plan.effectiveAt), unitsCreated: computed.impact.unitsCreated, unitsClosed: computed.impact.unitsClosed, ...(moved ?? { dossiersMoved: computed.impact.dossiersMoved, staffMoved: computed.impact.staffMoved }) },
    });
    return { planId: plan.id, version, applied: due, status: due ? 'applied' : 'scheduled', effectiveAt: toVietnamInstant(plan.effectiveAt), impact: computed.impact };
  });
}

function answerOf(p: StoredPlan): PlanAnswer {
  return { planId: p.id, version: p.version, applied: p.status === 'applied', status: p.status === 'applied' ? 'applied' : 'scheduled', effectiveAt: toVietnamInstant(p.effectiveAt.getTime()), impact: p.impact as unknown as Impact };
}

/**
 * At the effective instant: open dossiers, staff, queues (counters, groups, tickets, series, appointments),
 * pending paper transfers, open sub-dossiers and open feedback of closed units go to their successors.
 */
async function moveOpenWork(trx: Db, ctx: ServiceContext, planId: string, effectiveAt: number, undo: PlanUndo, now: Date): Promise<Record<string, unknown>> {
  const closures = new Map(undo.closures.map((c) => [c.code, c]));
  const { moves } = await dossierMoves(trx, ctx.provinceCode, closures);
  const reason = `${MOVE_REASON} (phương án ${planId})`;
  await moveDossiers(trx, ctx.provinceCode, moves, { at: now, username: undo.actor.username, roles: undo.actor.roles, unitCode: undo.actor.unitCode, reason, planId });
  const staff = (await staffOfUnits(trx, ctx.provinceCode, [...closures.keys()])).map((s) => ({ username: s.username, to: closures.get(s.unitCode)!.fallback ?? closures.get(s.unitCode)!.successors[0] ?? s.unitCode }));
  await moveStaff(trx, ctx.provinceCode, staff, now);
  const other = await moveOtherOpenWork(trx, ctx.provinceCode, closures, openWorkWindow(effectiveAt), { at: now, username: undo.actor.username, roles: undo.actor.roles, planId, reason });
  const { moved, movedAppointments, ...counts } = other;
  // The citizens whose place changed are told in the same transaction.
  const notified = {
    returnPlaces: await noticeMovedReturnPlaces(trx, ctx.provinceCode, { id: planId, effectiveAt }, moves),
    appointments: await noticeMovedAppointments(trx, ctx.provinceCode, { id: planId, effectiveAt }, movedAppointments),
  };
  return { dossiersMoved: moves.length, staffMoved: staff.length, ticketsMoved: counts.tickets, appointmentsMoved: counts.appointments, openWork: counts, paperTransfers: moved.paperTransfers, subDossiers: moved.subDossiers, notified };
}

/** Applies scheduled plans whose instant has come (called by the server's timer; safe on several instances). */
export async function applyDuePlans(ctx: ServiceContext): Promise<string[]> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    const due = (await listPlans(trx, ctx.provinceCode)).filter((p) => p.status === 'scheduled' && p.effectiveAt.getTime() <= now.getTime());
    for (const p of due) {
      const moved = await moveOpenWork(trx, ctx, p.id, p.effectiveAt.getTime(), p.undo, now);
      await markPlan(trx, ctx.provinceCode, p.id, p.version, 'applied', now);
      await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor: null, action: 'restructure.apply', entityType: 'restructure_plan', entityId: p.id, details: { version: p.version, scheduled: true, ...moved } });
    }
    return due.map((p) => p.id);
  });
}

/** Takes back a plan that has not taken effect yet. */
export async function undoPlan(ctx: ServiceContext, actor: Actor, planId: string): Promise<{ planId: string; undone: boolean }> {
  await requireProvinceAdmin(ctx.db, actor, 'Chỉ quản trị viên cấp tỉnh được hủy phương án sắp xếp.');
  return ctx.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    const plan = await livePlan(trx, ctx.provinceCode, planId);
    if (!plan) throw notFound('PLAN_NOT_FOUND', `Không có phương án "${planId}" đang hiệu lực hoặc chờ hiệu lực.`);
    if (plan.status === 'applied') throw conflict('PLAN_ALREADY_EFFECTIVE', `Phương án "${planId}" đã có hiệu lực; chỉ hủy được phương án chưa đến thời điểm hiệu lực. Hãy lập phương án mới.`);
    const later = (await listPlans(trx, ctx.provinceCode)).filter((p) => p.status !== 'undone' && p.id !== planId && p.createdAt > plan.createdAt && p.touched.some((c) => plan.touched.includes(c)));
    if (later.length > 0) throw conflict('PLAN_HAS_LATER_PLANS', `Phải hủy trước các phương án lập sau và liên quan cùng đơn vị: ${later.map((p) => p.id).join(', ')}.`);
    await undoNetworkChange(trx, planId, plan.undo);
    const now = ctx.now();
    await markPlan(trx, ctx.provinceCode, planId, plan.version, 'undone', now);
    await appendAudit(trx, { provinceCode: ctx.provinceCode, at: now, actor, action: 'restructure.undo', entityType: 'restructure_plan', entityId: planId, details: { version: plan.version } });
    return { planId, undone: true };
  });
}

export async function plansOf(ctx: ServiceContext, actor: Actor) {
  await requireProvinceAdmin(ctx.db, actor, 'Chỉ quản trị viên cấp tỉnh xem được các phương án sắp xếp.');
  return (await listPlans(ctx.db, ctx.provinceCode)).map((p) => ({
    planId: p.id, version: p.version, title: p.title, status: p.status, effectiveAt: toVietnamInstant(p.effectiveAt.getTime()),
    createdBy: p.createdBy, createdAt: p.createdAt.toISOString(), impact: p.impact,
  }));
}

const seedFile = (name: string) => new URL(`../../seed/${name}`, import.meta.url);
let areasCache: AdministrativeUnit[] | undefined;
let mappingCache: ReformMapping | undefined;

/** The bundled Bình Dương plans, built against the network as it stands now (JSON in the contract's format). */
export async function bundledPlans(ctx: ServiceContext, actor: Actor): Promise<Array<Record<string, unknown>>> {
  await requireProvinceAdmin(ctx.db, actor, 'Chỉ quản trị viên cấp tỉnh xem được các phương án sắp xếp.');
  return bundledPlanJson(ctx.db);
}

/** Bình Dương's communes and districts as of 2024 (GSO), from the seed. */
export function administrativeAreas(): AdministrativeUnit[] {
  areasCache ??= JSON.parse(readFileSync(seedFile('binh-duong-units-2024.json'), 'utf8')) as AdministrativeUnit[];
  return areasCache;
}

export async function bundledPlanJson(db: Db): Promise<Array<Record<string, unknown>>> {
  areasCache = administrativeAreas();
  mappingCache ??= JSON.parse(readFileSync(seedFile('binh-duong-2025-07-01-reform-mapping.json'), 'utf8')) as ReformMapping;
  const network = await listAllUnits(db);
  const reform = reform2025Plan(areasCache, mappingCache, new Set());
  const present = new Set(network.filter((u) => isValidAt(u, reform.effectiveAt)).map((u) => u.code));
  return [phase2Plan(areasCache), phase3Plan(areasCache), reform2025Plan(areasCache, mappingCache, present)].map(planToJson);
}
