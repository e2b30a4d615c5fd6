import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { ApiClient } from '../api/api-client';
import type { MeBody } from '../api/api-types';
import { tokenStore } from './token-store';

/** A signed-in page: the workspace the token opens and a client bound to both. */
export interface Session {
  readonly me: MeBody;
  readonly api: ApiClient;
}

interface SessionState {
  /** undefined while a stored token is being checked. */
  readonly session: Session | null | undefined;
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
async function openSession(token: string, onUnauthorized: (message: string) => void): Promise<Session> {
  const me = await new ApiClient(token, null).get<MeBody>('/v1/me');
  return { me, api: new ApiClient(token, me.workspace_id, onUnauthorized) };
}

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [session, setSession] = useState<Session | null | undefined>(() => (tokenStore.read() === null ? null : undefined));
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = useCallback((why?: string) => {
    tokenStore.clear();
    setNotice(why ?? null);
    setSession(null);
  }, []);

  const signIn = useCallback(
    async (token: string) => {
      const opened = await openSession(token, signOut);
      tokenStore.write(token);
      setNotice(null);
      setSession(opened);
    },
    [signOut],
  );

  // A token kept from before a reload is checked again: it may have been revoked since.
  useEffect(() => {
    const stored = tokenStore.read();
    if (stored === null) return;
    openSession(stored, signOut).then(setSession, (error: Error) => signOut(error.message));
  }, [signOut]);

  const value = useMemo(() => ({ session, notice, signIn, signOut }), [session, notice, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
