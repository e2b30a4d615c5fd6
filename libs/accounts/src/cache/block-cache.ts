import { scoresVersionKey } from '@coil/platform';
import { PROFILE_ENTRIES, type AccountBlock, type CacheEntry, type CacheEntryValues, type CacheTtls } from '../blocks/account-block';
import type { ScoreExplainer } from '../explanation/score-explainer';
import type { AccountInsights } from '../insights/account-insights';
import type { ProfileSelector } from '../profiles/profile-resolver';
import type { AccountSegmentsRepository } from '../repositories/account-segments.repository';
import type { AccountTraitsRepository } from '../repositories/account-traits.repository';

export interface CachedEntry<T> {
  value: T;
  /** When the value was computed (ISO); served as _expansions.cached_at. */
  cachedAt: string;
  /** Metrics only: the workspace's scores version read before the value was computed. */
  scoresVersion?: string;
}

export type CachedEntries = { [E in CacheEntry]?: CachedEntry<CacheEntryValues[E]> };

export interface BlockRead {
  entries: CachedEntries;
  /** Blocks whose computation failed: null in the answer, named in _expansions.error. */
  failed: AccountBlock[];
}

export type BlockLoaders = {
  [B in AccountBlock]: (workspaceId: string, accountId: string, profile: ProfileSelector) => Promise<CacheEntryValues[B]>;
};

/** What the cache needs of Redis (a Redis connection is one): a spec can hold it in a Map. */
export interface CacheStore {
  mget(...keys: string[]): Promise<(string | null)[]>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, expiry: 'PX', ttlMs: number): Promise<unknown>;
}

export interface BlockCacheOptions {
  /** Leads every key, so tests and deployments sharing a Redis never meet. */
  keyPrefix: string;
  ttlsMs: CacheTtls;
  now: () => Date;
  onLoadError: (block: AccountBlock, error: unknown) => void;
}

/**
 * Each entry of each account in its own Redis key whose TTL is the entry's limit, so nothing
 * is served older than that and a request computes only the blocks it asks for. An
 * account's keys share a hash tag: one MGET reads them all, on a cluster too. Entries computed
 * from a scoring profile's rows (PROFILE_ENTRIES) are kept per profile asked for.
 */
export class BlockCache {
  private readonly inFlight = new Map<string, Promise<CachedEntry<unknown> | null>>();

  constructor(
    private readonly redis: CacheStore,
    private readonly loaders: BlockLoaders,
    private readonly options: BlockCacheOptions,
  ) {}

  /** The fresh entries among `names`, in one round trip; an unreachable Redis reads as empty. */
  async peek(
    workspaceId: string,
    accountId: string,
    names: readonly CacheEntry[],
    profile: ProfileSelector = null,
  ): Promise<CachedEntries> {
    const cached = names.filter((name) => this.options.ttlsMs[name] > 0);
    if (cached.length === 0) return {};
    const [stored, version] = await Promise.all([
      this.redis.mget(...cached.map((name) => this.key(workspaceId, accountId, name, profile))).catch(() => []),
      cached.includes('metrics') ? this.scoresVersion(workspaceId) : undefined,
    ]);
    const entries: CachedEntries = {};
    cached.forEach((name, index) => {
      const entry = this.fresh(name, stored[index] ?? null);
      if (entry && (name !== 'metrics' || entry.scoresVersion === version)) Object.assign(entries, { [name]: entry });
    });
    return entries;
  }

  /** The workspace's scores version (the worker bumps it after each scoring run); '0' before any. */
  async scoresVersion(workspaceId: string): Promise<string> {
    const version = await this.redis.get(scoresVersionKey(this.options.keyPrefix, workspaceId)).catch(() => null);
    return version ?? '0';
  }

  /** `known` plus every block of `names` it lacks, computed and stored. */
  async fill(
    workspaceId: string,
    accountId: string,
    names: readonly AccountBlock[],
    known: CachedEntries,
    profile: ProfileSelector = null,
  ): Promise<BlockRead> {
    const read: BlockRead = { entries: { ...known }, failed: [] };
    const missing = names.filter((name) => !known[name]);
    await Promise.all(
      missing.map(async (name) => {
        const entry = await this.compute(name, workspaceId, accountId, profile);
        if (entry) Object.assign(read.entries, { [name]: entry });
        else read.failed.push(name);
      }),
    );
    return read;
  }

  async store<E extends CacheEntry>(
    workspaceId: string,
    accountId: string,
    name: E,
    value: CacheEntryValues[E],
    scoresVersion?: string,
    profile: ProfileSelector = null,
  ): Promise<CachedEntry<CacheEntryValues[E]>> {
    const entry: CachedEntry<CacheEntryValues[E]> = { value, cachedAt: this.options.now().toISOString(), scoresVersion };
    const ttl = this.options.ttlsMs[name];
    // A cache that cannot be written still lets the answer go out, only slower next time.
    if (ttl > 0)
      await this.redis.set(this.key(workspaceId, accountId, name, profile), JSON.stringify(entry), 'PX', ttl).catch(() => undefined);
    return entry;
  }

  /** The stored entry unless absent or past its limit (the TTL alone misses a shortened limit). */
  private fresh(name: CacheEntry, text: string | null): CachedEntry<unknown> | null {
    if (!text) return null;
    const entry = JSON.parse(text) as CachedEntry<unknown>;
    const age = this.options.now().getTime() - Date.parse(entry.cachedAt);
    return age < this.options.ttlsMs[name] ? entry : null;
  }

  /** The default profile keeps the plain key; a named one is appended, escaped, to entries that depend on it. */
  private key(workspaceId: string, accountId: string, name: CacheEntry, profile: ProfileSelector): string {
    const key = `${this.options.keyPrefix}:{${workspaceId}:${accountId}}:${name}`;
    return profile !== null && PROFILE_ENTRIES.includes(name) ? `${key}:profile=${encodeURIComponent(profile)}` : key;
  }

  /** Concurrent misses of one entry share one computation. */
  private compute(
    name: AccountBlock,
    workspaceId: string,
    accountId: string,
    profile: ProfileSelector,
  ): Promise<CachedEntry<unknown> | null> {
    const key = this.key(workspaceId, accountId, name, profile);
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.load(name, workspaceId, accountId, profile).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async load(
    name: AccountBlock,
    workspaceId: string,
    accountId: string,
    profile: ProfileSelector,
  ): Promise<CachedEntry<unknown> | null> {
    let value: CacheEntryValues[AccountBlock];
    try {
      value = await this.loaders[name](workspaceId, accountId, profile);
    } catch (error) {
      this.options.onLoadError(name, error);
      return null;
    }
    return this.store(workspaceId, accountId, name, value, undefined, profile);
  }
}

/** Where each block comes from on a cache miss. */
export function accountBlockLoaders(
  traits: AccountTraitsRepository,
  segments: AccountSegmentsRepository,
  insights: AccountInsights,
  explainer: Pick<ScoreExplainer, 'explain'>,
): BlockLoaders {
  return {
    explanation: async (workspaceId, accountId, profile) =>
      (await explainer.explain('account', workspaceId, { kind: 'id', id: accountId }, profile)).explanation,
    traits: (workspaceId, accountId) => traits.traits(workspaceId, accountId),
    segments: (workspaceId, accountId) => segments.currentSegments(workspaceId, accountId),
    insights: (workspaceId, accountId, profile) => insights.generate(workspaceId, accountId, profile),
  };
}
