import type { Job, Queue } from 'bullmq';
import type { ScoringRunner } from './scoring/scoring-runner';
import type { ScoringRunSummary } from './scoring/scoring-summary';

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

/** Idempotent: every worker may call it at start-up; the one scheduler is upserted, not duplicated. */
export async function registerScoringSchedule(queue: Queue): Promise<void> {
  await queue.upsertJobScheduler(SCORING_SCHEDULER_ID, SCORING_SCHEDULE, {
    name: SCORING_JOBS.scoreAllWorkspaces,
    data: {},
    opts: { removeOnComplete: 100, removeOnFail: 1000 },
  });
}

/**
 * Asks for a rescore of the workspace in `delayMs` (the config's RESCORE_DELAY_MS). Requests
 * while one is pending are dropped (deduplication by workspace); one arriving during a run queues exactly one more run
 * after it (keepLastIfActive), so no events are missed and a workspace never runs twice at once.
 */
export async function requestRescore(queue: Queue, workspaceId: string, delayMs: number): Promise<void> {
  const data: RescoreJobData = { workspaceId };
  await queue.add(SCORING_JOBS.rescoreWorkspace, data, {
    delay: delayMs,
    deduplication: { id: `rescore:${workspaceId}`, keepLastIfActive: true },
    removeOnComplete: 100,
    removeOnFail: 1000,
  });
}

export interface ScoreAllResult {
  readonly scored: string[];
}

/**
 * The worker's processor for SCORING_QUEUE. Runs are scored at processing time, so the
 * midnight run already sees the new day's frames. A failed workspace fails the job (BullMQ
 * retries it) after the others were scored.
 */
export async function processScoringJob(job: Job, runner: ScoringRunner): Promise<ScoringRunSummary | ScoreAllResult> {
  const now = new Date();
  if (job.name === SCORING_JOBS.rescoreWorkspace) {
    return runner.scoreWorkspace((job.data as RescoreJobData).workspaceId, now);
  }
  if (job.name === SCORING_JOBS.scoreAllWorkspaces) {
    const { scored, failed } = await runner.scoreAllWorkspaces(now);
    if (failed.length > 0) throw new Error(`scoring failed for ${JSON.stringify(failed)}`);
    return { scored };
  }
  throw new Error(`unknown scoring job "${job.name}"`);
}
