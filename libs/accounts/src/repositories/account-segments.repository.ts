import type { SqlClient } from '@coil/database';
import type { AccountSegment } from '../blocks/account-block';
import { groupRows } from './group-rows';

const byId = (a: AccountSegment, b: AccountSegment) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0);

export class AccountSegmentsRepository {
  constructor(private readonly db: SqlClient) {}

  /** Segments the account is in now, with when the current stay began; by segment id (the account block's order). */
  async currentSegments(workspaceId: string, accountId: string): Promise<AccountSegment[]> {
    return ((await this.currentSegmentsOf(workspaceId, [accountId])).get(accountId) ?? []).sort(byId);
  }

  /**
   * Current segments (stays not yet left) of each account, by name, in one set-based read for a
   * page of the list or the CSV export. Accounts in none are absent.
   */
  async currentSegmentsOf(workspaceId: string, accountIds: readonly string[]): Promise<Map<string, AccountSegment[]>> {
    const result = await this.db.query<AccountSegment & { account_id: string }>(
      `SELECT m.account_id::text AS account_id, s.id::text AS id, s.name,
              to_char(MAX(m.entered_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS entered_at
       FROM segment_memberships m
       JOIN segments s ON s.workspace_id = m.workspace_id AND s.id = m.segment_id
       WHERE m.workspace_id = $1::bigint AND m.account_id = ANY($2::bigint[]) AND m.left_at IS NULL
       GROUP BY m.account_id, s.id, s.name ORDER BY s.name, s.id`,
      [workspaceId, accountIds],
    );
    return groupRows(result.rows, ({ account_id, ...segment }) => [account_id, segment]);
  }
}
