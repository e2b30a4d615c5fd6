import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { CoilConfig } from '@coil/config';
import { createPrismaClient, type PrismaClient } from '@coil/database';
import {
  BullBatchWriter,
  EventBatcher,
  IngestService,
  RateLimiter,
} from '@coil/ingestion';
import { OpsController, READINESS_CHECKS, type ReadinessCheck } from '@coil/observability';
import { createRedisConnection, queuePrefix, type RedisConnection } from '@coil/queue';
import { CredentialResolver } from '@coil/workspaces';
import { AccoilController } from './controllers/accoil.controller';
import { AmplitudeController } from './controllers/amplitude.controller';
import { SegmentController } from './controllers/segment.controller';
import { IngestHandler } from './ingest-handler';

const REDIS = Symbol('REDIS');
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
      controllers: [OpsController, SegmentController, AccoilController, AmplitudeController],
      providers: [
        {
          provide: READINESS_CHECKS,
          inject: [REDIS],
          useFactory: (redis: RedisConnection): ReadinessCheck[] => [
            { name: 'redis', check: () => redis.ping() },
          ],
        },
        { provide: REDIS, useFactory: () => createRedisConnection(config, 'producer') },
        { provide: PRISMA, useFactory: () => createPrismaClient(config.databaseUrl, 4) },
        {
          provide: BullBatchWriter,
          inject: [REDIS],
          useFactory: (redis: RedisConnection) => new BullBatchWriter(redis, queuePrefix(config)),
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
