import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { SessionProvider, useSession } from './auth/session';
import { AppShell } from './components/app-shell';
import { Redirect } from './components/redirect';
import { AccountPage } from './pages/account-page';
import { AccountsPage } from './pages/accounts-page';
import { FeedPage } from './pages/feed-page';
import { SegmentsPage } from './pages/segments-page';
import { SettingsPage } from './pages/settings-page';
import { SignInPage } from './pages/sign-in-page';

/** A segment's members are the Accounts page filtered to it. */
function SegmentMembers({ id }: { id: string }) {
  return <Redirect to={`/app/accounts?segment=${encodeURIComponent(id)}`} />;
}

function SignedInRoutes() {
  return (
    <AppShell>
      <Router>
        <Route path="/app/accounts" component={AccountsPage} />
        <Route path="/app/accounts/:id" component={AccountPage} />
        <Route path="/app/segments" component={SegmentsPage} />
        <Route path="/app/segments/:id" component={SegmentMembers} />
        <Route path="/app/feed" component={FeedPage} />
        <Route path="/app/settings" component={SettingsPage} />
        <Route default component={() => <Redirect to="/app/accounts" />} />
      </Router>
    </AppShell>
  );
}

/** Without a session every page but sign-in goes there, remembering where it was headed. */
function Pages() {
  const { session } = useSession();
  const { path, url } = useLocation();
  if (session === null) {
    if (path === '/app/sign-in') return <SignInPage />;
    const next = path.startsWith('/app/') && path !== '/app/' ? `?next=${encodeURIComponent(url)}` : '';
    return <Redirect to={`/app/sign-in${next}`} />;
  }
  if (path === '/app/sign-in') return <Redirect to="/app/accounts" />;
  return <SignedInRoutes />;
}

export function App() {
  return (
    <LocationProvider>
      <SessionProvider>
        <Pages />
      </SessionProvider>
    </LocationProvider>
  );
}
