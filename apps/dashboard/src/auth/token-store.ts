import type { MeBody } from '../api/api-types';

// The read token lives in sessionStorage: it survives a reload, not the closing of the tab.
// The workspace it opened is kept beside it, so a reload can ask for data at once while the
// token is checked again in parallel.
const SESSION_KEY = 'coil.session';

export interface StoredSession {
  token: string;
  me: MeBody;
}

function isStoredSession(value: unknown): value is StoredSession {
  const candidate = value as Partial<StoredSession> | null;
  return typeof candidate?.token === 'string' && typeof candidate.me?.workspace_id === 'string';
}

export const tokenStore = {
  read(): StoredSession | null {
    try {
      const stored: unknown = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
      return isStoredSession(stored) ? stored : null;
    } catch {
      return null;
    }
  },
  write(session: StoredSession): void {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  },
  clear(): void {
    sessionStorage.removeItem(SESSION_KEY);
  },
};
