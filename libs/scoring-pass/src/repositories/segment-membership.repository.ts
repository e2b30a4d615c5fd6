import type { SqlClient } from '@coil/database';

export interface SegmentMember {
  readonly segmentId: string;
  readonly accountId: string;
}

export class SegmentMembershipRepository {
  constructor(private readonly db: SqlClient) {}

  /** Accounts in a segment now (stays not yet left). */
  async current(workspaceId: string): Promise<SegmentMember[]> {
    const result = await this.db.query<SegmentMember>(
      `SELECT segment_id::text AS "segmentId", account_id::text AS "accountId"
       FROM segment_memberships WHERE workspace_id = $1 AND left_at IS NULL`,
      [workspaceId],
    );
    return result.rows;
  }

  async recordEntries(workspaceId: string, entries: readonly SegmentMember[], at: Date): Promise<void> {
    if (entries.length === 0) return;
    await this.db.query(
      `INSERT INTO segment_memberships (workspace_id, segment_id, account_id, entered_at)
       SELECT $1::bigint, s, a, $4::timestamptz FROM unnest($2::bigint[], $3::bigint[]) AS m(s, a)`,
      [workspaceId, entries.map((entry) => entry.segmentId), entries.map((entry) => entry.accountId), at],
    );
  }

  async recordExits(workspaceId: string, exits: readonly SegmentMember[], at: Date): Promise<void> {
    if (exits.length === 0) return;
    await this.db.query(
      `UPDATE segment_memberships sm SET left_at = $4
       FROM unnest($2::bigint[], $3::bigint[]) AS m(s, a)
       WHERE sm.workspace_id = $1 AND sm.segment_id = m.s AND sm.account_id = m.a AND sm.left_at IS NULL`,
      [workspaceId, exits.map((exit) => exit.segmentId), exits.map((exit) => exit.accountId), at],
    );
  }
}
