import type { CachedEntries, CachedEntry, BlockCache } from '../cache/block-cache';
import type { AccountQuery } from '../query/account-query';
import type { Lookup } from '../query/query-validator';
import type { ProfileResolver, ProfileSelector } from '../profiles/profile-resolver';
import type { AccountLookupRepository } from '../repositories/account-lookup.repository';
import { accountBody, oldestEntryAgeSeconds, type AccountBody } from './account-body';
import type { AccountRecord } from '../blocks/account-block';
import { singleMatch } from './single-match';

export interface AccountAnswer {
  body: AccountBody;
  /** Seconds since the oldest served entry was computed (the Age header). */
  ageSeconds: number;
}

/**
 * GET /v1/accounts once authorized. An id lookup reads the account's metrics and asked-for
 * blocks in one Redis round trip; whatever is missing comes from Postgres (the account: one
 * indexed read of its latest score) and is stored for the next request. `?profile=` is
 * resolved on a miss only: an entry is in the cache because its profile was found.
 */
export class AccountReader {
  constructor(
    private readonly accounts: Pick<AccountLookupRepository, 'find'>,
    private readonly profiles: Pick<ProfileResolver, 'resolve'>,
    private readonly cache: BlockCache,
    private readonly now: () => Date,
  ) {}

  async read(query: AccountQuery): Promise<AccountAnswer> {
    const { workspaceId, lookup, expand, profile } = query;
    const known = await this.knownEntries(workspaceId, lookup, query);
    const metrics = known.metrics ?? (await this.fetchAccount(workspaceId, lookup, profile));
    const peeked = lookup.kind === 'id' ? known : await this.cache.peek(workspaceId, metrics.value.id, expand.blocks, profile);
    const read = await this.cache.fill(workspaceId, metrics.value.id, expand.blocks, { ...peeked, metrics }, profile);
    return {
      body: accountBody(workspaceId, metrics.value, expand, read),
      ageSeconds: oldestEntryAgeSeconds(read.entries, this.now()),
    };
  }

  /** Only an id names the cache keys before the account is found. */
  private knownEntries(workspaceId: string, lookup: Lookup, query: AccountQuery): Promise<CachedEntries> {
    if (lookup.kind !== 'id') return Promise.resolve({});
    return this.cache.peek(workspaceId, lookup.id, ['metrics', ...query.expand.blocks], query.profile);
  }

  /** The version is read first: a scoring run landing during the read leaves the entry stale. */
  private async fetchAccount(workspaceId: string, lookup: Lookup, selector: ProfileSelector): Promise<CachedEntry<AccountRecord>> {
    const [version, profile] = await Promise.all([this.cache.scoresVersion(workspaceId), this.profiles.resolve(workspaceId, selector)]);
    const account = singleMatch(await this.accounts.find(workspaceId, profile, lookup), lookup, 'account');
    return this.cache.store(workspaceId, account.id, 'metrics', account, version, selector);
  }
}
