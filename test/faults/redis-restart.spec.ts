import { Analytics } from '@segment/analytics-node';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@coil/platform';
import { TcpProxy } from '../support/tcp-proxy';
import { startWorker } from '../worker/support/worker-harness';
import { listenIngest, openFaultStack, sleep, throughProxy, type FaultStack } from './support/fault-stack';
import { generateWireStream, type WireTrack } from './support/wire-stream';

const EVENTS = 6_000;
const CALLS_PER_TICK = 100;
const TICK_MS = 100;
const CUT_AFTER_MS = 1_500;
const OUTAGE_MS = 4_000;
// A request already past Redis when the cut starts may still come back 202 just after it.
const GRACE_MS = 300;

interface Answer {
  status: number;
  at: number;
}

/**
 * "Redis restarted": the ingest reaches Redis through a proxy that drops every connection and
 * refuses new ones for OUTAGE_MS (the shared Redis is never stopped). The worker reads the
 * queue directly: the fault under test is what the ingest answers, and what the client's
 * retries of the same messageIds add up to.
 */
describe('fault: Redis restarted (proxy cut) under @segment/analytics-node with retries', () => {
  const redisPort = Number(new URL(loadConfig().redisUrl).port || 6379);
  const proxy = new TcpProxy('127.0.0.1', redisPort);
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

  it('answers 503 (never 202) during the cut; the retried batches land exactly once', async () => {
    stack = await openFaultStack('redis-restart');
    const redisUrl = throughProxy(loadConfig().redisUrl, await proxy.listen());
    const started = await listenIngest(stack.ingestConfig({ redisUrl, ingestQueueTimeoutMs: 1000 }));
    ingest = started.app;
    worker = await startWorker(stack.prefix);
    const stream = generateWireStream(EVENTS, 200, 20, 10, 5);
    const analytics = new Analytics({
      writeKey: stack.apiKey,
      host: started.url,
      flushAt: 50,
      flushInterval: 50,
      maxRetries: 20,
      httpRequestTimeout: 5000,
    });
    const answers: Answer[] = [];
    const errors: unknown[] = [];
    analytics.on('http_response', (response) => answers.push({ status: response.status, at: Date.now() }));
    analytics.on('error', (error) => errors.push(error));

    const startedAt = Date.now();
    let cutAt = 0;
    let restoredAt = 0;
    for (let offset = 0; offset < EVENTS; offset += CALLS_PER_TICK) {
      stream.events.slice(offset, offset + CALLS_PER_TICK).forEach((event) => sendTrack(analytics, event));
      await sleep(TICK_MS);
      const elapsed = Date.now() - startedAt;
      if (cutAt === 0 && elapsed >= CUT_AFTER_MS) {
        proxy.cut();
        cutAt = Date.now();
      } else if (cutAt > 0 && restoredAt === 0 && Date.now() - cutAt >= OUTAGE_MS) {
        proxy.restore();
        restoredAt = Date.now();
      }
    }
    expect(restoredAt).toBeGreaterThan(0);
    await analytics.closeAndFlush({ timeout: 60_000 });
    await stack.settled(EVENTS, 60_000);

    const duringCut = answers.filter((answer) => answer.at >= cutAt + GRACE_MS && answer.at < restoredAt);
    expect(duringCut.length).toBeGreaterThan(0);
    expect(new Set(duringCut.map((answer) => answer.status))).toEqual(new Set([503]));
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([202, 503]));
    expect(errors).toEqual([]);

    // Make a duplicate certain rather than likely: a client re-sending accepted messageIds.
    const resent = new Analytics({ writeKey: stack.apiKey, host: started.url, flushAt: 100, flushInterval: 50 });
    stream.events.slice(0, 500).forEach((event) => sendTrack(resent, event));
    await resent.closeAndFlush({ timeout: 10_000 });
    await stack.settled(EVENTS, 30_000);
    expect(await stack.totalCount()).toBe(EVENTS);
    expect(await stack.countsByKey()).toEqual(stream.expected);
  });
});

function sendTrack(analytics: Analytics, event: WireTrack): void {
  analytics.track({
    messageId: event.messageId,
    userId: event.userId,
    event: event.event,
    timestamp: event.timestamp,
    ...(event.context ? { context: event.context } : {}),
  });
}
