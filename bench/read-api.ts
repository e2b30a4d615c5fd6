import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createPgPool } from '@coil/database';
import { createWorkspaceAdmin } from '@coil/workspaces';
import { startApp, stopProcess } from './processes';
import { deleteKeys } from './redis-keys';
import { seedScoredAccounts } from './seed-accounts';
import { lua, runWrk, type WrkResult } from './wrk';

/** How GET /v1/accounts names an account; every kind the read API takes. */
export const LOOKUP_KINDS = ['id', 'tracking_id', 'domain', 'name', 'intercom_id'] as const;
export type LookupKind = (typeof LOOKUP_KINDS)[number];

export interface ReadApiBenchResult {
  accounts: number;
  hotAccounts: number;
  /** HOT_ACCOUNTS read round-robin as fast as answered; metrics and blocks in Redis. */
  cached: WrkResult;
  /** The same at half the cached rate: the latency target's load. */
  cachedHalfLoad: WrkResult;
  /** Per lookup kind, each request another account with a cold cache: everything from PostgreSQL. */
  uncached: Record<LookupKind, WrkResult>;
  /** GET /v1/accounts/explain (never cached), each request another account: as fast as answered, then at half that rate. */
  explain: WrkResult;
  explainHalfLoad: WrkResult;
  connections: number;
  seconds: number;
}

const API_PORT = 18095;
const HOT_ACCOUNTS = 1_000;
const CONNECTIONS = 50;
const EXPAND = 'traits,segments,insights';

async function createWorkspace(databaseUrl: string): Promise<{ id: string; token: string }> {
  const pool = createPgPool(databaseUrl, { max: 1 });
  const created = await createWorkspaceAdmin(pool).createWorkspace('read-bench');
  await pool.end();
  return { id: created.workspace_id, token: created.api_token };
}

/** The Lua expression of the path naming account number `first + n` (1-based, as seeded) by `kind`. */
function lookupPath(workspaceId: string, kind: LookupKind, firstId: number, first: number): string {
  const base = `/v1/accounts?workspace_id=${workspaceId}&expand=${EXPAND}&`;
  const i = `(${first} + n)`;
  const value: Record<LookupKind, string> = {
    id: `'id=' .. (${firstId - 1} + ${i})`,
    tracking_id: `'match_type=tracking_id&match_value=acct-' .. ${i}`,
    domain: `'match_type=domain&match_value=a' .. ${i} .. '.example'`,
    name: `'match_type=name&match_value=Account%20' .. ${i}`,
    intercom_id: `'match_type=intercom_id&match_value=ic-' .. ${i}`,
  };
  return `${lua(base)} .. ${value[kind]}`;
}

/**
 * GET /v1/accounts?expand=traits,segments,insights on `accounts` seeded accounts: every lookup
 * kind cold (each request another account, each kind its own slice), then a warm hot set.
 */
export async function benchReadApi(
  databaseUrl: string,
  redisUrl: string,
  options: { accounts: number; seconds: number },
): Promise<ReadApiBenchResult> {
  const workspace = await createWorkspace(databaseUrl);
  // Three stored days (60 days ago, 30, today): what an account's base record and insights read.
  const ids = await seedScoredAccounts(databaseUrl, workspace.id, {
    accounts: options.accounts,
    historyDays: 60,
    historyStepDays: 30,
    segments: 0,
  });
  const firstId = Number(ids[0]);
  if (Number(ids.at(-1)) - firstId + 1 !== ids.length) throw new Error('seeded account ids are not contiguous');
  await addIntercomIds(databaseUrl, workspace.id);
  const prefix = `bench-${randomUUID()}`;
  const api = await startApp('api', API_PORT, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    COIL_QUEUE_PREFIX: prefix,
    API_RATE_LIMIT: '10000000',
  });
  const load = {
    url: `http://127.0.0.1:${API_PORT}`,
    method: 'GET' as const,
    headers: { authorization: `Bearer ${workspace.token}` },
    connections: CONNECTIONS,
    durationSeconds: options.seconds,
  };
  // Cold slices after the hot set, one per lookup kind and two for explanations: no account is read twice.
  const slice = Math.floor((ids.length - HOT_ACCOUNTS) / (LOOKUP_KINDS.length + 2));
  const explainPath = (first: number) => `${lua(`/v1/accounts/explain?workspace_id=${workspace.id}&id=`)} .. (${firstId - 1 + first} + n)`;
  try {
    const uncached = {} as Record<LookupKind, WrkResult>;
    for (const [index, kind] of LOOKUP_KINDS.entries()) {
      const first = HOT_ACCOUNTS + index * slice;
      uncached[kind] = await runWrk({ ...load, path: lookupPath(workspace.id, kind, firstId, first) });
      if (uncached[kind].requests > slice) throw new Error(`the uncached ${kind} run read more than its ${slice} accounts; seed more`);
    }
    const explainFirst = HOT_ACCOUNTS + LOOKUP_KINDS.length * slice;
    const explain = await runWrk({ ...load, path: explainPath(explainFirst) });
    const explainHalfLoad = await runWrk({ ...load, path: explainPath(explainFirst + slice), rate: explain.perSecond / 2 });
    if (explain.requests > slice || explainHalfLoad.requests > slice)
      throw new Error(`an explain run read more than its ${slice} accounts; seed more`);
    const hotPath = `${lua(`/v1/accounts?workspace_id=${workspace.id}&expand=${EXPAND}&id=`)} .. (${firstId} + n % ${HOT_ACCOUNTS})`;
    // Every hot account read once (uncached reads are slow), so the runs below read the cache only.
    await warm(
      ids.slice(0, HOT_ACCOUNTS).map((id) => `${load.url}/v1/accounts?workspace_id=${workspace.id}&expand=${EXPAND}&id=${id}`),
      load.headers,
    );
    const cached = await runWrk({ ...load, path: hotPath });
    const cachedHalfLoad = await runWrk({ ...load, path: hotPath, rate: cached.perSecond / 2 });
    return {
      accounts: ids.length,
      hotAccounts: HOT_ACCOUNTS,
      cached,
      cachedHalfLoad,
      uncached,
      explain,
      explainHalfLoad,
      connections: CONNECTIONS,
      seconds: options.seconds,
    };
  } finally {
    await stopProcess(api);
    await deleteKeys(redisUrl, `*${prefix}*`);
  }
}

async function warm(urls: string[], headers: Record<string, string>): Promise<void> {
  const queue = [...urls];
  const reader = async (): Promise<void> => {
    for (let url = queue.pop(); url; url = queue.pop()) {
      const response = await fetch(url, { headers });
      if (response.status !== 200) throw new Error(`warming ${url}: ${response.status}`);
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 8 }, reader));
}

/** A trait every account has, for the trait lookup: intercom_id "ic-<i>" of account "acct-<i>". */
async function addIntercomIds(databaseUrl: string, workspaceId: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      `UPDATE accounts SET traits = traits || jsonb_build_object('intercom_id', 'ic-' || substr(tracking_id, 6)) WHERE workspace_id = $1`,
      [workspaceId],
    );
    await db.query('VACUUM ANALYZE accounts');
  } finally {
    await db.end();
  }
}
