// The dossier's workflow beyond its status: steps with deadlines, the paper file's journey, inter-agency
// sub-dossiers, and the leader's view of the unit's work.
import { newIdempotencyKey } from '../calendar/edit/idempotency-key.ts';
import { api } from './client.ts';

export type StepKey = 'receive' | 'forward' | 'assign' | 'process' | 'review' | 'approve' | 'deliver_result' | 'return';
export const STEP_KEYS: readonly StepKey[] = ['receive', 'forward', 'assign', 'process', 'review', 'approve', 'deliver_result', 'return'];

export interface WorkflowStepView {
  key: StepKey;
  name: string;
  role: string;
  side: string;
  budgetMinutes: number;
  dueAt: string | null;
  state: 'done' | 'current' | 'upcoming';
}

export interface DossierWorkflowView {
  source: 'version' | 'version_phases' | 'default';
  currentStep: StepKey | null;
  currentStepName: string | null;
  stepDueAt: string | null;
  stepOverdue: boolean;
  steps: WorkflowStepView[];
}

export interface Handover {
  username: string;
  unitCode: string;
  at: string;
}

export type PaperWatch = 'overdue' | 'due_soon' | 'on_track' | 'no_deadline' | 'in_transit' | 'delivered' | 'cancelled';

export interface PaperTransferView {
  dossierCode: string;
  seq: number;
  purpose: 'dossier' | 'supplement' | 'result';
  purposeLabel: string;
  fromUnitCode: string;
  fromUnitName: string;
  toUnitCode: string;
  toUnitName: string;
  readyAt: string;
  deadline: string | null;
  sent: Handover | null;
  received: Handover | null;
  cancelledAt: string | null;
  watch: PaperWatch;
  late: boolean;
  lateByMinutes: number;
  procedureName?: string;
}

export interface SubDossierView {
  code: string;
  parentCode: string;
  coordinatingUnitCode: string;
  coordinatingUnitName: string;
  request: string;
  status: 'open' | 'answered' | 'closed';
  statusLabel: string;
  openedBy: string;
  openedAt: string;
  dueAt: string;
  overdue: boolean;
  assigneeUsername: string | null;
  answer: string | null;
  answeredBy: string | null;
  closeReason: string | null;
}

export function recordPaperHandover(code: string, seq: number, kind: 'dispatch' | 'receipt', note?: string): Promise<unknown> {
  return api.post(`/dossiers/${encodeURIComponent(code)}/paper-transfers/${seq}/${kind}`, { idempotencyKey: newIdempotencyKey(), ...(note ? { note } : {}) });
}

export interface PaperWatchPage {
  total: number;
  overdue: number;
  dueSoon: number;
  items: PaperTransferView[];
}

export function fetchPaperWatch(query: { direction?: 'outgoing' | 'incoming' | 'both'; watch?: string; subtree?: boolean }, signal?: AbortSignal): Promise<PaperWatchPage> {
  return api.get<PaperWatchPage>('/paper-transfers', { direction: query.direction, watch: query.watch, subtree: query.subtree || undefined }, signal);
}

export function openSubDossier(code: string, body: { coordinatingUnitCode: string; request: string; days: number }): Promise<SubDossierView> {
  return api.post<SubDossierView>(`/dossiers/${encodeURIComponent(code)}/sub-dossiers`, { ...body, idempotencyKey: newIdempotencyKey() });
}

export function actOnSubDossier(code: string, body: { type: 'assign' | 'answer' | 'close'; assignee?: string; answer?: string; reason?: string }): Promise<SubDossierView> {
  return api.post<SubDossierView>(`/sub-dossiers/${encodeURIComponent(code)}/actions`, { ...body, idempotencyKey: newIdempotencyKey() });
}

export interface WorkloadItem {
  code: string;
  procedureName: string;
  status: string;
  statusLabel: string;
  dueAt: string | null;
  currentStep: StepKey | null;
  currentStepName: string | null;
  stepDueAt: string | null;
  stepOverdue: boolean;
  handlerUsername: string | null;
  awaitingAssignment: boolean;
  remainingText: string | null;
  overdue: boolean;
  dueSoon: boolean;
}

export interface Tally {
  open: number;
  overdue: number;
  dueSoon: number;
  stepOverdue: number;
}

export interface WorkloadOfficer extends Tally {
  username: string;
  fullName: string;
  unitCode: string | null;
  roles: string[];
  active: boolean;
}

export interface Workload {
  unitCode: string;
  unitName: string;
  at: string;
  totals: Tally;
  unassigned: Tally;
  officers: WorkloadOfficer[];
  items: WorkloadItem[];
  truncated: boolean;
  subDossiers: { total: number; items: SubDossierView[] };
}

export function fetchWorkload(unitCode: string | undefined, signal?: AbortSignal): Promise<Workload> {
  return api.get<Workload>('/desk/workload', { unitCode }, signal);
}
