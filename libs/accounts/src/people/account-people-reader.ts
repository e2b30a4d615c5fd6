import type { UserMetrics } from '../metrics/served-metrics';
import { invalidCursor } from '../query/list-cursor';
import type { ProfileResolver } from '../profiles/profile-resolver';
import { singleMatch } from '../reading/single-match';
import type { AccountLookupRepository } from '../repositories/account-lookup.repository';
import type { AccountPeopleQuery } from './account-people-query';
import type { AccountPeopleRepository } from './account-people.repository';
import { encodePeopleCursor, PEOPLE_CURSOR_REASON } from './people-cursor';

/** One of an account's people: GET /v1/users's fields but account_ids, with the same metrics. */
export interface AccountPerson {
  id: string;
  external_id: string;
  name: string | null;
  email: string | null;
  metrics: UserMetrics;
}

export interface AccountPeopleBody {
  data: AccountPerson[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next_cursor: string | null;
  _links: { self: { href: string }; next: { href: string } | null };
}

/** GET /v1/accounts/users: the account is found (404, 409), then one keyset page of its people, read full-plus-one. */
export class AccountPeopleReader {
  constructor(
    private readonly accounts: Pick<AccountLookupRepository, 'findIds'>,
    private readonly people: Pick<AccountPeopleRepository, 'page'>,
    private readonly profiles: Pick<ProfileResolver, 'resolve'>,
  ) {}

  async page(query: AccountPeopleQuery): Promise<AccountPeopleBody> {
    const profile = await this.profiles.resolve(query.workspaceId, query.profile);
    const { id: accountId } = singleMatch(await this.accounts.findIds(query.workspaceId, query.lookup), query.lookup, 'account');
    if (query.after && query.after.account_id !== accountId) throw invalidCursor(PEOPLE_CURSOR_REASON);
    const rows = await this.people.page(query.workspaceId, profile, accountId, { after: query.after, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > query.limit && last
        ? encodePeopleCursor({ account_id: accountId, engagement_score: last.metrics.engagement_score, id: last.id })
        : null;
    return {
      data: page.map((user) => ({ id: user.id, external_id: user.externalId, name: user.name, email: user.email, metrics: user.metrics })),
      next_cursor: nextCursor,
      _links: {
        self: { href: peopleHref(query, accountId, query.after ? encodePeopleCursor(query.after) : null) },
        next: nextCursor ? { href: peopleHref(query, accountId, nextCursor) } : null,
      },
    };
  }
}

/** By the account's id, whichever lookup found it: the cursor is bound to that account. */
function peopleHref(query: AccountPeopleQuery, accountId: string, cursor: string | null): string {
  const params = new URLSearchParams({ workspace_id: query.workspaceId, id: accountId, limit: String(query.limit) });
  if (query.profile !== null) params.set('profile', query.profile);
  if (cursor) params.set('cursor', cursor);
  return `/v1/accounts/users?${params.toString()}`;
}
