import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, ApiError, refreshSession, setAccessToken, setSessionLostHandler, unwrap, type ApiSchemas, type User, withSession } from './api/api-client';
import { changeLanguage } from './i18n';

type Status = 'loading' | 'signedIn' | 'signedOut';
interface Session {
  status: Status;
  user: User | null;
  signIn(email: string, password: string): Promise<void>;
  register(body: ApiSchemas['RegisterDto']): Promise<void>;
  signOut(): Promise<void>;
  setLocale(locale: User['locale']): Promise<void>;
  /** Saves profile fields (Mis datos) and keeps the signed-in user in step. */
  updateProfile(body: ApiSchemas['UpdateProfileDto']): Promise<User>;
}

const SessionContext = createContext<Session | null>(null);

async function call<T>(run: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  try {
    return unwrap(await run());
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('NETWORK_ERROR', String(error), 0);
  }
}

/** Restores the session from the refresh cookie on load; keeps the signed-in user for the whole app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [user, setUser] = useState<User | null>(null);

  const signedIn = useCallback((auth: ApiSchemas['AuthResponseDto']) => {
    setAccessToken(auth.accessToken);
    setUser(auth.user);
    setStatus('signedIn');
  }, []);
  const signedOut = useCallback(() => {
    setAccessToken(null);
    setUser(null);
    setStatus('signedOut');
  }, []);

  useEffect(() => {
    setSessionLostHandler(signedOut);
    let cancelled = false;
    refreshSession()
      .then(async (ok) => {
        if (!ok) return signedOut();
        const me = await call(() => api.GET('/api/auth/me'));
        if (!cancelled) {
          setUser(me);
          setStatus('signedIn');
        }
      })
      .catch(() => !cancelled && signedOut());
    return () => {
      cancelled = true;
    };
  }, [signedOut]);

  const value = useMemo<Session>(
    () => ({
      status,
      user,
      async signIn(email, password) {
        signedIn(await call(() => api.POST('/api/auth/login', { body: { email, password } })));
      },
      // The server answers a new e-mail and one that already has an account alike (no account enumeration), so the
      // app signs in with what was just typed: a new account opens; an existing one opens only with its own password.
      async register(body) {
        await call(() => api.POST('/api/auth/register', { body }));
        try {
          signedIn(await call(() => api.POST('/api/auth/login', { body: { email: body.email, password: body.password } })));
        } catch (error) {
          if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') {
            throw new ApiError('REGISTERED_SIGN_IN_FAILED', 'This e-mail may already have an account: sign in with its password.', 401);
          }
          throw error;
        }
      },
      async signOut() {
        await api.POST('/api/auth/logout').catch(() => undefined);
        signedOut();
      },
      async setLocale(locale) {
        await changeLanguage(locale);
        if (status === 'signedIn') {
          const updated = await call(() => withSession(() => api.PATCH('/api/users/me', { body: { locale } })));
          setUser(updated);
        }
      },
      async updateProfile(body) {
        const updated = await call(() => withSession(() => api.PATCH('/api/users/me', { body })));
        setUser(updated);
        return updated;
      },
    }),
    [status, user, signedIn, signedOut],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside SessionProvider');
  return session;
}
