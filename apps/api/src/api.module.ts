import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import type { CoilConfig } from '@coil/platform';
import { createPgPool } from '@coil/database';
import { OpsController, READINESS_CHECKS, type ReadinessCheck } from '@coil/platform';
import { createRedisConnection, readCachePrefix, type RedisConnection } from '@coil/platform';
import { DEFAULT_API_OPTIONS, type ApiOptions } from './api-options';
import { API_LOGGER, REDIS } from './api.tokens';
import { AccountsController } from './controllers/accounts.controller';
import { UsersController } from './controllers/users.controller';
import { readProviders } from './read.providers';

class ApiShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: RedisConnection,
    @Inject(Pool) private readonly pool: Pool,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
    await this.pool.end();
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
        {
          provide: Pool,
          useFactory: () =>
            createPgPool(config.databaseUrl, { max: 10, onIdleError: (error) => logger.warn({ err: error }, 'idle PostgreSQL client lost') }),
        },
        {
          provide: READINESS_CHECKS,
          inject: [REDIS, Pool],
          useFactory: (redis: RedisConnection, pool: Pool): ReadinessCheck[] => [
            { name: 'redis', check: () => redis.ping() },
            { name: 'postgres', check: () => pool.query('SELECT 1') },
          ],
        },
        ...readProviders(options, config.apiRateLimit),
        ApiShutdown,
      ],
    };
  }
}
