/**
 * The one typed configuration of every process, read from the environment and validated at
 * start-up: a bad value fails fast naming the variable.
 */
export interface CoilConfig {
  databaseUrl: string;
  redisUrl: string;
  /** Comma list of host:port; when set, Redis is used as a cluster (issue 7). */
  redisClusterNodes: string[];
  /** Prefix of every BullMQ key; tests use their own so that runs never meet. */
  queuePrefix: string;
  ingestPort: number;
  apiPort: number;
  workerPort: number;
  logLevel: string;
  /** Ingest micro-batching: a job is written once this many events wait... */
  ingestBatchMaxEvents: number;
  /** ...or after this many ms (0: at the end of the current event-loop turn). */
  ingestBatchDelayMs: number;
  /** A queue write slower than this answers 503. */
  ingestQueueTimeoutMs: number;
  /** Queue writes under way at once; events arriving meanwhile go out together in the next one. */
  ingestQueueWritesInFlight: number;
  /** Origins whose pages may send to the ingest (CORS): `*` (default; write keys are public) or a list. */
  ingestCorsOrigins: CorsOriginList;
  /** Origins whose pages may call the read API (CORS); empty (default): none, read tokens are secrets. */
  apiCorsOrigins: CorsOriginList;
  /** Events per second each ingest process admits per ingest key (429 above). */
  ingestRateLimit: number;
  /** Requests per second the read API admits per read token (429 above). */
  apiRateLimit: number;
  workerConcurrency: number;
  /** A job whose worker died is handed out again this long after its last lock renewal... */
  workerLockDurationMs: number;
  /** ...at the next check for such jobs, run this often: within the sum of the two after a crash. */
  workerStalledCheckMs: number;
  /** New events gather this long before their workspace is rescored (freshness of scores). */
  rescoreDelayMs: number;
  /** After SIGTERM or SIGINT a process has this long to close in order; then it exits non-zero. */
  shutdownTimeoutMs: number;
  /** Ingest and worker refuse to start on a Redis that would lose accepted events on restart. */
  requireDurableQueue: boolean;
  /** Encrypts destination secrets at rest (AES-256-GCM); null stores them as they are, with a warning. */
  secretKey: string | null;
  /** Where people open Coil (links in Slack messages). */
  publicUrl: string;
  /** Waits before each retry of a failed delivery, in ms (jitter is added); its length is the number of retries. */
  deliveryRetrySchedule: number[];
  /** A destination failing without a success for this long is disabled. */
  deliveryDisableAfterMs: number;
  /** Deliveries the worker sends at once. */
  deliveryConcurrency: number;
  /** An attempt the receiver has not answered within this is a failure (retried). */
  deliveryTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

/** `*` for any origin, else exact origins (`scheme://host[:port]`, no path); [] allows none. */
export type CorsOriginList = '*' | string[];

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a TCP port (0-65535), got "${raw}"`);
  }
  return value;
}

function positiveInt(env: Env, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') throw new Error(`${name} must be true or false, got "${raw}"`);
  return raw === 'true';
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `500ms`, `5s`, `10m`, `6h`, `1d`, or plain milliseconds. */
export function parseDuration(raw: string): number | null {
  const match = /^(\d+)(ms|s|m|h|d)?$/.exec(raw.trim());
  return match ? Number(match[1]) * DURATION_UNITS[match[2] ?? 'ms'] : null;
}

function duration(env: Env, name: string, fallback: string): number {
  const raw = env[name] || fallback;
  const value = parseDuration(raw);
  if (value === null || value < 1) throw new Error(`${name} must be a duration such as 500ms, 5s, 10m, 6h or 1d, got "${raw}"`);
  return value;
}

function durations(env: Env, name: string, fallback: string): number[] {
  const raw = env[name] || fallback;
  const values = raw.split(',').map(parseDuration);
  if (values.some((value) => value === null)) throw new Error(`${name} must be a comma list of durations such as 5s,1m,10m, got "${raw}"`);
  return values as number[];
}

function url(env: Env, name: string, fallback: string, protocols: string[]): string {
  const raw = env[name] || fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`${name} is not a valid URL: "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new Error(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
}

