import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { rssMb, startApp, stopProcess } from './processes';
import { deleteKeys } from './redis-keys';
import { lua, runWrk, type WrkResult } from './wrk';

export interface SoakSample {
  atSeconds: number;
  ingestRssMb: number;
  workerRssMb: number;
  redisMb: number;
}

export interface SoakResult {
  load: WrkResult;
  samples: SoakSample[];
  /** Mean of the last window over the mean of the first window after warm-up, per series. */
  growth: { ingestRss: number; workerRss: number; redis: number };
  seconds: number;
  rate: number;
}

const INGEST_PORT = 18087;
const WORKER_PORT = 18088;

/**
 * Single events at a steady rate through ingest and worker for `seconds`, sampling resident
 * memory and Redis' used_memory every tenth of the run. Flat means the last tenth's mean within
 * 10 % of the second tenth's (the first is warm-up: heaps and pools grow to their working size).
 */
export async function benchSoak(
  databaseUrl: string,
  redisUrl: string,
  apiKey: string,
  options: { rate: number; seconds: number },
): Promise<SoakResult> {
  const prefix = `bench-${randomUUID()}`;
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, COIL_QUEUE_PREFIX: prefix, INGEST_RATE_LIMIT: '10000000' };
  const worker = await startApp('worker', WORKER_PORT, env);
  const ingest = await startApp('ingest', INGEST_PORT, env);
  const redis = new IORedis(redisUrl);
  const samples: SoakSample[] = [];
  const started = Date.now();
  const every = (options.seconds * 1000) / 10;
  const sample = async (): Promise<void> => {
    const info = await redis.info('memory');
    samples.push({
      atSeconds: (Date.now() - started) / 1000,
      ingestRssMb: rssMb(ingest),
      workerRssMb: rssMb(worker),
      redisMb: Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN) / 1024 / 1024,
    });
  };
  const timer = setInterval(() => void sample(), every / 4);
  try {
    const load = await runWrk({
      url: `http://127.0.0.1:${INGEST_PORT}`,
      path: lua('/v1/track'),
      headers: { authorization: `Basic ${apiKey}` },
      body: `'{"userId":"soak-' .. (n % 10000) .. '","event":"Event ' .. (n % 20) .. '","context":{"groupId":"acct-' .. (n % 1000) .. '"}}'`,
      connections: 50,
      durationSeconds: options.seconds,
      rate: options.rate,
    });
    clearInterval(timer);
    const window = (index: number) => samples.filter((s) => Math.floor((s.atSeconds * 1000) / every) === index);
    const growth = (pick: (s: SoakSample) => number) => mean(window(9).map(pick)) / mean(window(1).map(pick));
    return {
      load,
      samples,
      growth: { ingestRss: growth((s) => s.ingestRssMb), workerRss: growth((s) => s.workerRssMb), redis: growth((s) => s.redisMb) },
      seconds: options.seconds,
      rate: options.rate,
    };
  } finally {
    clearInterval(timer);
    redis.disconnect();
    await stopProcess(ingest);
    await stopProcess(worker);
    // The backlog a worker that fell behind leaves would weigh on the parts after this one.
    await deleteKeys(redisUrl, `*${prefix}*`);
  }
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
