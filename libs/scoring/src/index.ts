// Pure scoring: weights, raw scores, normalisation, time frames, metrics, rules, segments, insights.
export { ScoringConfigError, type ScoringConfigProblem } from './weights/scoring-config-error';
export {
  DEFAULT_EVENT_WEIGHT,
  DEFAULT_WINDOW_DAYS,
  eventWeighting,
  isScoredEvent,
  MAX_EVENT_WEIGHT,
  MIN_EVENT_WEIGHT,
  scoresEveryEvent,
  unconfiguredWeighting,
  weightOfEvent,
  type EventWeighting,
} from './weights/event-weighting';
export {
  findWeightProblems,
  isValidWeight,
  resolveEventWeights,
  type FeatureWeight,
  type WeightConfig,
} from './weights/resolve-event-weights';
export { percentile, percentile90 } from './normalization/percentile';
export { benchmark } from './normalization/benchmark';
export {
  engagementScore,
  MAX_SCORE,
  MIN_SCORE,
  roundToTenth,
  scoreChange,
  scoreWith,
  NORMALIZATION_FORMULAS,
  winsorizedScore,
  type NormalizationMethod,
} from './normalization/engagement-score';
export { addUtcDays, daysBetween, formatUtcDay, parseUtcDay, utcDay } from './time/utc-day';
export {
  ACTIVE_PEOPLE_DAYS,
  assertWindowDays,
  isInFrame,
  isWindowDays,
  previousTimeFrame,
  RECENT_EVENTS_DAYS,
  timeFrame,
  trailingDays,
  WINDOW_DAYS,
  type TimeFrame,
  type WindowDays,
} from './time/time-frame';
export type { AccountTotals, EntityId } from './metrics/account-totals';
export type { AccountScoreRow } from './metrics/account-score-row';
export { activationRate, scoredEventCount } from './metrics/activation-rate';
export { scoreAccounts, type ScoreAccountsOptions } from './metrics/score-accounts';
export { toAccountMetrics, type AccountMetrics } from './metrics/account-metrics';
export { scoreUsers, type ScoreUsersOptions, type UserScoreRow, type UserTotals } from './metrics/score-users';
// History, trend, frequency, adoption and activation (the engagement model of parity.md).
export { COLD_CHANGE, HOT_CHANGE, trendOf, type Trend } from './metrics/trend';
export { changeBaseline, historyCutoff, HISTORY_RETENTION_DAYS, type ChangeBaseline } from './metrics/score-history';
export { adoptionRate, adoptionUnits, type AdoptionUnits } from './metrics/adoption';
export { workspaceScore, type WorkspaceScore } from './metrics/workspace-score';
export { engagementFields, type EngagementFields, type EngagementTotals } from './metrics/engagement-fields';
export { activationStepEvents, type ActivationStepEvent } from './activation/activation-step';
export { accountActivationOf, activationOf, type StepDoneDays } from './activation/activation-of';
// Rules, trait types and segments.
export { RuleParseError } from './rules/rule-parse-error';
export { ruleFields, type CompareOperator, type RelativeDate, type RuleLiteral, type RuleNode } from './rules/rule-ast';
export { tokenizeRule, type RuleToken, type RuleTokenKind } from './rules/rule-lexer';
export { parseRule } from './rules/rule-parser';
export { asFieldValue, evaluateRule, matchesRule, recordLookup, type RuleFieldLookup, type RuleFieldValue } from './rules/rule-evaluator';
export {
  matchesTraitFilter,
  parseTraitFilter,
  type TraitFilter,
  type TraitRuleContext,
  type Traits,
  type TraitSubject,
} from './rules/trait-filter';
export { dateOf, INVALID, parseTraitValue, typedTrait, type InvalidTraitValue, type TraitValue } from './traits/trait-value';
export { parseIsoInstant, UNIX_MS_FROM, unixInstant } from './traits/trait-date';
export { SUGGESTED_SEGMENTS, type SegmentDefinition } from './segments/suggested-segments';
export { segmentSubjectOf, type EngagementMetrics, type SegmentSubject } from './segments/segment-subject';
export { DEFAULT_CREATED_AT_TRAITS, SEGMENT_METRIC_FIELDS, segmentLookup, type SegmentContext } from './segments/segment-lookup';
export { diffMembership, matchingSegments, type MembershipDiff, type ParsedSegment } from './segments/segment-membership';
export type {
  FeatureActivity,
  FeatureUsage,
  Health,
  Insights,
  InsightSignal,
  InsightsInput,
  InsightsProvider,
  SignalKind,
} from './insights/insights';
export {
  ACTIVE_SHARE_MOVE,
  CONCENTRATION_SHARE,
  daysSinceLastSeen,
  insightSignals,
  QUIET_DAYS,
  SCORE_MOVE_POINTS,
  unusedFeatureNames,
} from './insights/insight-signals';
export { assessHealth, AT_RISK_BELOW, HEALTHY_FROM } from './insights/insight-health';
export { recommendationsFor } from './insights/insight-recommendations';
export { generateInsights } from './insights/generate-insights';
export { DeterministicInsightsProvider } from './insights/deterministic-insights-provider';
// Explanations: what a score is made of, and what moved it.
export type { Contribution, Driver, FilterApplied, ScoreChangeExplanation, ScoreExplanation } from './explanation/score-explanation';
export { driversOf, explainScore, type EventTally, type ExplanationInput, type StoredScore } from './explanation/explain-score';
export { scopeTallies, type ExplainedSubject, type MemberTally } from './explanation/explanation-scope';
export { apportionShares, SHARE_DECIMALS } from './explanation/apportion-shares';
export { driversText, DRIVERS_NAMED } from './explanation/driver-text';
export type { Activation, ActivationChecklist, ActivationStep } from './activation/activation-checklist';
export { activationStepLabel, FEATURE_STEP_PREFIX } from './activation/activation-step-label';
export { isTraitDataType, TRAIT_DATA_TYPES, type TraitDataType, type TraitTypes } from './traits/trait-data-type';
