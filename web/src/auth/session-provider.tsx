// Holds the signed-in officer's profile. The session token lives in an httpOnly cookie; on load we ask
// the server who we are (GET /auth/me) instead of keeping anything in storage.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchCurrentUser, login, logout, type StaffUser } from '../api/auth.ts';
import { SessionContext, type Session, type SessionApi } from './session-context.ts';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchCurrentUser(controller.signal).then(
      (user) => setSession(user ? { status: 'signed-in', user } : { status: 'anonymous' }),
      (error: unknown) => {
        if (!controller.signal.aborted) setSession({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [generation]);

  const signIn = useCallback(async (username: string, password: string): Promise<StaffUser> => {
    const { user } = await login(username, password);
    setSession({ status: 'signed-in', user });
    return user;
  }, []);

  const signOut = useCallback(async () => {
    await logout();
    setSession({ status: 'anonymous' });
  }, []);

  const refresh = useCallback(() => {
    setSession({ status: 'loading' });
    setGeneration((g) => g + 1);
  }, []);

  const value = useMemo<SessionApi>(() => ({ session, signIn, signOut, refresh }), [session, signIn, signOut, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
