import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Pool } from 'pg';
import { loadConfig, type CoilConfig } from '@coil/platform';
import type { IngestEvent } from '@coil/domain';
import { countDeadLetters, openDeadLetterQueue } from '@coil/rollup';
import { createWorkspaceAdmin, type WorkspaceAdmin } from '@coil/workspaces';
import { bootstrapIngest } from '../../apps/ingest/src/main';
import { basicAuth } from '../support/ingest-harness';
import { chunk, generateTrackStream } from '../worker/support/event-factory';
import { countsByKey, testPool, totalCount, uniquePrefix, waitFor } from '../worker/support/worker-harness';
import { startRedisCluster, type RedisCluster } from './support/redis-cluster';
import { startWorkerProcesses, type WorkerProcesses } from './support/worker-processes';

const run = promisify(execFile);

// Nothing listens here: a process that fell back to REDIS_URL instead of the cluster would fail.
const UNREACHABLE_REDIS_URL = 'redis://127.0.0.1:1';
const EVENTS_PER_REQUEST = 500;
// Forming the cluster and starting a worker process can take a minute on a loaded machine.
const SETUP_TIMEOUT_MS = 90_000;

/** The Segment HTTP body of a queued track event: what a client would have sent. */
function segmentTrack(event: IngestEvent): Record<string, unknown> {
  const { userId, event: name, timestamp, messageId, groupId } = event;
  return { type: 'track', userId, event: name, timestamp, messageId, ...(groupId ? { groupId } : {}) };
}

/** Nodes holding at least one key of the prefix: the hash tag must keep them all on one. */
async function nodesHoldingPrefix(cluster: RedisCluster, prefix: string): Promise<number[]> {
  const holders: number[] = [];
  for (const port of cluster.ports) {
    const { stdout } = await run('redis-cli', ['-p', String(port), '--scan', '--pattern', `{${prefix}}:*`]);
    if (stdout.trim() !== '') holders.push(port);
  }
  return holders;
}

describe('ingest and worker on a three-master Redis Cluster', () => {
  const prefix = uniquePrefix('redis-cluster');
  let cluster: RedisCluster | undefined;
  let config: CoilConfig;
  let ingest: NestFastifyApplication | undefined;
  let workers: WorkerProcesses | undefined;
  let pool: Pool;
  let admin: WorkspaceAdmin;

  beforeAll(async () => {
    pool = testPool();
    admin = createWorkspaceAdmin(pool);
    cluster = await startRedisCluster();
    const env = { REDIS_URL: UNREACHABLE_REDIS_URL, REDIS_CLUSTER_NODES: cluster.nodes.join(','), COIL_QUEUE_PREFIX: prefix };
    config = loadConfig({ ...process.env, ...env });
    ingest = await bootstrapIngest(config);
    await ingest.listen(0, '127.0.0.1');
    workers = await startWorkerProcesses(1, env);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    // Each step runs even when an earlier one failed, so the cluster never outlives the test.
    await ingest?.close().catch(() => undefined);
    await workers?.stop().catch(() => undefined);
    await pool.end();
    await cluster?.stop();
  });

  it('rolls a stream sent over HTTP into exact daily counts, the queue in one slot', async () => {
    const workspace = await admin.createWorkspace(`redis-cluster-${prefix}`);
    const stream = generateTrackStream(20_000, 200, 30, 10, 10);
    const url = await ingest!.getUrl();
    for (const events of chunk(stream.events, EVENTS_PER_REQUEST * 4)) {
      const responses = await Promise.all(
        chunk(events, EVENTS_PER_REQUEST).map((part) =>
          fetch(`${url}/v1/batch`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: basicAuth(workspace.api_key) },
            body: JSON.stringify({ batch: part.map(segmentTrack) }),
          }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(responses.map(() => 202));
    }
    const workspaceId = workspace.workspace_id;
    await waitFor(async () => (await totalCount(pool, workspaceId)) === stream.total, 30_000, 'all events counted');
    expect(await countsByKey(pool, workspaceId)).toEqual(stream.expected);
    expect(await nodesHoldingPrefix(cluster!, prefix)).toHaveLength(1);
    const deadLetters = openDeadLetterQueue(config);
    try {
      expect(await countDeadLetters(deadLetters.queue)).toBe(0);
    } finally {
      await deadLetters.close();
    }
  });

  // Runs last: it leaves the cluster without the master of the queue's slot.
  it('answers 503 within the queue timeout once the master of the queue slot is gone', async () => {
    const workspace = await admin.createWorkspace(`redis-cluster-down-${prefix}`);
    const [holder] = await nodesHoldingPrefix(cluster!, prefix);
    await run('redis-cli', ['-p', String(holder), 'shutdown', 'nosave']);
    const started = Date.now();
    const response = await fetch(`${await ingest!.getUrl()}/v1/track`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basicAuth(workspace.api_key) },
      body: JSON.stringify({ userId: 'u1', event: 'Report Created' }),
    });
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(config.ingestQueueTimeoutMs + 1000);
  });
});
