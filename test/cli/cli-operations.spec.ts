import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { IngestBatch } from '@coil/domain';
import { INGEST_QUEUE } from '@coil/ingestion';
import { createPgPool } from '@coil/database';
import { readCachePrefix, scoresVersionKey } from '@coil/platform';
import { createWorkspaceAdmin } from '@coil/workspaces';
import { parseJson, runCli } from '../support/cli';

describe('CLI: replay, dead letters, scores recompute', () => {
  const prefix = `test-cli-${randomUUID()}`;
  const connection = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
  const queue = new Queue<IngestBatch>(INGEST_QUEUE, { connection, prefix: `{${prefix}}` });
  const coil = (...args: string[]) => runCli(args, { COIL_QUEUE_PREFIX: prefix });
  const pool = createPgPool(process.env.DATABASE_URL!, { max: 1 });
  const admin = createWorkspaceAdmin(pool);

  afterAll(async () => {
    await pool.end();
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
  });

  it('replays a JSON-lines file through the normaliser into the queue, reporting bad lines', async () => {
    const { workspace_id } = await admin.createWorkspace('replay');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coil-replay-')), 'events.jsonl');
    fs.writeFileSync(
      file,
      [
        JSON.stringify({ type: 'track', userId: 'u1', event: 'Imported', messageId: 'r-1', properties: { secret: 'DROP_ME' } }),
        JSON.stringify({ type: 'identify', userId: 'u1', traits: { plan: 'pro' } }),
        '',
        JSON.stringify({ type: 'track', userId: 'u1' }),
        JSON.stringify({ type: 'page', userId: 'u1', name: 'Home' }),
      ].join('\n'),
    );
    const summary = parseJson<Record<string, unknown>>(await coil('replay', '--workspace', workspace_id, '--file', file, '--json'));
    expect(summary).toMatchObject({ workspace_id, lines: 5, queued: 3 });
    expect(summary.rejected).toEqual([expect.objectContaining({ line: 4, code: 'missing_field' })]);
    const jobs = await queue.getJobs(['waiting']);
    // A replay's roll-up clears the signals baseline, so a backfill signals nothing.
    expect(jobs.map((job) => job.data.replay)).toEqual([true]);
    const events = jobs.flatMap((job) => job.data.events);
    expect(events.map((event) => event.event ?? event.type)).toEqual(['Imported', 'identify', 'Viewed Home Page']);
    expect(JSON.stringify(events)).not.toContain('DROP_ME');
  });

  it('counts and lists dead letters as JSON', async () => {
    expect(parseJson(await coil('dead-letters', 'count', '--json'))).toEqual({ count: 0 });
    expect(parseJson(await coil('dead-letters', 'list', '--json'))).toEqual([]);
  });

  it('scores recompute tells the read API that the workspace has new scores', async () => {
    const { workspace_id } = await admin.createWorkspace('recompute');
    const run = await coil('scores', 'recompute', '--workspace', workspace_id, '--json');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(JSON.parse(lines[lines.length - 1])).toMatchObject({ type: 'done', workspace_id });
    const key = scoresVersionKey(readCachePrefix({ queuePrefix: prefix }), workspace_id);
    expect(await connection.get(key)).toBe('1');
    await connection.del(key);
  });

  it('a mistyped command prints usage and exits non-zero', async () => {
    expect((await coil('dead-letter', 'count')).code).toBe(1);
  });
});
