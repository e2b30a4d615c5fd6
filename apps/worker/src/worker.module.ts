import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import type { CoilConfig } from '@coil/platform';
import { OpsController, READINESS_CHECKS, type ReadinessCheck } from '@coil/platform';
import { createRedisConnection, queuePrefix, type RedisConnection } from '@coil/platform';
import { createScoringRunner, ScoringRunner, SCORING_QUEUE } from '@coil/scoring-pass';
import { BatchRollup, BullDeadLetterSink, createBatchRollup, countDeadLetters, deadLetterQueue, type DeadLetterQueue } from '@coil/rollup';
import { IngestBatchProcessor } from './ingest-batch.processor';
import { ScoringProcessor } from './scoring.processor';
import { RetentionScheduler } from './retention.scheduler';
import { reportDeadLetterQueueSize } from './worker-metrics';
import { COIL_CONFIG, LOGGER, PG_POOL, REDIS, SCORING_POOL, SCORING_QUEUE_TOKEN, WORKER_SETTINGS, type WorkerSettings } from './worker.tokens';

const DEAD_LETTERS = Symbol('DEAD_LETTERS');

// A scoring run reads on up to four connections, then writes on one.
const SCORING_POOL_SIZE = 5;

/** Roll-up: one connection per concurrent job, one for the prune and readiness checks. */
function createPool(config: CoilConfig, logger: Logger, max: number): Pool {
  const pool = new Pool({
    connectionString: config.databaseUrl,
    max,
    connectionTimeoutMillis: 5000,
    keepAlive: true,
  });
  // An idle client losing its server must not crash the process; the next job retries.
  pool.on('error', (error) => logger.warn({ err: error }, 'idle PostgreSQL client lost'));
  return pool;
}

/** Runs after the processor has let its jobs finish (beforeApplicationShutdown). */
class ConnectionsShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: RedisConnection,
    @Inject(DEAD_LETTERS) private readonly deadLetters: DeadLetterQueue,
    @Inject(SCORING_POOL) private readonly scoringPool: Pool,
    @Inject(SCORING_QUEUE_TOKEN) private readonly scoringQueue: Queue,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    reportDeadLetterQueueSize(undefined);
    await this.deadLetters.close();
    await this.scoringQueue.close();
    await this.pool.end();
    await this.scoringPool.end();
    this.redis.disconnect();
  }
}

@Module({})
export class WorkerModule {
  static forRoot(config: CoilConfig, logger: Logger): DynamicModule {
    const settings: WorkerSettings = {
      prefix: queuePrefix(config),
      concurrency: config.workerConcurrency,
      lockDurationMs: config.workerLockDurationMs,
      rescoreDelayMs: config.rescoreDelayMs,
    };
    return {
      module: WorkerModule,
      controllers: [OpsController],
      providers: [
        { provide: LOGGER, useValue: logger },
        { provide: COIL_CONFIG, useValue: config },
        { provide: SCORING_POOL, useFactory: () => createPool(config, logger, SCORING_POOL_SIZE) },
        {
          provide: ScoringRunner,
          inject: [SCORING_POOL],
          useFactory: (pool: Pool) => createScoringRunner(pool),
        },
        {
          provide: SCORING_QUEUE_TOKEN,
          inject: [REDIS],
          useFactory: (redis: RedisConnection) => new Queue(SCORING_QUEUE, { connection: redis, prefix: settings.prefix }),
        },
        { provide: WORKER_SETTINGS, useValue: settings },
        { provide: PG_POOL, useFactory: () => createPool(config, logger, config.workerConcurrency + 1) },
        { provide: REDIS, useFactory: () => createRedisConnection(config, 'worker') },
        {
          provide: DEAD_LETTERS,
          inject: [REDIS],
          useFactory: (redis: RedisConnection) => {
            const queue = deadLetterQueue(redis, settings.prefix);
            reportDeadLetterQueueSize(() => countDeadLetters(queue));
            return queue;
          },
        },
        {
          provide: BatchRollup,
          inject: [PG_POOL, DEAD_LETTERS],
          useFactory: (pool: Pool, queue: DeadLetterQueue) => createBatchRollup(pool, new BullDeadLetterSink(queue)),
        },
        {
          provide: READINESS_CHECKS,
          inject: [PG_POOL, REDIS],
          useFactory: (pool: Pool, redis: RedisConnection): ReadinessCheck[] => [
            { name: 'postgres', check: () => pool.query('SELECT 1') },
            { name: 'redis', check: () => redis.ping() },
          ],
        },
        IngestBatchProcessor,
        ScoringProcessor,
        RetentionScheduler,
        ConnectionsShutdown,
      ],
    };
  }
}
