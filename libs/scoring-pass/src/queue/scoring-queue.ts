/** The BullMQ queue of scoring runs (the worker consumes it; ingest-side roll-ups feed it). */
export const SCORING_QUEUE = 'coil-scoring';

export const SCORING_JOBS = {
  /** The UTC-midnight run of every workspace, so time frames roll over. */
  scoreAllWorkspaces: 'score-all-workspaces',
  /** A debounced rescore of one workspace after new events. */
  rescoreWorkspace: 'rescore-workspace',
} as const;

export interface RescoreJobData {
  readonly workspaceId: string;
}

/** Id of the job scheduler that runs scoreAllWorkspaces daily. */
export const SCORING_SCHEDULER_ID = 'scoring-at-utc-midnight';
export const SCORING_SCHEDULE = { pattern: '0 0 * * *', tz: 'UTC' } as const;
