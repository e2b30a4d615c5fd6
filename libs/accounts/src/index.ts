// The read side of accounts and users: query validation, profiles, lookups, per-block cache,
// insights input, score history and feature use; an account's people, segments and their daily
// members, the settings (read-only); the signal feed and the destinations' state.
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
export { DestinationListRepository, type DestinationRow, type LastAttempt } from './destinations/destination-list.repository';
export { DESTINATIONS_QUERY, parseDestinationsQuery, type DestinationsQuery } from './destinations/destinations-query';
export { ACCOUNT_EXPORT_QUERY, parseAccountExportQuery, type AccountExportQuery } from './export/account-export-query';
export { AccountExporter, EXPORT_COLUMNS, EXPORT_PAGE_SIZE, type AccountExport } from './export/account-exporter';
export { DestinationsReader, type DestinationsBody, type DestinationView } from './destinations/destinations-reader';
export { redactUrl } from './destinations/redact-url';
export { AdoptionUnitSource, type ProfileUnits } from './features/adoption-unit-source';
export { eventUnits, planAdoptionUnits, type AdoptionUnit, type UnitPlan } from './features/adoption-units';
export { FeatureUsageRepository, type AccountUnitUsage, type UsageRow } from './features/feature-usage.repository';
export {
  ACCOUNT_FEATURES_QUERY,
  FEATURES_QUERY,
  parseAccountFeaturesQuery,
  parseFeaturesQuery,
  type AccountFeaturesQuery,
  type FeaturesQuery,
} from './features/features-query';
export { FeaturesReader, type AccountFeaturesBody, type FeatureDay, type FeaturesBody, type FeatureUse } from './features/features-reader';
export {
  ACCOUNT_HISTORY_QUERY,
  parseAccountHistoryQuery,
  parseUserHistoryQuery,
  parseWorkspaceHistoryQuery,
  USER_HISTORY_QUERY,
  WORKSPACE_HISTORY_QUERY,
  type SubjectHistoryQuery,
  type WorkspaceHistoryQuery,
} from './history/history-query';
export { HistoryReader, type SubjectHistoryBody, type WorkspaceHistoryBody } from './history/history-reader';
export { ScoreHistoryRepository, type DayRange, type HistoryPoint, type WorkspacePoint } from './history/score-history.repository';
export { AccountInsights } from './insights/account-insights';
export { ACCOUNT_EXPLAIN_QUERY, parseAccountExplainQuery, type AccountExplainQuery } from './explanation/explain-query';
export { createScoreExplainer } from './explanation/create-score-explainer';
export { ScoreExplainer, type AccountExplanationBody, type ExplainedScore } from './explanation/score-explainer';
export { ScoreExplanationRepository, type ExplainedSubjectType, type ExplanationRow } from './explanation/score-explanation.repository';
export { MeReader, type MeBody } from './me/me-reader';
export {
  ACCOUNT_METRICS,
  metricSchemas,
  USER_METRICS,
  type MetricSchema,
  type ObjectMetricTypes,
  type OpenApiMetricSchema,
  type ServedAccountMetrics,
  type UserMetrics,
} from './metrics/served-metrics';
export { ACCOUNT_PEOPLE_QUERY, parseAccountPeopleQuery, type AccountPeopleQuery } from './people/account-people-query';
export { AccountPeopleReader, type AccountPeopleBody, type AccountPerson } from './people/account-people-reader';
export { AccountPeopleRepository, type PeoplePageRequest } from './people/account-people.repository';
export type { PeopleCursor } from './people/people-cursor';
export { ProfileResolver, unknownProfile, type ProfileSelector, type ResolvedProfile } from './profiles/profile-resolver';
export {
  ACCOUNT_LIST_QUERY,
  LIST_EXPANSIONS,
  LIST_HISTORY_DAYS,
  parseAccountListQuery,
  type AccountListQuery,
  type ListExpansion,
} from './query/account-list-query';
export { LIST_SORTS, type ListSort } from './query/list-sorts';
export { ACCOUNT_QUERY, parseAccountQuery, type AccountQuery, type ExpandRequest } from './query/account-query';
export type { ListCursor, Listing, ListPosition } from './query/list-cursor';
export { MAX_HISTORY_DAYS, type QueryParameter, type QuerySpec } from './query/query-spec';
export { LOOKUP_PARAMETERS, type Lookup, type RawQuery } from './query/query-validator';
export { parseUserQuery, USER_BLOCKS, USER_QUERY, type UserBlock, type UserQuery } from './query/user-query';
export { EXPAND_DOCUMENTATION, type AccountBody, type Expansions } from './reading/account-body';
export { AccountListReader, type AccountListBody, type AccountListItem } from './reading/account-list-reader';
export { AccountReader, type AccountAnswer } from './reading/account-reader';
export { UserReader, type UserBody } from './reading/user-reader';
export { AccountListRepository, type ListedAccount, type ListPageRequest } from './repositories/account-list.repository';
export { AccountListExpansionsRepository, type SparklinePoint } from './repositories/account-list-expansions.repository';
export { AccountLookupRepository } from './repositories/account-lookup.repository';
export { AccountSegmentsRepository } from './repositories/account-segments.repository';
export { AccountTraitsRepository } from './repositories/account-traits.repository';
export {
  InsightsDataRepository,
  type AccountActivity,
  type FeatureCounts,
  type ScorePeriod,
} from './repositories/insights-data.repository';
export { UserLookupRepository, type UserRecord, type UserSummary } from './repositories/user-lookup.repository';
export { SegmentHistoryRepository, type SegmentDay, type SegmentHistory } from './segments/segment-history.repository';
export { parseSegmentsQuery, SEGMENTS_QUERY, type SegmentsQuery } from './segments/segments-query';
export { SegmentsReader, type SegmentsBody, type SegmentView } from './segments/segments-reader';
export { parseSettingsQuery, SETTINGS_QUERY, type SettingsQuery } from './settings/settings-query';
export { SettingsReader, type ActivationChecklistView, type ProfileSettingsView, type SettingsBody } from './settings/settings-reader';
export { createSignalFeed, type SignalFeed } from './signals/create-signal-feed';
export { SignalFeedRepository, type SignalPageRequest } from './signals/signal-feed.repository';
export type { SignalCursor } from './signals/signal-cursor';
export { parseSignalsQuery, SIGNALS_QUERY, type SignalsQuery } from './signals/signals-query';
export { SignalsReader, type SignalsBody } from './signals/signals-reader';
