// Staff administration, the audit log viewer and an officer's own account.
import { api, type QueryValue } from './client.ts';

export interface StaffListItem {
  username: string;
  fullName: string;
  unitCode: string;
  unitName: string;
  roles: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
  counterCodes: string[];
  serviceGroups: string[];
}

export interface StaffQuery {
  q?: string;
  unitCode?: string;
  role?: string;
  active?: string;
  offset?: number;
}

export const PAGE_SIZE = 50;
const u = encodeURIComponent;
const clean = (query: object): Record<string, QueryValue> =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '' && v !== undefined)) as Record<string, QueryValue>;

export const staffApi = {
  list: (query: StaffQuery, signal?: AbortSignal) =>
    api.get<{ items: StaffListItem[]; total: number }>('/admin/users', clean({ ...query, limit: PAGE_SIZE }), signal),
  create: (body: { username: string; fullName: string; unitCode: string; roles: string[]; password: string; idempotencyKey: string }) =>
    api.post<StaffListItem>('/admin/users', body),
  update: (username: string, body: { active?: boolean; unitCode?: string; roles?: string[]; counterCodes?: string[]; serviceGroups?: string[] }) => api.patch<StaffListItem>(`/admin/users/${u(username)}`, body),
  signOut: (username: string) => api.post<{ username: string; sessionsEnded: number }>(`/admin/users/${u(username)}/sign-out`),
  resetLink: (username: string) => api.post<{ username: string; token: string; path: string; expiresAt: string }>(`/admin/users/${u(username)}/password-reset`),
};

export interface AuditEntry {
  id: number;
  at: string;
  actorUsername: string | null;
  actorRoles: string[];
  actorUnitCode: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: unknown;
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  offset?: number;
}

export const auditApi = {
  list: (query: AuditQuery, signal?: AbortSignal) =>
    api.get<{ items: AuditEntry[]; total: number }>('/admin/audit', clean({ ...query, limit: PAGE_SIZE }), signal),
};

export interface OwnSession {
  id: string;
  current: boolean;
  createdAt: string;
  expiresAt: string;
  address: string | null;
  userAgent: string | null;
}

export const accountApi = {
  changePassword: (currentPassword: string, newPassword: string) => api.post<{ sessionsEnded: number }>('/auth/password', { currentPassword, newPassword }),
  sessions: (signal?: AbortSignal) => api.get<{ items: OwnSession[] }>('/auth/sessions', undefined, signal),
  revokeOthers: () => api.post<{ sessionsEnded: number }>('/auth/sessions/revoke-others'),
  resetPassword: (token: string, password: string) => api.post<{ username: string }>('/auth/password-reset', { token, password }),
};
