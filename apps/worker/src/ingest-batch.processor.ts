import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, Worker, type Job, type Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { IngestBatch } from '@coil/domain';
import { INGEST_QUEUE } from '@coil/ingestion';
import { BatchRollup, isPoisonError, retryDelayMs, type JobOutcome } from '@coil/rollup';
import { LOGGER, REDIS, ShutdownSequence, stopWorkerOnShutdown, type RedisConnection } from '@coil/platform';
import { requestRescore } from '@coil/scoring-pass';
import { DeliveryWakeUp } from './delivery-wake-up';
import { SCORING_QUEUE_TOKEN, WORKER_SETTINGS, type WorkerSettings } from './worker.tokens';
import { recordJob, recordUnfinishedJob } from './worker-metrics';

// A job is only ever retried, never failed for a transient error, so this merely guards
// against a job that keeps killing its worker.
const MAX_STALLED_COUNT = 50;

/** Signals the roll-up stored (trait changes, first uses); 0 until the roll-up counts them. */

/** Feeds ingest jobs to the roll-up; a thin shell around BatchRollup. */
@Injectable()
export class IngestBatchProcessor implements OnApplicationBootstrap {
  constructor(
    @Inject(BatchRollup) private readonly rollup: BatchRollup,
    @Inject(REDIS) private readonly connection: RedisConnection,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SCORING_QUEUE_TOKEN) private readonly scoringQueue: Queue,
    @Inject(ShutdownSequence) private readonly shutdown: ShutdownSequence,
    @Inject(DeliveryWakeUp) private readonly delivery: DeliveryWakeUp,
  ) {}

  onApplicationBootstrap(): void {
    const { concurrency, prefix, stalledJobs } = this.settings;
    const worker = new Worker<IngestBatch, JobOutcome>(INGEST_QUEUE, (job, token) => this.process(job, token), {
      connection: this.connection,
      prefix,
      concurrency,
      ...stalledJobs,
      maxStalledCount: MAX_STALLED_COUNT,
    });
    worker.on('error', (error) => this.logger.error({ err: error }, 'queue worker error'));
    stopWorkerOnShutdown(this.shutdown, 'roll-up worker', worker, this.connection);
  }

  private async process(job: Job<IngestBatch, JobOutcome>, token?: string): Promise<JobOutcome> {
    try {
      const outcome = await this.rollup.rollupJob(job.id!, job.data);
      recordJob(outcome, job.data.events);
      if (outcome.appliedEvents > 0) await this.requestRescore(job.data.workspaceId);
      await this.delivery.signalsStored(job.data.workspaceId, outcome.signals);
      return outcome;
    } catch (error) {
      if (isPoisonError(error) || token === undefined) {
        recordUnfinishedJob('failed');
        throw error;
      }
      return this.retryLater(job, token, error);
    }
  }

  /** The counts are committed: a failed request only delays the scores until the midnight run. */
  private async requestRescore(workspaceId: string): Promise<void> {
    await requestRescore(this.scoringQueue, workspaceId, this.settings.rescoreDelayMs).catch((error: unknown) =>
      this.logger.warn({ err: error, workspaceId }, 'could not request a rescore'),
    );
  }

  /** Transient failure: back to the delayed set without using up one of the job's attempts. */
  private async retryLater(job: Job<IngestBatch, JobOutcome>, token: string, error: unknown): Promise<never> {
    const delayMs = retryDelayMs(job.attemptsStarted);
    this.logger.warn({ err: error, jobId: job.id, delayMs }, 'roll-up failed, retrying later');
    recordUnfinishedJob('retried');
    await job.moveToDelayed(Date.now() + delayMs, token);
    throw new DelayedError();
  }
}
