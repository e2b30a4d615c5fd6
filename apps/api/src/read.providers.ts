import type { Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import {
  accountBlockLoaders,
  AccountExporter,
  AccountInsights,
  AccountListExpansionsRepository,
  AccountListReader,
  AccountListRepository,
  AccountLookupRepository,
  AccountPeopleReader,
  AccountPeopleRepository,
  AccountReader,
  AccountSegmentsRepository,
  AccountTraitsRepository,
  AdoptionUnitSource,
  BlockCache,
  DestinationListRepository,
  DestinationsReader,
  FeaturesReader,
  FeatureUsageRepository,
  HistoryReader,
  InsightsDataRepository,
  MeReader,
  ProfileResolver,
  ReadAccess,
  ScoreHistoryRepository,
  SegmentHistoryRepository,
  SegmentsReader,
  SettingsReader,
  SignalFeedRepository,
  SignalsReader,
  ScoreExplainer,
  ScoreExplanationRepository,
  UserLookupRepository,
  UserReader,
} from '@coil/accounts';
import type { Logger } from 'pino';
import { LOGGER, PG_POOL, REDIS, type RedisConnection } from '@coil/platform';
import { DeterministicInsightsProvider, type InsightsProvider } from '@coil/scoring';
import {
  ActivationChecklistRepository,
  EventWeightRepository,
  FeatureRepository,
  ScoringProfileRepository,
  SegmentRepository,
  SignalSettingsRepository,
} from '@coil/settings';
import { createCredentialResolver, CredentialResolver, WorkspaceRepository } from '@coil/workspaces';
import { preparedStatements, type SqlClient } from '@coil/database';
import type { ApiOptions } from './api-options';

/** The read side's statements, prepared by name on the platform's pool (see preparedStatements). */
const PREPARED_STATEMENTS = Symbol('PREPARED_STATEMENTS');

export const INSIGHTS_PROVIDER = Symbol('INSIGHTS_PROVIDER');

const REPOSITORIES = [
  AccountLookupRepository,
  AccountTraitsRepository,
  AccountSegmentsRepository,
  AccountListRepository,
  AccountListExpansionsRepository,
  UserLookupRepository,
  InsightsDataRepository,
  ScoreHistoryRepository,
  FeatureUsageRepository,
  ScoringProfileRepository,
  FeatureRepository,
  EventWeightRepository,
  SignalFeedRepository,
  DestinationListRepository,
  WorkspaceRepository,
  AccountPeopleRepository,
  SegmentRepository,
  SegmentHistoryRepository,
  ActivationChecklistRepository,
  SignalSettingsRepository,
  ScoreExplanationRepository,
];

/** The read side: repositories over the platform's pg pool, the block cache over Redis, readers on top. */
export function readProviders(options: ApiOptions & { cacheKeyPrefix: string }, rateLimitPerSecond: number): Provider[] {
  return [
    { provide: PREPARED_STATEMENTS, inject: [PG_POOL], useFactory: (pool: Pool) => preparedStatements(pool) },
    ...REPOSITORIES.map((repository): Provider => ({
      provide: repository,
      inject: [PREPARED_STATEMENTS],
      useFactory: (db: SqlClient) => new repository(db),
    })),
    { provide: CredentialResolver, inject: [PG_POOL], useFactory: (pool: Pool) => createCredentialResolver(pool) },
    {
      provide: ReadAccess,
      inject: [CredentialResolver],
      useFactory: (credentials: CredentialResolver) => new ReadAccess(credentials, rateLimitPerSecond),
    },
    {
      provide: ProfileResolver,
      inject: [ScoringProfileRepository],
      useFactory: (profiles: ScoringProfileRepository) => new ProfileResolver(profiles),
    },
    { provide: INSIGHTS_PROVIDER, useFactory: (): InsightsProvider => new DeterministicInsightsProvider() },
    {
      provide: ScoreExplainer,
      inject: [ScoreExplanationRepository, ProfileResolver],
      useFactory: (explanations: ScoreExplanationRepository, profiles: ProfileResolver) =>
        new ScoreExplainer(explanations, profiles, options.now),
    },
    {
      provide: AccountInsights,
      inject: [InsightsDataRepository, ProfileResolver, INSIGHTS_PROVIDER, ScoreExplainer],
      useFactory: (data: InsightsDataRepository, profiles: ProfileResolver, provider: InsightsProvider, explainer: ScoreExplainer) =>
        new AccountInsights(data, profiles, provider, explainer, options.now),
    },
    {
      provide: BlockCache,
      inject: [REDIS, AccountTraitsRepository, AccountSegmentsRepository, AccountInsights, ScoreExplainer, LOGGER],
      useFactory: (
        redis: RedisConnection,
        traits: AccountTraitsRepository,
        segments: AccountSegmentsRepository,
        insights: AccountInsights,
        explainer: ScoreExplainer,
        logger: Logger,
      ) =>
        new BlockCache(redis, accountBlockLoaders(traits, segments, insights, explainer), {
          keyPrefix: options.cacheKeyPrefix,
          ttlsMs: options.cacheTtlsMs,
          now: options.now,
          onLoadError: (block, error) => logger.error({ err: error, block }, 'account block failed to load'),
        }),
    },
    {
      provide: AccountReader,
      inject: [AccountLookupRepository, ProfileResolver, BlockCache],
      useFactory: (accounts: AccountLookupRepository, profiles: ProfileResolver, cache: BlockCache) =>
        new AccountReader(accounts, profiles, cache, options.now),
    },
    {
      provide: AccountListReader,
      inject: [AccountListRepository, AccountSegmentsRepository, AccountListExpansionsRepository, ProfileResolver],
      useFactory: (
        accounts: AccountListRepository,
        segments: AccountSegmentsRepository,
        expansions: AccountListExpansionsRepository,
        profiles: ProfileResolver,
      ) => new AccountListReader(accounts, segments, expansions, profiles, options.now),
    },
    {
      provide: AccountExporter,
      inject: [AccountListRepository, AccountSegmentsRepository, ProfileResolver],
      useFactory: (accounts: AccountListRepository, segments: AccountSegmentsRepository, profiles: ProfileResolver) =>
        new AccountExporter(accounts, segments, profiles, options.now),
    },
    {
      provide: UserReader,
      inject: [UserLookupRepository, ProfileResolver, ScoreExplainer, BlockCache],
      useFactory: (users: UserLookupRepository, profiles: ProfileResolver, explainer: ScoreExplainer, cache: BlockCache) =>
        new UserReader(users, profiles, explainer, cache),
    },
    {
      provide: AccountPeopleReader,
      inject: [AccountLookupRepository, AccountPeopleRepository, ProfileResolver],
      useFactory: (accounts: AccountLookupRepository, people: AccountPeopleRepository, profiles: ProfileResolver) =>
        new AccountPeopleReader(accounts, people, profiles),
    },
    {
      provide: HistoryReader,
      inject: [ProfileResolver, AccountLookupRepository, UserLookupRepository, ScoreHistoryRepository],
      useFactory: (
        profiles: ProfileResolver,
        accounts: AccountLookupRepository,
        users: UserLookupRepository,
        history: ScoreHistoryRepository,
      ) => new HistoryReader(profiles, accounts, users, history, options.now),
    },
    {
      provide: AdoptionUnitSource,
      inject: [FeatureRepository, EventWeightRepository],
      useFactory: (features: FeatureRepository, weights: EventWeightRepository) => new AdoptionUnitSource(features, weights),
    },
    {
      provide: FeaturesReader,
      inject: [ProfileResolver, AdoptionUnitSource, AccountLookupRepository, FeatureUsageRepository],
      useFactory: (
        profiles: ProfileResolver,
        units: AdoptionUnitSource,
        accounts: AccountLookupRepository,
        usage: FeatureUsageRepository,
      ) => new FeaturesReader(profiles, units, accounts, usage, options.now),
    },
    { provide: MeReader, inject: [WorkspaceRepository], useFactory: (workspaces: WorkspaceRepository) => new MeReader(workspaces) },
    { provide: SignalsReader, inject: [SignalFeedRepository], useFactory: (feed: SignalFeedRepository) => new SignalsReader(feed) },
    {
      provide: SegmentsReader,
      inject: [SegmentRepository, SegmentHistoryRepository],
      useFactory: (segments: SegmentRepository, history: SegmentHistoryRepository) => new SegmentsReader(segments, history, options.now),
    },
    {
      provide: SettingsReader,
      inject: [ScoringProfileRepository, EventWeightRepository, FeatureRepository, ActivationChecklistRepository, SignalSettingsRepository],
      useFactory: (
        profiles: ScoringProfileRepository,
        weights: EventWeightRepository,
        features: FeatureRepository,
        checklists: ActivationChecklistRepository,
        signals: SignalSettingsRepository,
      ) => new SettingsReader(profiles, weights, features, checklists, signals),
    },
    {
      provide: DestinationsReader,
      inject: [DestinationListRepository],
      useFactory: (destinations: DestinationListRepository) => new DestinationsReader(destinations),
    },
  ];
}
