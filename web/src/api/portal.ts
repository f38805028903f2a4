// Citizen portal endpoints: the signed-in citizen (own cookie), online filing, my dossiers, the online
// supplement, fee payment (and the demo gateway), and the satisfaction rating.
import { ApiError, api, isApiError } from './client.ts';

export interface CitizenProfile {
  fullName: string;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  communeCode: string | null;
  addressDetail: string | null;
  /** One-time code: a citizen known only by a phone or e-mail (follows dossiers, cannot file). */
  signInMethod?: 'identity_provider' | 'one_time_code';
}

export const CITIZEN_LOGIN_URL = (returnTo: string) => `/api/v1/citizen/auth/login?returnTo=${encodeURIComponent(returnTo)}`;

/** The signed-in citizen, or null when signed out; an expired session is reported as such. */
export async function fetchCitizen(signal?: AbortSignal): Promise<{ citizen: CitizenProfile | null; expired: boolean }> {
  try {
    return { citizen: (await api.get<{ citizen: CitizenProfile }>('/citizen/me', undefined, signal)).citizen, expired: false };
  } catch (error) {
    if (isApiError(error) && error.status === 401) return { citizen: null, expired: error.code === 'CITIZEN_SESSION_EXPIRED' };
    throw error;
  }
}

/** Which sign-in methods the province offers. */
export function fetchSignInMethods(signal?: AbortSignal): Promise<{ identityProvider: boolean; oneTimeCode: boolean }> {
  return api.get('/citizen/auth/methods', undefined, signal);
}

export interface OtpRequestAnswer {
  channel: 'sms' | 'email';
  sentTo: string;
  expiresAt: string;
  resendAfterSeconds: number;
}

export function requestSignInCode(destination: string): Promise<OtpRequestAnswer> {
  return api.post<OtpRequestAnswer>('/citizen/auth/otp/request', { destination });
}

export function verifySignInCode(destination: string, code: string, returnTo: string): Promise<{ returnTo: string }> {
  return api.post<{ returnTo: string }>('/citizen/auth/otp/verify', { destination, code, returnTo });
}

export function logoutCitizen(): Promise<unknown> {
  return api.post('/citizen/auth/logout');
}

export type ResultDelivery = 'unit' | 'online' | 'post';

export interface FilingRequest {
  procedureCode: string;
  caseName?: string;
  applicant: { fullName: string; idNumber: string; phone: string; email?: string; address: { communeCode: string; detail?: string } };
  receivingUnitCode: string;
  resultDelivery: ResultDelivery;
  returnUnitCode?: string;
  postalAddress?: string;
  documents: Array<{ name: string }>;
  note?: string;
  idempotencyKey: string;
}

export interface FilingAnswer {
  code: string;
  status: string;
  submittedAt: string;
  feeAmount: number;
}

export function fileOnline(request: FilingRequest): Promise<FilingAnswer> {
  return api.post<FilingAnswer>('/citizen/dossiers', request);
}

export type Expected =
  | { kind: 'pay'; amount: number }
  | { kind: 'wait_receipt' }
  | { kind: 'supplement'; reason: string | null; missingDocuments: string[]; requestedAt: string }
  | { kind: 'wait' }
  | { kind: 'collect'; where: ResultDelivery; unitName: string }
  | { kind: 'rate' }
  | { kind: 'done' }
  | { kind: 'refused'; reason: string | null };

export interface Payment {
  id: string;
  amount: number;
  status: 'pending' | 'paid' | 'failed' | 'expired';
  createdAt: string;
  expiresAt: string;
  completedAt: string | null;
  redirectUrl: string;
}

export interface CitizenDossier {
  code: string;
  procedureName: string;
  status: string;
  statusLabel: string;
  portalStatusCode: number;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  remainingText: string | null;
  overdue: boolean;
  receivingUnitName: string;
  returnUnitName: string;
  resultDelivery: ResultDelivery;
  postalAddress: string | null;
  fee: { amount: number; paid: boolean; payments: Payment[] };
  attachments: Array<{ id: string; documentName: string | null; fileName: string; size: number; uploadedAt: string; byMe: boolean }>;
  supplementRequest: { reason: string | null; missingDocuments: string[]; requestedAt: string } | null;
  rating: { overall: string; ratedAt: string; points: number } | null;
  expected: Expected;
  timeline: Array<{ seq: number; at: string; type: string; label: string; status: string; statusLabel: string; reason: string | null; unitName: string | null }>;
}

export type CitizenDossierSummary = Pick<CitizenDossier, 'code' | 'procedureName' | 'status' | 'statusLabel' | 'submittedAt' | 'receivedAt' | 'dueAt' | 'expected'>;

export function fetchMyDossiers(signal?: AbortSignal): Promise<{ items: CitizenDossierSummary[]; total: number }> {
  return api.get('/citizen/dossiers', undefined, signal);
}

export function fetchMyDossier(code: string, signal?: AbortSignal): Promise<CitizenDossier> {
  return api.get(`/citizen/dossiers/${encodeURIComponent(code)}`, undefined, signal);
}

export function sendSupplement(code: string, documents: Array<{ name: string }>, note: string | undefined, idempotencyKey: string): Promise<unknown> {
  return api.post(`/citizen/dossiers/${encodeURIComponent(code)}/supplement`, { documents, ...(note ? { note } : {}), idempotencyKey });
}

export function startPayment(code: string): Promise<Payment> {
  return api.post(`/citizen/dossiers/${encodeURIComponent(code)}/payments`);
}

export function fetchDemoPayment(id: string, signal?: AbortSignal): Promise<Payment & { dossierCode: string }> {
  return api.get(`/demo-gateway/payments/${encodeURIComponent(id)}`, undefined, signal);
}

export function completeDemoPayment(id: string, outcome: 'success' | 'failure' | 'timeout'): Promise<{ status: string; dossierCode: string }> {
  return api.post(`/demo-gateway/payments/${encodeURIComponent(id)}/complete`, { outcome });
}

export interface RatingRequest {
  overall: 'very_satisfied' | 'satisfied' | 'dissatisfied';
  criteria: { time: string; contacts: string; agencies: string; attitude: string };
  comment?: string;
  phone?: string;
  idNumber?: string;
  kiosk?: boolean;
}

export function rateDossier(code: string, rating: RatingRequest): Promise<{ code: string; overall: string; points: number }> {
  return api.post(`/public/dossiers/${encodeURIComponent(code.trim())}/rating`, rating);
}

export { ApiError };