/** `*`, or a comma list of origins as browsers send them in `Origin` (no path, no trailing slash). */
function corsOrigins(env: Env, name: string, fallback: string): CorsOriginList {
  const raw = (env[name] || fallback).trim();
  if (raw === '*') return '*';
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!isOrigin(origin)) {
      throw new Error(`${name} must be * or a comma list of origins such as https://app.example.com, got "${origin}"`);
    }
  }
  return origins;
}

function isOrigin(text: string): boolean {
  try {
    const parsed = new URL(text);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === text;
  } catch {
    return false;
  }
}

/** At least 32 characters, so that the AES key derived from it is not guessable. */
function secretKey(env: Env): string | null {
  const raw = env.COIL_SECRET_KEY;
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32) throw new Error('COIL_SECRET_KEY must be at least 32 characters (for example `openssl rand -base64 32`)');
  return raw;
}

export function loadConfig(env: Env = process.env): CoilConfig {
  return {
    databaseUrl: url(env, 'DATABASE_URL', 'postgresql://postgres@127.0.0.1:5432/coil', ['postgresql:', 'postgres:']),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    redisClusterNodes: (env.REDIS_CLUSTER_NODES ?? '')
      .split(',')
      .map((node) => node.trim())
      .filter(Boolean),
    queuePrefix: env.COIL_QUEUE_PREFIX || 'coil',
    ingestPort: port(env, 'INGEST_PORT', 8081),
    apiPort: port(env, 'API_PORT', 8080),
    workerPort: port(env, 'WORKER_PORT', 8082),
    logLevel: env.LOG_LEVEL || 'info',
    ingestBatchMaxEvents: positiveInt(env, 'INGEST_BATCH_MAX_EVENTS', 2000),
    ingestBatchDelayMs: positiveInt(env, 'INGEST_BATCH_DELAY_MS', 0, 0),
    ingestQueueTimeoutMs: positiveInt(env, 'INGEST_QUEUE_TIMEOUT_MS', 2000),
    ingestQueueWritesInFlight: positiveInt(env, 'INGEST_QUEUE_WRITES_IN_FLIGHT', 2),
    ingestRateLimit: positiveInt(env, 'INGEST_RATE_LIMIT', 100000),
    ingestCorsOrigins: corsOrigins(env, 'INGEST_CORS_ORIGINS', '*'),
    apiCorsOrigins: corsOrigins(env, 'API_CORS_ORIGINS', ''),
    apiRateLimit: positiveInt(env, 'API_RATE_LIMIT', 100),
    workerConcurrency: positiveInt(env, 'WORKER_CONCURRENCY', 4),
    workerLockDurationMs: positiveInt(env, 'WORKER_LOCK_DURATION_MS', 8000, 1000),
    workerStalledCheckMs: positiveInt(env, 'WORKER_STALLED_CHECK_MS', 3000, 500),
    rescoreDelayMs: positiveInt(env, 'RESCORE_DELAY_MS', 1000, 0),
    shutdownTimeoutMs: positiveInt(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 100),
    requireDurableQueue: flag(env, 'COIL_REQUIRE_DURABLE_QUEUE', false),
    secretKey: secretKey(env),
    publicUrl: url(env, 'COIL_PUBLIC_URL', 'http://127.0.0.1:8080', ['http:', 'https:']).replace(/\/+$/, ''),
    deliveryRetrySchedule: durations(env, 'DELIVERY_RETRY_SCHEDULE', '5s,1m,10m,1h,6h,24h'),
    deliveryDisableAfterMs: duration(env, 'DELIVERY_DISABLE_AFTER', '24h'),
    deliveryConcurrency: positiveInt(env, 'DELIVERY_CONCURRENCY', 32),
    deliveryTimeoutMs: duration(env, 'DELIVERY_TIMEOUT', '10s'),
  };
}

/**
 * Node flags per process, shared by `npm start`, docker-compose.yml (checked by a test) and the
 * benchmarks. None caps the heap: on the ingest a 128 MB cap traded p99 latency for memory
 * (more frequent full collections); its RSS stays under 250 MB at full load without one.
 */
export const NODE_OPTIONS_BY_APP: Readonly<Record<'ingest' | 'api' | 'worker', string>> = {
  ingest: '',
  api: '',
  worker: '',
};
