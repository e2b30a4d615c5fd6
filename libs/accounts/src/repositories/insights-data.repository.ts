import type { SqlClient } from '@coil/database';

/** One stored period of an account's score, newest first. */
export interface ScorePeriod {
  period: string;
  engagementScore: number;
  activeUsers: number;
  totalPeopleCount: number;
}

export interface AccountActivity {
  /** Members with events, but none on or after `quietSince`. */
  quietUsers: number;
  /** Share of the frame's events done by the most active member; null without events. */
  topUserEventShare: number | null;
  lastSeen: string | null;
}

export interface FeatureCounts {
  name: string;
  frameCount: number;
  overallCount: number;
}

// Three windows of daily rows and some slack: enough to find the two previous periods.
const SCORE_HISTORY_ROWS = 100;

/**
 * The account's daily counts: its members' events attributed to it, and their events that
 * named no account (account_id 0), which belong to every account the user is a member of.
 * Reads daily_counts by its primary key prefix (workspace, user). $1 is the workspace, $2 the account.
 */
const ACCOUNT_COUNTS = `
    members AS (SELECT user_id FROM memberships
                WHERE workspace_id = $1::bigint AND account_id = $2::bigint),
    counts AS (SELECT dc.user_id, dc.event, dc.day, dc.count FROM daily_counts dc JOIN members m ON m.user_id = dc.user_id
               WHERE dc.workspace_id = $1::bigint AND dc.account_id IN ($2::bigint, 0))`;

/** Everything insights are computed from, beyond the base metrics. */
export class InsightsDataRepository {
  constructor(private readonly db: SqlClient) {}

  async scoreHistory(workspaceId: string, profileId: string, accountId: string): Promise<ScorePeriod[]> {
    const result = await this.db.query<ScorePeriod>(
      `SELECT to_char(period, 'YYYY-MM-DD') AS period, engagement_score::float8 AS "engagementScore",
              active_users AS "activeUsers", total_people_count AS "totalPeopleCount"
       FROM account_scores
       WHERE workspace_id = $1::bigint AND profile_id = $2::bigint AND account_id = $3::bigint
       ORDER BY period DESC LIMIT ${SCORE_HISTORY_ROWS}`,
      [workspaceId, profileId, accountId],
    );
    return result.rows;
  }

  async activity(workspaceId: string, accountId: string, frameStart: string, quietSince: string): Promise<AccountActivity> {
    const result = await this.db.query<AccountActivity>(
      `WITH ${ACCOUNT_COUNTS},
       last_days AS (SELECT user_id, MAX(day) AS last_day FROM counts GROUP BY user_id),
       frame_users AS (SELECT user_id, SUM(count) AS events FROM counts WHERE day >= $3::date GROUP BY user_id)
       SELECT (SELECT COUNT(*) FROM last_days WHERE last_day < $4::date)::int AS "quietUsers",
              (SELECT MAX(events)::float8 / NULLIF(SUM(events), 0)::float8 FROM frame_users) AS "topUserEventShare",
              (SELECT to_char(MAX(last_day), 'YYYY-MM-DD') FROM last_days) AS "lastSeen"`,
      [workspaceId, accountId, frameStart, quietSince],
    );
    return result.rows[0];
  }

  /** Every feature of the workspace with the account's counts, by name. */
  async featureCounts(workspaceId: string, accountId: string, frameStart: string): Promise<FeatureCounts[]> {
    const result = await this.db.query<FeatureCounts>(
      `WITH ${ACCOUNT_COUNTS}
       SELECT f.name,
              COALESCE(SUM(c.count) FILTER (WHERE c.day >= $3::date), 0)::float8 AS "frameCount",
              COALESCE(SUM(c.count), 0)::float8 AS "overallCount"
       FROM features f
       LEFT JOIN feature_events fe ON fe.workspace_id = f.workspace_id AND fe.feature_id = f.id
       LEFT JOIN counts c ON c.event = fe.event
       WHERE f.workspace_id = $1::bigint
       GROUP BY f.id, f.name ORDER BY f.name`,
      [workspaceId, accountId, frameStart],
    );
    return result.rows;
  }
}
