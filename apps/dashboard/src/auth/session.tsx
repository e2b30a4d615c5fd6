import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiClient, ApiError } from '../api/api-client';
import type { MeBody } from '../api/api-types';
import { tokenStore } from './token-store';

/** A signed-in page: the workspace the token opens and a client bound to both. */
export interface Session {
  readonly me: MeBody;
  readonly api: ApiClient;
}

interface SessionState {
  readonly session: Session | null;
  /** Why the page returned to sign-in (a refused or revoked token), if it did. */
  readonly notice: string | null;
  signIn: (token: string) => Promise<void>;
  signOut: (notice?: string) => void;
}

const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (state === null) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in session; only rendered under a page that requires one. */
export function useApi(): ApiClient {
  const { session } = useSession();
  if (!session) throw new Error('useApi without a session');
  return session.api;
}

/** Asks GET /v1/me what the token opens; throws the API's refusal. */
async function askMe(token: string): Promise<MeBody> {
  return new ApiClient(token, null).get<MeBody>('/v1/me');
}

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const signOutRef = useRef<(why?: string) => void>(() => undefined);
  const onUnauthorized = useCallback((message: string) => signOutRef.current(message), []);
  const sessionOf = useCallback(
    (token: string, me: MeBody): Session => ({ me, api: new ApiClient(token, me.workspace_id, onUnauthorized) }),
    [onUnauthorized],
  );
  const [session, setSession] = useState<Session | null>(() => {
    const stored = tokenStore.read();
    return stored === null ? null : sessionOf(stored.token, stored.me);
  });
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = useCallback((why?: string) => {
    tokenStore.clear();
    setNotice(why ?? null);
    setSession(null);
  }, []);
  signOutRef.current = signOut;

  const signIn = useCallback(
    async (token: string) => {
      const me = await askMe(token);
      tokenStore.write({ token, me });
      setNotice(null);
      setSession(sessionOf(token, me));
    },
    [sessionOf],
  );

  // A token kept from before a reload is checked again (it may have been revoked since) while
  // the page already asks for its data: a refused token ends the session either way, so no
  // data shows. Only the API's refusal signs out, not a network failure.
  useEffect(() => {
    const stored = tokenStore.read();
    if (stored === null) return;
    askMe(stored.token).then(
      (me) => {
        if (me.workspace_id === stored.me.workspace_id && me.workspace_name === stored.me.workspace_name) return;
        tokenStore.write({ token: stored.token, me });
        setSession(sessionOf(stored.token, me));
      },
      (error: unknown) => {
        if (error instanceof ApiError && (error.status === 401 || error.status === 404)) signOut(error.message);
      },
    );
  }, [sessionOf, signOut]);

  const value = useMemo(() => ({ session, notice, signIn, signOut }), [session, notice, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
