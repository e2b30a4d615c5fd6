import type { ChildProcess } from 'node:child_process';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { QueueEvents } from 'bullmq';
import IORedis from 'ioredis';
import { INGEST_QUEUE } from '@coil/ingestion';
import { exited, spawnWorker } from '../worker/support/child-worker';
import { DATABASE_URL, waitFor } from '../worker/support/worker-harness';
import { listenIngest, openFaultStack, type FaultStack } from './support/fault-stack';
import { RetryingSender } from './support/retrying-sender';
import { generateWireStream } from './support/wire-stream';

const EVENTS = 80_000;
const FIRST_PART = 40_000;
// operations.md, "Targets": a worker SIGKILLed mid-stream has its jobs applied again within 15 s.
const RECOVERY_BOUND_MS = 15_000;

/** When each job of the queue completed: jobs are removed on completion, so only the event tells. */
async function recordCompletions(prefix: string): Promise<{ completedAt: Map<string, number>; close(): Promise<void> }> {
  const connection = new IORedis(process.env.REDIS_URL as string, { maxRetriesPerRequest: null });
  const events = new QueueEvents(INGEST_QUEUE, { connection, prefix: `{${prefix}}` });
  const completedAt = new Map<string, number>();
  events.on('completed', ({ jobId }) => completedAt.set(jobId, Date.now()));
  await events.waitUntilReady();
  return {
    completedAt,
    async close() {
      await events.close();
      connection.disconnect();
    },
  };
}

describe('fault: worker killed with SIGKILL mid-stream, then replaced', () => {
  let stack: FaultStack;
  let ingest: NestFastifyApplication;
  let child: ChildProcess | undefined;
  let completions: Awaited<ReturnType<typeof recordCompletions>> | undefined;

  afterAll(async () => {
    child?.kill('SIGKILL');
    if (child) await exited(child);
    await completions?.close();
    await ingest?.close();
    await stack?.close();
  });

  it('hands the jobs it held to the replacement within 15 s, and counts every event once: 0 lost, 0 double', async () => {
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
    // The default lock and stalled check: the bound is the one operators get.
    const env = { COIL_QUEUE_PREFIX: stack.prefix, DATABASE_URL };
    completions = await recordCompletions(stack.prefix);

    child = spawnWorker(env);
    await sender.sendAll(stream.events.slice(0, FIRST_PART));
    await waitFor(async () => (await stack.totalCount()) >= 5_000, 60_000, 'the worker under way');
    const killedAt = Date.now();
    child.kill('SIGKILL');
    await exited(child);
    const held = (await stack.queue.getActive()).map((job) => job.id as string);
    expect(held.length).toBeGreaterThan(0);
    expect(await stack.totalCount()).toBeLessThan(FIRST_PART);

    // A replacement at once, as compose's restart policy starts one; the stream goes on meanwhile.
    child = spawnWorker(env);
    await sender.sendAll(stream.events.slice(FIRST_PART));
    const { completedAt } = completions;
    await waitFor(async () => held.every((id) => completedAt.has(id)), 2 * RECOVERY_BOUND_MS, 'the jobs it held completed');
    const slowest = Math.max(...held.map((id) => (completedAt.get(id) as number) - killedAt));
    expect(slowest).toBeLessThanOrEqual(RECOVERY_BOUND_MS);

    await stack.settled(EVENTS, 60_000);
    expect(new Set(sender.statuses())).toEqual(new Set([202]));
    expect(await stack.totalCount()).toBe(EVENTS);
    expect(await stack.countsByKey()).toEqual(stream.expected);
    child.kill('SIGTERM');
    await exited(child);
    child = undefined;
  }, 120_000);
});
