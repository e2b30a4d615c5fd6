import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Pool } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type CoilConfig } from '@coil/platform';
import type { IngestBatch, IngestEvent } from '@coil/domain';
import { INGEST_QUEUE } from '@coil/ingestion';
import { openDeadLetterQueue } from '@coil/rollup';
import { bootstrapWorker } from '../../../apps/worker/src/main';
import { chunk } from './event-factory';

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/coil_test';

/** A queue prefix no other test file uses, so parallel suites never share jobs. */
export function uniquePrefix(name: string): string {
  return `coil-test-${name}-${randomUUID().slice(0, 8)}`;
}

export function workerConfig(prefix: string, overrides: Record<string, string> = {}): CoilConfig {
  return loadConfig({ ...process.env, COIL_QUEUE_PREFIX: prefix, WORKER_PORT: '0', ...overrides });
}

export function startWorker(prefix: string, overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
  return bootstrapWorker(workerConfig(prefix, overrides));
}

export async function createWorkspace(pool: Pool, name: string): Promise<string> {
  const result = await pool.query<{ workspace_id: string }>('INSERT INTO workspaces (name) VALUES ($1) RETURNING workspace_id', [name]);
  return result.rows[0].workspace_id;
}

export function testPool(): Pool {
  return new Pool({ connectionString: DATABASE_URL, max: 2 });
}

export function ingestQueue(prefix: string): Queue<IngestBatch> {
  const connection = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  return new Queue<IngestBatch>(INGEST_QUEUE, { connection, prefix: `{${prefix}}` });
}

/** Queues events as the ingest does: one job per batch, job id = a fresh batch id. */
export async function enqueue(queue: Queue<IngestBatch>, workspaceId: string, events: IngestEvent[], perJob = 2000): Promise<string[]> {
  const jobs = chunk(events, perJob).map((batch) => ({
    name: 'batch',
    data: { workspaceId, events: batch },
    opts: { jobId: randomUUID(), removeOnComplete: true },
  }));
  for (const part of chunk(jobs, 50)) await queue.addBulk(part);
  return jobs.map((job) => job.opts.jobId);
}

/** Removes the test's ingest queue and the dead-letter queue the worker opened under its prefix. */
export async function closeQueue(queue: Queue, prefix: string): Promise<void> {
  const connection = await queue.client;
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  connection.disconnect();
  const deadLetters = openDeadLetterQueue(workerConfig(prefix));
  await deadLetters.queue.obliterate({ force: true }).catch(() => undefined);
  await deadLetters.close();
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** True once no job waits, runs or is delayed. */
export async function queueIsDrained(queue: Queue): Promise<boolean> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused');
  return Object.values(counts).every((count) => count === 0);
}

export async function totalCount(pool: Pool, workspaceId: string): Promise<number> {
  const result = await pool.query<{ total: string | null }>('SELECT sum(count)::text AS total FROM daily_counts WHERE workspace_id = $1', [
    workspaceId,
  ]);
  return Number(result.rows[0].total ?? 0);
}

/** Counts keyed like GeneratedStream.expected: `${externalId}|${trackingId or ''}|${event}|${day}`. */
export async function countsByKey(pool: Pool, workspaceId: string): Promise<Map<string, number>> {
  const result = await pool.query<{ key: string; count: number }>(
    `SELECT u.external_id || '|' || coalesce(a.tracking_id, '') || '|' || d.event || '|' || to_char(d.day, 'YYYY-MM-DD') AS key,
            d.count
     FROM daily_counts d
     JOIN users u ON u.workspace_id = d.workspace_id AND u.id = d.user_id
     LEFT JOIN accounts a ON a.workspace_id = d.workspace_id AND a.id = d.account_id
     WHERE d.workspace_id = $1`,
    [workspaceId],
  );
  return new Map(result.rows.map((row) => [row.key, row.count]));
}
