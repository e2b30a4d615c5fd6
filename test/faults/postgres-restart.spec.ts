import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TcpProxy } from '../support/tcp-proxy';
import { DATABASE_URL, startWorker, waitFor } from '../worker/support/worker-harness';
import { listenIngest, openFaultStack, sleep, throughProxy, type FaultStack } from './support/fault-stack';
import { RetryingSender } from './support/retrying-sender';
import { generateWireStream } from './support/wire-stream';

const EVENTS = 30_000;
const BEFORE = 6_000;
const DURING = 18_000;
// Outages longer than the key cache are covered by test/security/credential-outage.spec.ts.
const OUTAGE_MS = 8_000;

/**
 * "PostgreSQL restarted during load", without touching the shared server: ingest and worker
 * reach PostgreSQL through a proxy that drops every connection and refuses new ones for
 * OUTAGE_MS, which is what a restart looks like to a client.
 */
describe('fault: PostgreSQL restarted (proxy cut) while events keep arriving', () => {
  const proxy = new TcpProxy('127.0.0.1', Number(new URL(DATABASE_URL).port || 5432));
  let stack: FaultStack;
  let ingest: NestFastifyApplication | undefined;
  let worker: NestFastifyApplication | undefined;

  afterAll(async () => {
    proxy.restore();
    await worker?.close();
    await ingest?.close();
    await proxy.close();
    await stack?.close();
  });

  it('keeps answering 202 and counts everything exactly once after the restart', async () => {
    stack = await openFaultStack('pg-restart');
    const databaseUrl = throughProxy(DATABASE_URL, await proxy.listen());
    const started = await listenIngest(stack.ingestConfig({ databaseUrl }));
    ingest = started.app;
    worker = await startWorker(stack.prefix, { DATABASE_URL: databaseUrl });
    const stream = generateWireStream(EVENTS, 300, 40, 15, 7);
    const sender = (paceMs: number): RetryingSender =>
      new RetryingSender({
        url: () => started.url,
        apiKey: stack.apiKey,
        batchSize: 250,
        concurrency: 2,
        paceMs,
        retryDelayMs: 200,
        giveUpAfterMs: 30_000,
      });

    const before = sender(0);
    await before.sendAll(stream.events.slice(0, BEFORE));
    await waitFor(async () => (await stack.totalCount()) > 0, 20_000, 'first events counted');

    proxy.cut();
    const cutAt = Date.now();
    // 72 batches over 2 lanes at ~200 ms apart: the stream spans the whole outage.
    const during = sender(200);
    await during.sendAll(stream.events.slice(BEFORE, BEFORE + DURING));
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - cutAt)));
    // The test's own pool is not behind the proxy: this is what the worker had written by now.
    const countedAtRestore = await stack.totalCount();
    proxy.restore();

    const after = sender(0);
    await after.sendAll(stream.events.slice(BEFORE + DURING));
    await stack.settled(EVENTS, 60_000);

    expect(Date.now() - cutAt).toBeGreaterThanOrEqual(OUTAGE_MS);
    expect(countedAtRestore).toBeLessThanOrEqual(BEFORE);
    for (const part of [before, during, after]) expect(new Set(part.statuses())).toEqual(new Set([202]));
    expect(during.attempts).toHaveLength(DURING / 250);
    expect(await stack.totalCount()).toBe(EVENTS);
    expect(await stack.countsByKey()).toEqual(stream.expected);
  });
});
