import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import type { Pool } from 'pg';
import { createPgPool } from '@coil/database';
import { createDelivery } from '@coil/delivery';
import { loadConfig } from '@coil/platform';
import { storeSignals } from '../test/delivery/support/outbox-rows';
import { answers, startProcess, stopProcess } from './processes';
import { scaled } from './scale';

export interface DeliveryBenchResult {
  throughput: { deliveries: number; seconds: number; perMinute: number; unique: number; rejected: number };
  lag: { runs: number; signals: number; p50Seconds: number; p99Seconds: number; maxSeconds: number };
}

const WORKER_PORT = 18098;
const RECEIVER_PORT = 18097;
// Throughput: 20,000 signals over 2,000 subjects (ten in each subject's lane, sent in order).
const SUBJECTS = scaled(2000, 50);
const PER_SUBJECT = 10;
// Lag: a "scoring run" (one transaction storing signals, then the worker's wake-up) every second.
const RUNS = scaled(20, 2);
const PER_RUN = scaled(200, 20);
const POLL_MS = 200;

async function pendingCount(pool: Pool, workspaceId: string): Promise<number> {
  const result = await pool.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM deliveries WHERE workspace_id = $1 AND status = 'pending'`,
    [workspaceId],
  );
  return result.rows[0].count;
}

async function drained(pool: Pool, workspaceId: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await pendingCount(pool, workspaceId)) > 0) {
    if (Date.now() > deadline) throw new Error('deliveries did not drain');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Signal stored (the scoring run's transaction) -> delivered, from the outbox rows. */
async function lagPercentiles(pool: Pool, workspaceId: string): Promise<{ p50: number; p99: number; max: number }> {
  const result = await pool.query<{ p50: number; p99: number; max: number }>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY lag) AS p99, max(lag) AS max
     FROM (SELECT extract(epoch FROM d.delivered_at - s.created_at)::float8 AS lag
           FROM deliveries d JOIN signals s ON s.workspace_id = d.workspace_id AND s.id = d.signal_id
           WHERE d.workspace_id = $1) lags`,
    [workspaceId],
  );
  return result.rows[0];
}

async function receiverStats(): Promise<{ requests: number; unique: number; rejected: number }> {
  return (await fetch(`http://127.0.0.1:${RECEIVER_PORT}/stats`)).json() as Promise<{ requests: number; unique: number; rejected: number }>;
}

/**
 * Webhook delivery through the worker to a receiver in its own process: how many deliveries a
 * minute, and how long a signal takes from the scoring run that stored it to its receiver.
 * Signals and their outbox rows are written as the outbox writes them, in one transaction.
 */
export async function benchDelivery(databaseUrl: string, redisUrl: string, workspaceIds: [string, string]): Promise<DeliveryBenchResult> {
  const pool = createPgPool(databaseUrl, { max: 2 });
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, COIL_QUEUE_PREFIX: `bench-${randomUUID()}` };
  const config = loadConfig({ ...process.env, ...env });
  const delivery = createDelivery(pool, redis, config, { info: () => undefined, warn: () => undefined, error: () => undefined });
  const [throughputWorkspace, lagWorkspace] = workspaceIds;
  const url = `http://127.0.0.1:${RECEIVER_PORT}/hooks`;
  const webhook = await delivery.admin.create(throughputWorkspace, { type: 'webhook', url });
  const lagDestination = await delivery.admin.create(lagWorkspace, { type: 'webhook', url });
  const secrets = `${webhook.secret},${lagDestination.secret}`;
  const receiver = await startProcess(
    'bench/webhook-receiver.ts',
    { RECEIVER_PORT: String(RECEIVER_PORT), RECEIVER_SECRETS: secrets },
    () => answers(`http://127.0.0.1:${RECEIVER_PORT}/stats`),
  );
  const worker = await startProcess('apps/worker/src/main.ts', { ...env, WORKER_PORT: String(WORKER_PORT) }, () =>
    answers(`http://127.0.0.1:${WORKER_PORT}/readyz`),
  );
  try {
    const subjects = Array.from({ length: SUBJECTS }, (_, index) => String(index + 1));
    await storeSignals(pool, throughputWorkspace, webhook.id, subjects, PER_SUBJECT);
    const started = performance.now();
    await delivery.engine.dispatch(throughputWorkspace);
    await drained(pool, throughputWorkspace, 600_000);
    const seconds = (performance.now() - started) / 1000;
    const stats = await receiverStats();
    const deliveries = SUBJECTS * PER_SUBJECT;

    for (let run = 0; run < RUNS; run += 1) {
      const next = Date.now() + 1000;
      const batch = Array.from({ length: PER_RUN }, (_, index) => String(1 + ((run * PER_RUN + index) % SUBJECTS)));
      await storeSignals(pool, lagWorkspace, lagDestination.id, batch);
      await delivery.engine.dispatch(lagWorkspace);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
    }
    await drained(pool, lagWorkspace, 120_000);
    const lag = await lagPercentiles(pool, lagWorkspace);
    return {
      throughput: { deliveries, seconds, perMinute: (deliveries / seconds) * 60, unique: stats.unique, rejected: stats.rejected },
      lag: { runs: RUNS, signals: RUNS * PER_RUN, p50Seconds: lag.p50, p99Seconds: lag.p99, maxSeconds: lag.max },
    };
  } finally {
    await stopProcess(worker);
    await stopProcess(receiver);
    await delivery.queue.queue.obliterate({ force: true }).catch(() => undefined);
    await delivery.queue.close();
    redis.disconnect();
    await pool.end();
  }
}
