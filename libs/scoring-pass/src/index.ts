// The scoring pass (set-based reads, pure math, one transaction of writes) and its queue.
export { createAccountSourceSync, createScoringRunner } from './create-scoring-runner';
export { AccountSourceSync, type AccountSourceSyncResult } from './scoring/account-source-sync';
export { AccountSourceRepository } from './repositories/account-source.repository';
export { ScoringRunner } from './scoring/scoring-runner';
export type { AccountSourceWrites, ScoringReads, ScoringWrites } from './repositories/scoring-repositories';
export type { ScoringProgress, ScoringProgressListener } from './scoring/scoring-progress';
export type { ProfileRunSummary, ScoringRunSummary } from './scoring/scoring-summary';
export {
  processScoringJob,
  registerScoringSchedule,
  requestRescore,
  SCORING_JOBS,
  SCORING_QUEUE,
  SCORING_SCHEDULE,
  SCORING_SCHEDULER_ID,
  type RescoreJobData,
  type ScoreAllResult,
} from './scoring-queue';
