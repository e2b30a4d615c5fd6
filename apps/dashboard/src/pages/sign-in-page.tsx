import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useSession } from '../auth/session';

/** Sign-in with a read token (`coil token create`); a refused token shows the API's message. */
export function SignInPage() {
  const { signIn, notice } = useSession();
  const { query, route } = useLocation();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const message = error ?? notice;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(token.trim());
      route(query.next?.startsWith('/app/') ? query.next : '/app/accounts', true);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="sign-in">
      <form class="sign-in-card" onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">
          <span class="logo" aria-hidden="true">
            ◉
          </span>{' '}
          Sign in to Coil
        </h1>
        <p class="muted">Paste a read token of your workspace. It stays in this tab only.</p>
        <label class="field">
          <span class="field-label">Read token</span>
          <input
            type="password"
            name="token"
            autoComplete="off"
            required
            value={token}
            onInput={(event) => setToken(event.currentTarget.value)}
          />
        </label>
        {message && (
          <p class="status-error" role="alert">
            {message}
          </p>
        )}
        <button type="submit" class="button button-primary" disabled={busy || token.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
