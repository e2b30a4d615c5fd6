import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { Pool } from 'pg';
import { createPgPool } from '@coil/database';
import type { IngestBatch } from '@coil/domain';
import { INGEST_JOB_OPTIONS, INGEST_QUEUE } from '@coil/ingestion';
import { queuePrefix } from '@coil/platform';
import { chunk, generateTrackStream } from '../test/worker/support/event-factory';
import { answers, startProcess, stopProcess } from './processes';
import { scaled } from './scale';

export interface RollupBenchResult {
  events: number;
  workerSeconds: number;
  workerEventsPerSecond: number;
  ceilingEventsPerSecond: number;
  exact: boolean;
}

export const EVENTS = Number(process.env.BENCH_ROLLUP_EVENTS ?? scaled(200_000, 4_000));
const JOB_EVENTS = 2000;
const WORKER_PORT = 18092;

/** The ceiling: the same rows, pre-aggregated per job, in one raw INSERT ... ON CONFLICT each. */
export async function ceiling(pool: Pool, jobs: IngestBatch[]): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('CREATE TEMP TABLE bench_counts (LIKE daily_counts INCLUDING ALL)');
    const started = Date.now();
    for (const job of jobs) {
      const rows = new Map<string, number>();
      for (const event of job.events) {
        const key = `${event.userId}|${event.groupId ?? ''}|${event.event}|${event.timestamp.slice(0, 10)}`;
        rows.set(key, (rows.get(key) ?? 0) + 1);
      }
      const keys = [...rows.keys()].sort();
      const parts = keys.map((key) => key.split('|'));
      await client.query(
        `INSERT INTO bench_counts (workspace_id, user_id, account_id, event, day, count)
         SELECT 1, hashtext(u), hashtext(a), e, d::date, c FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) AS t(u, a, e, d, c)
         ON CONFLICT (workspace_id, user_id, account_id, event, day) DO UPDATE SET count = bench_counts.count + EXCLUDED.count`,
        [parts.map((p) => p[0]), parts.map((p) => p[1]), parts.map((p) => p[2]), parts.map((p) => p[3]), keys.map((key) => rows.get(key))],
      );
    }
    return (EVENTS / (Date.now() - started)) * 1000;
  } finally {
    client.release();
  }
}

export async function waitUntilDrained(queue: Queue): Promise<void> {
  for (;;) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (Object.values(counts).every((count) => count === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The benchmark's stream (5,000 users, 500 accounts, 25 events, 30 days) as queue jobs. */
export function rollupJobs(workspaceId: string): IngestBatch[] {
  const stream = generateTrackStream(EVENTS, 5000, 500, 25, 30);
  return chunk(stream.events, JOB_EVENTS).map((events) => ({ workspaceId, events }));
}

/** Queues the jobs as the ingest does (its job options, a fresh batch id each). */
export function enqueueJobs(queue: Queue<IngestBatch>, jobs: IngestBatch[]): Promise<unknown> {
  return queue.addBulk(jobs.map((data) => ({ name: 'batch', data, opts: { ...INGEST_JOB_OPTIONS, jobId: randomUUID() } })));
}

/** Worker roll-up rate through BullMQ into PostgreSQL, with exact counts checked. */
export async function benchRollup(databaseUrl: string, redisUrl: string, workspaceId: string): Promise<RollupBenchResult> {
  const prefix = `bench-${randomUUID()}`;
  const jobs = rollupJobs(workspaceId);
  const pool = createPgPool(databaseUrl, { max: 2 });
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue<IngestBatch>(INGEST_QUEUE, { connection, prefix: queuePrefix({ queuePrefix: prefix }) });
  const worker = await startProcess(
    'apps/worker/src/main.ts',
    { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, WORKER_PORT: String(WORKER_PORT), COIL_QUEUE_PREFIX: prefix },
    () => answers(`http://127.0.0.1:${WORKER_PORT}/readyz`),
  );
  try {
    const started = Date.now();
    await enqueueJobs(queue, jobs);
    await waitUntilDrained(queue);
    const workerSeconds = (Date.now() - started) / 1000;
    const total = await pool.query<{ total: string }>(
      'SELECT COALESCE(SUM(count), 0)::text AS total FROM daily_counts WHERE workspace_id = $1',
      [workspaceId],
    );
    const ceilingEventsPerSecond = await ceiling(pool, jobs);
    return {
      events: EVENTS,
      workerSeconds,
      workerEventsPerSecond: EVENTS / workerSeconds,
      ceilingEventsPerSecond,
      exact: Number(total.rows[0].total) === EVENTS,
    };
  } finally {
    await stopProcess(worker);
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
    await pool.end();
  }
}
