import { CoilError } from '@coil/domain';
import type { AccountSegment } from '../blocks/account-block';
import { lastDays } from '../history/history-reader';
import { LIST_HISTORY_DAYS, type AccountListQuery } from '../query/account-list-query';
import { encodeListCursor, type Listing } from '../query/list-cursor';
import type { AccountListRepository, ListedAccount } from '../repositories/account-list.repository';
import type { AccountListExpansionsRepository, SparklinePoint } from '../repositories/account-list-expansions.repository';
import type { AccountSegmentsRepository } from '../repositories/account-segments.repository';
import type { ServedAccountMetrics } from '../metrics/served-metrics';
import type { ProfileResolver, ResolvedProfile } from '../profiles/profile-resolver';

export interface AccountListItem {
  id: string;
  name: string | null;
  domain: string | null;
  tracking_id: string;
  metrics: ServedAccountMetrics;
  /** Only with expand=segments. */
  segments?: AccountSegment[];
  /** Only with expand=history: the sparkline. */
  history?: SparklinePoint[];
}

export interface AccountListBody {
  data: AccountListItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next_cursor: string | null;
  _links: { self: { href: string }; next: { href: string } | null };
}

/** A 404 for a segment id the workspace does not have: an empty list would hide the typo. */
export async function requireSegment(accounts: Pick<AccountListRepository, 'hasSegment'>, workspaceId: string, segment: string | null) {
  if (segment !== null && !(await accounts.hasSegment(workspaceId, segment))) {
    throw new CoilError('not_found', 'not_found', 'Segment not found', { parameter: 'segment' });
  }
}

/** GET /v1/accounts/list: one keyset page; a page is full-plus-one read to know whether more follow. */
export class AccountListReader {
  constructor(
    private readonly accounts: Pick<AccountListRepository, 'page' | 'hasSegment'>,
    private readonly segments: Pick<AccountSegmentsRepository, 'currentSegmentsOf'>,
    private readonly expansions: Pick<AccountListExpansionsRepository, 'historyOf'>,
    private readonly profiles: Pick<ProfileResolver, 'resolve'>,
    private readonly now: () => Date,
  ) {}

  async page(query: AccountListQuery): Promise<AccountListBody> {
    const profile = await this.profiles.resolve(query.workspaceId, query.profile);
    await requireSegment(this.accounts, query.workspaceId, query.segment);
    const { sort, order, segment, q, after } = query;
    const rows = await this.accounts.page(query.workspaceId, profile, { sort, order, segment, q, after, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > query.limit && last ? encodeListCursor(query, { value: last.sortValue, id: last.id }) : null;
    return {
      data: await this.items(query, profile, page),
      next_cursor: nextCursor,
      _links: {
        self: { href: listHref(query, query.after ? encodeListCursor(query, query.after) : null) },
        next: nextCursor ? { href: listHref(query, nextCursor) } : null,
      },
    };
  }

  private async items(query: AccountListQuery, profile: ResolvedProfile, page: ListedAccount[]): Promise<AccountListItem[]> {
    const ids = page.map((account) => account.id);
    const wants = (name: 'segments' | 'history') => query.expand.includes(name) && ids.length > 0;
    const [segments, history] = await Promise.all([
      wants('segments') ? this.segments.currentSegmentsOf(query.workspaceId, ids) : null,
      wants('history') && profile.id !== null
        ? this.expansions.historyOf(query.workspaceId, profile.id, ids, lastDays(this.now(), LIST_HISTORY_DAYS))
        : new Map<string, SparklinePoint[]>(),
    ]);
    return page.map((account) => ({
      id: account.id,
      name: account.name,
      domain: account.domain,
      tracking_id: account.trackingId,
      metrics: account.metrics,
      ...(segments && { segments: segments.get(account.id) ?? [] }),
      ...(query.expand.includes('history') && { history: history.get(account.id) ?? [] }),
    }));
  }
}

function listHref(query: AccountListQuery, cursor: string | null): string {
  const params = new URLSearchParams({ workspace_id: query.workspaceId, ...listingParams(query), limit: String(query.limit) });
  if (query.expand.length > 0) params.set('expand', query.expand.join(','));
  if (query.profile !== null) params.set('profile', query.profile);
  if (cursor) params.set('cursor', cursor);
  return `/v1/accounts/list?${params.toString()}`;
}

/** sort and order always, the filters when set. */
function listingParams(listing: Listing): Record<string, string> {
  return {
    sort: listing.sort,
    order: listing.order,
    ...(listing.segment !== null && { segment: listing.segment }),
    ...(listing.q !== null && { q: listing.q }),
  };
}
