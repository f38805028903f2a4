// "Where to go now": every open Center, Branch and Reception Point offering a service group, ranked by
// travel from the citizen's commune plus the estimated wait there. The network stores no coordinates of
// its points: distance is measured between district centres (see domain/queue/district-centroids.ts).
import { isReceptionOpen } from '../domain/calendar/index.ts';
import { invalid } from '../domain/errors.ts';
import { isValidAt, type Unit } from '../domain/network/unit.ts';
import { CENTER_SEAT_DISTRICT, estimateWaitMs, rankPoints, ticketDay, typicalServiceMs, waitMinutes, type PointLoad, type RankedPoint } from '../domain/queue/index.ts';
import { DAY_MS } from '../domain/calendar/local-time.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import { listAllUnits } from '../store/units.ts';
import { countersServing, unitsOffering } from '../store/queue-config.ts';
import { medianServiceByUnit, waitingAcrossUnits } from '../store/queue-tickets.ts';
import { unitCalendar } from './calendar.ts';
import { servingCounters } from './queue-estimate.ts';
import type { ServiceContext } from './context.ts';

export interface WhereAnswer {
  serviceGroup: string;
  serviceGroupName: string;
  communeCode: string;
  districtCode: string | null;
  at: string;
  /** How distance is measured, said to the citizen. */
  distanceBasis: string;
  items: Array<RankedPoint & { unitName: string; type: string }>;
}

/** The district a unit lies in: a point's branch's district, a branch's own, the Center's seat. */
function districtOf(unit: Unit, byCode: Map<string, Unit>): string | null {
  if (unit.type === 'branch') return unit.areaCode;
  if (unit.type === 'reception_point') return (unit.parentCode && byCode.get(unit.parentCode)?.areaCode) ?? null;
  if (unit.type === 'center') return CENTER_SEAT_DISTRICT;
  return null;
}

export async function whereToGo(ctx: ServiceContext, request: { serviceGroup: string; communeCode: string; limit?: number | undefined }): Promise<WhereAnswer> {
  const now = ctx.now();
  const network = (await listAllUnits(ctx.db)).filter((u) => isValidAt(u, now.getTime()));
  const byCode = new Map(network.map((u) => [u.code, u]));
  const home = network.find((u) => u.type === 'reception_point' && u.areaCode === request.communeCode);
  if (!home) throw invalid('UNKNOWN_COMMUNE', `Không có xã, phường mã "${request.communeCode}" trong mạng lưới tiếp nhận của tỉnh.`, { field: 'communeCode' });
  const offering = await unitsOffering(ctx.db, ctx.provinceCode, request.serviceGroup);
  if (offering.length === 0) throw invalid('UNKNOWN_SERVICE_GROUP', `Không nơi nào phục vụ nhóm dịch vụ "${request.serviceGroup}".`, { field: 'serviceGroup' });
  const waiting = await waitingAcrossUnits(ctx.db, ctx.provinceCode, ticketDay(now.getTime()), request.serviceGroup);
  const medians = await medianServiceByUnit(ctx.db, ctx.provinceCode, request.serviceGroup, new Date(now.getTime() - 7 * DAY_MS));
  const counters = await countersServing(ctx.db, ctx.provinceCode, request.serviceGroup);
  const points: Array<PointLoad & { unitName: string; type: string }> = [];
  for (const { unitCode } of offering) {
    const unit = byCode.get(unitCode);
    if (!unit) continue;
    const open = isReceptionOpen(await unitCalendar(ctx, unit.code), now.getTime());
    const n = waiting.get(unit.code) ?? 0;
    const serving = servingCounters(counters.filter((c) => c.unitCode === unit.code), request.serviceGroup);
    const median = medians.get(unit.code);
    points.push({
      unitCode: unit.code, unitName: unit.name, type: unit.type, communeCode: unit.type === 'reception_point' ? unit.areaCode : null,
      districtCode: districtOf(unit, byCode), open, waiting: n,
      estimatedWaitMinutes: open ? waitMinutes(estimateWaitMs(n, serving, typicalServiceMs(median === undefined ? [] : [median]))) : null,
    });
  }
  const names = new Map(points.map((p) => [p.unitCode, p]));
  const origin = { communeCode: request.communeCode, districtCode: districtOf(home, byCode) };
  const ranked = rankPoints(origin, points).slice(0, request.limit ?? 10);
  return {
    serviceGroup: request.serviceGroup, serviceGroupName: offering[0]!.name, communeCode: request.communeCode, districtCode: origin.districtCode,
    at: formatInstantVN(now.getTime()),
    distanceBasis: 'Khoảng cách ước tính giữa trung tâm các huyện, thị xã, thành phố (chưa có tọa độ từng điểm tiếp nhận); cùng xã, phường: 0 phút; cùng huyện: khoảng 10 phút.',
    items: ranked.map((p) => ({ ...p, unitName: names.get(p.unitCode)!.unitName, type: names.get(p.unitCode)!.type })),
  };
}
