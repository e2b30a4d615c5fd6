import type { Queue } from 'bullmq';
import { Gauge, register } from 'prom-client';

const NAME = 'coil_queue_depth';
let source: Queue | undefined;

// Read at scrape time, so /metrics shows the backlog the worker still has to roll up.
if (!register.getSingleMetric(NAME)) {
  new Gauge({
    name: NAME,
    help: 'Jobs in the ingest queue by state',
    labelNames: ['state'],
    async collect() {
      if (!source) return;
      const counts = await source.getJobCounts('waiting', 'active', 'delayed', 'failed').catch(() => undefined);
      if (!counts) return;
      for (const [state, count] of Object.entries(counts)) this.set({ state }, count);
    },
  });
}

export function reportQueueDepth(queue: Queue | undefined): void {
  source = queue;
}
