import type { SqlClient } from '@coil/database';

export interface UserMove {
  fromUserId: string;
  toUserId: string;
}

const MOVES = `unnest($2::bigint[], $3::bigint[]) AS m(from_id, to_id)`;

/**
 * Moves everything recorded about merged-away users to the surviving user: counts (summed where
 * both have a row), memberships (with their source: 'group' sorts before 'trait', so min keeps a
 * group call's), aliases. Their scores are deleted; the next scoring run recomputes the survivor's.
 */
export class UserHistoryRepository {
  constructor(private readonly db: SqlClient) {}

  async moveHistory(workspaceId: string, moves: UserMove[]): Promise<void> {
    const params = [workspaceId, moves.map((move) => move.fromUserId), moves.map((move) => move.toUserId)];
    await this.db.query(
      `INSERT INTO daily_counts (workspace_id, user_id, account_id, event, day, count)
       SELECT $1, m.to_id, d.account_id, d.event, d.day, sum(d.count)
       FROM daily_counts d JOIN ${MOVES} ON d.user_id = m.from_id
       WHERE d.workspace_id = $1
       GROUP BY m.to_id, d.account_id, d.event, d.day
       ORDER BY m.to_id, d.account_id, d.event, d.day
       ON CONFLICT (workspace_id, user_id, account_id, event, day)
       DO UPDATE SET count = daily_counts.count + EXCLUDED.count`,
      params,
    );
    await this.db.query(`DELETE FROM daily_counts d USING ${MOVES} WHERE d.workspace_id = $1 AND d.user_id = m.from_id`, params);
    await this.db.query(
      `INSERT INTO memberships (workspace_id, account_id, user_id, source, created_at)
       SELECT $1, ms.account_id, m.to_id, min(ms.source), min(ms.created_at)
       FROM memberships ms JOIN ${MOVES} ON ms.user_id = m.from_id
       WHERE ms.workspace_id = $1
       GROUP BY ms.account_id, m.to_id
       ORDER BY ms.account_id, m.to_id
       ON CONFLICT (workspace_id, account_id, user_id) DO NOTHING`,
      params,
    );
    await this.db.query(`DELETE FROM memberships ms USING ${MOVES} WHERE ms.workspace_id = $1 AND ms.user_id = m.from_id`, params);
    await this.db.query(
      `UPDATE user_aliases a SET user_id = m.to_id FROM ${MOVES} WHERE a.workspace_id = $1 AND a.user_id = m.from_id`,
      params,
    );
    await this.db.query(`DELETE FROM user_scores s USING ${MOVES} WHERE s.workspace_id = $1 AND s.user_id = m.from_id`, params);
  }
}
