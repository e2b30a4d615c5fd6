import type { ScoreExplanation } from '@coil/scoring';
import type { BlockCache, BlockRead } from '../cache/block-cache';
import type { ScoreExplainer } from '../explanation/score-explainer';
import type { UserMetrics } from '../metrics/served-metrics';
import type { ProfileResolver } from '../profiles/profile-resolver';
import type { ExpandRequest } from '../query/account-query';
import { USER_BLOCKS, type UserBlock, type UserQuery } from '../query/user-query';
import type { UserLookupRepository } from '../repositories/user-lookup.repository';
import { expansions, type Expansions } from './account-body';
import { singleMatch } from './single-match';

/** The 200 body of GET /v1/users; absent values are null, never missing keys. */
export interface UserBody {
  id: string;
  external_id: string;
  name: string | null;
  email: string | null;
  account_ids: string[];
  metrics: UserMetrics;
  explanation?: ScoreExplanation | null;
  /** Only when the request has expand. */
  _expansions?: Expansions<UserBlock>;
  _links: { self: { href: string } };
}

/** A user's cache keys sit beside the accounts' under the workspace: `user-<id>` never reads as an account id. */
function userCacheKey(userId: string): string {
  return `user-${userId}`;
}

export class UserReader {
  constructor(
    private readonly users: Pick<UserLookupRepository, 'find'>,
    private readonly profiles: Pick<ProfileResolver, 'resolve'>,
    private readonly explainer: Pick<ScoreExplainer, 'explain'>,
    private readonly cache: Pick<BlockCache, 'peek' | 'store'>,
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
      ...(query.expand !== null && (await this.blocks(query, query.expand, user.id))),
      _links: { self: { href: `/v1/users?id=${user.id}&workspace_id=${query.workspaceId}` } },
    };
  }

  /** The asked-for blocks (null when they could not be loaded) and _expansions. */
  private async blocks(
    query: UserQuery,
    expand: ExpandRequest<UserBlock>,
    userId: string,
  ): Promise<Pick<UserBody, 'explanation' | '_expansions'>> {
    const read = expand.blocks.includes('explanation') ? await this.explanation(query, userId) : { entries: {}, failed: [] };
    return {
      ...(expand.blocks.includes('explanation') && { explanation: read.entries.explanation?.value ?? null }),
      _expansions: expansions(USER_BLOCKS, expand, read),
    };
  }

  /** The explanation block, cached per user and profile for its limit (15 min, as traits). */
  private async explanation(query: UserQuery, userId: string): Promise<BlockRead> {
    const key = userCacheKey(userId);
    const cached = await this.cache.peek(query.workspaceId, key, ['explanation'], query.profile);
    if (cached.explanation) return { entries: cached, failed: [] };
    const explained = await this.explainer.explain('user', query.workspaceId, { kind: 'id', id: userId }, query.profile);
    const entry = await this.cache.store(query.workspaceId, key, 'explanation', explained.explanation, undefined, query.profile);
    return { entries: { explanation: entry }, failed: [] };
  }
}
