import type { Queue } from 'bullmq';
import { scrapedGauge } from '@coil/platform';

/** Read at scrape time, so /metrics shows the backlog the worker still has to roll up. */
export const reportQueueDepth = scrapedGauge<Queue, 'state'>(
  'coil_queue_depth',
  'Jobs in the ingest queue by state',
  ['state'],
  async (gauge, queue) => {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
    for (const [state, count] of Object.entries(counts)) gauge.set({ state }, count);
  },
);
