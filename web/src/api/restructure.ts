// Restructuring plans (admin): preview, apply, list, undo, and the bundled Bình Dương plans.
import { api } from './client.ts';

export interface PlanJson {
  id: string;
  title: string;
  effectiveAt: string;
  note?: string;
  operations: unknown[];
}

export interface Impact {
  unitsCreated: number;
  unitsClosed: number;
  dossiersMoved: number;
  ticketsMoved: number;
  /** Absent in plans recorded before appointments moved. */
  appointmentsMoved?: number;
  openWork?: { tickets: number; appointments: number; counters: number; serviceGroups: number; ticketSeries: number; paperTransfers: number; subDossiers: number; feedback: number };
  staffMoved: number;
  deadlinesChanged: number;
  units: {
    created: Array<{ code: string; name: string; type: string; parentCode: string | null }>;
    closed: Array<{ code: string; name: string; type: string; successors: string[]; openDossiers: number }>;
    renamed: Array<{ code: string; from: string; to: string }>;
    moved: Array<{ code: string; from: string | null; to: string }>;
  };
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

export interface StoredPlan {
  planId: string;
  version: number;
  title: string;
  status: 'scheduled' | 'applied' | 'undone';
  effectiveAt: string;
  createdBy: string;
  createdAt: string;
  impact: Impact;
}

export interface PlanProblem {
  path: string;
  code: string;
  message: string;
}

export interface PlannedPoint {
  code: string;
  name: string;
  type: string;
  districtCode: string | null;
  state: 'kept' | 'created' | 'closed';
  successor: string | null;
  staffBefore: number;
  staffAfter: number;
  countersBefore: number;
  countersAfter: number;
  visitsPerDayBefore: number;
  visitsPerDayAfter: number;
  absorbedPerDay: number;
  waitMinutesBefore: number | null;
  waitMinutesAfter: number | null;
  saturatedAfter: boolean;
}

export interface NetworkPlanning {
  planId: string;
  effectiveAt: string;
  window: { from: string; to: string; observedDays: number };
  method: string;
  districts: Array<{ code: string | null; name: string; pointsBefore: number; pointsAfter: number; staffBefore: number; staffAfter: number; visitsPerDay: number }>;
  points: PlannedPoint[];
}

export const restructureApi = {
  planning: (plan: unknown) => api.post<NetworkPlanning>('/admin/restructure/planning', { plan }),
  bundled: (signal?: AbortSignal) => api.get<{ items: PlanJson[] }>('/admin/restructure/bundled', undefined, signal),
  plans: (signal?: AbortSignal) => api.get<{ items: StoredPlan[] }>('/admin/restructure', undefined, signal),
  submit: (plan: unknown, dryRun: boolean) => api.post<PlanAnswer>('/admin/restructure', { plan, dryRun }),
  undo: (planId: string) => api.post<{ planId: string; undone: boolean }>(`/admin/restructure/${encodeURIComponent(planId)}/undo`),
};
