import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { runLoad } from './load';
import { answers, startProcess, stopProcess } from './processes';

export interface FreshnessResult {
  eventsPerSecond: number;
  /** Upper bound of the lag histogram bucket holding the 99th percentile, in seconds. */
  countedP99Seconds: number;
  events: number;
  /** Probe events: accepted by the ingest -> visible in GET /v1/accounts, seconds. */
  servedP99Seconds: number;
  servedMaxSeconds: number;
  probes: number;
  /** Redis used_memory before and after the run: jobs are removed once applied, so it stays flat. */
  redisMemoryMb: { before: number; after: number };
}

const INGEST_PORT = 18093;
const WORKER_PORT = 18094;
const API_PORT = 18096;
const RATE_EVENTS = 10_000;
const BATCH = 100;
const LOAD_MS = 10_000;
const PROBE_EVERY_MS = 100;
const PROBE_ACCOUNT = 'freshness-probe';

async function redisMemoryMb(redisUrl: string): Promise<number> {
  const redis = new IORedis(redisUrl);
  const info = await redis.info('memory');
  redis.disconnect();
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN) / 1024 / 1024;
}

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

interface Endpoints {
  ingest: string;
  api: string;
  apiKey: string;
  token: string;
  workspaceId: string;
}

async function probeCount(endpoints: Endpoints): Promise<number> {
  const response = await fetch(
    `${endpoints.api}/v1/accounts?workspace_id=${endpoints.workspaceId}&match_type=tracking_id&match_value=${PROBE_ACCOUNT}`,
    { headers: { authorization: `Bearer ${endpoints.token}` } },
  );
  if (response.status !== 200) return 0;
  const body = (await response.json()) as { metrics: { overall_scored_events: number } };
  return body.metrics.overall_scored_events;
}

/** Sends one probe event at a time and times how long it takes to show in /v1/accounts. */
async function probeWhile(endpoints: Endpoints, until: number): Promise<number[]> {
  const post = (path: string, body: object) =>
    fetch(`${endpoints.ingest}${path}`, {
      method: 'POST',
      headers: { authorization: `Basic ${endpoints.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await post('/v2/group', { groupId: PROBE_ACCOUNT, userId: 'probe-user' });
  const latencies: number[] = [];
  let sent = 0;
  while (Date.now() < until) {
    const started = Date.now();
    if ((await post('/v2/track', { userId: 'probe-user', event: 'Probe' })).status !== 202) continue;
    sent += 1;
    while ((await probeCount(endpoints)) < sent && Date.now() - started < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    latencies.push((Date.now() - started) / 1000);
    await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
  }
  return latencies.sort((a, b) => a - b);
}

/**
 * Freshness at 10,000 events/s: accepted -> counted in daily_counts (the worker's lag
 * histogram), and accepted -> served by GET /v1/accounts (probe events, end to end).
 */
export async function benchFreshness(
  databaseUrl: string,
  redisUrl: string,
  workspace: { id: string; key: string; token: string },
): Promise<FreshnessResult> {
  const memoryBefore = await redisMemoryMb(redisUrl);
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    COIL_QUEUE_PREFIX: `bench-${randomUUID()}`,
    INGEST_RATE_LIMIT: '10000000',
    API_RATE_LIMIT: '10000',
  };
  const worker = await startProcess('apps/worker/src/main.ts', { ...env, WORKER_PORT: String(WORKER_PORT) }, () =>
    answers(`http://127.0.0.1:${WORKER_PORT}/readyz`),
  );
  const ingest = await startProcess('apps/ingest/src/main.ts', { ...env, INGEST_PORT: String(INGEST_PORT) }, () =>
    answers(`http://127.0.0.1:${INGEST_PORT}/readyz`),
  );
  const api = await startProcess('apps/api/src/main.ts', { ...env, API_PORT: String(API_PORT) }, () =>
    answers(`http://127.0.0.1:${API_PORT}/readyz`),
  );
  const endpoints: Endpoints = {
    ingest: `http://127.0.0.1:${INGEST_PORT}`,
    api: `http://127.0.0.1:${API_PORT}`,
    apiKey: workspace.key,
    token: workspace.token,
    workspaceId: workspace.id,
  };
  try {
    let sequence = 0;
    const body = () =>
      JSON.stringify({
        batch: Array.from({ length: BATCH }, () => {
          sequence += 1;
          return { type: 'track', userId: `fresh-${sequence % 2000}`, event: `event-${sequence % 20}`, messageId: randomUUID() };
        }),
      });
    const [load, served] = await Promise.all([
      runLoad({
        url: endpoints.ingest,
        path: '/v1/batch',
        headers: { authorization: `Basic ${workspace.key}` },
        body,
        expectStatus: 202,
        connections: 8,
        durationMs: LOAD_MS,
        rate: RATE_EVENTS / BATCH,
      }),
      probeWhile(endpoints, Date.now() + LOAD_MS),
    ]);
    const expected = load.requests * BATCH;
    let lag = await lagP99();
    for (let wait = 0; wait < 100 && lag.count < expected; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      lag = await lagP99();
    }
    return {
      eventsPerSecond: load.perSecond * BATCH,
      countedP99Seconds: lag.p99,
      events: lag.count,
      servedP99Seconds: served[Math.min(served.length - 1, Math.floor(served.length * 0.99))] ?? Number.NaN,
      servedMaxSeconds: served.at(-1) ?? Number.NaN,
      probes: served.length,
      redisMemoryMb: { before: memoryBefore, after: await redisMemoryMb(redisUrl) },
    };
  } finally {
    await stopProcess(api);
    await stopProcess(ingest);
    await stopProcess(worker);
  }
}
