import type { SqlClient } from '@coil/database';
import type { AccountSegment } from '../blocks/account-block';

export class AccountSegmentsRepository {
  constructor(private readonly db: SqlClient) {}

  /** Segments the account is in now (stays not yet left), with when the current stay began. */
  async currentSegments(workspaceId: string, accountId: string): Promise<AccountSegment[]> {
    const result = await this.db.query<AccountSegment>(
      `SELECT s.id::text AS id, s.name,
              to_char(MAX(m.entered_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS entered_at
       FROM segment_memberships m
       JOIN segments s ON s.workspace_id = m.workspace_id AND s.id = m.segment_id
       WHERE m.workspace_id = $1::bigint AND m.account_id = $2::bigint AND m.left_at IS NULL
       GROUP BY s.id, s.name ORDER BY s.id`,
      [workspaceId, accountId],
    );
    return result.rows;
  }
}
