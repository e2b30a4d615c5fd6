import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { createPrismaClient } from '@coil/database';
import { PlatformModule, readCachePrefix, ShutdownSequence, type CoilConfig } from '@coil/platform';
import { DEFAULT_API_OPTIONS, type ApiOptions } from './api-options';
import { PRISMA } from './api.tokens';
import { AccountsController } from './controllers/accounts.controller';
import { UsersController } from './controllers/users.controller';
import { readProviders } from './read.providers';

// Concurrent read requests each hold a connection for a query or two.
const PG_POOL_SIZE = 10;

@Module({})
export class ApiModule {
  static forRoot(config: CoilConfig, logger: Logger, overrides: Partial<ApiOptions> = {}): DynamicModule {
    const options = { ...DEFAULT_API_OPTIONS, cacheKeyPrefix: readCachePrefix(config), ...overrides };
    return {
      module: ApiModule,
      imports: [PlatformModule.forRoot({ app: 'api', config, logger, pgPoolSize: PG_POOL_SIZE })],
      controllers: [AccountsController, UsersController],
      providers: [
        {
          provide: PRISMA,
          inject: [ShutdownSequence],
          useFactory: (shutdown: ShutdownSequence) => {
            const prisma = createPrismaClient(config.databaseUrl, PG_POOL_SIZE);
            shutdown.add('connections', 'Prisma client', () => prisma.$disconnect());
            return prisma;
          },
        },
        ...readProviders(options, config.apiRateLimit),
      ],
    };
  }
}
