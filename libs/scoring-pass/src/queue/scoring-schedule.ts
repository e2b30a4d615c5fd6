import type { Queue } from 'bullmq';
import { SCORING_JOBS, SCORING_SCHEDULE, SCORING_SCHEDULER_ID } from './scoring-queue';

/** Idempotent: every worker may call it at start-up; the one scheduler is upserted, not duplicated. */
export async function registerScoringSchedule(queue: Queue): Promise<void> {
  await queue.upsertJobScheduler(SCORING_SCHEDULER_ID, SCORING_SCHEDULE, {
    name: SCORING_JOBS.scoreAllWorkspaces,
    data: {},
    opts: { removeOnComplete: 100, removeOnFail: 1000 },
  });
}
