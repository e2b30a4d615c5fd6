import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { Pool } from 'pg';
import { createPgPool } from '@coil/database';
import type { IngestBatch } from '@coil/domain';
import { INGEST_QUEUE } from '@coil/ingestion';
import { queuePrefix } from '@coil/platform';
import { answers, startProcess, stopProcess } from './processes';
import { EVENTS, ceiling, enqueueJobs, rollupJobs, waitUntilDrained } from './rollup';

export interface WorkerScaleRun {
  workers: number;
  seconds: number;
  eventsPerSecond: number;
  exact: boolean;
}

export interface WorkersBenchResult {
  events: number;
  runs: WorkerScaleRun[];
  /** bench/rollup.ts's raw batched INSERT ... ON CONFLICT, one connection, same rows. */
  ceilingEventsPerSecond: number;
}

export const WORKER_COUNTS = [1, 2, 4] as const;
const FIRST_WORKER_PORT = 18100;

function startWorkers(count: number, databaseUrl: string, redisUrl: string, prefix: string): Promise<ChildProcess[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => {
      const port = FIRST_WORKER_PORT + i;
      return startProcess(
        'apps/worker/src/main.ts',
        { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, WORKER_PORT: String(port), COIL_QUEUE_PREFIX: prefix },
        () => answers(`http://127.0.0.1:${port}/readyz`),
      );
    }),
  );
}

/** One run: `count` worker processes, all ready before the first job is queued. */
async function runWith(count: number, databaseUrl: string, redisUrl: string, workspaceId: string, pool: Pool): Promise<WorkerScaleRun> {
  const prefix = `bench-workers-${randomUUID()}`;
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue<IngestBatch>(INGEST_QUEUE, { connection, prefix: queuePrefix({ queuePrefix: prefix }) });
  const jobs = rollupJobs(workspaceId);
  const workers = await startWorkers(count, databaseUrl, redisUrl, prefix);
  try {
    const started = Date.now();
    await enqueueJobs(queue, jobs);
    await waitUntilDrained(queue);
    const seconds = (Date.now() - started) / 1000;
    const total = await pool.query<{ total: string }>(
      'SELECT COALESCE(SUM(count), 0)::text AS total FROM daily_counts WHERE workspace_id = $1',
      [workspaceId],
    );
    return { workers: count, seconds, eventsPerSecond: EVENTS / seconds, exact: Number(total.rows[0].total) === EVENTS };
  } finally {
    await Promise.all(workers.map(stopProcess));
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
  }
}

/**
 * Roll-up rate with 1, 2 and 4 worker processes (default concurrency each) on bench/rollup.ts's
 * stream; one fresh workspace per run (`workspaceIds[i]` for `WORKER_COUNTS[i]`), so each run's
 * counts are checked exactly and no run meets the rows of another.
 */
export async function benchWorkers(databaseUrl: string, redisUrl: string, workspaceIds: string[]): Promise<WorkersBenchResult> {
  if (workspaceIds.length < WORKER_COUNTS.length) throw new Error(`benchWorkers needs ${WORKER_COUNTS.length} workspaces`);
  const pool = createPgPool(databaseUrl, { max: 2 });
  try {
    const runs: WorkerScaleRun[] = [];
    for (const [i, count] of WORKER_COUNTS.entries()) {
      runs.push(await runWith(count, databaseUrl, redisUrl, workspaceIds[i], pool));
    }
    const ceilingEventsPerSecond = await ceiling(pool, rollupJobs('1'));
    return { events: EVENTS, runs, ceilingEventsPerSecond };
  } finally {
    await pool.end();
  }
}
