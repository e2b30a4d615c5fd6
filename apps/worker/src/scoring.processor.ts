import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import {
  announceNewScores,
  COIL_CONFIG,
  histogram,
  LOGGER,
  REDIS,
  ShutdownSequence,
  stopWorkerOnShutdown,
  type CoilConfig,
  type RedisConnection,
} from '@coil/platform';
import {
  processScoringJob,
  registerScoringSchedule,
  ScoringRunner,
  SCORING_JOBS,
  SCORING_QUEUE,
  type RescoreJobData,
  type ScoreAllResult,
  type ScoringRunSummary,
} from '@coil/scoring-pass';
import { DeliveryWakeUp } from './delivery-wake-up';
import { SCORING_QUEUE_TOKEN, SCORING_REDIS, WORKER_SETTINGS, type WorkerSettings } from './worker.tokens';

const runDuration = histogram(
  'coil_scoring_run_duration_seconds',
  'Scoring runs (one workspace, or every workspace at UTC midnight), by job',
  [0.05, 0.1, 0.5, 1, 5, 15, 30, 60, 120, 300],
  ['job'],
);

function scoredWorkspaces(job: Job, result: ScoringRunSummary | ScoreAllResult): string[] {
  if (job.name === SCORING_JOBS.rescoreWorkspace) return [(job.data as RescoreJobData).workspaceId];
  return 'scored' in result ? result.scored : [];
}

/** Signals a run stored: a workspace's run counts them; the every-workspace run does not (null). */
function storedSignals(result: ScoringRunSummary | ScoreAllResult): number | null {
  return 'scored' in result ? null : result.signals;
}

/** Consumes scoring runs: the UTC-midnight schedule and the debounced rescoring after events. */
@Injectable()
export class ScoringProcessor implements OnApplicationBootstrap {
  constructor(
    @Inject(ScoringRunner) private readonly runner: ScoringRunner,
    @Inject(SCORING_QUEUE_TOKEN) private readonly queue: Queue,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
    @Inject(COIL_CONFIG) private readonly config: CoilConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(REDIS) private readonly redis: RedisConnection,
    @Inject(SCORING_REDIS) private readonly connection: RedisConnection,
    @Inject(ShutdownSequence) private readonly shutdown: ShutdownSequence,
    @Inject(DeliveryWakeUp) private readonly delivery: DeliveryWakeUp,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await registerScoringSchedule(this.queue);
    const worker = new Worker(
      SCORING_QUEUE,
      async (job) => {
        const stop = runDuration.startTimer({ job: job.name });
        try {
          const result = await processScoringJob(job, this.runner);
          const workspaceIds = scoredWorkspaces(job, result);
          await this.announceNewScores(workspaceIds);
          const now = new Date();
          for (const workspaceId of workspaceIds) await this.delivery.scored(workspaceId, storedSignals(result), now);
          return result;
        } finally {
          stop();
        }
      },
      { connection: this.connection, prefix: this.settings.prefix, concurrency: 1, ...this.settings.stalledJobs },
    );
    worker.on('failed', (job, error) => this.logger.error({ err: error, job: job?.name }, 'scoring run failed'));
    worker.on('error', (error) => this.logger.error({ err: error }, 'scoring worker error'));
    stopWorkerOnShutdown(this.shutdown, 'scoring worker', worker, this.connection);
  }

  /** The read API drops cached metrics of these workspaces; a failure only delays that (its TTL). */
  private async announceNewScores(workspaceIds: string[]): Promise<void> {
    await announceNewScores(this.redis, this.config, workspaceIds).catch((error: unknown) =>
      this.logger.warn({ err: error, workspaceIds }, 'could not announce new scores'),
    );
  }
}
