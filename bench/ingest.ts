import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { queuePrefix } from '@coil/platform';
import { INGEST_QUEUE } from '@coil/ingestion';
import { peakRssMb, startApp, startProcess, stopProcess } from './processes';
import { lua, runWrk, type WrkOptions, type WrkResult } from './wrk';

export interface IngestBenchResult {
  /** Ceilings: the same single-event load against a bare Node `http` server and bare Fastify. */
  bareNode: WrkResult;
  bareFastify: WrkResult;
  single: WrkResult;
  /** Paced at half of `single`'s rate. */
  halfLoad: WrkResult;
  batch: WrkResult & { eventsPerSecond: number };
  /** Peak RSS of the ingest process over the runs above. */
  peakRssMb: number;
  connections: number;
  seconds: number;
}

export const CONNECTIONS = 50;
const BARE_PORT = 18090;
const INGEST_PORT = 18091;
export const BATCH_EVENTS = 100;

const TRACK_BODY = `'{"userId":"user-' .. (n % 1000) .. '","event":"Report_Created"}'`;

/** A Segment batch of BATCH_EVENTS tracks made by batchPrelude's function. */
export const BATCH_BODY = `'{"batch":[' .. batch_of(n) .. ']}'`;

export interface KeySpread {
  users: number;
  /** user-U belongs to acct-(U % accounts), named by each track's context.groupId. */
  accounts: number;
  events: number;
  /** Event times, spread over them in turn. */
  days: string[];
}

/** The Lua function BATCH_BODY calls; messageIds are the run id, then the event's number: unique. */
export function batchPrelude(runId: string, spread: KeySpread): string {
  return `
local days = { ${spread.days.map(lua).join(', ')} }
function batch_of(n)
  local items = {}
  for i = 1, ${BATCH_EVENTS} do
    local k = n * ${BATCH_EVENTS} + i
    local user = (k * 7919) % ${spread.users}
    items[i] = '{"type":"track","userId":"user-' .. user .. '","event":"Event ' .. (k % ${spread.events}) ..
      '","messageId":"${runId}-' .. k .. '","timestamp":"' .. days[(k % #days) + 1] ..
      '","context":{"groupId":"acct-' .. (user % ${spread.accounts}) .. '"},"properties":{"dropped":true}}'
  end
  return table.concat(items, ',')
end`;
}

/** Single-event and batch ingest against both ceilings, every run by wrk with the same connections. */
export async function benchIngest(databaseUrl: string, redisUrl: string, apiKey: string, seconds: number): Promise<IngestBenchResult> {
  const single: Omit<WrkOptions, 'url'> = {
    path: lua('/v2/track'),
    headers: { authorization: `Basic ${apiKey}` },
    body: TRACK_BODY,
    connections: CONNECTIONS,
    durationSeconds: seconds,
  };
  const ceiling = async (entry: string): Promise<WrkResult> => {
    const server = await startProcess(entry, { PORT: String(BARE_PORT) }, async () => {
      const response = await fetch(`http://127.0.0.1:${BARE_PORT}/`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      });
      return response.status === 202;
    });
    try {
      return await runWrk({ ...single, url: `http://127.0.0.1:${BARE_PORT}` });
    } finally {
      await stopProcess(server);
    }
  };
  const bareNode = await ceiling('bench/bare-server.ts');
  const bareFastify = await ceiling('bench/bare-fastify.ts');

  const prefix = `bench-${randomUUID()}`;
  const ingest = await startApp('ingest', INGEST_PORT, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    COIL_QUEUE_PREFIX: prefix,
    INGEST_RATE_LIMIT: '10000000',
  });
  const url = `http://127.0.0.1:${INGEST_PORT}`;
  const runId = randomUUID().slice(0, 8);
  try {
    await runWrk({ ...single, url, durationSeconds: Math.min(seconds, 2) });
    const measured = await runWrk({ ...single, url });
    const halfLoad = await runWrk({ ...single, url, rate: measured.perSecond / 2 });
    const batch = await runWrk({
      url,
      path: lua('/v1/batch'),
      headers: { authorization: `Basic ${apiKey}` },
      prelude: batchPrelude(runId, { users: 1000, accounts: 100, events: 20, days: [new Date().toISOString()] }),
      body: BATCH_BODY,
      connections: CONNECTIONS,
      durationSeconds: seconds,
    });
    return {
      bareNode,
      bareFastify,
      single: measured,
      halfLoad,
      batch: { ...batch, eventsPerSecond: batch.perSecond * BATCH_EVENTS },
      peakRssMb: peakRssMb(ingest),
      connections: CONNECTIONS,
      seconds,
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
