import { createContext, useContext } from 'react';
import type { StaffUser } from '../api/auth.ts';

export type Session =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'anonymous' }
  | { status: 'signed-in'; user: StaffUser };

export interface SessionApi {
  session: Session;
  /** Signs in; throws ApiError on failure so the form can show it. */
  signIn(username: string, password: string): Promise<StaffUser>;
  signOut(): Promise<void>;
  /** Re-reads the session from GET /auth/me. */
  refresh(): void;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
