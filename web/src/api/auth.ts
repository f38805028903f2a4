// Staff authentication endpoints. The session itself is an httpOnly cookie set by the server;
// the app keeps only the user's public profile in memory.
import { api, isApiError } from './client.ts';

export const ROLES = ['admin', 'reception', 'processing', 'leader', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export interface StaffUser {
  username: string;
  fullName: string;
  unitCode: string;
  unitName: string;
  roles: string[];
}

export interface LoginResult {
  token: string;
  expiresAt?: string;
  user: StaffUser;
}

export function login(username: string, password: string): Promise<LoginResult> {
  return api.post<LoginResult>('/auth/login', { username, password });
}

/** The signed-in user, or null when there is no valid session (401). */
export async function fetchCurrentUser(signal?: AbortSignal): Promise<StaffUser | null> {
  try {
    const body = await api.get<{ user: StaffUser } | StaffUser>('/auth/me', undefined, signal);
    return 'user' in body ? body.user : body;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export async function logout(): Promise<void> {
  try {
    await api.post<{ ok: boolean }>('/auth/logout');
  } catch (error) {
    // An already-expired session is as good as signed out.
    if (!(isApiError(error) && error.status === 401)) throw error;
  }
}

export function hasAnyRole(user: StaffUser, roles: readonly Role[]): boolean {
  return user.roles.some((role) => (roles as readonly string[]).includes(role));
}
