import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import { register } from 'prom-client';
import type { IngestBatch } from '@coil/domain';
import { countDeadLetters, listDeadLetters, openDeadLetterQueue } from '@coil/rollup';
import { generateTrackStream, track } from './support/event-factory';
import {
  closeQueue,
  countsByKey,
  createWorkspace,
  enqueue,
  ingestQueue,
  queueIsDrained,
  startWorker,
  testPool,
  totalCount,
  uniquePrefix,
  waitFor,
  workerConfig,
} from './support/worker-harness';

describe('worker consuming the ingest queue', () => {
  const prefix = uniquePrefix('stream');
  let pool: Pool;
  let queue: Queue<IngestBatch>;
  let worker: NestFastifyApplication;

  beforeAll(async () => {
    pool = testPool();
    queue = ingestQueue(prefix);
    worker = await startWorker(prefix);
  });

  afterAll(async () => {
    await worker.close();
    await closeQueue(queue, prefix);
    await pool.end();
  });

  it('counts a generated stream exactly per user, account, event and day', async () => {
    const workspaceId = await createWorkspace(pool, 'worker-stream');
    const stream = generateTrackStream(30_000, 300, 40, 12, 20);
    await enqueue(queue, workspaceId, stream.events, 2000);
    await waitFor(async () => (await totalCount(pool, workspaceId)) === stream.total, 30_000, 'all events counted');
    await waitFor(() => queueIsDrained(queue), 10_000, 'queue drained');
    expect(await countsByKey(pool, workspaceId)).toEqual(stream.expected);
    const people = await pool.query(
      'SELECT (SELECT count(*) FROM users WHERE workspace_id = $1)::int AS users, (SELECT count(*) FROM accounts WHERE workspace_id = $1)::int AS accounts',
      [workspaceId],
    );
    expect(people.rows[0]).toEqual({ users: 300, accounts: 40 });
    expect(await register.getSingleMetricAsString('coil_worker_events_rolled_up_total')).toMatch(/ \d+/);
  });

  it('sends a poison event to the dead-letter queue and counts the rest of its batch', async () => {
    const workspaceId = await createWorkspace(pool, 'worker-poison');
    const events = Array.from({ length: 50 }, (_, i) => track(`u${i % 5}`, 'Opened', '2026-10-01T10:00:00.000Z'));
    events[17] = track('u2', 'Bad\u0000Event', '2026-10-01T10:00:00.000Z');
    await enqueue(queue, workspaceId, events);
    await waitFor(async () => (await totalCount(pool, workspaceId)) === 49, 20_000, 'good events counted');
    const deadLetters = openDeadLetterQueue(workerConfig(prefix));
    try {
      await waitFor(async () => (await countDeadLetters(deadLetters.queue)) === 1, 5_000, 'dead letter');
      const [letter] = await listDeadLetters(deadLetters.queue);
      expect(letter).toMatchObject({ workspaceId, index: 17, event: { event: 'Bad\u0000Event' } });
      expect(await register.getSingleMetricAsString('coil_dead_letter_queue_size')).toMatch(/coil_dead_letter_queue_size 1/);
    } finally {
      await deadLetters.close();
    }
  });
});
