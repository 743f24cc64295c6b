/**
 * Who is logged in. Loads GET /api/v1/me once, keeps the CSRF token for writes,
 * and falls back to the login screen when the server says the session ended.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
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

/**
 * Whether this browser was logged in when last seen (no secret: the session cookie itself is
 * HttpOnly). Without it the login form shows at once, while GET /api/v1/me still asks the server;
 * on a slow phone that saves a whole round trip before the form appears. With it, or when storage
 * is blocked, the app waits for the answer as before (no flash of the login form).
 */
const SIGNED_IN_KEY = 'rondom.signedIn';
function wasSignedIn(): boolean {
  try {
    return window.localStorage.getItem(SIGNED_IN_KEY) === '1';
  } catch {
    return true;
  }
}
function rememberSignedIn(on: boolean): void {
  try {
    if (on) window.localStorage.setItem(SIGNED_IN_KEY, '1');
    else window.localStorage.removeItem(SIGNED_IN_KEY);
  } catch {
    // ignore
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(() => (wasSignedIn() ? { status: 'loading' } : { status: 'anonymous' }));
  // Counts logins and logouts: an answer to /me asked before one of them is out of date.
  const changes = useRef(0);

  const refresh = useCallback(async () => {
    const asked = changes.current;
    try {
      const { data } = await request<Me>('GET', '/api/v1/me', { allowUnauthenticated: true });
      if (asked !== changes.current) return;
      setCsrfToken(data.csrfToken);
      rememberSignedIn(true);
      setState({ status: 'authenticated', me: data });
    } catch (err) {
      if (asked !== changes.current) return;
      setCsrfToken(null);
      if (isApiError(err) && err.status === 401) rememberSignedIn(false);
      setState((s) => (s.status === 'anonymous' ? s : { status: 'anonymous' }));
    }
  }, []);

  useEffect(() => {
    void refresh();
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      rememberSignedIn(false);
      setState({ status: 'anonymous', ended: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);

  const login = useCallback(async (input: { email: string; password: string; totp?: string }) => {
    const { data } = await request<Me>('POST', '/api/v1/session', { body: input, allowUnauthenticated: true });
    changes.current++;
    setCsrfToken(data.csrfToken);
    rememberSignedIn(true);
    setState({ status: 'authenticated', me: data });
    return data;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.del('/api/v1/session');
    } finally {
      changes.current++;
      setCsrfToken(null);
      rememberSignedIn(false);
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
