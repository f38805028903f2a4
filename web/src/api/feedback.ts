// Questions and feedback: the public form and tracking, the public Q&A, and the officers' desk.
import { api } from './client.ts';

export type FeedbackKind = 'question' | 'feedback' | 'complaint' | 'suggestion';
export const FEEDBACK_KINDS: readonly FeedbackKind[] = ['question', 'feedback', 'complaint', 'suggestion'];
export type FeedbackStatus = 'received' | 'accepted' | 'refused' | 'info_requested' | 'answered' | 'published';
export type Urgency = 'none' | 'open' | 'due_soon' | 'overdue';

export interface FeedbackSubmission {
  kind: FeedbackKind;
  procedureCode?: string;
  dossierCode?: string;
  fullName: string;
  phone: string;
  email?: string;
  text: string;
  website?: string;
  idempotencyKey?: string;
}

export interface SubmitAnswer { code: string; status: FeedbackStatus; dueAt: string }

export interface TrackedFeedback {
  code: string;
  kind: FeedbackKind;
  kindLabel: string;
  status: FeedbackStatus;
  statusLabel: string;
  procedureName: string | null;
  text: string;
  receivedAt: string;
  dueAt: string;
  unitName: string;
  answer: string | null;
  answeredAt: string | null;
  refusalReason: string | null;
  infoRequest: string | null;
  rating: { satisfied: boolean; at: string } | null;
  canRate: boolean;
  steps: Array<{ at: string; label: string; statusLabel: string }>;
}

export interface PublicQuestion {
  id: string;
  kindLabel: string;
  procedureCode: string | null;
  field: string | null;
  question: string;
  answer: string;
  unitName: string;
  publishedAt: string;
}

export interface FeedbackSummary {
  code: string;
  kind: FeedbackKind;
  kindLabel: string;
  status: FeedbackStatus;
  statusLabel: string;
  unitCode: string;
  procedureName: string | null;
  field: string | null;
  fullName: string;
  excerpt: string;
  receivedAt: string;
  nextDueAt: string | null;
  dueAt: string;
  urgency: Urgency;
  dossierLinked: boolean;
}

export type FeedbackAction = 'accept' | 'refuse' | 'request_info' | 'info_received' | 'answer' | 'publish' | 'reassign';

export interface FeedbackDetail extends FeedbackSummary {
  unitName: string;
  text: string;
  phone: string;
  email: string | null;
  answer: string | null;
  claimedDossierCode: string | null;
  dossierCode: string | null;
  rating: { satisfied: boolean } | null;
  deadlines: Array<{ kind: 'refuse' | 'request_info' | 'resolve' | 'publish'; dueAt: string; doneAt: string | null; state: string }>;
  allowedActions: FeedbackAction[];
  history: Array<{ seq: number; label: string; at: string; actorUsername: string | null; actorUnitCode: string | null; toUnitName: string | null; text: string | null }>;
  notifications: Array<{ channel: string; template: string; status: string; createdAt: string }>;
}

export interface DossierComplaint { code: string; kindLabel: string; statusLabel: string; receivedAt: string; text: string; answer: string | null }

export const submitFeedback = (body: FeedbackSubmission) => api.post<SubmitAnswer>('/public/feedback', body);
export const trackFeedback = (code: string, phone: string, signal?: AbortSignal) =>
  api.get<TrackedFeedback>(`/public/feedback/${encodeURIComponent(code)}`, { phone }, signal);
export const rateFeedback = (code: string, phone: string, satisfied: boolean) =>
  api.post<unknown>(`/public/feedback/${encodeURIComponent(code)}/rating`, { phone, satisfied });
export const addInformation = (code: string, phone: string, text: string) =>
  api.post<unknown>(`/public/feedback/${encodeURIComponent(code)}/information`, { phone, text });
export const searchQuestions = (query: { q?: string; procedureCode?: string; limit?: number }, signal?: AbortSignal) =>
  api.get<{ items: PublicQuestion[]; total: number }>('/public/questions', query, signal);

export const fetchFeedbackList = (query: { filter: 'open' | 'overdue' | 'all'; subtree?: boolean }, signal?: AbortSignal) =>
  api.get<{ items: FeedbackSummary[]; total: number }>('/feedback', { filter: query.filter, subtree: query.subtree ? true : undefined, limit: 100 }, signal);
export const fetchFeedback = (code: string, signal?: AbortSignal) => api.get<FeedbackDetail>(`/feedback/${encodeURIComponent(code)}`, undefined, signal);
export const actOnFeedback = (code: string, body: { type: FeedbackAction; idempotencyKey: string; text?: string; reason?: string; toUnitCode?: string }) =>
  api.post<{ status: FeedbackStatus; unitCode: string }>(`/feedback/${encodeURIComponent(code)}/actions`, body);
export const fetchDossierComplaints = (dossierCode: string, signal?: AbortSignal) =>
  api.get<{ items: DossierComplaint[] }>(`/dossiers/${encodeURIComponent(dossierCode)}/complaints`, undefined, signal);
