/**
 * Who is logged in. Loads GET /api/v1/me once, keeps the CSRF token for writes,
 * and falls back to the login screen when the server says the session ended.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, isApiError, request, setCsrfToken, setUnauthenticatedHandler } from './api.ts';
import type { Me } from './types.ts';

type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; ended?: boolean }
  | { status: 'authenticated'; me: Me };

interface SessionApi {
  state: SessionState;
  login: (input: { email: string; password: string; totp?: string }) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const { data } = await request<Me>('GET', '/api/v1/me', { allowUnauthenticated: true });
      setCsrfToken(data.csrfToken);
      setState({ status: 'authenticated', me: data });
    } catch (err) {
      setCsrfToken(null);
      if (isApiError(err) && err.status === 401) setState({ status: 'anonymous' });
      else setState({ status: 'anonymous' });
    }
  }, []);

  useEffect(() => {
    void refresh();
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setState({ status: 'anonymous', ended: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);

  const login = useCallback(async (input: { email: string; password: string; totp?: string }) => {
    const { data } = await request<Me>('POST', '/api/v1/session', { body: input, allowUnauthenticated: true });
    setCsrfToken(data.csrfToken);
    setState({ status: 'authenticated', me: data });
    return data;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.del('/api/v1/session');
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous' });
    }
  }, []);

  const value = useMemo(() => ({ state, login, logout, refresh }), [state, login, logout, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The logged-in user; only for screens rendered behind the login. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useMe without a session');
  return state.me;
}
