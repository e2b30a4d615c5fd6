import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useSession } from '../auth/session';

const NAV = [
  { href: '/app/accounts', label: 'Accounts' },
  { href: '/app/segments', label: 'Segments' },
  { href: '/app/feed', label: 'Feed' },
  { href: '/app/settings', label: 'Settings' },
];

/** Header with the workspace and navigation, then the page in the main landmark. */
export function AppShell({ children }: { children: ComponentChildren }) {
  const { session, signOut } = useSession();
  const { path } = useLocation();
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <span class="brand">
          <span class="logo" aria-hidden="true">
            ◉
          </span>{' '}
          Coil
        </span>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.href}>
                <a href={item.href} aria-current={path.startsWith(item.href) ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span class="workspace" title={`Workspace ${session?.me.workspace_id ?? ''}`}>
          {session?.me.workspace_name}
        </span>
        <button type="button" class="button button-quiet" onClick={() => signOut()}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
