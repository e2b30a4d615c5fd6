import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { IngestBatch } from '@coil/domain';
import type { RedisConnection } from '@coil/platform';

/** The queue between the ingest (producer) and the worker's roll-up (consumer). */
export const INGEST_QUEUE = 'coil-ingest';

/** Writes batches of events as BullMQ jobs, all of them or none. */
export interface BatchWriter {
  write(batches: IngestBatch[]): Promise<void>;
}

/**
 * Transient failures never reach these options: the worker moves such a job back to the delayed
 * set itself (`retryDelayMs` in @coil/rollup: 0.5 s doubling, capped at 30 s) without using up an
 * attempt, so a job outlives any PostgreSQL outage. `attempts` and `backoff` only govern a job
 * whose processor throws (a poison error that splitting could not pin on one event), and
 * `removeOnFail: false` keeps such a job for inspection.
 */
export const INGEST_JOB_OPTIONS = {
  attempts: 1000,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: true,
  removeOnFail: false,
} as const;

export class BullBatchWriter implements BatchWriter {
  readonly queue: Queue<IngestBatch>;

  constructor(connection: RedisConnection, prefix: string) {
    this.queue = new Queue<IngestBatch>(INGEST_QUEUE, { connection, prefix });
  }

  /** One job is one script call; several go in one MULTI (addBulk), which costs BullMQ twice as much CPU per call. */
  async write(batches: IngestBatch[]): Promise<void> {
    if (batches.length === 1) {
      await this.queue.add('batch', batches[0], { ...INGEST_JOB_OPTIONS, jobId: randomUUID() });
      return;
    }
    await this.queue.addBulk(batches.map((data) => ({ name: 'batch', data, opts: { ...INGEST_JOB_OPTIONS, jobId: randomUUID() } })));
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
