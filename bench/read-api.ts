import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { createPgPool } from '@coil/database';
import { createWorkspaceAdmin } from '@coil/workspaces';
import { runLoad, type LoadResult } from './load';
import { answers, startProcess, stopProcess } from './processes';
import { seedScoredAccounts } from './seed-accounts';

export interface ReadApiBenchResult {
  accounts: number;
  hotAccounts: number;
  /** HOT_ACCOUNTS read round-robin, as fast as answered; metrics and blocks in Redis: one MGET per request. */
  cached: LoadResult;
  /** The same at half the cached rate: the latency target's load. */
  cachedHalfLoad: LoadResult;
  /** Each request a different account with a cold cache: account, traits, segments and insights from Postgres. */
  uncached: LoadResult;
  /** GET /v1/accounts/explain (never cached), each request a different account of a 100,000-account workspace. */
  explainUncached: LoadResult;
  /** The same at half that rate: the latency target's load. */
  explainHalfLoad: LoadResult;
}

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5000);
const API_PORT = 18095;
const ACCOUNTS = 10_000;
const HOT_ACCOUNTS = 1_000;
const CONNECTIONS = 16;
const EXPAND = 'traits,segments,insights';
// The explanation's target is stated on 100,000 accounts: a workspace of its own.
const EXPLAIN_ACCOUNTS = 100_000;

async function createWorkspace(databaseUrl: string): Promise<{ id: string; token: string }> {
  const pool = createPgPool(databaseUrl, { max: 1 });
  const created = await createWorkspaceAdmin(pool).createWorkspace('read-bench');
  await pool.end();
  return { id: created.workspace_id, token: created.api_token };
}

/** GET /v1/accounts?expand=traits,segments,insights: cold (each account once), then a warm hot set. */
export async function benchReadApi(databaseUrl: string, redisUrl: string): Promise<ReadApiBenchResult> {
  const workspace = await createWorkspace(databaseUrl);
  // Three stored days (60 days ago, 30, today): what an account's base record and insights read.
  const ids = await seedScoredAccounts(databaseUrl, workspace.id, {
    accounts: ACCOUNTS,
    historyDays: 60,
    historyStepDays: 30,
    segments: 0,
  });
  const explained = await createWorkspace(databaseUrl);
  // A stored score now and one 30-day frame earlier, so each explanation has a change and drivers.
  const explainIds = await seedScoredAccounts(databaseUrl, explained.id, {
    accounts: EXPLAIN_ACCOUNTS,
    historyDays: 30,
    historyStepDays: 30,
    segments: 0,
  });
  const prefix = `bench-${randomUUID()}`;
  const api = await startProcess(
    'apps/api/src/main.ts',
    { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, API_PORT: String(API_PORT), COIL_QUEUE_PREFIX: prefix, API_RATE_LIMIT: '10000000' },
    () => answers(`http://127.0.0.1:${API_PORT}/readyz`),
  );
  const accountPath = (id: string) => `/v1/accounts?workspace_id=${workspace.id}&id=${id}&expand=${EXPAND}`;
  const hot = ids.slice(0, HOT_ACCOUNTS);
  const cold = ids.slice(HOT_ACCOUNTS);
  let nextCold = 0;
  let nextHot = 0;
  const load = {
    url: `http://127.0.0.1:${API_PORT}`,
    method: 'GET' as const,
    headers: { authorization: `Bearer ${workspace.token}` },
    expectStatus: 200,
    connections: CONNECTIONS,
  };
  try {
    const uncached = await runLoad({
      ...load,
      path: () => accountPath(cold[nextCold++ % cold.length]),
      durationMs: Math.min(DURATION_MS, 3000),
    });
    if (nextCold > cold.length) throw new Error(`the uncached run wrapped around ${cold.length} accounts; seed more`);
    const hotPath = () => accountPath(hot[nextHot++ % hot.length]);
    await runLoad({ ...load, path: hotPath, durationMs: 2000 });
    const cached = await runLoad({ ...load, path: hotPath, durationMs: DURATION_MS });
    const cachedHalfLoad = await runLoad({ ...load, path: hotPath, durationMs: DURATION_MS, rate: cached.perSecond / 2 });
    let nextExplained = 0;
    const explain = {
      ...load,
      headers: { authorization: `Bearer ${explained.token}` },
      path: () => `/v1/accounts/explain?workspace_id=${explained.id}&id=${explainIds[nextExplained++ % explainIds.length]}`,
      durationMs: Math.min(DURATION_MS, 3000),
    };
    const explainUncached = await runLoad(explain);
    const explainHalfLoad = await runLoad({ ...explain, rate: explainUncached.perSecond / 2 });
    if (nextExplained > explainIds.length) throw new Error(`the explain runs wrapped around ${explainIds.length} accounts`);
    return { accounts: ids.length, hotAccounts: hot.length, cached, cachedHalfLoad, uncached, explainUncached, explainHalfLoad };
  } finally {
    await stopProcess(api);
    await deleteKeys(redisUrl, `${prefix}:*`);
  }
}

async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new IORedis(redisUrl);
  const keys = await redis.keys(pattern);
  for (let start = 0; start < keys.length; start += 1000) await redis.del(...keys.slice(start, start + 1000));
  redis.disconnect();
}

if (require.main === module) {
  void (async () => {
    const { recreateDatabase } = await import('./scratch-database');
    const databaseUrl = await recreateDatabase('coil_bench_read');
    console.log(JSON.stringify(await benchReadApi(databaseUrl, process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'), null, 2));
  })();
}
