// Procedure catalog endpoints: search (accent-insensitive, typo-tolerant), one procedure as published,
// the fields with their counts.
import { api } from './client.ts';

export type ProcedureLevel = 'province' | 'district' | 'commune';
export const PROCEDURE_LEVELS: readonly ProcedureLevel[] = ['province', 'district', 'commune'];
export type OnlineLevel = 'full' | 'partial' | 'none';
export const ONLINE_LEVELS: readonly OnlineLevel[] = ['full', 'partial', 'none'];
export type ChannelKind = 'direct' | 'online' | 'postal';

export interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  fieldCode: string | null;
  level: ProcedureLevel;
  levels: string[];
  locationFree: boolean;
  /** Normalised time limit; both null when the published text could not be read. */
  processingDays: number | null;
  processingHours: number | null;
  onlineLevel: OnlineLevel;
  version: number;
}

export interface ProcedureSearch {
  items: ProcedureSummary[];
  total: number;
  /** The query after typo correction, when the words as typed found nothing. */
  correctedQuery: string | null;
}

export interface ProcedureQuery {
  q?: string;
  locationFree?: boolean;
  level?: ProcedureLevel;
  field?: string;
  onlineLevel?: OnlineLevel;
  limit?: number;
  offset?: number;
}

export interface Duration {
  unit: 'days' | 'hours' | 'sameDay' | 'sameDayOrNextIfAfter' | 'unparsed';
  value?: number;
  cutoff?: string;
  /** The published text, for unparsed. */
  text?: string;
  reason?: string;
}

export interface Fee {
  kind: 'free' | 'amount' | 'unspecified' | 'unparsed';
  amount?: number;
  currency?: 'VND' | 'USD';
  text?: string;
}

export interface ChannelTerms {
  channel: ChannelKind;
  portalCode: number;
  duration: Duration;
  durationText: string;
  fee: Fee;
  feeText: string;
  note: string;
}

export interface RequiredDocument {
  name: string;
  originals: number | null;
  copies: number | null;
  certifiedCopies: number | null;
  photocopies: number | null;
  template: string | null;
}

export interface ProcedureProblem {
  code: string;
  severity: 'unparsed' | 'review';
  path: string;
  text: string;
  message: string;
}

export interface Procedure {
  code: string;
  version: number;
  validFrom: string;
  name: string;
  field: string;
  level: ProcedureLevel;
  levels: string[];
  locationFree: boolean;
  whereToFile: 'any_unit' | 'own_area';
  onlineLevel: OnlineLevel;
  mustFileInOwnArea: boolean;
  onlinePaymentRequired: boolean;
  digitallySignedResult: boolean;
  processingDays: number | null;
  processingHours: number | null;
  timeLimit: Duration;
  issuingMinistry: string | null;
  publishingDecision: string | null;
  applicants: string | null;
  agencies: {
    competent: string | null;
    implementing: string | null;
    authorized: string | null;
    coordinating: string | null;
    receivingAddress: string | null;
  };
  channels: ChannelTerms[];
  documents: RequiredDocument[];
  cases: { name: string; documents: RequiredDocument[]; channels: ChannelTerms[] }[];
  results: { name: string; code: string | null }[];
  conditions: string | null;
  legalBasis: string | null;
  steps: string | null;
  problems: ProcedureProblem[];
  sourceUrl: string | null;
}

export interface ProcedureField {
  field: string;
  fieldCode: string | null;
  count: number;
}

export function searchProcedures(query: ProcedureQuery, signal?: AbortSignal): Promise<ProcedureSearch> {
  return api.get<ProcedureSearch>('/procedures', { ...query }, signal);
}

export function fetchProcedure(code: string, signal?: AbortSignal): Promise<Procedure> {
  return api.get<Procedure>(`/procedures/${encodeURIComponent(code)}`, undefined, signal);
}

export function fetchProcedureFields(signal?: AbortSignal): Promise<{ items: ProcedureField[] }> {
  return api.get<{ items: ProcedureField[] }>('/procedure-fields', undefined, signal);
}
