import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { CoilConfig } from './config/config';
import { pgPoolProvider, redisConnectionProvider } from './connections';
import { OpsController } from './observability/ops.controller';
import type { ReadinessCheck } from './observability/readiness';
import { COIL_CONFIG, LOGGER, PG_POOL, READINESS_CHECKS, REDIS } from './platform.tokens';
import { readQueueDurability } from './redis/queue-durability';
import { QueueDurabilityCheck } from './redis/queue-durability-check';
import type { RedisConnection, RedisPurpose } from './redis/redis-connection';
import { ShutdownSequence } from './shutdown/shutdown-sequence';

export type CoilApp = 'ingest' | 'worker' | 'api';

export interface PlatformOptions {
  app: CoilApp;
  config: CoilConfig;
  logger: Logger;
  /** Connections of PG_POOL: as many as the app's work holds at once. */
  pgPoolSize: number;
}

interface AppPlatform {
  redis: RedisPurpose;
  /** How long start-up waits for Redis to answer (0: not at all). */
  redisReadyTimeoutMs: number;
  /** Writes to or consumes the queue: checks that Redis keeps it (queue_durability). */
  usesQueue: boolean;
  /** /readyz fails while PostgreSQL does not answer. */
  needsPostgres: boolean;
}

/**
 * Ingest and worker give Redis a moment at start-up, so that the durable-queue check has an
 * answer; they start anyway when it has none. The ingest's readiness leaves PostgreSQL out on
 * purpose: it keeps answering 202 for known keys from its credential cache while PostgreSQL
 * is down (docs/scaling.md).
 */
const APPS: Readonly<Record<CoilApp, AppPlatform>> = {
  ingest: { redis: 'producer', redisReadyTimeoutMs: 5000, usesQueue: true, needsPostgres: false },
  worker: { redis: 'worker', redisReadyTimeoutMs: 5000, usesQueue: true, needsPostgres: true },
  api: { redis: 'cache', redisReadyTimeoutMs: 0, usesQueue: false, needsPostgres: true },
};

/**
 * What every process stands on, wired once: config, logger, Redis, the PostgreSQL pool, the
 * ops endpoints (/healthz, /readyz, /metrics from prom-client's default registry), the
 * durable-queue check and the ordered shutdown. An app imports it and lists only its own
 * controllers and providers.
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const app = APPS[options.app];
    return {
      module: PlatformModule,
      global: true,
      controllers: [OpsController],
      providers: [
        { provide: COIL_CONFIG, useValue: options.config },
        { provide: LOGGER, useValue: options.logger },
        shutdownProvider(options),
        redisConnectionProvider(REDIS, app.redis, app.redisReadyTimeoutMs),
        pgPoolProvider(PG_POOL, options.pgPoolSize),
        ...(app.usesQueue ? [durabilityProvider(options)] : []),
        readinessProvider(app.needsPostgres),
      ],
      exports: [COIL_CONFIG, LOGGER, REDIS, PG_POOL, ShutdownSequence],
    };
  }
}

/** The HTTP server is the first thing to stop: no new request is taken once shutdown starts. */
function shutdownProvider({ config, logger }: PlatformOptions): Provider {
  return {
    provide: ShutdownSequence,
    inject: [HttpAdapterHost],
    useFactory: (host: HttpAdapterHost) => {
      const shutdown = new ShutdownSequence(config.shutdownTimeoutMs, logger);
      shutdown.add('intake', 'HTTP server', async () => {
        await (host.httpAdapter?.close() as Promise<void> | undefined);
      });
      return shutdown;
    },
  };
}

function durabilityProvider({ config, logger }: PlatformOptions): Provider {
  return {
    provide: QueueDurabilityCheck,
    inject: [REDIS, ShutdownSequence],
    useFactory: (redis: RedisConnection, shutdown: ShutdownSequence) =>
      new QueueDurabilityCheck(() => readQueueDurability(redis), config, logger, shutdown),
  };
}

function readinessProvider(needsPostgres: boolean): Provider {
  return {
    provide: READINESS_CHECKS,
    inject: [REDIS, PG_POOL, { token: QueueDurabilityCheck, optional: true }],
    useFactory: (redis: RedisConnection, pool: Pool, durability: QueueDurabilityCheck | undefined): ReadinessCheck[] => [
      ...(needsPostgres ? [{ name: 'postgres', check: () => pool.query('SELECT 1') }] : []),
      { name: 'redis', check: () => redis.ping() },
      ...(durability ? [{ name: 'queue_durability', check: () => durability.check() }] : []),
    ],
  };
}

/**
 * Runs an app as its own process. A start that fails (a bad setting, a queue that must be
 * durable and is not) is printed and exits with code 1, rather than leaving a process that
 * holds connections and does nothing.
 */
export function startProcess(start: () => Promise<unknown>): void {
  Promise.resolve()
    .then(start)
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
