import { useLocation } from 'preact-iso';
import type { ListSort } from '@coil/accounts';

// The API validates the sort: a hand-edited URL with an unknown one shows its 400 message.
export type Sort = ListSort;
export type Order = 'asc' | 'desc';

/** What the Accounts page shows, kept in the URL's query so a view can be shared. */
export interface AccountsView {
  sort: Sort;
  order: Order;
  segment: string;
  q: string;
  cursor: string;
}

function viewOf(query: Record<string, string | undefined>): AccountsView {
  return {
    sort: (query.sort as Sort | undefined) ?? 'engagement_score',
    order: query.order === 'asc' ? 'asc' : 'desc',
    segment: query.segment ?? '',
    q: query.q ?? '',
    cursor: query.cursor ?? '',
  };
}

export function useAccountsView(): [AccountsView, (changes: Partial<AccountsView>) => void] {
  const { query, path, route } = useLocation();
  const update = (changes: Partial<AccountsView>) => {
    // From the URL as it is now, not as it was rendered: a debounced search may land after
    // another filter changed.
    const next = { ...viewOf(Object.fromEntries(new URLSearchParams(window.location.search))), ...changes };
    const params = new URLSearchParams();
    if (next.sort !== 'engagement_score') params.set('sort', next.sort);
    if (next.order !== 'desc') params.set('order', next.order);
    for (const name of ['segment', 'q', 'cursor'] as const) if (next[name]) params.set(name, next[name]);
    const search = params.toString();
    route(search ? `${path}?${search}` : path, true);
  };
  return [viewOf(query), update];
}
