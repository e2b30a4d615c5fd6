import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { CoilConfig } from '@coil/platform';
import { createPrismaClient, type PrismaClient } from '@coil/database';
import { OpsController, READINESS_CHECKS, type ReadinessCheck } from '@coil/platform';
import { createRedisConnection, readCachePrefix, type RedisConnection } from '@coil/platform';
import { DEFAULT_API_OPTIONS, type ApiOptions } from './api-options';
import { API_LOGGER, PRISMA, REDIS } from './api.tokens';
import { AccountsController } from './controllers/accounts.controller';
import { UsersController } from './controllers/users.controller';
import { readProviders } from './read.providers';

class ApiShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: RedisConnection,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
    await this.prisma.$disconnect();
  }
}

@Module({})
export class ApiModule {
  static forRoot(config: CoilConfig, logger: Logger, overrides: Partial<ApiOptions> = {}): DynamicModule {
    const options = { ...DEFAULT_API_OPTIONS, cacheKeyPrefix: readCachePrefix(config), ...overrides };
    return {
      module: ApiModule,
      controllers: [OpsController, AccountsController, UsersController],
      providers: [
        { provide: API_LOGGER, useValue: logger },
        { provide: REDIS, useFactory: () => createRedisConnection(config, 'cache') },
        { provide: PRISMA, useFactory: () => createPrismaClient(config.databaseUrl) },
        {
          provide: READINESS_CHECKS,
          inject: [REDIS, PRISMA],
          useFactory: (redis: RedisConnection, prisma: PrismaClient): ReadinessCheck[] => [
            { name: 'redis', check: () => redis.ping() },
            { name: 'postgres', check: () => prisma.$queryRaw`SELECT 1` },
          ],
        },
        ...readProviders(options, config.apiRateLimit),
        ApiShutdown,
      ],
    };
  }
}
