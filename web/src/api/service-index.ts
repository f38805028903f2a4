// The service index (GET /stats/index-766) and the Circular 01/2018 evaluation (GET /stats/evaluation).
import { api } from './client.ts';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface IndexQuery {
  unitCode?: string;
  period?: PeriodKind;
  at?: string;
  /** asOf (the units of `structureAt`) or mapped (today's successors): the rows per unit below. */
  structure?: string;
  structureAt?: string;
}

export interface IndicatorScore {
  id: string;
  group: string;
  maxPoints: number;
  status: 'scored' | 'no_data' | 'not_measured';
  points: number | null;
  percent: number | null;
  count: number | null;
  total: number | null;
  fullAtPercent: number;
  rule: 'rate' | 'share_of_legal_time';
  thresholdSource: 'domain' | 'assumption';
  reason: string | null;
  drill: { measure: string; channel?: string } | null;
}

export interface GroupScore {
  id: string;
  maxPoints: number;
  points: number;
  measuredMaxPoints: number;
  indicators: IndicatorScore[];
}

export interface PeriodView {
  kind: PeriodKind;
  label: string;
  from: string;
  to: string;
}

export interface ServiceIndex {
  unitCode: string;
  unitName: string;
  period: PeriodView;
  maxPoints: number;
  points: number;
  measuredMaxPoints: number;
  groups: GroupScore[];
  byUnit: Array<{ unitCode: string; unitName: string; points: number; measuredMaxPoints: number; groups: Array<{ id: string; points: number; maxPoints: number; measuredMaxPoints: number }> }>;
  config: { source: 'default' | 'configured' };
  structure?: { mode: 'asOf' | 'mapped'; at: string };
}

export interface UnitEvaluation {
  dossiers: number;
  indices: Record<string, number | null>;
  score: number;
  measuredMax: number;
  scaledScore: number | null;
  band: string | null;
  bandLabel: string | null;
}

export interface Evaluation {
  unitCode: string;
  unitName: string;
  period: PeriodView;
  unit: UnitEvaluation;
  byUnit: Array<UnitEvaluation & { unitCode: string; unitName: string }>;
  officers: Array<{ username: string; fullName: string | null; unitName: string | null; dossiers: number; score: number; band: string; bandLabel: string; indices: Record<string, number> }>;
  structure?: { mode: 'asOf' | 'mapped'; at: string };
}

export const fetchServiceIndex = (q: IndexQuery, signal?: AbortSignal) => api.get<ServiceIndex>('/stats/index-766', { ...q }, signal);
export const fetchEvaluation = (q: IndexQuery, signal?: AbortSignal) => api.get<Evaluation>('/stats/evaluation', { ...q }, signal);
