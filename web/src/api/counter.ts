// Counter endpoints: the checklist of a procedure (and case), the communes at a date, the network's
// units (return points, unit names), filing a dossier, and the results waiting at the return unit.
import { api } from './client.ts';
import type { Fee } from './procedures.ts';

export interface ChecklistItem {
  name: string;
  optional: boolean;
  asked: { originals: number | null; copies: number | null; certifiedCopies: number | null; photocopies: number | null };
}

export interface Checklist {
  procedureCode: string;
  version: number;
  caseName: string | null;
  cases: string[];
  items: ChecklistItem[];
  fee: { fee: Fee; text: string } | null;
}

export function fetchChecklist(code: string, caseName: string | null, signal?: AbortSignal): Promise<Checklist> {
  return api.get<Checklist>(`/procedures/${encodeURIComponent(code)}/checklist`, { caseName: caseName ?? undefined }, signal);
}

export interface Commune {
  code: string;
  name: string;
  districtName: string | null;
  receptionPointCode: string | null;
}

export function fetchCommunes(signal?: AbortSignal): Promise<{ items: Commune[] }> {
  return api.get<{ items: Commune[] }>('/communes', undefined, signal);
}

export type UnitType = 'center' | 'branch' | 'reception_point' | 'agency';

export interface NetworkUnit {
  code: string;
  name: string;
  type: UnitType;
  parentCode: string | null;
  areaCode: string | null;
}

export function fetchUnits(signal?: AbortSignal): Promise<{ items: NetworkUnit[]; total: number }> {
  return api.get<{ items: NetworkUnit[]; total: number }>('/units', { limit: 1000 }, signal);
}

export interface ReceivedDocument {
  name: string;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
}

export interface Representative {
  fullName: string;
  idNumber: string;
  phone?: string;
  authorisation?: string;
}

export interface IntakeRequest {
  procedureCode: string;
  caseName?: string;
  applicant: {
    kind: 'citizen' | 'organization';
    fullName: string;
    idNumber?: string;
    taxCode?: string;
    phone: string;
    email?: string;
    address: { communeCode: string; detail?: string };
    representative?: Representative;
  };
  propertyCommuneCode?: string;
  documents: ReceivedDocument[];
  fee?: { amount: number; receiptNumber?: string };
  returnUnitCode: string;
  returnByPost: boolean;
  returnAddress?: string;
  ticketId?: string;
  idempotencyKey: string;
}

export interface IntakeAnswer {
  code: string;
  status: string;
  receivedAt: string;
  dueAt: string;
  receivingUnitCode: string;
  competentUnitCode: string;
  returnUnitCode: string;
}

export function fileDossier(request: IntakeRequest): Promise<IntakeAnswer> {
  return api.post<IntakeAnswer>('/dossiers', request);
}

/** The receipt (Mẫu 01) as a PDF, served by the forms route. */
export function receiptFormUrl(code: string): string {
  return `/api/v1/dossiers/${encodeURIComponent(code)}/forms/mau-01`;
}

export interface ReturnItem {
  code: string;
  procedureName: string;
  status: string;
  statusLabel: string;
  applicantName: string;
  applicantIdNumber: string | null;
  applicantKind: string;
  hasRepresentative: boolean;
  returnByPost: boolean;
  receivedAt: string;
  dueAt: string | null;
  overdue: boolean;
}

export function fetchResultsToReturn(q: string, signal?: AbortSignal): Promise<{ items: ReturnItem[]; total: number }> {
  return api.get<{ items: ReturnItem[]; total: number }>('/dossiers', { side: 'return', status: 'result_ready', q: q.trim() || undefined, limit: 50 }, signal);
}

export interface ReturnRequest {
  type: 'return_result';
  idempotencyKey: string;
  method: 'counter' | 'post';
  recipientName?: string;
  recipientRole?: 'applicant' | 'representative';
  recipientIdNumber?: string;
  authorisation?: string;
  postalTrackingNumber?: string;
  note?: string;
}

export function returnResult(code: string, request: ReturnRequest): Promise<{ code: string; status: string; at: string }> {
  return api.post(`/dossiers/${encodeURIComponent(code)}/actions`, request);
}
