import type { UserQuery } from '../query/user-query';
import type { UserMetrics } from '../metrics/served-metrics';
import type { ProfileResolver } from '../profiles/profile-resolver';
import type { UserLookupRepository } from '../repositories/user-lookup.repository';
import { singleMatch } from './single-match';

/** The 200 body of GET /v1/users; absent values are null, never missing keys. */
export interface UserBody {
  id: string;
  external_id: string;
  name: string | null;
  email: string | null;
  account_ids: string[];
  metrics: UserMetrics;
  _links: { self: { href: string } };
}

export class UserReader {
  constructor(
    private readonly users: Pick<UserLookupRepository, 'find'>,
    private readonly profiles: Pick<ProfileResolver, 'resolve'>,
  ) {}

  async read(query: UserQuery): Promise<UserBody> {
    const profile = await this.profiles.resolve(query.workspaceId, query.profile);
    const user = singleMatch(await this.users.find(query.workspaceId, profile, query.lookup), query.lookup, 'user');
    return {
      id: user.id,
      external_id: user.externalId,
      name: user.name,
      email: user.email,
      account_ids: user.accountIds,
      metrics: user.metrics,
      _links: { self: { href: `/v1/users?id=${user.id}&workspace_id=${query.workspaceId}` } },
    };
  }
}
