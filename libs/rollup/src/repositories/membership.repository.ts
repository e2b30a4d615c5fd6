import type { MembershipRow } from '../planning';
import type { SqlClient } from '@coil/database';

export class MembershipRepository {
  constructor(private readonly db: SqlClient) {}

  /** Links users to accounts (rows sorted by the caller); existing links are kept as they are. */
  async addMemberships(workspaceId: string, rows: MembershipRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO memberships (workspace_id, account_id, user_id)
       SELECT $1, a, u FROM unnest($2::bigint[], $3::bigint[]) AS t(a, u)
       ON CONFLICT (workspace_id, account_id, user_id) DO NOTHING`,
      [workspaceId, rows.map((row) => row.accountId), rows.map((row) => row.userId)],
    );
  }
}
