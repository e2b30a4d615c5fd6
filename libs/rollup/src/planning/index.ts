export { compareNumericIds, compareStrings } from './compare-ids';
export { firstOfEachMessage, invalidEventReason, InvalidEventError, subjectId, utcDay } from './events';
export {
  applyTraitUpdates,
  chronological,
  combineStoredTraits,
  mergeTraits,
  NO_TRAITS,
  type StoredTraits,
  type TraitUpdate,
} from './merge-traits';
export { MAX_ONCE_CANDIDATES, type KeyClock, type OnceCandidate, type TraitClock } from './trait-clock';
export { accountColumns, normalizeTraits, type AccountColumns } from './normalize-traits';
export { NO_ACCOUNT, planDailyCounts, type DailyCountRow } from './plan-daily-counts';
export { planIdentities, type IdentityGroup, type IdentityPlan } from './plan-identities';
export { planMemberships, type MembershipRow } from './plan-memberships';
export { applyWatchedUpdates, type TraitWatch, type WatchedUpdates } from './watch-traits';
export { planTraitUpdates, trackingIdsOf, type KeyedTraitUpdate, type TraitUpdatePlan } from './plan-trait-updates';
