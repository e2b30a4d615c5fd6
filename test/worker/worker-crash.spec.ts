import type { ChildProcess } from 'node:child_process';
import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import type { IngestBatch } from '@coil/domain';
import { exited, spawnWorker } from './support/child-worker';
import { generateTrackStream } from './support/event-factory';
import {
  closeQueue,
  countsByKey,
  createWorkspace,
  DATABASE_URL,
  enqueue,
  ingestQueue,
  queueIsDrained,
  testPool,
  totalCount,
  uniquePrefix,
  waitFor,
} from './support/worker-harness';

const EVENTS = 120_000;

describe('worker killed with SIGKILL mid-stream', () => {
  const prefix = uniquePrefix('crash');
  const env = { COIL_QUEUE_PREFIX: prefix, DATABASE_URL, WORKER_LOCK_DURATION_MS: '2000' };
  let pool: Pool;
  let queue: Queue<IngestBatch>;
  let child: ChildProcess | undefined;

  beforeAll(() => {
    pool = testPool();
    queue = ingestQueue(prefix);
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await closeQueue(queue, prefix);
    await pool.end();
  });

  it('counts every event exactly once after a restart', async () => {
    const workspaceId = await createWorkspace(pool, 'worker-crash');
    const stream = generateTrackStream(EVENTS, 1000, 100, 20, 30);
    await enqueue(queue, workspaceId, stream.events, 2000);

    child = spawnWorker(env);
    await waitFor(async () => (await totalCount(pool, workspaceId)) >= EVENTS / 4, 60_000, 'a quarter counted');
    child.kill('SIGKILL');
    await exited(child);
    const countedAtKill = await totalCount(pool, workspaceId);
    expect(countedAtKill).toBeLessThan(EVENTS);

    child = spawnWorker(env);
    await waitFor(() => queueIsDrained(queue), 60_000, 'queue drained after restart');
    expect(await totalCount(pool, workspaceId)).toBe(EVENTS);
    expect(await countsByKey(pool, workspaceId)).toEqual(stream.expected);
    child.kill('SIGTERM');
    await exited(child);
  });
});
