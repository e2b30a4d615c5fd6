import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { CoilConfig } from '@coil/config';
import { createPrismaClient, type PrismaClient } from '@coil/database';
import { OpsController, READINESS_CHECKS, type ReadinessCheck } from '@coil/observability';
import { createRedisConnection, type RedisConnection } from '@coil/queue';

const REDIS = Symbol('REDIS');
const PRISMA = Symbol('PRISMA');

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
  static forRoot(config: CoilConfig): DynamicModule {
    return {
      module: ApiModule,
      controllers: [OpsController],
      providers: [
        { provide: REDIS, useFactory: () => createRedisConnection(config, 'producer') },
        { provide: PRISMA, useFactory: () => createPrismaClient(config.databaseUrl) },
        {
          provide: READINESS_CHECKS,
          inject: [REDIS, PRISMA],
          useFactory: (redis: RedisConnection, prisma: PrismaClient): ReadinessCheck[] => [
            { name: 'redis', check: () => redis.ping() },
            { name: 'postgres', check: () => prisma.$queryRaw`SELECT 1` },
          ],
        },
        ApiShutdown,
      ],
    };
  }
}
