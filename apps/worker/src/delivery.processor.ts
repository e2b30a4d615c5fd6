import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Worker } from 'bullmq';
import type { Logger } from 'pino';
import { DELIVERY_QUEUE, type Delivery } from '@coil/delivery';
import { COIL_CONFIG, LOGGER, ShutdownSequence, stopWorkerOnShutdown, type CoilConfig, type RedisConnection } from '@coil/platform';
import { DELIVERY, DELIVERY_REDIS, WORKER_SETTINGS, type WorkerSettings } from './worker.tokens';

// Due deliveries whose wake-up was lost (Redis restart, a crash after commit) wait at most this long.
const SWEEP_EVERY_MS = 2000;

/** Sends signals to destinations: a thin shell around the delivery engine, plus its sweep schedule. */
@Injectable()
export class DeliveryProcessor implements OnApplicationBootstrap {
  constructor(
    @Inject(DELIVERY) private readonly delivery: Delivery,
    @Inject(DELIVERY_REDIS) private readonly connection: RedisConnection,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
    @Inject(COIL_CONFIG) private readonly config: CoilConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(ShutdownSequence) private readonly shutdown: ShutdownSequence,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.delivery.queue.scheduleSweep(SWEEP_EVERY_MS);
    const worker = new Worker(DELIVERY_QUEUE, (job) => this.delivery.engine.process(job), {
      connection: this.connection,
      prefix: this.settings.prefix,
      concurrency: this.config.deliveryConcurrency,
      ...this.settings.stalledJobs,
    });
    worker.on('failed', (job, error) => this.logger.warn({ err: error, job: job?.name }, 'delivery job failed; the sweeper retries it'));
    worker.on('error', (error) => this.logger.error({ err: error }, 'delivery worker error'));
    stopWorkerOnShutdown(this.shutdown, 'delivery worker', worker, this.connection);
  }
}
