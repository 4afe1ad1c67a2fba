import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, refreshSession, setAccessToken, setSessionLostHandler, unwrap, type ApiSchemas, type User, withSession } from './api/api-client';
import { changeLanguage } from './i18n';
import { requiredContext } from './required-context';
import { connection } from './offline/connection';
import { forgetOfflineData, rememberLearner, storedLearner } from './offline/offline-store';

type Status = 'loading' | 'signedIn' | 'signedOut';
interface Session {
  status: Status;
  user: User | null;
  signIn(email: string, password: string): Promise<void>;
  register(body: ApiSchemas['RegisterDto']): Promise<void>;
  signOut(): Promise<void>;
  setLocale(locale: User['locale']): Promise<void>;
}

const [SessionContext, useSession] = requiredContext<Session>('useSession must be used inside SessionProvider');
export { useSession };

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
  /** Opened without a connection for the learner whose course is on this phone: renewed when the connection returns. */
  const offlineNow = useRef(false);

  /** Someone else's answers, drafts and course copies never stay on the phone of the person who signs in now. */
  const own = useCallback(async (me: User) => {
    if (storedLearner() && storedLearner()!.id !== me.id) await forgetOfflineData();
    rememberLearner(me);
  }, []);

  const signedIn = useCallback(
    async (auth: ApiSchemas['AuthResponseDto']) => {
      await own(auth.user);
      setAccessToken(auth.accessToken);
      setUser(auth.user);
      offlineNow.current = false;
      setStatus('signedIn');
    },
    [own],
  );
  const signedOut = useCallback(() => {
    setAccessToken(null);
    setUser(null);
    setStatus('signedOut');
  }, []);

  useEffect(() => {
    setSessionLostHandler(signedOut);
    let cancelled = false;
    const restore = () =>
      refreshSession()
        .then(async (ok) => {
          if (!ok) return signedOut();
          const me = await call(() => api.GET('/api/auth/me'));
          await own(me);
          if (!cancelled) {
            setUser(me);
            offlineNow.current = false;
            setStatus('signedIn');
          }
        })
        .catch(() => {
          if (cancelled) return;
          // No connection (the server never answered): the learner whose course is on this phone reads and answers
          // offline; the session is renewed as soon as the connection returns. Anyone else must sign in.
          const stored = storedLearner();
          if (!stored) return signedOut();
          setUser(stored);
          offlineNow.current = true;
          setStatus('signedIn');
        });
    void restore();
    const stop = connection.subscribe(() => {
      if (connection.isOnline() && offlineNow.current && !cancelled) void restore();
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [signedOut, own]);

  const value = useMemo<Session>(
    () => ({
      status,
      user,
      async signIn(email, password) {
        await signedIn(await call(() => api.POST('/api/auth/login', { body: { email, password } })));
      },
      // The server answers a new e-mail and one that already has an account alike (no account enumeration), so the
      // app signs in with what was just typed: a new account opens; an existing one opens only with its own password.
      async register(body) {
        await call(() => api.POST('/api/auth/register', { body }));
        try {
          await signedIn(await call(() => api.POST('/api/auth/login', { body: { email: body.email, password: body.password } })));
        } catch (error) {
          if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') {
            throw new ApiError('REGISTERED_SIGN_IN_FAILED', 'This e-mail may already have an account: sign in with its password.', 401);
          }
          throw error;
        }
      },
      async signOut() {
        await api.POST('/api/auth/logout').catch(() => undefined);
        await forgetOfflineData();
        signedOut();
      },
      async setLocale(locale) {
        await changeLanguage(locale);
        if (status === 'signedIn') {
          const updated = await call(() => withSession(() => api.PATCH('/api/users/me', { body: { locale } })));
          rememberLearner(updated);
          setUser(updated);
        }
      },
    }),
    [status, user, signedIn, signedOut],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

