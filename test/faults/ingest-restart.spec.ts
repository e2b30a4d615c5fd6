import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startWorker, waitFor } from '../worker/support/worker-harness';
import { listenIngest, openFaultStack, type FaultStack } from './support/fault-stack';
import { RetryingSender } from './support/retrying-sender';
import { generateWireStream } from './support/wire-stream';

const EVENTS = 40_000;
const BATCH = 250;

/**
 * "Ingest restarted during a batch": the running ingest is closed gracefully (stop accepting,
 * finish in-flight requests, flush the batcher) while requests are in flight, and a new one is
 * started on the same port. The client re-sends refused or failed batches unchanged.
 */
describe('fault: ingest restarted while requests are in flight', () => {
  let stack: FaultStack;
  let ingest: NestFastifyApplication | undefined;
  let worker: NestFastifyApplication | undefined;

  afterAll(async () => {
    await worker?.close();
    await ingest?.close();
    await stack?.close();
  });

  it('counts every event exactly once across the restart', async () => {
    stack = await openFaultStack('ingest-restart');
    const config = stack.ingestConfig();
    const first = await listenIngest(config);
    ingest = first.app;
    const port = Number(new URL(first.url).port);
    worker = await startWorker(stack.prefix);
    const stream = generateWireStream(EVENTS, 400, 40, 20, 10);
    const sender = new RetryingSender({
      url: () => first.url,
      apiKey: stack.apiKey,
      batchSize: BATCH,
      concurrency: 8,
      paceMs: 20,
      retryDelayMs: 100,
      giveUpAfterMs: 30_000,
    });

    const sending = sender.sendAll(stream.events);
    await waitFor(async () => sender.attempts.length >= 40, 20_000, 'the stream under way');
    const closing = first.app.close();
    ingest = undefined;
    await closing;
    const acceptedBeforeRestart = sender.statuses().filter((status) => status === 202).length;
    ingest = (await listenIngest(config, port)).app;
    await sending;
    await stack.settled(EVENTS, 60_000);

    const statuses = sender.statuses();
    const accepted = statuses.filter((status) => status === 202);
    expect(acceptedBeforeRestart).toBeLessThan(EVENTS / BATCH);
    expect(accepted).toHaveLength(EVENTS / BATCH);
    expect(statuses.length).toBeGreaterThan(accepted.length);
    expect(await stack.totalCount()).toBe(EVENTS);
    expect(await stack.countsByKey()).toEqual(stream.expected);
  });
});
