import type { EventWeighting, TimeFrame, UserTotals } from '@coil/scoring';
import type { SqlClient } from '@coil/database';
import { fromSqlDay, toSqlDay, weightingParams } from './sql-params';

export interface UserTotalsQuery {
  readonly workspaceId: string;
  readonly weighting: EventWeighting;
  readonly frame: TimeFrame;
  /** Users a profile filter lets in; null: every identified user. */
  readonly userIds: readonly string[] | null;
}

interface UserTotalsRow {
  userId: string;
  rawScore: number;
  scoringProfileEvents: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

// A user's score counts all of their events once, whichever account the events named.
const USER_TOTALS_SQL = `
WITH weights AS (
  SELECT * FROM unnest($2::text[], $3::int[]) AS w(event, weight)
), weighted AS (
  SELECT dc.user_id, dc.day, dc.count, COALESCE(w.weight, $4::int) AS weight
  FROM daily_counts dc LEFT JOIN weights w ON w.event = dc.event
  WHERE dc.workspace_id = $1 AND dc.count > 0
), per_user AS (
  SELECT user_id,
         sum(count * weight) FILTER (WHERE weight > 0 AND day BETWEEN $5::date AND $6::date) AS raw_score,
         sum(count) FILTER (WHERE weight > 0 AND day BETWEEN $5::date AND $6::date) AS in_frame,
         min(day) AS first_seen, max(day) AS last_seen
  FROM weighted GROUP BY user_id
)
SELECT u.id::text AS "userId",
       COALESCE(pu.raw_score, 0)::float8 AS "rawScore",
       COALESCE(pu.in_frame, 0)::float8 AS "scoringProfileEvents",
       to_char(pu.first_seen, 'YYYY-MM-DD') AS "firstSeen",
       to_char(pu.last_seen, 'YYYY-MM-DD') AS "lastSeen"
FROM users u LEFT JOIN per_user pu ON pu.user_id = u.id
WHERE u.workspace_id = $1 AND u.identified AND ($7::bigint[] IS NULL OR u.id = ANY($7::bigint[]))
ORDER BY u.id`;

/** Per-user totals of a whole workspace for one profile, in one set-based query. */
export class UserTotalsRepository {
  constructor(private readonly db: SqlClient) {}

  async load(query: UserTotalsQuery): Promise<UserTotals[]> {
    const weights = weightingParams(query.weighting);
    const result = await this.db.query<UserTotalsRow>(USER_TOTALS_SQL, [
      query.workspaceId,
      weights.events,
      weights.weights,
      weights.unlistedWeight,
      toSqlDay(query.frame.start),
      toSqlDay(query.frame.end),
      query.userIds,
    ]);
    return result.rows.map((row) => ({ ...row, firstSeen: fromSqlDay(row.firstSeen), lastSeen: fromSqlDay(row.lastSeen) }));
  }
}
