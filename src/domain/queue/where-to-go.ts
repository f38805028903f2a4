// "Where to go now" (đi đâu lúc này): open points serving a group, ranked by the expected time until the
// citizen is served = travel time + estimated wait. Travel: 0 in one's own commune, a fixed local trip in
// one's own district, else the distance between district centres at town speed. Closed points and
// points without an open counter for the group come last (their wait is unknown).
import { DISTRICT_CENTROIDS, haversineKm } from './district-centroids.ts';

export const LOCAL_TRIP_MINUTES = 10;
/** Average door-to-door speed in town traffic, km/h. */
export const TOWN_SPEED_KMH = 30;

export type Proximity = 'same_commune' | 'same_district' | 'other_district';

export interface PointLoad {
  unitCode: string;
  communeCode: string | null;
  districtCode: string | null;
  open: boolean;
  waiting: number;
  estimatedWaitMinutes: number | null;
}

export interface Origin {
  communeCode: string;
  districtCode: string | null;
}

export interface RankedPoint extends PointLoad {
  proximity: Proximity;
  distanceKm: number | null;
  travelMinutes: number | null;
  totalMinutes: number | null;
}

export function travelTo(origin: Origin, point: Pick<PointLoad, 'communeCode' | 'districtCode'>): { proximity: Proximity; distanceKm: number | null; travelMinutes: number | null } {
  if (point.communeCode !== null && point.communeCode === origin.communeCode) return { proximity: 'same_commune', distanceKm: 0, travelMinutes: 0 };
  if (point.districtCode !== null && point.districtCode === origin.districtCode) return { proximity: 'same_district', distanceKm: null, travelMinutes: LOCAL_TRIP_MINUTES };
  const from = origin.districtCode ? DISTRICT_CENTROIDS[origin.districtCode] : undefined;
  const to = point.districtCode ? DISTRICT_CENTROIDS[point.districtCode] : undefined;
  if (!from || !to) return { proximity: 'other_district', distanceKm: null, travelMinutes: null };
  const km = haversineKm(from, to);
  return { proximity: 'other_district', distanceKm: Math.round(km * 10) / 10, travelMinutes: LOCAL_TRIP_MINUTES + Math.ceil((km / TOWN_SPEED_KMH) * 60) };
}

const PROXIMITY_ORDER: Record<Proximity, number> = { same_commune: 0, same_district: 1, other_district: 2 };

export function rankPoints(origin: Origin, points: readonly PointLoad[]): RankedPoint[] {
  const ranked = points.map((p) => {
    const travel = travelTo(origin, p);
    const total = p.open && p.estimatedWaitMinutes !== null && travel.travelMinutes !== null ? travel.travelMinutes + p.estimatedWaitMinutes : null;
    return { ...p, ...travel, totalMinutes: total };
  });
  return ranked.sort((a, b) => {
    if ((a.totalMinutes === null) !== (b.totalMinutes === null)) return a.totalMinutes === null ? 1 : -1;
    if (a.totalMinutes !== null && b.totalMinutes !== null && a.totalMinutes !== b.totalMinutes) return a.totalMinutes - b.totalMinutes;
    if (a.proximity !== b.proximity) return PROXIMITY_ORDER[a.proximity] - PROXIMITY_ORDER[b.proximity];
    if (a.waiting !== b.waiting) return a.waiting - b.waiting;
    return a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0;
  });
}
