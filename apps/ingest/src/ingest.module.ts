import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { CoilConfig } from '@coil/platform';
import { createPrismaClient, type PrismaClient } from '@coil/database';
import { BullBatchWriter, EventBatcher, IngestService } from '@coil/ingestion';
import { RateLimiter } from '@coil/http';
import { OpsController, READINESS_CHECKS, type ReadinessCheck } from '@coil/platform';
import { createRedisConnection, queuePrefix, waitUntilReady, type RedisConnection } from '@coil/platform';
import { CredentialResolver } from '@coil/workspaces';
import { INGEST_CONTROLLERS } from './controllers/ingest-controllers';
import { IngestHandler } from './ingest-handler';
import { reportQueueDepth } from './queue-depth.metric';

const REDIS = Symbol('REDIS');
const REDIS_READY_TIMEOUT_MS = 5000;
const PRISMA = Symbol('PRISMA');

/** Closes, in order, what the HTTP server used: queued events first, then the connections. */
class IngestShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(EventBatcher) private readonly batcher: EventBatcher,
    @Inject(BullBatchWriter) private readonly writer: BullBatchWriter,
    @Inject(REDIS) private readonly redis: RedisConnection,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.batcher.drain();
    reportQueueDepth(undefined);
    await this.writer.close();
    this.redis.disconnect();
    await this.prisma.$disconnect();
  }
}

@Module({})
export class IngestModule {
  static forRoot(config: CoilConfig): DynamicModule {
    return {
      module: IngestModule,
      controllers: [OpsController, ...INGEST_CONTROLLERS],
      providers: [
        {
          provide: READINESS_CHECKS,
          inject: [REDIS],
          useFactory: (redis: RedisConnection): ReadinessCheck[] => [
            { name: 'redis', check: () => redis.ping() },
          ],
        },
        {
          provide: REDIS,
          useFactory: async () => {
            const redis = createRedisConnection(config, 'producer');
            await waitUntilReady(redis, REDIS_READY_TIMEOUT_MS);
            return redis;
          },
        },
        { provide: PRISMA, useFactory: () => createPrismaClient(config.databaseUrl, 4) },
        {
          provide: BullBatchWriter,
          inject: [REDIS],
          useFactory: (redis: RedisConnection) => {
            const writer = new BullBatchWriter(redis, queuePrefix(config));
            reportQueueDepth(writer.queue);
            return writer;
          },
        },
        {
          provide: EventBatcher,
          inject: [BullBatchWriter],
          useFactory: (writer: BullBatchWriter) =>
            new EventBatcher(writer, {
              maxEvents: config.ingestBatchMaxEvents,
              maxDelayMs: config.ingestBatchDelayMs,
              writeTimeoutMs: config.ingestQueueTimeoutMs,
            }),
        },
        {
          provide: CredentialResolver,
          inject: [PRISMA],
          useFactory: (prisma: PrismaClient) => new CredentialResolver(prisma),
        },
        {
          provide: IngestService,
          inject: [CredentialResolver, EventBatcher],
          useFactory: (keys: CredentialResolver, batcher: EventBatcher) =>
            new IngestService(keys, new RateLimiter(() => config.ingestRateLimit), batcher),
        },
        IngestHandler,
        IngestShutdown,
      ],
    };
  }
}
