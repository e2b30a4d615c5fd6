import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import type { IngestBatch } from '@coil/domain';
import { countDeadLetters, openDeadLetterQueue } from '@coil/rollup';
import { overlappingStream, type OverlappingStream } from './support/overlapping-stream';
import { startWorkerProcesses } from './support/worker-processes';
import {
  closeQueue,
  countsByKey,
  createWorkspace,
  ingestQueue,
  queueIsDrained,
  testPool,
  totalCount,
  uniquePrefix,
  waitFor,
  workerConfig,
} from '../worker/support/worker-harness';

// 120 jobs of 250 events; 16 jobs per wave is at least the jobs in flight with 4 workers x 4.
const SHAPE = { jobs: 120, eventsPerJob: 250, jobsPerWave: 16 };
// Starting the worker processes dominates; on a loaded machine it alone can take a minute.
const TEST_TIMEOUT_MS = 120_000;

async function membershipKeys(pool: Pool, workspaceId: string): Promise<Set<string>> {
  const result = await pool.query<{ key: string }>(
    `SELECT u.external_id || '|' || a.tracking_id AS key
     FROM memberships m
     JOIN users u ON u.workspace_id = m.workspace_id AND u.id = m.user_id
     JOIN accounts a ON a.workspace_id = m.workspace_id AND a.id = m.account_id
     WHERE m.workspace_id = $1`,
    [workspaceId],
  );
  return new Set(result.rows.map((row) => row.key));
}

async function seqTraits(pool: Pool, table: 'users' | 'accounts', workspaceId: string): Promise<Map<string, number>> {
  const idColumn = table === 'users' ? 'external_id' : 'tracking_id';
  const result = await pool.query<{ id: string; seq: number }>(
    `SELECT ${idColumn} AS id, (traits->>'seq')::int AS seq FROM ${table}
     WHERE workspace_id = $1 AND traits ? 'seq'`,
    [workspaceId],
  );
  return new Map(result.rows.map((row) => [row.id, row.seq]));
}

async function rowCount(pool: Pool, table: 'users' | 'accounts' | 'processed_batches', workspaceId: string): Promise<number> {
  const result = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE workspace_id = $1`, [workspaceId]);
  return result.rows[0].n;
}

async function expectExactRollup(pool: Pool, workspaceId: string, stream: OverlappingStream): Promise<void> {
  expect(await countsByKey(pool, workspaceId)).toEqual(stream.counts);
  expect(await rowCount(pool, 'users', workspaceId)).toBe(stream.users.size);
  expect(await rowCount(pool, 'accounts', workspaceId)).toBe(stream.accounts.size);
  expect(await membershipKeys(pool, workspaceId)).toEqual(stream.memberships);
  expect(await seqTraits(pool, 'users', workspaceId)).toEqual(stream.userSeq);
  expect(await seqTraits(pool, 'accounts', workspaceId)).toEqual(stream.accountSeq);
  expect(await rowCount(pool, 'processed_batches', workspaceId)).toBe(stream.jobs.length);
}

describe.each([2, 4])('%i worker processes on one queue of overlapping jobs', (workers) => {
  const prefix = uniquePrefix(`multi-worker-${workers}`);
  let pool: Pool;
  let queue: Queue<IngestBatch>;

  beforeAll(() => {
    pool = testPool();
    queue = ingestQueue(prefix);
  });

  afterAll(async () => {
    await closeQueue(queue, prefix);
    await pool.end();
  });

  it(
    'counts every event exactly once, with no deadlock and no dead letter',
    async () => {
      const workspaceId = await createWorkspace(pool, `multi-worker-${workers}`);
      const stream = overlappingStream(SHAPE);
      const processes = await startWorkerProcesses(workers, { COIL_QUEUE_PREFIX: prefix });
      try {
        await queue.addBulk(
          stream.jobs.map((events) => ({
            name: 'batch',
            data: { workspaceId, events },
            opts: { jobId: randomUUID(), removeOnComplete: true },
          })),
        );
        const tracked = [...stream.counts.values()].reduce((sum, count) => sum + count, 0);
        await waitFor(async () => (await totalCount(pool, workspaceId)) === tracked, 60_000, 'all events counted');
        await waitFor(() => queueIsDrained(queue), 10_000, 'queue drained');
      } finally {
        await processes.stop();
      }
      await expectExactRollup(pool, workspaceId, stream);
      // A deadlock would only be retried, never lost: the logs are where it would show.
      expect(processes.retryCauses.filter((cause) => cause === '40P01')).toEqual([]);
      const deadLetters = openDeadLetterQueue(workerConfig(prefix));
      try {
        expect(await countDeadLetters(deadLetters.queue)).toBe(0);
      } finally {
        await deadLetters.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
