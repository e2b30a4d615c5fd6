import type { ChildProcess } from 'node:child_process';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { exited, spawnWorker } from '../worker/support/child-worker';
import { DATABASE_URL, waitFor } from '../worker/support/worker-harness';
import { listenIngest, openFaultStack, type FaultStack } from './support/fault-stack';
import { RetryingSender } from './support/retrying-sender';
import { generateWireStream } from './support/wire-stream';

const EVENTS = 80_000;
const FIRST_PART = 40_000;

describe('fault: worker killed with SIGKILL mid-stream, then restarted', () => {
  let stack: FaultStack;
  let ingest: NestFastifyApplication;
  let child: ChildProcess | undefined;

  afterAll(async () => {
    child?.kill('SIGKILL');
    if (child) await exited(child);
    await ingest?.close();
    await stack?.close();
  });

  it('counts every event sent over HTTP exactly once: 0 lost, 0 double', async () => {
    stack = await openFaultStack('worker-kill');
    const started = await listenIngest(stack.ingestConfig());
    ingest = started.app;
    const stream = generateWireStream(EVENTS, 500, 50, 20, 10);
    const sender = new RetryingSender({
      url: () => started.url,
      apiKey: stack.apiKey,
      batchSize: 500,
      concurrency: 4,
      paceMs: 0,
      retryDelayMs: 200,
      giveUpAfterMs: 30_000,
    });
    // A short lock, so the jobs the killed worker held are handed out again within seconds.
    const env = { COIL_QUEUE_PREFIX: stack.prefix, DATABASE_URL, WORKER_LOCK_DURATION_MS: '2000' };

    child = spawnWorker(env);
    await sender.sendAll(stream.events.slice(0, FIRST_PART));
    await waitFor(async () => (await stack.totalCount()) >= 5_000, 60_000, 'the worker under way');
    child.kill('SIGKILL');
    await exited(child);
    const countedAtKill = await stack.totalCount();
    expect(countedAtKill).toBeLessThan(FIRST_PART);

    // The stream goes on while no worker runs: the ingest only needs Redis.
    await sender.sendAll(stream.events.slice(FIRST_PART));
    child = spawnWorker(env);
    await stack.settled(EVENTS, 60_000);

    expect(new Set(sender.statuses())).toEqual(new Set([202]));
    expect(await stack.totalCount()).toBe(EVENTS);
    expect(await stack.countsByKey()).toEqual(stream.expected);
    child.kill('SIGTERM');
    await exited(child);
    child = undefined;
  });
});
