import type { Job } from 'bullmq';
import type { ScoringRunner } from '../scoring/scoring-runner';
import type { ScoringRunSummary } from '../scoring/scoring-summary';
import { SCORING_JOBS, type RescoreJobData } from './scoring-queue';

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
