import type { SqlClient } from '@coil/database';
import type { DayRange } from '../history/score-history.repository';
import { groupRows } from './group-rows';

/** A day of the list's sparkline. */
export interface SparklinePoint {
  day: string;
  engagement_score: number;
}

/**
 * The history expansion of a page of /v1/accounts/list: one set-based query for all the page's
 * accounts, never one per row (segments: AccountSegmentsRepository.currentSegmentsOf).
 */
export class AccountListExpansionsRepository {
  constructor(private readonly db: SqlClient) {}

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
    return groupRows(result.rows, ({ account_id, ...point }) => [account_id, point]);
  }
}
