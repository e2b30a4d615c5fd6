import type { SqlClient } from '@coil/database';
import type { AccountSegment } from '../blocks/account-block';
import type { DayRange } from '../history/score-history.repository';

/** A day of the list's sparkline. */
export interface SparklinePoint {
  day: string;
  engagement_score: number;
}

/**
 * The expansions of a page of /v1/accounts/list (and the segments of the CSV export): one
 * set-based query per expansion for all the page's accounts, never one per row.
 */
export class AccountListExpansionsRepository {
  constructor(private readonly db: SqlClient) {}

  /** Current segments of each account (stays not yet left), by name. Accounts in none are absent. */
  async segmentsOf(workspaceId: string, accountIds: readonly string[]): Promise<Map<string, AccountSegment[]>> {
    const result = await this.db.query<AccountSegment & { account_id: string }>(
      `SELECT m.account_id::text AS account_id, s.id::text AS id, s.name,
              to_char(MAX(m.entered_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS entered_at
       FROM segment_memberships m
       JOIN segments s ON s.workspace_id = m.workspace_id AND s.id = m.segment_id
       WHERE m.workspace_id = $1::bigint AND m.account_id = ANY($2::bigint[]) AND m.left_at IS NULL
       GROUP BY m.account_id, s.id, s.name ORDER BY s.name, s.id`,
      [workspaceId, accountIds],
    );
    return groupBy(result.rows, ({ account_id, ...segment }) => [account_id, segment]);
  }

  /** Each account's stored daily engagement_score in the range, oldest first. */
  async historyOf(
    workspaceId: string,
    profileId: string,
    accountIds: readonly string[],
    range: DayRange,
  ): Promise<Map<string, SparklinePoint[]>> {
    const result = await this.db.query<SparklinePoint & { account_id: string }>(
      `SELECT account_id::text AS account_id, to_char(period, 'YYYY-MM-DD') AS day, engagement_score::float8 AS engagement_score
       FROM account_scores
       WHERE workspace_id = $1::bigint AND profile_id = $2::bigint AND account_id = ANY($3::bigint[])
         AND period BETWEEN $4::date AND $5::date
       ORDER BY account_id, period`,
      [workspaceId, profileId, accountIds, range.from, range.to],
    );
    return groupBy(result.rows, ({ account_id, ...point }) => [account_id, point]);
  }
}

function groupBy<R, V>(rows: readonly R[], split: (row: R) => [string, V]): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const [key, value] = split(row);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
