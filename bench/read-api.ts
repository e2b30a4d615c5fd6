import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { createPgPool } from '@coil/database';
import { createWorkspaceAdmin } from '@coil/workspaces';
import { runLoad, type LoadResult } from './load';
import { answers, startProcess, stopProcess } from './processes';

export interface ReadApiBenchResult {
  accounts: number;
  hotAccounts: number;
  /** HOT_ACCOUNTS read round-robin, as fast as answered; metrics and blocks in Redis: one MGET per request. */
  cached: LoadResult;
  /** The same at half the cached rate: the latency target's load. */
  cachedHalfLoad: LoadResult;
  /** Each request a different account with a cold cache: account, traits, segments and insights from Postgres. */
  uncached: LoadResult;
}

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5000);
const API_PORT = 18095;
const ACCOUNTS = 10_000;
const HOT_ACCOUNTS = 1_000;
const CONNECTIONS = 16;
const EXPAND = 'traits,segments,insights';

/** A workspace of ACCOUNTS scored accounts, two members each, a week of daily counts, a segment. */
async function seed(databaseUrl: string, workspaceId: string): Promise<string[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('INSERT INTO scoring_profiles (workspace_id, name, is_default) VALUES ($1, $2, true)', [workspaceId, 'default']);
    await db.query(
      `INSERT INTO accounts (workspace_id, tracking_id, name, domain, traits)
       SELECT $1, 'acct-' || i, 'Account ' || i, 'a' || i || '.example', jsonb_build_object('name', 'Account ' || i, 'plan', 'paid', 'owner', 'Owner ' || i)
       FROM generate_series(1, $2) AS i`,
      [workspaceId, ACCOUNTS],
    );
    await db.query(
      `INSERT INTO account_scores (workspace_id, profile_id, account_id, period, raw_score, engagement_score, engagement_score_change,
         benchmark, active_users, activation_rate, overall_scored_events, recently_scored_events, scoring_profile_events,
         total_people_count, total_active_people_count, first_seen, last_seen)
       SELECT a.workspace_id, p.id, a.id, d::date, (a.id % 500), 1 + (a.id % 99), -2, 450, 2, 0.5, 900, 300, 100, 2, 2, current_date - 60, current_date
       FROM accounts a JOIN scoring_profiles p ON p.workspace_id = a.workspace_id,
            generate_series(current_date - 60, current_date, interval '30 days') AS d
       WHERE a.workspace_id = $1`,
      [workspaceId],
    );
    await db.query(`INSERT INTO users (workspace_id, external_id) SELECT $1, 'user-' || i FROM generate_series(1, $2 * 2) AS i`, [
      workspaceId,
      ACCOUNTS,
    ]);
    await db.query(
      `INSERT INTO memberships (workspace_id, account_id, user_id)
       SELECT a.workspace_id, a.id, u.id FROM accounts a
       JOIN users u ON u.workspace_id = a.workspace_id AND u.external_id IN ('user-' || (2 * substr(a.tracking_id, 6)::int - 1), 'user-' || (2 * substr(a.tracking_id, 6)::int))
       WHERE a.workspace_id = $1`,
      [workspaceId],
    );
    await db.query(
      `INSERT INTO daily_counts (workspace_id, user_id, account_id, event, day, count)
       SELECT m.workspace_id, m.user_id, m.account_id, 'event-' || e, current_date - d, 1 + (m.user_id + e + d) % 7
       FROM memberships m, generate_series(0, 2) AS e, generate_series(0, 6) AS d WHERE m.workspace_id = $1`,
      [workspaceId],
    );
    await db.query(`INSERT INTO features (workspace_id, name, weight) VALUES ($1, 'Reports', 5)`, [workspaceId]);
    await db.query(
      `INSERT INTO feature_events (workspace_id, event, feature_id) SELECT $1, 'event-0', id FROM features WHERE workspace_id = $1`,
      [workspaceId],
    );
    const ids = await db.query<{ id: string }>('SELECT id::text AS id FROM accounts WHERE workspace_id = $1 ORDER BY id', [workspaceId]);
    await db.query('ANALYZE');
    return ids.rows.map((row) => row.id);
  } finally {
    await db.end();
  }
}

async function createWorkspace(databaseUrl: string): Promise<{ id: string; token: string }> {
  const pool = createPgPool(databaseUrl, { max: 1 });
  const created = await createWorkspaceAdmin(pool).createWorkspace('read-bench');
  await pool.end();
  return { id: created.workspace_id, token: created.api_token };
}

/** GET /v1/accounts?expand=traits,segments,insights: cold (each account once), then a warm hot set. */
export async function benchReadApi(databaseUrl: string, redisUrl: string): Promise<ReadApiBenchResult> {
  const workspace = await createWorkspace(databaseUrl);
  const ids = await seed(databaseUrl, workspace.id);
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
    return { accounts: ids.length, hotAccounts: hot.length, cached, cachedHalfLoad, uncached };
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
