import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { NODE_OPTIONS_BY_APP, queuePrefix } from '@coil/platform';
import { INGEST_QUEUE } from '@coil/ingestion';
import { runLoad, type LoadResult } from './load';
import { answers, peakRssMb, startProcess, stopProcess } from './processes';

export interface IngestBenchResult {
  bareSingle: LoadResult;
  ingestSingle: LoadResult;
  ingestBatch: LoadResult & { eventsPerSecond: number };
  halfLoad: LoadResult;
  /** Peak RSS of the ingest process over the whole run. */
  peakRssMb: number;
}

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5000);
const BARE_PORT = 18090;
const INGEST_PORT = 18091;
const trackBody = () => JSON.stringify({ userId: `user-${Math.floor(Math.random() * 1000)}`, event: 'Report_Created' });
const batchBody = () =>
  JSON.stringify({
    batch: Array.from({ length: 100 }, (_, i) => ({
      type: 'track',
      userId: `user-${i % 50}`,
      event: `event-${i % 10}`,
      messageId: randomUUID(),
      properties: { dropped: true },
    })),
  });

/** Ingest throughput and latency against a bare Node server measured in the same run. */
export async function benchIngest(databaseUrl: string, redisUrl: string, apiKey: string): Promise<IngestBenchResult> {
  const prefix = `bench-${randomUUID()}`;
  const bare = await startProcess('bench/bare-server.ts', { PORT: String(BARE_PORT) }, async () => {
    const response = await fetch(`http://127.0.0.1:${BARE_PORT}/`, { method: 'POST', body: '{}' });
    return response.status === 202;
  });
  const single = { path: '/v2/track', headers: { authorization: `Basic ${apiKey}` }, body: trackBody, expectStatus: 202 };
  const bareSingle = await runLoad({ ...single, url: `http://127.0.0.1:${BARE_PORT}`, connections: 64, durationMs: DURATION_MS });
  await stopProcess(bare);

  const ingest = await startProcess(
    'apps/ingest/src/main.ts',
    {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      INGEST_PORT: String(INGEST_PORT),
      COIL_QUEUE_PREFIX: prefix,
      INGEST_RATE_LIMIT: '10000000',
      NODE_OPTIONS: NODE_OPTIONS_BY_APP.ingest,
    },
    () => answers(`http://127.0.0.1:${INGEST_PORT}/readyz`),
  );
  const url = `http://127.0.0.1:${INGEST_PORT}`;
  try {
    await runLoad({ ...single, url, connections: 64, durationMs: 1000 });
    const ingestSingle = await runLoad({ ...single, url, connections: 64, durationMs: DURATION_MS });
    const batch = await runLoad({
      url,
      path: '/v1/batch',
      headers: { authorization: `Basic ${apiKey}` },
      body: batchBody,
      expectStatus: 202,
      connections: 16,
      durationMs: DURATION_MS,
    });
    const halfLoad = await runLoad({ ...single, url, connections: 32, durationMs: DURATION_MS, rate: ingestSingle.perSecond / 2 });
    return {
      bareSingle,
      ingestSingle,
      ingestBatch: { ...batch, eventsPerSecond: batch.perSecond * 100 },
      halfLoad,
      peakRssMb: peakRssMb(ingest),
    };
  } finally {
    await stopProcess(ingest);
    const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(INGEST_QUEUE, { connection, prefix: queuePrefix({ queuePrefix: prefix }) });
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
  }
}
