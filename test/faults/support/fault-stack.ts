import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import { bootstrapIngest } from '../../../apps/ingest/src/main';
import { loadConfig, type CoilConfig } from '@coil/platform';
import type { IngestBatch } from '@coil/domain';
import { createWorkspaceAdmin } from '@coil/workspaces';
import {
  closeQueue,
  countsByKey,
  ingestQueue,
  queueIsDrained,
  testPool,
  totalCount,
  uniquePrefix,
  waitFor,
} from '../../worker/support/worker-harness';

/** What every fault test shares: its own queue prefix, workspace, key and database handles. */
export interface FaultStack {
  prefix: string;
  workspaceId: string;
  apiKey: string;
  pool: Pool;
  queue: Queue<IngestBatch>;
  /** The ingest's configuration for this stack; overrides point it at a proxy. */
  ingestConfig(overrides?: Partial<CoilConfig>): CoilConfig;
  /** Resolves once no job is left and `total` events are counted; throws after `timeoutMs`. */
  settled(total: number, timeoutMs: number): Promise<void>;
  totalCount(): Promise<number>;
  countsByKey(): Promise<Map<string, number>>;
  close(): Promise<void>;
}

export async function openFaultStack(name: string): Promise<FaultStack> {
  const prefix = uniquePrefix(name);
  const pool = testPool();
  const workspace = await createWorkspaceAdmin(pool).createWorkspace(`fault-${name}-${prefix}`);
  const queue = ingestQueue(prefix);
  const count = (): Promise<number> => totalCount(pool, workspace.workspace_id);
  return {
    prefix,
    workspaceId: workspace.workspace_id,
    apiKey: workspace.api_key,
    pool,
    queue,
    ingestConfig: (overrides = {}) => ({
      ...loadConfig({ ...process.env, COIL_QUEUE_PREFIX: prefix }),
      ...overrides,
    }),
    async settled(total, timeoutMs) {
      // Drained alone is not enough: a job may sit between the ingest's write and the queue's counters.
      await waitFor(
        async () => (await queueIsDrained(queue)) && (await count()) >= total,
        timeoutMs,
        `${total} events counted and the queue drained`,
      );
    },
    totalCount: count,
    countsByKey: () => countsByKey(pool, workspace.workspace_id),
    async close() {
      await closeQueue(queue, prefix);
      await pool.end();
    },
  };
}

/** The real ingest app over HTTP on 127.0.0.1 (port 0: any free port). */
export async function listenIngest(config: CoilConfig, port = 0): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await bootstrapIngest(config);
  await app.listen(port, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

/** `url` with its host swapped for a local proxy's port. */
export function throughProxy(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.host = `127.0.0.1:${port}`;
  return parsed.toString();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
