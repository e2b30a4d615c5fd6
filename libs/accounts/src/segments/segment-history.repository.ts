import type { SqlClient } from '@coil/database';
import type { DayRange } from '../history/score-history.repository';

/** Accounts in a segment at the end of one UTC day. */
export interface SegmentDay {
  day: string;
  members: number;
}

/** One segment's days, oldest first: every day of the range, 0 when it had no member. */
export interface SegmentHistory {
  segmentId: string;
  points: SegmentDay[];
}

/**
 * Daily member counts of every segment of a workspace, from the stays in segment_memberships.
 * "At the end of day D" is the last instant before D+1 00:00Z: a stay counts when it entered
 * before that midnight and had not left by it (left_at >= midnight), so an entry at 00:00Z
 * belongs to the new day and a stay that ends at 00:00Z still counts for the day before.
 */
export class SegmentHistoryRepository {
  constructor(private readonly db: SqlClient) {}

  async daily(workspaceId: string, range: DayRange): Promise<SegmentHistory[]> {
    const result = await this.db.query<SegmentHistory>(
      `WITH days AS (
         SELECT $2::date + n AS day, (($2::date + n + 1)::timestamp AT TIME ZONE 'UTC') AS day_end
         FROM generate_series(0, $3::date - $2::date) AS n
       ),
       counts AS (
         SELECT s.id AS segment_id, d.day, count(DISTINCT sm.account_id)::int AS members
         FROM segments s CROSS JOIN days d
         LEFT JOIN segment_memberships sm
           ON sm.workspace_id = s.workspace_id AND sm.segment_id = s.id
          AND sm.entered_at < d.day_end AND (sm.left_at IS NULL OR sm.left_at >= d.day_end)
         WHERE s.workspace_id = $1::bigint
         GROUP BY s.id, d.day
       )
       SELECT segment_id::text AS "segmentId",
              json_agg(json_build_object('day', to_char(day, 'YYYY-MM-DD'), 'members', members) ORDER BY day) AS points
       FROM counts GROUP BY segment_id`,
      [workspaceId, range.from, range.to],
    );
    return result.rows;
  }
}
