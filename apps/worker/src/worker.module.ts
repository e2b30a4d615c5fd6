import { Module, type DynamicModule } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import {
  pgPoolProvider,
  PG_POOL,
  PlatformModule,
  queuePrefix,
  redisConnectionProvider,
  REDIS,
  ShutdownSequence,
  type CoilConfig,
  type RedisConnection,
} from '@coil/platform';
import { createScoringRunner, ScoringRunner, SCORING_QUEUE } from '@coil/scoring-pass';
import {
  BatchRollup,
  BullDeadLetterSink,
  createBatchRollup,
  countDeadLetters,
  deadLetterQueue,
  RetentionRepository,
  type DeadLetterQueue,
} from '@coil/rollup';
import { createDelivery, type Delivery } from '@coil/delivery';
import { DeliveryProcessor } from './delivery.processor';
import { DeliveryWakeUp } from './delivery-wake-up';
import { IngestBatchProcessor } from './ingest-batch.processor';
import { ScoringProcessor } from './scoring.processor';
import { RetentionScheduler } from './retention.scheduler';
import { reportDeadLetterQueueSize } from './worker-metrics';
import {
  DELIVERY,
  DELIVERY_POOL,
  DELIVERY_REDIS,
  SCORING_POOL,
  SCORING_QUEUE_TOKEN,
  SCORING_REDIS,
  WORKER_SETTINGS,
  type WorkerSettings,
} from './worker.tokens';

const DEAD_LETTERS = Symbol('DEAD_LETTERS');

// A scoring run reads on up to four connections, then writes on one.
const SCORING_POOL_SIZE = 5;
// A delivery job runs a few short queries around each send; sends, not queries, are what overlap.
const DELIVERY_POOL_SIZE = 8;

@Module({})
export class WorkerModule {
  static forRoot(config: CoilConfig, logger: Logger): DynamicModule {
    const settings: WorkerSettings = {
      prefix: queuePrefix(config),
      concurrency: config.workerConcurrency,
      stalledJobs: { lockDuration: config.workerLockDurationMs, stalledInterval: config.workerStalledCheckMs },
      rescoreDelayMs: config.rescoreDelayMs,
    };
    return {
      module: WorkerModule,
      // Roll-up: one connection per concurrent job, one for the prune and readiness checks.
      imports: [PlatformModule.forRoot({ app: 'worker', config, logger, pgPoolSize: config.workerConcurrency + 1 })],
      providers: [
        { provide: WORKER_SETTINGS, useValue: settings },
        pgPoolProvider(SCORING_POOL, SCORING_POOL_SIZE),
        redisConnectionProvider(SCORING_REDIS, 'worker'),
        {
          provide: ScoringRunner,
          inject: [SCORING_POOL],
          useFactory: (pool: Pool) => createScoringRunner(pool),
        },
        {
          provide: SCORING_QUEUE_TOKEN,
          inject: [REDIS, ShutdownSequence],
          useFactory: (redis: RedisConnection, shutdown: ShutdownSequence) => {
            const queue = new Queue(SCORING_QUEUE, { connection: redis, prefix: settings.prefix });
            shutdown.add('queues', 'scoring queue', () => queue.close());
            return queue;
          },
        },
        {
          provide: DEAD_LETTERS,
          inject: [REDIS, ShutdownSequence],
          useFactory: (redis: RedisConnection, shutdown: ShutdownSequence) => {
            const queue = deadLetterQueue(redis, settings.prefix);
            reportDeadLetterQueueSize(() => countDeadLetters(queue));
            shutdown.add('queues', 'dead-letter queue', () => {
              reportDeadLetterQueueSize(undefined);
              return queue.close();
            });
            return queue;
          },
        },
        {
          provide: BatchRollup,
          inject: [PG_POOL, DEAD_LETTERS],
          useFactory: (pool: Pool, queue: DeadLetterQueue) => createBatchRollup(pool, new BullDeadLetterSink(queue)),
        },
        pgPoolProvider(DELIVERY_POOL, DELIVERY_POOL_SIZE),
        redisConnectionProvider(DELIVERY_REDIS, 'worker'),
        {
          provide: DELIVERY,
          inject: [DELIVERY_POOL, REDIS, ShutdownSequence],
          useFactory: (pool: Pool, redis: RedisConnection, shutdown: ShutdownSequence): Delivery => {
            const delivery = createDelivery(pool, redis, config, logger);
            shutdown.add('queues', 'delivery queue', () => delivery.queue.close());
            return delivery;
          },
        },
        DeliveryWakeUp,
        DeliveryProcessor,
        IngestBatchProcessor,
        ScoringProcessor,
        { provide: RetentionRepository, inject: [PG_POOL], useFactory: (pool: Pool) => new RetentionRepository(pool) },
        RetentionScheduler,
      ],
    };
  }
}
