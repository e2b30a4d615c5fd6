import type { AdoptionUnits, EventWeighting, TimeFrame, UserTotals } from '@coil/scoring';
import type { SqlClient } from '@coil/database';
import { eventParams, eventsCte, sqlDayReader, toSqlDay } from './sql-params';

export interface UserTotalsQuery {
  readonly workspaceId: string;
  readonly weighting: EventWeighting;
  readonly frame: TimeFrame;
  /** Users a profile filter lets in; null: every identified user. */
  readonly userIds: readonly string[] | null;
  /** What adoption_rate counts (adoptionUnits). */
  readonly adoption: AdoptionUnits;
}

interface UserTotalsRow {
  userId: string;
  rawScore: number;
  scoringProfileEvents: number;
  firstSeen: string | null;
  lastSeen: string | null;
  frequency: number;
  adoptionUnitsUsed: number;
  lifetimeAdoptionUnitsUsed: number;
  lastActive: string | null;
}

// A user's score counts all of their events once, whichever account the events named: one
// aggregation by user over the counts. The frame's active days are an int bit mask and the
// adoption units used a bit string (eventParams), so no DISTINCT has to sort the counts.
// $2/$3/$8/$9 events, weights, unit positions and unit count, $4 unlisted weight.
const USER_TOTALS_SQL = `
WITH weights AS (
  ${eventsCte('$2', '$3', '$8', '$9')}
), weighted AS (
  SELECT dc.user_id, dc.day, dc.count, COALESCE(w.weight, $4::int) AS weight,
         dc.day BETWEEN $5::date AND $6::date AS in_frame, w.bits
  FROM daily_counts dc
  LEFT JOIN weights w ON w.event = dc.event
  WHERE dc.workspace_id = $1 AND dc.count > 0
), per_user AS (
  SELECT user_id,
         sum(count * weight) FILTER (WHERE weight > 0 AND in_frame) AS raw_score,
         sum(count) FILTER (WHERE weight > 0 AND in_frame) AS in_frame,
         bit_count((bit_or(1 << (day - $5::date)) FILTER (WHERE weight > 0 AND in_frame))::bit(32)) AS frequency,
         bit_count(bit_or(bits) FILTER (WHERE weight > 0 AND in_frame)) AS units_used,
         bit_count(bit_or(bits) FILTER (WHERE weight > 0)) AS lifetime_units_used,
         min(day) AS first_seen, max(day) AS last_seen,
         max(day) FILTER (WHERE weight > 0) AS last_active
  FROM weighted GROUP BY user_id
)
SELECT u.id::text AS "userId",
       COALESCE(pu.raw_score, 0)::float8 AS "rawScore",
       COALESCE(pu.in_frame, 0)::float8 AS "scoringProfileEvents",
       to_char(pu.first_seen, 'YYYY-MM-DD') AS "firstSeen",
       to_char(pu.last_seen, 'YYYY-MM-DD') AS "lastSeen",
       COALESCE(pu.frequency, 0)::int AS "frequency",
       COALESCE(pu.units_used, 0)::int AS "adoptionUnitsUsed",
       COALESCE(pu.lifetime_units_used, 0)::int AS "lifetimeAdoptionUnitsUsed",
       to_char(pu.last_active, 'YYYY-MM-DD') AS "lastActive"
FROM users u LEFT JOIN per_user pu ON pu.user_id = u.id
WHERE u.workspace_id = $1 AND u.identified AND ($7::bigint[] IS NULL OR u.id = ANY($7::bigint[]))
ORDER BY u.id`;

/** Per-user totals of a whole workspace for one profile, in one set-based query. */
export class UserTotalsRepository {
  constructor(private readonly db: SqlClient) {}

  async load(query: UserTotalsQuery): Promise<UserTotals[]> {
    const events = eventParams(query.weighting, query.adoption);
    const result = await this.db.query<UserTotalsRow>(USER_TOTALS_SQL, [
      query.workspaceId,
      events.events,
      events.weights,
      events.unlistedWeight,
      toSqlDay(query.frame.start),
      toSqlDay(query.frame.end),
      query.userIds,
      events.unitIndexes,
      events.unitCount,
    ]);
    const day = sqlDayReader();
    return result.rows.map((row) => ({
      ...row,
      firstSeen: day(row.firstSeen),
      lastSeen: day(row.lastSeen),
      lastActive: day(row.lastActive),
    }));
  }
}
