import { Client } from 'pg';

export interface SeedShape {
  accounts: number;
  /** Stored daily scores from this many days ago up to today... */
  historyDays: number;
  /** ...one every this many days. */
  historyStepDays: number;
  /** Segments "Segment 1".."Segment N"; account i is a member of segment (i mod N) + 1. */
  segments: number;
}

/**
 * A workspace of scored accounts straight in SQL (the ingest and scoring are benchmarked on
 * their own): traits, two members each, a week of daily counts, one feature, a score history
 * whose latest row gives account i the score 1 + i mod 99, and segment memberships. The
 * accounts' ids, in order.
 */
export async function seedScoredAccounts(databaseUrl: string, workspaceId: string, shape: SeedShape): Promise<string[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('INSERT INTO scoring_profiles (workspace_id, name, is_default) VALUES ($1, $2, true)', [workspaceId, 'default']);
    await db.query(
      `INSERT INTO accounts (workspace_id, tracking_id, name, domain, traits)
       SELECT $1, 'acct-' || i, 'Account ' || i, 'a' || i || '.example', jsonb_build_object('name', 'Account ' || i, 'plan', 'paid', 'owner', 'Owner ' || i)
       FROM generate_series(1, $2) AS i`,
      [workspaceId, shape.accounts],
    );
    await db.query(
      `INSERT INTO account_scores (workspace_id, profile_id, account_id, period, raw_score, engagement_score, engagement_score_change,
         benchmark, active_users, activation_rate, overall_scored_events, recently_scored_events, scoring_profile_events,
         total_people_count, total_active_people_count, first_seen, last_seen)
       SELECT a.workspace_id, p.id, a.id, d::date, (a.id % 500), 1 + ((a.id + (current_date - d::date)) % 99), -2, 450, 2, 0.5, 900, 300, 100, 2, 2,
              current_date - $2::int, current_date
       FROM accounts a JOIN scoring_profiles p ON p.workspace_id = a.workspace_id,
            generate_series(current_date - $2::int, current_date, make_interval(days => $3::int)) AS d
       WHERE a.workspace_id = $1`,
      [workspaceId, shape.historyDays, shape.historyStepDays],
    );
    await db.query(`INSERT INTO users (workspace_id, external_id) SELECT $1, 'user-' || i FROM generate_series(1, $2 * 2) AS i`, [
      workspaceId,
      shape.accounts,
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
    if (shape.segments > 0) {
      await db.query(
        `INSERT INTO segments (workspace_id, name, rule) SELECT $1, 'Segment ' || n, 'engagement_score > 0' FROM generate_series(1, $2) AS n`,
        [workspaceId, shape.segments],
      );
      await db.query(
        `INSERT INTO segment_memberships (workspace_id, segment_id, account_id, entered_at)
         SELECT a.workspace_id, s.id, a.id, now() - interval '10 days' FROM accounts a
         JOIN segments s ON s.workspace_id = a.workspace_id AND s.name = 'Segment ' || (substr(a.tracking_id, 6)::int % $2 + 1)
         WHERE a.workspace_id = $1`,
        [workspaceId, shape.segments],
      );
    }
    const ids = await db.query<{ id: string }>('SELECT id::text AS id FROM accounts WHERE workspace_id = $1 ORDER BY accounts.id', [
      workspaceId,
    ]);
    await db.query('ANALYZE');
    return ids.rows.map((row) => row.id);
  } finally {
    await db.end();
  }
}
