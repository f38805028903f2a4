// Statistics endpoints: the operations dashboard, the dossiers behind a number, the late list, exports.
import { api, apiUrl, type QueryValue } from './client.ts';

export interface DashboardRow {
  key: string;
  name: string;
  type?: string;
  received: number;
  finishedEarly: number;
  finishedOnTime: number;
  finishedLate: number;
  returned: number;
  rejected: number;
  withdrawn: number;
  supplementRequests: number;
  averageProcessingHours: number | null;
  inProgressOnTime: number;
  inProgressOverdue: number;
  carriedOver: number;
}

export interface Dashboard {
  period: { from: string; to: string };
  unitCode: string;
  unitName: string;
  received: { total: number; direct: number; online: number; postal: number };
  finished: { early: number; onTime: number; late: number };
  inProgress: { onTime: number; overdue: number };
  returned: number;
  rejected: number;
  withdrawn: number;
  carriedOver: number;
  supplementRequests: number;
  extensions: number;
  averageProcessingHours: number | null;
  satisfaction: { ratings: number; satisfiedPercent: number };
  byReceivingUnit: DashboardRow[];
  byCompetentAgency: DashboardRow[];
  byProcedure: DashboardRow[];
  byDistrict: DashboardRow[];
  daily: DashboardRow[] | null;
  queueWaits: QueueWaitRow[];
  /** Set when the per-unit rows are read in another structure. */
  structure?: { mode: 'asOf' | 'mapped'; at: string };
}

export interface QueueWaitRow {
  unitCode: string;
  unitName: string;
  serviceGroup: string | null;
  serviceGroupName: string | null;
  tickets: number;
  called: number;
  avgWaitSeconds: number | null;
  p90WaitSeconds: number | null;
}

export interface StatsFilter {
  from?: string;
  to?: string;
  unitCode?: string;
  field?: string;
  procedureCode?: string;
  channel?: string;
  /** Reports across a restructuring: asOf (the units of `structureAt`) or mapped (today's successors). */
  structure?: string;
  structureAt?: string;
}

/** The filter without the structure switch, for the lists that read dossiers as they are (drill-down, late list). */
export const withoutStructure = ({ structure: _s, structureAt: _a, ...rest }: StatsFilter): StatsFilter => rest;

export interface DrillItem {
  code: string;
  at: string;
  procedureCode: string;
  procedureName: string;
  channel: string;
  receivingUnitCode: string;
  competentUnitCode: string;
  status: string;
  receivedAt: string;
  dueAt: string | null;
  finishedAt: string | null;
  outcome: string | null;
}

export interface DrillPage {
  measure: string;
  total: number;
  items: DrillItem[];
}

const query = (f: StatsFilter & Record<string, QueryValue>) => f;

export const fetchDashboard = (f: StatsFilter, signal?: AbortSignal) => api.get<Dashboard>('/stats/dashboard', query({ ...f }), signal);

export const fetchDrill = (f: StatsFilter & { measure: string; receivingUnitCode?: string; competentUnitCode?: string; limit?: number; offset?: number }, signal?: AbortSignal) =>
  api.get<DrillPage>('/stats/dossiers', query({ ...f }), signal);

export const fetchDistricts = (signal?: AbortSignal) => api.get<GeoJson>('/stats/districts.geojson', undefined, signal);

export interface GeoJson {
  type: string;
  features: Array<{ properties: { code: string; name: string } }>;
}

export const REPORTS = ['period', 'daily-intake', 'satisfaction', 'officers'] as const;
export type ReportName = (typeof REPORTS)[number];
export const exportUrl = (path: '/stats/late.xlsx' | `/stats/reports/${ReportName}.${'xlsx' | 'pdf'}`, f: StatsFilter) =>
  apiUrl(path, { ...(path === '/stats/late.xlsx' ? withoutStructure(f) : f) });
