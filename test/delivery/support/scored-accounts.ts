import type { Pool } from 'pg';

export interface ScoredAccount {
  readonly trackingId: string;
  readonly domain?: string;
  readonly score: number;
  readonly segments?: readonly string[];
  /** The external id of one scored member, when it has one. */
  readonly member?: string;
}

/**
 * A workspace with a default profile and one score row per account for `day`, written straight
 * with SQL (the scoring run's own tests cover how scores are made), and the segments named.
 */
export async function seedScoredAccounts(
  pool: Pool,
  accounts: readonly ScoredAccount[],
  day: string,
): Promise<{ workspaceId: string; accountIds: string[] }> {
  const workspace = await pool.query<{ id: string }>(
    "INSERT INTO workspaces (name) VALUES ('trait sync') RETURNING workspace_id::text AS id",
  );
  const workspaceId = workspace.rows[0].id;
  await pool.query("INSERT INTO scoring_profiles (workspace_id, name, is_default) VALUES ($1, 'default', true)", [workspaceId]);
  const inserted = await pool.query<{ id: string }>(
    `INSERT INTO accounts (workspace_id, tracking_id, domain)
     SELECT $1, t, d FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS a(t, d, n) ORDER BY n RETURNING id::text AS id`,
    [workspaceId, accounts.map((account) => account.trackingId), accounts.map((account) => account.domain ?? null)],
  );
  const accountIds = inserted.rows.map((row) => row.id);
  await setScores(
    pool,
    workspaceId,
    accountIds,
    accounts.map((account) => account.score),
    day,
  );
  for (const [index, account] of accounts.entries()) {
    if (account.member !== undefined) await seedScoredMember(pool, workspaceId, accountIds[index], account.member, account.score, day);
  }
  const names = [...new Set(accounts.flatMap((account) => account.segments ?? []))];
  for (const name of names) {
    const segment = await pool.query<{ id: string }>(
      "INSERT INTO segments (workspace_id, name, rule) VALUES ($1, $2, 'engagement_score > 0') RETURNING id::text AS id",
      [workspaceId, name],
    );
    const members = accountIds.filter((_, index) => accounts[index].segments?.includes(name));
    await pool.query(
      `INSERT INTO segment_memberships (workspace_id, segment_id, account_id, entered_at) SELECT $1, $2, unnest($3::bigint[]), now()`,
      [workspaceId, segment.rows[0].id, members],
    );
  }
  return { workspaceId, accountIds };
}

async function seedScoredMember(
  pool: Pool,
  workspaceId: string,
  accountId: string,
  externalId: string,
  score: number,
  day: string,
): Promise<void> {
  const user = await pool.query<{ id: string }>('INSERT INTO users (workspace_id, external_id) VALUES ($1, $2) RETURNING id::text AS id', [
    workspaceId,
    externalId,
  ]);
  await pool.query('INSERT INTO memberships (workspace_id, account_id, user_id) VALUES ($1, $2, $3)', [
    workspaceId,
    accountId,
    user.rows[0].id,
  ]);
  await pool.query(
    `INSERT INTO user_scores (workspace_id, profile_id, user_id, period, raw_score, engagement_score, benchmark, scoring_profile_events, activation)
     SELECT $1, id, $2, $3::date, $4, $4, 1, 1, '{"rate": 0.5, "completed": [], "missing": [], "activated_at": null}'
     FROM scoring_profiles WHERE workspace_id = $1 AND is_default`,
    [workspaceId, user.rows[0].id, day, score],
  );
}

/** Writes (or rewrites) the accounts' default-profile score rows of `day`. */
export async function setScores(
  pool: Pool,
  workspaceId: string,
  accountIds: readonly string[],
  scores: readonly number[],
  day: string,
): Promise<void> {
  await pool.query(
    `INSERT INTO account_scores (workspace_id, profile_id, account_id, period, raw_score, engagement_score, benchmark,
       active_users, activation_rate, overall_scored_events, recently_scored_events, scoring_profile_events,
       total_people_count, total_active_people_count, frequency, adoption_rate, lifetime_adoption_rate, last_active)
     SELECT $1, p.id, s.account_id, $4::date, s.score, s.score, 1, 2, 0.5, 10, 5, 5, 3, 2, 4, 0.25, 0.75, $4::date
     FROM unnest($2::bigint[], $3::float8[]) AS s(account_id, score)
     CROSS JOIN (SELECT id FROM scoring_profiles WHERE workspace_id = $1 AND is_default) p
     ON CONFLICT (workspace_id, profile_id, account_id, period) DO UPDATE SET engagement_score = EXCLUDED.engagement_score`,
    [workspaceId, accountIds, scores, day],
  );
}

export async function createDestination(pool: Pool, workspaceId: string, type: 'segment' | 'hubspot', url: string): Promise<string> {
  const result = await pool.query<{ id: string }>(
    'INSERT INTO destinations (workspace_id, type, url, secret) VALUES ($1, $2, $3, $4) RETURNING id::text AS id',
    [workspaceId, type, url, 'stored encrypted by the engine; the test hands the adapter its own'],
  );
  return result.rows[0].id;
}
