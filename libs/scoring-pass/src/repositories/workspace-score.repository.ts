import type { WorkspaceScore } from '@coil/scoring';
import type { SqlClient } from '@coil/database';
import { toSqlDay } from './sql-params';

/** workspace_scores: the workspace's daily history, one row per (workspace, profile, period). */
export class WorkspaceScoreRepository {
  constructor(private readonly db: SqlClient) {}

  async upsert(workspaceId: string, profileId: string, period: Date, score: WorkspaceScore): Promise<void> {
    await this.db.query(
      `INSERT INTO workspace_scores (workspace_id, profile_id, period, mean_score, accounts, active_accounts, active_users, computed_at)
       VALUES ($1, $2, $3::date, $4, $5, $6, $7, now())
       ON CONFLICT (workspace_id, profile_id, period) DO UPDATE SET
         mean_score = EXCLUDED.mean_score, accounts = EXCLUDED.accounts, active_accounts = EXCLUDED.active_accounts,
         active_users = EXCLUDED.active_users, computed_at = EXCLUDED.computed_at`,
      [workspaceId, profileId, toSqlDay(period), score.meanScore, score.accounts, score.activeAccounts, score.activeUsers],
    );
  }
}
