// The read side of accounts and users: query validation, lookups, per-block cache, insights input.
export { ReadAccess } from './auth/read-access';
export {
  ACCOUNT_BLOCKS,
  DEFAULT_CACHE_TTLS_MS,
  type AccountBlock,
  type AccountRecord,
  type AccountSegment,
  type AccountTraits,
  type CacheEntry,
  type CacheEntryValues,
  type CacheTtls,
} from './blocks/account-block';
export {
  accountBlockLoaders,
  BlockCache,
  type BlockCacheOptions,
  type BlockLoaders,
  type BlockRead,
  type CachedEntries,
  type CachedEntry,
  type CacheStore,
} from './cache/block-cache';
export { AccountInsights } from './insights/account-insights';
export {
  ACCOUNT_METRICS,
  metricSchemas,
  USER_METRICS,
  type MetricSchema,
  type ServedAccountMetrics,
  type UserMetrics,
} from './metrics/served-metrics';
export { ACCOUNT_LIST_QUERY, parseAccountListQuery, type AccountListQuery, type ListSort } from './query/account-list-query';
export { ACCOUNT_QUERY, parseAccountQuery, type AccountQuery, type ExpandRequest } from './query/account-query';
export type { ListCursor } from './query/list-cursor';
export type { QueryParameter, QuerySpec } from './query/query-spec';
export { LOOKUP_PARAMETERS, type Lookup, type RawQuery } from './query/query-validator';
export { parseUserQuery, USER_QUERY, type UserQuery } from './query/user-query';
export { EXPAND_DOCUMENTATION, type AccountBody, type Expansions } from './reading/account-body';
export { AccountListReader, type AccountListBody, type AccountListItem } from './reading/account-list-reader';
export { AccountReader, type AccountAnswer } from './reading/account-reader';
export { UserReader, type UserBody } from './reading/user-reader';
export { AccountListRepository, type ListPageRequest } from './repositories/account-list.repository';
export { AccountLookupRepository } from './repositories/account-lookup.repository';
export { AccountSegmentsRepository } from './repositories/account-segments.repository';
export { AccountTraitsRepository } from './repositories/account-traits.repository';
export {
  InsightsDataRepository,
  type AccountActivity,
  type DefaultProfile,
  type FeatureCounts,
  type ScorePeriod,
} from './repositories/insights-data.repository';
export { UserLookupRepository, type UserRecord } from './repositories/user-lookup.repository';
