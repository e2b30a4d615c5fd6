import type { SqlClient } from '@coil/database';

/** One stored day of an account's or a user's score. */
export interface HistoryPoint {
  day: string;
  engagement_score: number;
  raw_score: number;
  active_users: number;
  scoring_profile_events: number;
}

/** One stored day of a workspace (workspace_scores). */
export interface WorkspacePoint {
  day: string;
  mean_score: number;
  accounts: number;
  active_accounts: number;
  active_users: number;
}

/** A run of UTC days, both ends included, as 'YYYY-MM-DD'. */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * The daily rows the scoring run keeps (one per subject and UTC day, 400 days): each series is
 * one range scan of a primary key (workspace, profile, subject, period), oldest first.
 */
export class ScoreHistoryRepository {
  constructor(private readonly db: SqlClient) {}

  async accountPoints(workspaceId: string, profileId: string, accountId: string, range: DayRange): Promise<HistoryPoint[]> {
    const result = await this.db.query<HistoryPoint>(
      `SELECT to_char(period, 'YYYY-MM-DD') AS day, engagement_score::float8 AS engagement_score, raw_score::float8 AS raw_score,
              active_users::int AS active_users, scoring_profile_events::float8 AS scoring_profile_events
       FROM account_scores
       WHERE workspace_id = $1::bigint AND profile_id = $2::bigint AND account_id = $3::bigint AND period BETWEEN $4::date AND $5::date
       ORDER BY period`,
      [workspaceId, profileId, accountId, range.from, range.to],
    );
    return result.rows;
  }

  /** A user is its own only possible active user: 1 on a day with scored events in the frame. */
  async userPoints(workspaceId: string, profileId: string, userId: string, range: DayRange): Promise<HistoryPoint[]> {
    const result = await this.db.query<HistoryPoint>(
      `SELECT to_char(period, 'YYYY-MM-DD') AS day, engagement_score::float8 AS engagement_score, raw_score::float8 AS raw_score,
              CASE WHEN scoring_profile_events > 0 THEN 1 ELSE 0 END AS active_users,
              scoring_profile_events::float8 AS scoring_profile_events
       FROM user_scores
       WHERE workspace_id = $1::bigint AND profile_id = $2::bigint AND user_id = $3::bigint AND period BETWEEN $4::date AND $5::date
       ORDER BY period`,
      [workspaceId, profileId, userId, range.from, range.to],
    );
    return result.rows;
  }

  async workspacePoints(workspaceId: string, profileId: string, range: DayRange): Promise<WorkspacePoint[]> {
    const result = await this.db.query<WorkspacePoint>(
      `SELECT to_char(period, 'YYYY-MM-DD') AS day, mean_score::float8 AS mean_score, accounts::int AS accounts,
              active_accounts::int AS active_accounts, active_users::int AS active_users
       FROM workspace_scores
       WHERE workspace_id = $1::bigint AND profile_id = $2::bigint AND period BETWEEN $3::date AND $4::date
       ORDER BY period`,
      [workspaceId, profileId, range.from, range.to],
    );
    return result.rows;
  }
}
