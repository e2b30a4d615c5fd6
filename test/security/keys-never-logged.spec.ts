import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@coil/platform';
import { createPgPool } from '@coil/database';
import { createWorkspaceAdmin } from '@coil/workspaces';
import { basicAuth } from '../support/ingest-harness';
import { TcpProxy } from '../support/tcp-proxy';
import { DATABASE_URL, closeQueue, ingestQueue } from '../worker/support/worker-harness';
import { throughProxy } from '../faults/support/fault-stack';
import { spawnIngest, type ChildIngest } from './support/child-ingest';

interface Call {
  path: string;
  /** Basic header value, as sent. */
  authorization?: string;
  body: string;
}

const track = JSON.stringify({ userId: 'u', event: 'e' });
const unknownKey = (): string => `coil_ik_${randomBytes(32).toString('base64url')}`;

/** Every way a key reaches the ingest, on routes that accept it. */
function everyAuthForm(key: string): Call[] {
  return [
    { path: '/v1/track', authorization: basicAuth(key), body: track },
    { path: '/v2/track', authorization: `Basic ${key}`, body: track },
    { path: '/v1/events', body: JSON.stringify({ api_key: key, timestamp: Date.now(), user_id: 'u', event: 'e' }) },
    { path: '/v1/batch', body: JSON.stringify({ writeKey: key, batch: [{ type: 'track', userId: 'u', event: 'e' }] }) },
    { path: '/2/httpapi', body: JSON.stringify({ api_key: key, events: [{ event_type: 'e', user_id: 'u' }] }) },
  ];
}

/** Error answers that still carried a valid key. */
function errorsWithKey(key: string): Call[] {
  return [
    { path: '/v2/track', authorization: `Basic ${key}`, body: JSON.stringify({ userId: 'u' }) },
    { path: '/v2/track', authorization: `Basic ${key}`, body: '{"userId": ' },
    { path: '/v2/identify', authorization: basicAuth(key), body: JSON.stringify({ userId: 'u', traits: { pad: 'x'.repeat(40_000) } }) },
    { path: '/v9/nothing', authorization: `Basic ${key}`, body: track },
    { path: '/v1/events', body: JSON.stringify({ api_key: key, timestamp: 'yesterday', user_id: 'u', event: 'e' }) },
  ];
}

/** Everything a log line could carry of a key: the key, its secret part, its Basic encoding. */
function tracesOf(key: string): string[] {
  const encoded = Buffer.from(`${key}:`).toString('base64');
  return [key, key.slice(8), encoded.slice(0, 40)];
}

/**
 * The ingest in its own process at LOG_LEVEL=debug, its output captured: valid and invalid keys
 * in every auth form, with successes, client errors and server errors (Redis and PostgreSQL
 * cut through proxies), then the captured log searched for any trace of a key.
 */
describe('keys and tokens never reach the logs', () => {
  const logFile = path.join(os.tmpdir(), `coil-ingest-log-${randomUUID()}.jsonl`);
  const prefix = `coil-test-logs-${randomUUID().slice(0, 8)}`;
  const postgres = new TcpProxy('127.0.0.1', Number(new URL(DATABASE_URL).port || 5432));
  const redis = new TcpProxy('127.0.0.1', Number(new URL(loadConfig().redisUrl).port || 6379));
  const pool = createPgPool(DATABASE_URL, { max: 1 });
  let ingest: ChildIngest | undefined;

  afterAll(async () => {
    postgres.restore();
    redis.restore();
    await ingest?.stop();
    await Promise.all([postgres.close(), redis.close()]);
    await closeQueue(ingestQueue(prefix), prefix);
    await pool.end();
    rmSync(logFile, { force: true });
  });

  it('no raw key, key part or Basic encoding of a key appears in any log line', async () => {
    const admin = createWorkspaceAdmin(pool);
    const workspace = await admin.createWorkspace('never-logged');
    const unusedKey = (await admin.createKey(workspace.workspace_id)).api_key;
    const invalidKeys = [unknownKey(), unknownKey()];
    ingest = await spawnIngest(
      {
        DATABASE_URL: throughProxy(DATABASE_URL, await postgres.listen()),
        REDIS_URL: throughProxy(loadConfig().redisUrl, await redis.listen()),
        COIL_QUEUE_PREFIX: prefix,
        LOG_LEVEL: 'debug',
        INGEST_QUEUE_TIMEOUT_MS: '1000',
      },
      logFile,
    );
    const send = async (call: Call): Promise<number> => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (call.authorization) headers.authorization = call.authorization;
      const response = await fetch(`${ingest?.url}${call.path}`, { method: 'POST', headers, body: call.body });
      await response.arrayBuffer();
      return response.status;
    };
    const sendAll = async (calls: Call[]): Promise<number[]> => {
      const statuses: number[] = [];
      for (const call of calls) statuses.push(await send(call));
      return statuses;
    };

    expect(await sendAll(everyAuthForm(workspace.api_key))).toEqual([202, 202, 202, 202, 200]);
    expect(await sendAll(errorsWithKey(workspace.api_key))).toEqual([400, 400, 413, 404, 400]);
    for (const wrong of [...invalidKeys, workspace.api_token]) {
      expect(await sendAll(everyAuthForm(wrong))).toEqual([401, 401, 401, 401, 401]);
    }

    redis.cut();
    expect(await sendAll(everyAuthForm(workspace.api_key))).toEqual([503, 503, 503, 503, 503]);
    redis.restore();

    // With PostgreSQL gone, a key not yet in the ingest's cache cannot be checked.
    postgres.cut();
    expect(await sendAll(everyAuthForm(unusedKey).slice(0, 2))).toEqual([503, 503]);
    postgres.restore();

    await ingest.stop();
    ingest = undefined;
    const lines = readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
    const failures = lines.filter((line) => line.includes('"msg":"request failed"'));
    expect(failures).toHaveLength(7);
    const secrets = [workspace.api_key, unusedKey, workspace.api_token, ...invalidKeys];
    const leaked = secrets.flatMap(tracesOf).filter((trace) => lines.some((line) => line.includes(trace)));
    expect(leaked).toEqual([]);
  });
});
