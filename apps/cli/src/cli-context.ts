import type { Pool } from 'pg';
import { createRedisConnection, loadConfig, withTimeout, type CoilConfig, type RedisConnection } from '@coil/platform';
import { createPgPool } from '@coil/database';
import { createDelivery, type Delivery } from '@coil/delivery';
import { createWorkspaceAdmin, type WorkspaceAdmin } from '@coil/workspaces';

// One command at a time: a couple of connections is plenty.
const CLI_POOL_SIZE = 2;
const REDIS_WAIT_MS = 2000;

/** Library warnings (an unencrypted secret store) reach the operator on stderr; nothing else is logged. */
const CLI_LOGGER = {
  info: (): void => undefined,
  warn: (_details: object, message: string): void => void process.stderr.write(`warning: ${message}\n`),
  error: (_details: object, message: string): void => void process.stderr.write(`error: ${message}\n`),
};

/**
 * What command groups need from the outside world, opened only when a command runs so that
 * usage errors and --help never touch the database.
 */
export class CliContext {
  private loaded: CoilConfig | undefined;
  private opened: Pool | undefined;
  private redis: RedisConnection | undefined;
  private deliveryOpened: Delivery | undefined;

  config(): CoilConfig {
    this.loaded ??= loadConfig();
    return this.loaded;
  }

  pool(): Pool {
    this.opened ??= createPgPool(this.config().databaseUrl, { max: CLI_POOL_SIZE });
    return this.opened;
  }

  workspaceAdmin(): WorkspaceAdmin {
    return createWorkspaceAdmin(this.pool());
  }

  /** Destinations and deliveries; Redis only to wake the worker's delivery queue. */
  delivery(): Delivery {
    this.redis ??= createRedisConnection(this.config(), 'worker');
    this.deliveryOpened ??= createDelivery(this.pool(), this.redis, this.config(), CLI_LOGGER);
    return this.deliveryOpened;
  }

  async close(): Promise<void> {
    if (this.deliveryOpened) {
      // The queue sets its connection up in the background: closing under it would fail that, unhandled.
      await withTimeout(this.deliveryOpened.queue.queue.waitUntilReady(), REDIS_WAIT_MS).catch(() => undefined);
      await this.deliveryOpened.queue.close();
    }
    // QUIT lets replies under way arrive; with Redis down it would wait for ever.
    if (this.redis?.status === 'ready') await this.redis.quit();
    else this.redis?.disconnect();
    await this.opened?.end();
  }
}
