import type { JobOutcome } from '@coil/rollup';
import type { IngestEvent } from '@coil/domain';
import { counter, histogram, scrapedGauge } from '@coil/platform';

export type BatchResult = 'applied' | 'already_applied' | 'retried' | 'failed';

const eventsRolledUp = counter('coil_worker_events_rolled_up_total', 'Events applied to daily counts, users and accounts');
const duplicateEvents = counter('coil_worker_duplicate_events_total', 'Events skipped: messageId seen in the last 24 h');
const batches = counter('coil_worker_batches_total', 'Queue jobs handled, by result', ['result']);
const deadLettered = counter('coil_dead_letter_events_total', 'Events sent to the dead-letter queue');
const lag = histogram(
  'coil_worker_lag_seconds',
  'Time from ingest receipt to roll-up, per event',
  [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
);

/** Asks whichever worker app is running how many dead letters wait. */
export const reportDeadLetterQueueSize = scrapedGauge<() => Promise<number>>(
  'coil_dead_letter_queue_size',
  'Events waiting in the dead-letter queue',
  [],
  async (gauge, count) => gauge.set(await count().catch(() => Number.NaN)),
);

export function recordJob(outcome: JobOutcome, events: IngestEvent[]): void {
  batches.inc({ result: outcome.alreadyApplied ? 'already_applied' : 'applied' });
  eventsRolledUp.inc(outcome.appliedEvents);
  duplicateEvents.inc(outcome.duplicateEvents);
  deadLettered.inc(outcome.deadLetteredEvents);
  if (outcome.alreadyApplied) return;
  const now = Date.now();
  for (const event of events) lag.observe(Math.max(0, (now - Date.parse(event.receivedAt)) / 1000));
}

export function recordUnfinishedJob(result: Extract<BatchResult, 'retried' | 'failed'>): void {
  batches.inc({ result });
}
