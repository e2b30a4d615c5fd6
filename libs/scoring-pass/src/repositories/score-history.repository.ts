import type { SqlClient } from '@coil/database';
import { toSqlDay } from './sql-params';

/** Retention of the daily history: account_scores, user_scores and workspace_scores together. */
export class ScoreHistoryRepository {
  constructor(private readonly db: SqlClient) {}

  /** Deletes the workspace's rows of every profile with a period before `cutoff` (historyCutoff). */
  async deleteBefore(workspaceId: string, cutoff: Date): Promise<void> {
    const day = toSqlDay(cutoff);
    // Three statements on the (workspace_id, period) indexes; sequential, as they share the run's client.
    for (const table of ['account_scores', 'user_scores', 'workspace_scores']) {
      await this.db.query(`DELETE FROM ${table} WHERE workspace_id = $1 AND period < $2::date`, [workspaceId, day]);
    }
  }
}
