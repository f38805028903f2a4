// Network planning view of a plan (the evidence before merging points): points per district before
// and after, staff and counters per point, the in-person load each surviving point would absorb (direct
// intake per day over the last 90 days, from stats_daily; a split unit's load follows its applicants'
// communes) and the estimated wait at the busiest hour (domain/restructure/network-planning.ts).
import { DAY_MS, isoDateOfDayNumber, localDayNumber } from '../domain/calendar/local-time.ts';
import { DEFAULT_SERVICE_MS } from '../domain/queue/wait-estimate.ts';
import { PLANNING_ASSUMPTIONS, planNetwork, planToJson, toVietnamInstant, withCommuneShares, type Handover, type NetworkPlanning } from '../domain/restructure/index.ts';
import type { Unit } from '../domain/network/unit.ts';
import { listAllUnits } from '../store/units.ts';
import { livePlan } from '../store/restructure.ts';
import { activeCountersByUnit, activeStaffByUnit, intakeDays, medianServiceMsByUnit, receivedByUnit, receivedByUnitAndCommune } from '../store/network-planning.ts';
import { requestHash } from './idempotency.ts';
import { requireProvinceAdmin } from './admin-checks.ts';
import { administrativeAreas, parseOrThrow, planChange } from './restructure.ts';
import type { Actor, ServiceContext } from './context.ts';

export interface PlanningAnswer extends NetworkPlanning {
  planId: string;
  effectiveAt: string;
  window: { from: string; to: string; observedDays: number };
  method: string;
}

export const PLANNING_METHOD =
  'Tải: hồ sơ tiếp nhận trực tiếp mỗi ngày làm việc trong 90 ngày gần nhất (số liệu tổng hợp ngày); tải của đơn vị bị tách chia theo xã của người nộp. ' +
  'Thời gian chờ: giờ cao điểm nhận 20% lượt trong ngày; hàng đợi nhiều quầy (Erlang C) đến 95% công suất, phần vượt là số người tồn đọng chia cho số quầy nhân thời gian phục vụ ' +
  '(trung vị 30 ngày của đơn vị, mặc định 8 phút). Mỗi hồ sơ trực tiếp tính là một lượt đến quầy.';

export async function networkPlanning(ctx: ServiceContext, actor: Actor, input: unknown): Promise<PlanningAnswer> {
  await requireProvinceAdmin(ctx.db, actor, 'Chỉ quản trị viên cấp tỉnh xem được phương án sắp xếp.');
  const plan = parseOrThrow(input);
  const db = ctx.db;
  const all = await listAllUnits(db);
  let units: Unit[];
  let created: Unit[];
  let handovers: Map<string, Handover>;
  const live = await livePlan(db, ctx.provinceCode, plan.id);
  if (live && live.digest === requestHash(planToJson(plan))) {
    // An accepted plan: its network side is written; read it back.
    const createdCodes = new Set(live.undo.created);
    created = all.filter((u) => createdCodes.has(u.code));
    units = all.filter((u) => !createdCodes.has(u.code));
    handovers = new Map(live.undo.closures.map((c) => [c.code, c]));
  } else {
    const { network, change } = await planChange(db, ctx, plan);
    units = network;
    created = change.creates;
    handovers = new Map([...change.closures.values()].map((c) => [c.code, { code: c.code, successors: c.successors, communeMap: c.communeMap, fallback: c.fallback }]));
  }

  const now = ctx.now().getTime();
  const today = localDayNumber(now);
  const from = isoDateOfDayNumber(today - PLANNING_ASSUMPTIONS.historyDays);
  const to = isoDateOfDayNumber(today - 1);
  const direct = await receivedByUnit(db, ctx.provinceCode, from, to, 'direct');
  const splitUnits = [...handovers.values()].filter((h) => Object.keys(h.communeMap).length > 0).map((h) => h.code);
  const shares = await receivedByUnitAndCommune(db, ctx.provinceCode, splitUnits, new Date(now - PLANNING_ASSUMPTIONS.historyDays * DAY_MS), new Date(now), 'direct');

  const areas = administrativeAreas();
  const districtOfArea = new Map<string, string>();
  for (const a of areas) {
    if (a.level === 2) districtOfArea.set(a.code, a.code);
    if (a.level === 3 && a.parentCode) districtOfArea.set(a.code, a.parentCode);
  }
  const observedDays = await intakeDays(db, ctx.provinceCode, from, to);
  const result = planNetwork({
    effectiveAt: plan.effectiveAt, units, created, handovers, districtOfArea,
    districtNames: new Map(areas.filter((a) => a.level === 2).map((a) => [a.code, a.name])),
    staff: await activeStaffByUnit(db, ctx.provinceCode), counters: await activeCountersByUnit(db, ctx.provinceCode),
    visits: withCommuneShares(direct, shares), observedDays,
    serviceMs: await medianServiceMsByUnit(db, ctx.provinceCode, new Date(now - 30 * DAY_MS)), defaultServiceMs: DEFAULT_SERVICE_MS,
  });
  return {
    planId: plan.id, effectiveAt: toVietnamInstant(plan.effectiveAt), window: { from, to, observedDays },
    method: PLANNING_METHOD, ...result,
  };
}
