// Scoring I/O: configuration (profiles, features, weights, segments), the scoring pass and its queue.
export { withScoringPool } from './database/scoring-pool';
export { ScoringRunner } from './scoring/scoring-runner';
export type { ScoringProgress, ScoringProgressListener } from './scoring/scoring-progress';
export type { ProfileRunSummary, ScoringRunSummary } from './scoring/scoring-summary';
export { ProfileSettings, type ProfileChange, type ProfileView } from './settings/profile-settings';
export { FeatureSettings, type FeatureChange, type FeatureSetResult, type FeatureView } from './settings/feature-settings';
export { EventWeightSettings, type EventWeightChange, type EventWeightView } from './settings/event-weight-settings';
export { SegmentSettings, type SegmentRef, type SegmentView } from './settings/segment-settings';
export { parseEventList, parseId, parseName, parseWeight, parseWorkspaceId } from './settings/settings-input';
export { DEFAULT_PROFILE_NAME } from './repositories/scoring-profile.repository';
export {
  SCORING_JOBS,
  SCORING_QUEUE,
  SCORING_SCHEDULE,
  SCORING_SCHEDULER_ID,
  type RescoreJobData,
} from './queue/scoring-queue';
export { registerScoringSchedule } from './queue/scoring-schedule';
export { requestRescore } from './queue/request-rescore';
export { processScoringJob, type ScoreAllResult } from './queue/process-scoring-job';
