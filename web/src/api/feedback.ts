// Questions and feedback: the public form and tracking, the public Q&A, and the officers' desk.
import { api, apiUrl, ApiError, errorFromBody } from './client.ts';

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
  attachments?: Array<{ fileName: string; size: number }>;
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

export interface UnitOpenCount { unitCode: string; unitName: string; open: number; overdue: number }

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
  attachments: FeedbackAttachment[];
  channel: 'portal' | 'counter';
}

export interface FeedbackAttachment {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  uploadedBy: 'sender' | 'staff';
  uploaderUsername: string | null;
  uploadedAt: string;
  downloadUrl: string;
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
  api.get<{ items: FeedbackSummary[]; total: number; byUnit: UnitOpenCount[] }>('/feedback', { filter: query.filter, subtree: query.subtree ? true : undefined, limit: 100 }, signal);
export const fetchFeedback = (code: string, signal?: AbortSignal) => api.get<FeedbackDetail>(`/feedback/${encodeURIComponent(code)}`, undefined, signal);
export const actOnFeedback = (code: string, body: { type: FeedbackAction; idempotencyKey: string; text?: string; reason?: string; toUnitCode?: string }) =>
  api.post<{ status: FeedbackStatus; unitCode: string }>(`/feedback/${encodeURIComponent(code)}/actions`, body);
export const fetchDossierComplaints = (dossierCode: string, signal?: AbortSignal) =>
  api.get<{ items: DossierComplaint[] }>(`/dossiers/${encodeURIComponent(dossierCode)}/complaints`, undefined, signal);

/** An officer enters a message at a counter on the citizen's behalf. */
export const submitFeedbackAtCounter = (body: FeedbackSubmission & { idempotencyKey: string }) => api.post<SubmitAnswer>('/feedback', body);

export const ACCEPTED_FEEDBACK_FILES = 'application/pdf,image/jpeg,image/png';
export const MAX_FEEDBACK_FILES = 5;

/**
 * Sends one file with a message, as the raw body: `sender` with the tracking code and phone (the portal,
 * right after sending), `staff` for what an officer entered at a counter.
 */
export async function uploadFeedbackFile(code: string, file: File, idempotencyKey: string, by: { kind: 'sender'; phone: string } | { kind: 'staff' }) {
  const path = `${by.kind === 'sender' ? '/public' : ''}/feedback/${encodeURIComponent(code)}/attachments`;
  const url = apiUrl(path, { fileName: file.name, idempotencyKey, ...(by.kind === 'sender' ? { phone: by.phone } : {}) });
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' }, body: file, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '');
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) throw errorFromBody(response.status, data);
  return data as Omit<FeedbackAttachment, 'downloadUrl'>;
}
