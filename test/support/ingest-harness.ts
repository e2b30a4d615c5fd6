import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { bootstrapIngest } from '../../apps/ingest/src/main';
import { loadConfig, queuePrefix, type CoilConfig } from '@coil/platform';
import { createPgPool } from '@coil/database';
import type { IngestBatch, IngestEvent } from '@coil/domain';
import { INGEST_QUEUE } from '@coil/ingestion';
import { createWorkspaceAdmin, type WorkspaceAdmin } from '@coil/workspaces';

export interface IngestHarness {
  app: NestFastifyApplication;
  url: string;
  config: CoilConfig;
  workspaceId: string;
  apiKey: string;
  /** Issues more keys and tokens, over a pool of the harness's own. */
  admin: WorkspaceAdmin;
  queue: Queue<IngestBatch>;
  /** Every event waiting in this harness's queue, in job order. */
  queuedEvents(): Promise<IngestEvent[]>;
  close(): Promise<void>;
}

/** An ingest app on a random port with its own queue prefix and a fresh workspace. */
export async function startIngest(overrides: Partial<CoilConfig> = {}): Promise<IngestHarness> {
  const config: CoilConfig = { ...loadConfig(), queuePrefix: `test-${randomUUID()}`, ...overrides };
  const pool = createPgPool(config.databaseUrl, { max: 2 });
  const admin = createWorkspaceAdmin(pool);
  const workspace = await admin.createWorkspace(`ingest-test-${randomUUID()}`);
  const app = await bootstrapIngest(config);
  await app.listen(0, '127.0.0.1');
  const queueConnection = new IORedis(loadConfig().redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue<IngestBatch>(INGEST_QUEUE, { connection: queueConnection, prefix: queuePrefix(config) });
  return {
    app,
    url: await app.getUrl(),
    config,
    workspaceId: workspace.workspace_id,
    apiKey: workspace.api_key,
    admin,
    queue,
    async queuedEvents() {
      const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized']);
      return jobs.sort((a, b) => a.timestamp - b.timestamp).flatMap((job) => job.data.events);
    },
    async close() {
      await app.close();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      queueConnection.disconnect();
      await pool.end();
    },
  };
}

export function basicAuth(key: string): string {
  return `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
}
