import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import { register } from 'prom-client';
import type { IngestBatch } from '@coil/domain';
import { generateTrackStream } from './support/event-factory';
import { TcpProxy } from '../support/tcp-proxy';
import {
  closeQueue,
  countsByKey,
  createWorkspace,
  DATABASE_URL,
  enqueue,
  ingestQueue,
  queueIsDrained,
  startWorker,
  testPool,
  totalCount,
  uniquePrefix,
  waitFor,
} from './support/worker-harness';

async function retriedBatches(): Promise<number> {
  const metric = await register.getSingleMetric('coil_worker_batches_total')?.get();
  return metric?.values.find((value) => value.labels.result === 'retried')?.value ?? 0;
}

describe('worker while PostgreSQL is unreachable', () => {
  const prefix = uniquePrefix('outage');
  const proxy = new TcpProxy('127.0.0.1', 5432);
  let pool: Pool;
  let queue: Queue<IngestBatch>;
  let worker: NestFastifyApplication;

  beforeAll(async () => {
    pool = testPool();
    queue = ingestQueue(prefix);
    const port = await proxy.listen();
    const url = new URL(DATABASE_URL);
    url.host = `127.0.0.1:${port}`;
    worker = await startWorker(prefix, { DATABASE_URL: url.toString() });
  });

  afterAll(async () => {
    await worker.close();
    await proxy.close();
    await closeQueue(queue, prefix);
    await pool.end();
  });

  it('retries jobs with backoff and counts everything once the database is back', async () => {
    const workspaceId = await createWorkspace(pool, 'worker-outage');
    const stream = generateTrackStream(40_000, 200, 30, 10, 10);
    const [before, during] = [stream.events.slice(0, 10_000), stream.events.slice(10_000)];
    const retriedBefore = await retriedBatches();

    await enqueue(queue, workspaceId, before, 1000);
    await waitFor(async () => (await totalCount(pool, workspaceId)) > 0, 20_000, 'first events counted');
    proxy.cut();
    await enqueue(queue, workspaceId, during, 1000);
    await waitFor(async () => (await retriedBatches()) > retriedBefore, 10_000, 'a retried job');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    proxy.restore();

    await waitFor(() => queueIsDrained(queue), 60_000, 'queue drained after the outage');
    expect(await totalCount(pool, workspaceId)).toBe(stream.total);
    expect(await countsByKey(pool, workspaceId)).toEqual(stream.expected);
  });
});
