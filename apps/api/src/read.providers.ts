import type { Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import {
  accountBlockLoaders,
  AccountInsights,
  AccountListReader,
  AccountListRepository,
  AccountLookupRepository,
  AccountReader,
  AccountSegmentsRepository,
  AccountTraitsRepository,
  BlockCache,
  InsightsDataRepository,
  ReadAccess,
  UserLookupRepository,
  UserReader,
} from '@coil/accounts';
import type { Logger } from 'pino';
import { LOGGER, PG_POOL, REDIS, type RedisConnection } from '@coil/platform';
import { DeterministicInsightsProvider, type InsightsProvider } from '@coil/scoring';
import { createCredentialResolver, CredentialResolver } from '@coil/workspaces';
import type { ApiOptions } from './api-options';

export const INSIGHTS_PROVIDER = Symbol('INSIGHTS_PROVIDER');

const REPOSITORIES = [
  AccountLookupRepository,
  AccountTraitsRepository,
  AccountSegmentsRepository,
  AccountListRepository,
  UserLookupRepository,
  InsightsDataRepository,
];

/** The read side: repositories over the platform's pg pool, the block cache over Redis, readers on top. */
export function readProviders(options: ApiOptions & { cacheKeyPrefix: string }, rateLimitPerSecond: number): Provider[] {
  return [
    ...REPOSITORIES.map((repository): Provider => ({
      provide: repository,
      inject: [PG_POOL],
      useFactory: (pool: Pool) => new repository(pool),
    })),
    { provide: CredentialResolver, inject: [PG_POOL], useFactory: (pool: Pool) => createCredentialResolver(pool) },
    {
      provide: ReadAccess,
      inject: [CredentialResolver],
      useFactory: (credentials: CredentialResolver) => new ReadAccess(credentials, rateLimitPerSecond),
    },
    { provide: INSIGHTS_PROVIDER, useFactory: (): InsightsProvider => new DeterministicInsightsProvider() },
    {
      provide: AccountInsights,
      inject: [InsightsDataRepository, INSIGHTS_PROVIDER],
      useFactory: (data: InsightsDataRepository, provider: InsightsProvider) => new AccountInsights(data, provider, options.now),
    },
    {
      provide: BlockCache,
      inject: [REDIS, AccountTraitsRepository, AccountSegmentsRepository, AccountInsights, LOGGER],
      useFactory: (
        redis: RedisConnection,
        traits: AccountTraitsRepository,
        segments: AccountSegmentsRepository,
        insights: AccountInsights,
        logger: Logger,
      ) =>
        new BlockCache(redis, accountBlockLoaders(traits, segments, insights), {
          keyPrefix: options.cacheKeyPrefix,
          ttlsMs: options.cacheTtlsMs,
          now: options.now,
          onLoadError: (block, error) => logger.error({ err: error, block }, 'account block failed to load'),
        }),
    },
    {
      provide: AccountReader,
      inject: [AccountLookupRepository, BlockCache],
      useFactory: (accounts: AccountLookupRepository, cache: BlockCache) => new AccountReader(accounts, cache, options.now),
    },
    {
      provide: AccountListReader,
      inject: [AccountListRepository],
      useFactory: (accounts: AccountListRepository) => new AccountListReader(accounts),
    },
    { provide: UserReader, inject: [UserLookupRepository], useFactory: (users: UserLookupRepository) => new UserReader(users) },
  ];
}
