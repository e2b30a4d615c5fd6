import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Pool } from 'pg';
import { CoilError } from '@coil/domain';
import { BullBatchWriter, EventBatcher, IngestService } from '@coil/ingestion';
import { RateLimiter } from '@coil/http';
import { createRedisConnection, loadConfig, queuePrefix, type RedisConnection } from '@coil/platform';
import { createCredentialResolver, createWorkspaceAdmin, type CreatedWorkspace, type WorkspaceAdmin } from '@coil/workspaces';
import { basicAuth } from '../support/ingest-harness';
import { startWorker, totalCount } from '../worker/support/worker-harness';
import { listenIngest, openFaultStack, type FaultStack } from '../faults/support/fault-stack';

interface Attempt {
  name: string;
  headers: Record<string, string>;
  body: unknown;
  path: string;
}

/** Every auth form carrying A's key, each also naming B wherever a body could try to. */
function attemptsWithKeyOf(a: string, b: CreatedWorkspace): Attempt[] {
  const basic = (key: string): Record<string, string> => ({ authorization: basicAuth(key) });
  const raw = (key: string): Record<string, string> => ({ authorization: `Basic ${key}` });
  const timestamp = Date.now();
  return [
    {
      name: 'segment-basic',
      path: '/v1/track',
      headers: basic(a),
      body: { userId: 'u-a', event: 'segment-basic', workspaceId: b.workspace_id, context: { workspaceId: b.workspace_id } },
    },
    { name: 'accoil-raw', path: '/v2/track', headers: raw(a), body: { userId: 'u-a', event: 'accoil-raw', workspace_id: b.workspace_id } },
    { name: 'legacy-api-key', path: '/v1/events', headers: {}, body: { api_key: a, timestamp, user_id: 'u-a', event: 'legacy-api-key' } },
    {
      name: 'batch-write-key',
      path: '/v1/batch',
      headers: {},
      body: { writeKey: a, batch: [{ type: 'track', userId: 'u-a', event: 'batch-write-key', writeKey: b.api_key }] },
    },
    {
      name: 'amplitude-api-key',
      path: '/2/httpapi',
      headers: {},
      body: { api_key: a, events: [{ event_type: 'amplitude-api-key', user_id: 'u-a' }] },
    },
    // An unknown header key falls through to the body's key: still A, never B.
    {
      name: 'unknown-header-then-a',
      path: '/v1/events',
      headers: raw('coil_ik_unknown'),
      body: { api_key: a, timestamp, user_id: 'u-a', event: 'unknown-header-then-a' },
    },
  ];
}

async function rowsOf(pool: Pool, table: string, workspaceId: string): Promise<number> {
  const result = await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table} WHERE workspace_id = $1`, [workspaceId]);
  return Number(result.rows[0].n);
}

describe('a key of workspace A never writes into workspace B', () => {
  let stack: FaultStack;
  let ingest: NestFastifyApplication | undefined;
  let worker: NestFastifyApplication | undefined;
  let admin: WorkspaceAdmin;
  let url: string;

  beforeAll(async () => {
    stack = await openFaultStack('cross-workspace');
    admin = createWorkspaceAdmin(stack.pool);
    const started = await listenIngest(stack.ingestConfig());
    ingest = started.app;
    url = started.url;
    worker = await startWorker(stack.prefix);
  });

  afterAll(async () => {
    await worker?.close();
    await ingest?.close();
    await stack.close();
  });

  it("events sent with A's key, in every auth form, land in A only", async () => {
    const b = await admin.createWorkspace('cross-workspace-b');
    const attempts = attemptsWithKeyOf(stack.apiKey, b);

    const statuses: number[] = [];
    for (const attempt of attempts) {
      const response = await fetch(`${url}${attempt.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...attempt.headers },
        body: JSON.stringify(attempt.body),
      });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 200, 202]);
    await stack.settled(attempts.length, 30_000);

    const events = await stack.pool.query<{ event: string; count: number }>(
      'SELECT event, count FROM daily_counts WHERE workspace_id = $1 ORDER BY event',
      [stack.workspaceId],
    );
    expect(events.rows).toEqual(
      attempts.map((attempt) => ({ event: attempt.name, count: 1 })).sort((x, y) => x.event.localeCompare(y.event)),
    );
    for (const table of ['daily_counts', 'users', 'user_aliases', 'accounts', 'memberships', 'seen_messages', 'processed_batches']) {
      expect(`${table}: ${await rowsOf(stack.pool, table, b.workspace_id)}`).toBe(`${table}: 0`);
    }
    expect(await totalCount(stack.pool, stack.workspaceId)).toBe(attempts.length);
  });

  it('a key revoked before its first use is refused at once over HTTP', async () => {
    const key = (await admin.createKey(stack.workspaceId)).api_key;
    await admin.revokeKey(stack.workspaceId, { key });
    const response = await fetch(`${url}/v2/track`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${key}` },
      body: JSON.stringify({ userId: 'u-a', event: 'after-revoke' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { message: 'Invalid API key', status: 'unauthorized', code: 'unauthorized' },
    });
  });
});

/**
 * Revocation through IngestService with a resolver whose cache lives 500 ms: the production
 * ingest uses 30 s (docs/ingest.md), which is the same code with a longer wait.
 */
describe('a revoked ingest key stops working once its cache entry expires', () => {
  const TTL_MS = 500;
  let stack: FaultStack;
  let redis: RedisConnection;
  let writer: BullBatchWriter;

  beforeAll(async () => {
    stack = await openFaultStack('revocation');
    redis = createRedisConnection(loadConfig(), 'producer');
    writer = new BullBatchWriter(redis, queuePrefix({ queuePrefix: stack.prefix }));
  });

  afterAll(async () => {
    await writer.close();
    redis.disconnect();
    await stack.close();
  });

  it('accepts the key while cached, refuses it with 401 after the TTL; a new key works at once', async () => {
    const admin = createWorkspaceAdmin(stack.pool);
    const resolver = createCredentialResolver(stack.pool, { positiveTtlMs: TTL_MS, negativeTtlMs: TTL_MS });
    const batcher = new EventBatcher(writer, { maxEvents: 100, maxDelayMs: 0, writeTimeoutMs: 2000, maxWritesInFlight: 2 });
    const service = new IngestService(resolver, new RateLimiter(() => 1000), batcher);
    const accept = (key: string) =>
      service.accept({ route: 'v2/track', authorization: `Basic ${key}`, body: { userId: 'u', event: 'e' }, bodyBytes: 30 });

    expect(await accept(stack.apiKey)).toEqual({ workspaceId: stack.workspaceId, accepted: 1, rejected: [] });
    await admin.revokeKey(stack.workspaceId, { key: stack.apiKey });
    expect((await accept(stack.apiKey)).accepted).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, TTL_MS + 100));
    const refused = await accept(stack.apiKey).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CoilError);
    expect((refused as CoilError).toBody()).toEqual({
      error: { message: 'Invalid API key', status: 'unauthorized', code: 'unauthorized' },
    });

    const rotated = await admin.createKey(stack.workspaceId);
    expect(await accept(rotated.api_key)).toEqual({ workspaceId: stack.workspaceId, accepted: 1, rejected: [] });
    const queued = await stack.queue.getJobs(['waiting']);
    expect(queued.flatMap((job) => job.data.events)).toHaveLength(3);
    expect(new Set(queued.map((job) => job.data.workspaceId))).toEqual(new Set([stack.workspaceId]));
  });
});
