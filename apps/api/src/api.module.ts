import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule, readCachePrefix, type CoilConfig } from '@coil/platform';
import { DEFAULT_API_OPTIONS, type ApiOptions } from './api-options';
import { AccountPeopleController } from './controllers/account-people.controller';
import { AccountsController } from './controllers/accounts.controller';
import { DestinationsController } from './controllers/destinations.controller';
import { FeaturesController } from './controllers/features.controller';
import { MeController } from './controllers/me.controller';
import { SegmentsController } from './controllers/segments.controller';
import { SettingsController } from './controllers/settings.controller';
import { SignalsController } from './controllers/signals.controller';
import { UsersController } from './controllers/users.controller';
import { WorkspaceController } from './controllers/workspace.controller';
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
      controllers: [
        MeController,
        AccountsController,
        UsersController,
        WorkspaceController,
        FeaturesController,
        SignalsController,
        DestinationsController,
        AccountPeopleController,
        SegmentsController,
        SettingsController,
      ],
      providers: readProviders(options, config.apiRateLimit),
    };
  }
}
