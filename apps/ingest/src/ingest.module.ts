import { Module, type DynamicModule } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { RateLimiter } from '@coil/http';
import { BullBatchWriter, EventBatcher, IngestService } from '@coil/ingestion';
import { PG_POOL, PlatformModule, queuePrefix, REDIS, ShutdownSequence, type CoilConfig, type RedisConnection } from '@coil/platform';
import { createCredentialResolver, CredentialResolver } from '@coil/workspaces';
import { AnalyticsJsController } from './controllers/analytics-js.controller';
import { INGEST_CONTROLLERS } from './controllers/ingest-controllers';
import { IngestHandler } from './ingest-handler';
import { reportQueueDepth } from './queue-depth.metric';

// Credential look-ups only: a few connections serve every request through the key cache.
const PG_POOL_SIZE = 4;

@Module({})
export class IngestModule {
  static forRoot(config: CoilConfig, logger: Logger): DynamicModule {
    return {
      module: IngestModule,
      imports: [PlatformModule.forRoot({ app: 'ingest', config, logger, pgPoolSize: PG_POOL_SIZE })],
      controllers: [...INGEST_CONTROLLERS, AnalyticsJsController],
      providers: [
        {
          provide: BullBatchWriter,
          inject: [REDIS, ShutdownSequence],
          useFactory: (redis: RedisConnection, shutdown: ShutdownSequence) => {
            const writer = new BullBatchWriter(redis, queuePrefix(config));
            reportQueueDepth(writer.queue);
            shutdown.add('queues', 'ingest queue', () => {
              reportQueueDepth(undefined);
              return writer.close();
            });
            return writer;
          },
        },
        {
          provide: EventBatcher,
          inject: [BullBatchWriter, ShutdownSequence],
          useFactory: (writer: BullBatchWriter, shutdown: ShutdownSequence) => {
            const batcher = new EventBatcher(writer, {
              maxEvents: config.ingestBatchMaxEvents,
              maxDelayMs: config.ingestBatchDelayMs,
              writeTimeoutMs: config.ingestQueueTimeoutMs,
              maxWritesInFlight: config.ingestQueueWritesInFlight,
            });
            // Events already answered for are written before the queue and Redis close.
            shutdown.add('drain', 'event batcher', () => batcher.drain());
            return batcher;
          },
        },
        {
          provide: CredentialResolver,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => createCredentialResolver(pool),
        },
        {
          provide: IngestService,
          inject: [CredentialResolver, EventBatcher],
          useFactory: (keys: CredentialResolver, batcher: EventBatcher) =>
            new IngestService(keys, new RateLimiter(() => config.ingestRateLimit), batcher),
        },
        IngestHandler,
      ],
    };
  }
}
