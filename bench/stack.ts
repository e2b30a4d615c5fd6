import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { BATCH_BODY, BATCH_EVENTS, batchPrelude, type KeySpread } from './ingest';
import { rssMb, startApp, stopProcess } from './processes';
import { deleteKeys } from './redis-keys';
import { lua, runWrk, type WrkResult } from './wrk';

export interface StackResult {
  load: WrkResult & { eventsPerSecond: number; targetEventsPerSecond: number };
  /** Events accepted (202, the ingest's metric) and the sum of daily_counts once the worker caught up. */
  accepted: number;
  counted: number;
  /** Seconds from the end of the load until every accepted event was counted. */
  catchUpSeconds: number;
  /** Upper bound of the bucket of the worker's accepted -> rolled-up histogram holding the 99th percentile. */
  countedP99Seconds: number;
  /** Probe events, one at a time during the load: accepted -> visible in GET /v1/accounts. */
  served: { p99Seconds: number; maxSeconds: number; probes: number };
  redisMemoryMb: { before: number; after: number };
  rssMb: { ingest: number; worker: number; api: number };
}

const INGEST_PORT = 18093;
const WORKER_PORT = 18094;
const API_PORT = 18096;
const PROBE_EVERY_MS = 100;
const PROBE_ACCOUNT = 'freshness-probe';
const CATCH_UP_LIMIT_MS = 180_000;

/** The spec's realistic spread: 10,000 users in 1,000 accounts, 20 event names, times over 30 days. */
export function realisticSpread(): KeySpread {
  const days = Array.from({ length: 30 }, (_, day) => new Date(Date.now() - day * 86_400_000).toISOString());
  return { users: 10_000, accounts: 1_000, events: 20, days };
}

async function redisMemoryMb(redisUrl: string): Promise<number> {
  const redis = new IORedis(redisUrl);
  const info = await redis.info('memory');
  redis.disconnect();
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN) / 1024 / 1024;
}

/** Reads the p99 bucket of the worker's receive-to-rolled-up histogram from its /metrics. */
async function lagP99(): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${WORKER_PORT}/metrics`)).text();
  const buckets = [...text.matchAll(/coil_worker_lag_seconds_bucket\{le="([^"]+)"\} (\d+)/g)].map((m) => ({
    le: m[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(m[1]),
    count: Number(m[2]),
  }));
  const total = buckets.at(-1)?.count ?? 0;
  return buckets.find((entry) => entry.count >= total * 0.99)?.le ?? Number.NaN;
}

interface Workspace {
  id: string;
  key: string;
  token: string;
}

async function probeCount(probe: Workspace): Promise<number> {
  const response = await fetch(
    `http://127.0.0.1:${API_PORT}/v1/accounts?workspace_id=${probe.id}&match_type=tracking_id&match_value=${PROBE_ACCOUNT}`,
    { headers: { authorization: `Bearer ${probe.token}` } },
  );
  if (response.status !== 200) return 0;
  const body = (await response.json()) as { metrics: { overall_scored_events: number } };
  return body.metrics.overall_scored_events;
}

/** Sends one probe event at a time (its own workspace) and times how long it takes to show in /v1/accounts. */
async function probeWhile(probe: Workspace, until: number): Promise<number[]> {
  const post = (path: string, body: object) =>
    fetch(`http://127.0.0.1:${INGEST_PORT}${path}`, {
      method: 'POST',
      headers: { authorization: `Basic ${probe.key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await post('/v2/group', { groupId: PROBE_ACCOUNT, userId: 'probe-user' });
  const latencies: number[] = [];
  let sent = 0;
  while (Date.now() < until) {
    const started = Date.now();
    if ((await post('/v2/track', { userId: 'probe-user', event: 'Probe' })).status !== 202) continue;
    sent += 1;
    while ((await probeCount(probe)) < sent && Date.now() - started < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    latencies.push((Date.now() - started) / 1000);
    await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
  }
  return latencies.sort((a, b) => a - b);
}

/** Events the ingest answered 202 for on /v1/batch, from its /metrics. */
async function acceptedEvents(): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${INGEST_PORT}/metrics`)).text();
  const match = /coil_ingest_events_total\{route="v1\/batch",result="accepted"\} (\d+)/.exec(text);
  if (!match) throw new Error('the ingest reported no accepted /v1/batch events');
  return Number(match[1]);
}

async function countedEvents(databaseUrl: string, workspaceId: string): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const result = await db.query<{ total: string }>(
      'SELECT coalesce(sum(count), 0)::text AS total FROM daily_counts WHERE workspace_id = $1',
      [workspaceId],
    );
    return Number(result.rows[0].total);
  } finally {
    await db.end();
  }
}

/**
 * The whole stack as `npm start` runs it (ingest, worker and api, with PostgreSQL and Redis, all
 * on this machine's cores): `/v1/batch` paced at `eventsPerSecond` with the realistic spread,
 * then every accepted event counted exactly, and how fresh the counts and the API were meanwhile.
 */
export async function benchStack(
  databaseUrl: string,
  redisUrl: string,
  workspaces: { load: Workspace; probe: Workspace },
  options: { eventsPerSecond: number; seconds: number },
): Promise<StackResult> {
  const memoryBefore = await redisMemoryMb(redisUrl);
  const prefix = `bench-${randomUUID()}`;
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    COIL_QUEUE_PREFIX: prefix,
    INGEST_RATE_LIMIT: '10000000',
    API_RATE_LIMIT: '10000',
  };
  const worker = await startApp('worker', WORKER_PORT, env);
  const ingest = await startApp('ingest', INGEST_PORT, env);
  const api = await startApp('api', API_PORT, env);
  try {
    const runId = randomUUID().slice(0, 8);
    const [load, served] = await Promise.all([
      runWrk({
        url: `http://127.0.0.1:${INGEST_PORT}`,
        path: lua('/v1/batch'),
        headers: { authorization: `Basic ${workspaces.load.key}` },
        prelude: batchPrelude(runId, realisticSpread()),
        body: BATCH_BODY,
        connections: 20,
        durationSeconds: options.seconds,
        rate: options.eventsPerSecond / BATCH_EVENTS,
      }),
      probeWhile(workspaces.probe, Date.now() + options.seconds * 1000),
    ]);
    const rss = { ingest: rssMb(ingest), worker: rssMb(worker), api: rssMb(api) };
    const loadEnded = Date.now();
    // wrk stops counting at its deadline, with requests still under way: the ingest's own count is the truth.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const accepted = await acceptedEvents();
    let counted = await countedEvents(databaseUrl, workspaces.load.id);
    while (counted < accepted && Date.now() - loadEnded < CATCH_UP_LIMIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      counted = await countedEvents(databaseUrl, workspaces.load.id);
    }
    return {
      load: { ...load, eventsPerSecond: load.perSecond * BATCH_EVENTS, targetEventsPerSecond: options.eventsPerSecond },
      accepted,
      counted,
      catchUpSeconds: (Date.now() - loadEnded) / 1000,
      countedP99Seconds: await lagP99(),
      served: {
        p99Seconds: served[Math.min(served.length - 1, Math.floor(served.length * 0.99))] ?? Number.NaN,
        maxSeconds: served.at(-1) ?? Number.NaN,
        probes: served.length,
      },
      redisMemoryMb: { before: memoryBefore, after: await redisMemoryMb(redisUrl) },
      rssMb: rss,
    };
  } finally {
    await stopProcess(api);
    await stopProcess(ingest);
    await stopProcess(worker);
    await deleteKeys(redisUrl, `*${prefix}*`);
  }
}
