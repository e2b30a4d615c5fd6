import type { MembershipRow } from '../planning';
import type { SqlClient } from '@coil/database';

export class MembershipRepository {
  constructor(private readonly db: SqlClient) {}

  /**
   * Links users to accounts (rows sorted by the caller) as group memberships. An existing link
   * is kept, except that one the account user trait made becomes 'group': a group call stated it.
   * (An UPDATE of just those rows rather than DO UPDATE, which would lock every existing row.)
   */
  async addMemberships(workspaceId: string, rows: MembershipRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `WITH t AS (SELECT a, u FROM unnest($2::bigint[], $3::bigint[]) AS t(a, u)),
       stated AS (
         UPDATE memberships m SET source = 'group' FROM t
         WHERE m.workspace_id = $1 AND m.account_id = t.a AND m.user_id = t.u AND m.source <> 'group'
       )
       INSERT INTO memberships (workspace_id, account_id, user_id)
       SELECT $1, a, u FROM t
       ON CONFLICT (workspace_id, account_id, user_id) DO NOTHING`,
      [workspaceId, rows.map((row) => row.accountId), rows.map((row) => row.userId)],
    );
  }
}
