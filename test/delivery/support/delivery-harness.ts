import type { ChildProcess } from 'node:child_process';
import IORedis from 'ioredis';
import type { Pool } from 'pg';
import { createDelivery, type Delivery } from '@coil/delivery';
import { exited, spawnWorker } from '../../worker/support/child-worker';
import { DATABASE_URL, workerConfig } from '../../worker/support/worker-harness';

export const SECRET_KEY = 'delivery-tests-secret-key-0123456789abcdef';

/** A retry schedule of `count` short waits: a test's failures retry quickly and for long enough. */
export function shortSchedule(wait: string, count: number): string {
  return Array.from({ length: count }, () => wait).join(',');
}

/**
 * The delivery admin in the test process and the real worker in its own, on one queue prefix,
 * with the delivery settings in `env`; the worker's log lines are kept in `logs`.
 */
export class DeliveryHarness {
  readonly redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  readonly delivery: Delivery;
  logs = '';
  private child?: ChildProcess;

  constructor(
    private readonly prefix: string,
    private readonly env: Record<string, string>,
    pool: Pool,
  ) {
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
    this.delivery = createDelivery(pool, this.redis, workerConfig(prefix, env), silent);
  }

  startWorker(): void {
    const child = spawnWorker({ COIL_QUEUE_PREFIX: this.prefix, DATABASE_URL, LOG_LEVEL: 'info', ...this.env }, true);
    const keep = (chunk: Buffer): void => {
      this.logs += chunk.toString('utf8');
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
  }

  async close(): Promise<void> {
    if (this.child) {
      this.child.kill('SIGTERM');
      await exited(this.child);
    }
    await this.delivery.queue.queue.obliterate({ force: true }).catch(() => undefined);
    await this.delivery.queue.close();
    this.redis.disconnect();
  }
}
