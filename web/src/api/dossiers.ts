// Dossier endpoints: the officer's inbox, one dossier with its clock, timeline and allowed actions, one
// action on it, and the citizen's public lookup (code + phone or ID number).
import { api } from './client.ts';
import type { DossierWorkflowView, PaperTransferView, StepKey, SubDossierView } from './workflow.ts';

export type DossierStatus =
  | 'received'
  | 'transferred'
  | 'processing'
  | 'awaiting_supplement'
  | 'paused'
  | 'approved'
  | 'result_ready'
  | 'returned'
  | 'rejected'
  | 'withdrawn';

export const DOSSIER_STATUSES: readonly DossierStatus[] = [
  'received', 'transferred', 'processing', 'awaiting_supplement', 'paused',
  'approved', 'result_ready', 'returned', 'rejected', 'withdrawn',
];

export type ActionType =
  | 'transfer' | 'assign' | 'forward' | 'request_supplement' | 'receive_supplement' | 'pause' | 'resume'
  | 'extend' | 'reject' | 'approve' | 'record_result' | 'return_result' | 'withdraw';

export interface InboxItem {
  code: string;
  procedureName: string;
  status: string;
  statusLabel: string;
  applicantName: string;
  /** Masked by the server. */
  applicantIdNumber: string;
  receivingUnitCode: string;
  competentUnitCode: string;
  returnUnitCode: string;
  receivedAt: string;
  dueAt: string | null;
  overdue: boolean;
  dueSoon?: boolean;
  remainingText?: string | null;
  currentStep?: StepKey | null;
  currentStepName?: string | null;
  handlerUsername?: string | null;
}

export interface InboxPage {
  items: InboxItem[];
  total: number;
  /** Inter-agency sub-dossiers this unit coordinates: shown apart, never counted as dossiers. */
  subDossiers?: { total: number; items: SubDossierView[] };
}

export interface InboxQuery {
  status?: string;
  subtree?: boolean;
  step?: string;
  overdue?: boolean;
  /** A username, `me` or `none`. */
  handler?: string;
  limit?: number;
  offset?: number;
}

export function fetchInbox(query: InboxQuery, signal?: AbortSignal): Promise<InboxPage> {
  return api.get<InboxPage>('/dossiers', { status: query.status, subtree: query.subtree || undefined, step: query.step, overdue: query.overdue || undefined,
    handler: query.handler, limit: query.limit, offset: query.offset }, signal);
}

export interface DossierClock {
  phase: string;
  dueAt: string | null;
  remainingText: string;
  overdue: boolean;
  dueSoon: boolean;
  outcome: string | null;
}

export interface TimelineEvent {
  seq: number;
  type: string;
  label: string;
  at: string;
  actorUsername: string | null;
  actorUnitCode: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
}

export interface Applicant {
  kind?: string;
  fullName?: string;
  idNumber?: string;
  phone?: string;
  address?: { communeCode?: string; line?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface Dossier {
  code: string;
  status: string;
  statusLabel: string;
  portalStatusCode: number;
  procedureName: string;
  applicant: Applicant;
  receivingUnitCode: string;
  competentUnitCode: string;
  returnUnitCode: string;
  receivingUnitName: string;
  competentUnitName: string;
  returnUnitName: string;
  receivedAt: string;
  dueAt: string | null;
  handlerUsername: string | null;
  clock: DossierClock;
  allowedActions: string[];
  timeline: TimelineEvent[];
  workflow?: DossierWorkflowView;
  paperTransfers?: PaperTransferView[];
  subDossiers?: SubDossierView[];
}

export function fetchDossier(code: string, signal?: AbortSignal): Promise<Dossier> {
  return api.get<Dossier>(`/dossiers/${encodeURIComponent(code)}`, undefined, signal);
}

export interface ActionRequest {
  type: ActionType;
  idempotencyKey: string;
  note?: string;
  reason?: string;
  assignee?: string;
  toStep?: string;
  direction?: 'next' | 'back';
  resultNumber?: string;
  signer?: string;
  signedAt?: string;
  method?: 'counter' | 'post';
  recipientName?: string;
  postalTrackingNumber?: string;
  extension?: { kind: 'added'; days: number };
}

export interface ActionAnswer {
  code: string;
  action: string;
  seq: number;
  status: string;
  dueAt: string | null;
  at: string;
}

export function actOnDossier(code: string, request: ActionRequest): Promise<ActionAnswer> {
  return api.post<ActionAnswer>(`/dossiers/${encodeURIComponent(code)}/actions`, request);
}

export interface PublicStep {
  at: string;
  status: string;
  statusLabel: string;
}

export interface PublicDossier {
  code: string;
  procedureName: string;
  applicantInitials: string;
  status: string;
  statusLabel: string;
  receivedAt: string;
  dueAt: string | null;
  returnedAt: string | null;
  currentStep: string | null;
  returnUnitName: string | null;
  steps: PublicStep[];
}

export interface LookupQuery {
  code: string;
  /** A phone number or a 12-digit ID number; sent as the one it looks like. */
  contact: string;
}

/** A 9–12 digit CCCD/CMND is sent as idNumber, anything else as phone. */
export function lookupParams(contact: string): { phone?: string; idNumber?: string } {
  const value = contact.replace(/[\s.-]/g, '');
  if (/^\d{12}$/.test(value) || (/^\d{9}$/.test(value) && !value.startsWith('0'))) return { idNumber: value };
  return { phone: value };
}

export function lookupDossier(query: LookupQuery, signal?: AbortSignal): Promise<PublicDossier> {
  return api.get<PublicDossier>(`/public/dossiers/${encodeURIComponent(query.code.trim())}`, lookupParams(query.contact), signal);
}
