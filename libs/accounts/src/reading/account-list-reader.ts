import type { AccountListQuery } from '../query/account-list-query';
import { encodeCursor } from '../query/list-cursor';
import type { AccountListRepository } from '../repositories/account-list.repository';
import type { ServedAccountMetrics } from '../metrics/served-metrics';
import type { ProfileResolver } from '../profiles/profile-resolver';

export interface AccountListItem {
  id: string;
  name: string | null;
  domain: string | null;
  tracking_id: string;
  metrics: ServedAccountMetrics;
}

export interface AccountListBody {
  data: AccountListItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next_cursor: string | null;
  _links: { self: { href: string }; next: { href: string } | null };
}

/** GET /v1/accounts/list: one keyset page; a page is full-plus-one read to know whether more follow. */
export class AccountListReader {
  constructor(
    private readonly accounts: Pick<AccountListRepository, 'page'>,
    private readonly profiles: Pick<ProfileResolver, 'resolve'>,
  ) {}

  async page(query: AccountListQuery): Promise<AccountListBody> {
    const profile = await this.profiles.resolve(query.workspaceId, query.profile);
    const { sort, order, after } = query;
    const rows = await this.accounts.page(query.workspaceId, profile, { sort, order, after, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > query.limit && last
        ? encodeCursor({ sort: query.sort, order: query.order, value: last.metrics[query.sort], id: last.id })
        : null;
    return {
      data: page.map((account) => ({
        id: account.id,
        name: account.name,
        domain: account.domain,
        tracking_id: account.trackingId,
        metrics: account.metrics,
      })),
      next_cursor: nextCursor,
      _links: {
        self: { href: listHref(query, query.after ? encodeCursor(query.after) : null) },
        next: nextCursor ? { href: listHref(query, nextCursor) } : null,
      },
    };
  }
}

function listHref(query: AccountListQuery, cursor: string | null): string {
  const params = new URLSearchParams({ workspace_id: query.workspaceId, sort: query.sort, order: query.order, limit: String(query.limit) });
  if (query.profile !== null) params.set('profile', query.profile);
  if (cursor) params.set('cursor', cursor);
  return `/v1/accounts/list?${params.toString()}`;
}
