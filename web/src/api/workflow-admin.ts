// The workflow template editor's API: a version's template with the path of a dossier received now,
// a draft's check (no write), and saving the draft as a new procedure version.
import { api } from './client.ts';

export interface TemplateStep { key: string; name: string; role: string; side: string; budgetMinutes: number; next: string[] | null }
export interface PathPreview { receivedAt: string; dueAt: string; calendarUnitCode: string | null; steps: Array<TemplateStep & { dueAt: string }> }
export interface WorkflowProblem { code: string; message: string; step?: string }

export interface WorkflowTemplateView {
  procedureCode: string;
  name: string;
  version: number;
  currentVersion: number;
  validFrom: string;
  validTo: string | null;
  timeLimit: string;
  limitMinutes: number | null;
  nominal: boolean;
  supplementPolicy: 'restart' | 'pause';
  source: 'version' | 'version_phases' | 'default';
  steps: TemplateStep[];
  stepChoices: Array<{ key: string; name: string; side: string; roles: string[] }>;
  supplementPolicies: Array<{ value: string; label: string }>;
  preview: PathPreview | null;
}

export interface DraftStep { key: string; name?: string; role: string; budgetMinutes: number; next?: string[] }
export interface WorkflowDraft { steps: DraftStep[]; supplementPolicy: string }
export interface DraftPreview { valid: boolean; problems: WorkflowProblem[]; totalMinutes: number; limitMinutes: number | null; preview: PathPreview | null }
export interface SavedVersion { procedureCode: string; version: number; previousVersion: number; validFrom: string; supplementPolicy: string; steps: TemplateStep[] }

const base = (code: string) => `/admin/procedures/${encodeURIComponent(code)}`;

export const workflowAdminApi = {
  template: (code: string, signal?: AbortSignal) => api.get<WorkflowTemplateView>(`${base(code)}/workflow`, undefined, signal),
  preview: (code: string, draft: WorkflowDraft) => api.post<DraftPreview>(`${base(code)}/workflow/preview`, draft),
  save: (code: string, draft: WorkflowDraft & { baseVersion: number; idempotencyKey: string }) => api.post<SavedVersion>(`${base(code)}/workflow-versions`, draft),
};
