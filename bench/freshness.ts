import { randomUUID } from 'node:crypto';
import { runLoad } from './load';
import { answers, startProcess, stopProcess } from './processes';

export interface FreshnessResult {
  eventsPerSecond: number;
  /** Upper bound of the lag histogram bucket holding the 99th percentile, in seconds. */
  p99Seconds: number;
  events: number;
}

const INGEST_PORT = 18093;
const WORKER_PORT = 18094;
const RATE_EVENTS = 10_000;
const BATCH = 100;

/** Reads the p99 bucket of the worker's receive-to-rolled-up histogram from its /metrics. */
async function lagP99(): Promise<{ p99: number; count: number }> {
  const text = await (await fetch(`http://127.0.0.1:${WORKER_PORT}/metrics`)).text();
  const buckets = [...text.matchAll(/coil_worker_lag_seconds_bucket\{le="([^"]+)"\} (\d+)/g)].map((m) => ({
    le: m[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(m[1]),
    count: Number(m[2]),
  }));
  const total = buckets.at(-1)?.count ?? 0;
  const bucket = buckets.find((entry) => entry.count >= total * 0.99);
  return { p99: bucket?.le ?? Number.NaN, count: total };
}

/** Freshness: event accepted by the ingest -> counted in daily_counts, at 10,000 events/s. */
export async function benchFreshness(databaseUrl: string, redisUrl: string, apiKey: string): Promise<FreshnessResult> {
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, COIL_QUEUE_PREFIX: `bench-${randomUUID()}`, INGEST_RATE_LIMIT: '10000000' };
  const worker = await startProcess('apps/worker/src/main.ts', { ...env, WORKER_PORT: String(WORKER_PORT) }, () =>
    answers(`http://127.0.0.1:${WORKER_PORT}/readyz`),
  );
  const ingest = await startProcess('apps/ingest/src/main.ts', { ...env, INGEST_PORT: String(INGEST_PORT) }, () =>
    answers(`http://127.0.0.1:${INGEST_PORT}/readyz`),
  );
  try {
    let sequence = 0;
    const body = () =>
      JSON.stringify({
        batch: Array.from({ length: BATCH }, () => {
          sequence += 1;
          return { type: 'track', userId: `fresh-${sequence % 2000}`, event: `event-${sequence % 20}`, messageId: randomUUID() };
        }),
      });
    const load = await runLoad({
      url: `http://127.0.0.1:${INGEST_PORT}`, path: '/v1/batch', headers: { authorization: `Basic ${apiKey}` },
      body, expectStatus: 202, connections: 8, durationMs: 10_000, rate: RATE_EVENTS / BATCH,
    });
    const expected = load.requests * BATCH;
    let lag = await lagP99();
    for (let wait = 0; wait < 100 && lag.count < expected; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      lag = await lagP99();
    }
    return { eventsPerSecond: load.perSecond * BATCH, p99Seconds: lag.p99, events: lag.count };
  } finally {
    await stopProcess(ingest);
    await stopProcess(worker);
  }
}
