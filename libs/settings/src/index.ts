// Workspace configuration that scoring reads: profiles, features, direct weights, segments, trait
// types, the activation checklist, where accounts come from, and the signal settings.
export { createSettings, type Settings } from './create-settings';
export { ProfileSettings, type ProfileChange, type ProfileView } from './settings/profile-settings';
export { FeatureSettings, type FeatureChange, type FeatureSetResult, type FeatureView } from './settings/feature-settings';
export { EventWeightSettings, type EventWeightChange, type EventWeightView } from './settings/event-weight-settings';
export { SegmentSettings, type SegmentRef, type SegmentView } from './settings/segment-settings';
export { parseEventList, parseTraitKey, parseWeight } from './settings/settings-input';
export {
  ActivationSettings,
  MAX_PER_USER,
  parsePerUser,
  type ActivationCleared,
  type ActivationStepView,
  type ActivationView,
} from './settings/activation-settings';
export { MAX_ACTIVATION_STEPS, MAX_STEP_MIN_COUNT, parseActivationSteps } from './settings/activation-steps';
export {
  AccountSettingsService,
  type AccountSettingsView,
  type AccountSource,
  type AccountTraitsChange,
} from './settings/account-settings';
export {
  parseRetentionDays,
  parseScoreThreshold,
  parseWatchedTraits,
  SignalSettingsService,
  type SignalSettingsChange,
  type SignalSettingsView,
} from './settings/signal-settings';
export { EventWeightRepository } from './repositories/event-weight.repository';
export { FeatureRepository, type EventOwner, type FeatureRecord } from './repositories/feature.repository';
export { ScoringLockRepository } from './repositories/scoring-lock.repository';
export {
  DEFAULT_PROFILE_NAME,
  DEFAULT_PROFILE_VALUES,
  ScoringProfileRepository,
  type ProfileValues,
  type ScoringProfileRecord,
} from './repositories/scoring-profile.repository';
export { SegmentRepository, type SegmentRecord } from './repositories/segment.repository';
export { SignalSettingsRepository, type SignalSettings } from './repositories/signal-settings.repository';
export type { SettingsRepositories } from './repositories/settings-repositories';
export { ActivationChecklistRepository } from './repositories/activation-checklist.repository';
export { TraitTypeRepository } from './repositories/trait-type.repository';
export { TraitValueRepository, type TraitHolder, type TypedTraitValue } from './repositories/trait-value.repository';
export {
  SAMPLE_VALUES,
  TraitTypeSettings,
  type TraitTypeCheck,
  type TraitTypeProblem,
  type TraitTypeView,
} from './settings/trait-type-settings';
