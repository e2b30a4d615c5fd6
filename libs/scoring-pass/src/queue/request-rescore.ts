import type { Queue } from 'bullmq';
import { SCORING_JOBS, type RescoreJobData } from './scoring-queue';

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
