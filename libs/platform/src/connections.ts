import type { FactoryProvider } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { createPgPool } from '@coil/database';
import type { CoilConfig } from './config/config';
import { COIL_CONFIG, LOGGER } from './platform.tokens';
import { createRedisConnection, waitUntilReady, type RedisConnection, type RedisPurpose } from './redis/redis-connection';
import { ShutdownSequence } from './shutdown/shutdown-sequence';

/**
 * A Redis connection for `purpose`, closed last by the ordered shutdown: QUIT when Redis answers,
 * so replies under way arrive; a plain disconnect when it does not, as QUIT would wait for it.
 * With `readyTimeoutMs`, the app waits that long for Redis before going on; it starts anyway
 * when Redis is down, reports not-ready and answers 503 until Redis is up.
 */
export function redisConnectionProvider(token: symbol, purpose: RedisPurpose, readyTimeoutMs = 0): FactoryProvider<RedisConnection> {
  return {
    provide: token,
    inject: [COIL_CONFIG, ShutdownSequence],
    useFactory: async (config: CoilConfig, shutdown: ShutdownSequence) => {
      const redis = createRedisConnection(config, purpose);
      shutdown.add('connections', `Redis connection ${token.description}`, () =>
        redis.status === 'ready' ? redis.quit() : redis.disconnect(),
      );
      if (readyTimeoutMs > 0) await waitUntilReady(redis, readyTimeoutMs);
      return redis;
    },
  };
}

/** A PostgreSQL pool of `max` connections, ended last by the ordered shutdown. */
export function pgPoolProvider(token: symbol, max: number): FactoryProvider<Pool> {
  return {
    provide: token,
    inject: [COIL_CONFIG, LOGGER, ShutdownSequence],
    useFactory: (config: CoilConfig, logger: Logger, shutdown: ShutdownSequence) => {
      // An idle client losing its server must not crash the process; the next query retries.
      const pool = createPgPool(config.databaseUrl, {
        max,
        onIdleError: (error) => logger.warn({ err: error }, 'idle PostgreSQL client lost'),
      });
      shutdown.add('connections', `PostgreSQL pool ${token.description}`, () => pool.end());
      return pool;
    },
  };
}
