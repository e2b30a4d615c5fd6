import type { EventWeighting, TimeFrame, UserTotals } from '@coil/scoring';
import type { SqlClient } from '@coil/database';
import { adoptionParams, fromSqlDay, toSqlDay, weightingParams } from './sql-params';

export interface UserTotalsQuery {
  readonly workspaceId: string;
  readonly weighting: EventWeighting;
  readonly frame: TimeFrame;
  /** Users a profile filter lets in; null: every identified user. */
  readonly userIds: readonly string[] | null;
  /** Scored event -> feature (adoptionFeatures); null: each scored event is an adoption unit. */
  readonly adoptionFeatures: ReadonlyMap<string, string> | null;
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

// A user's score counts all of their events once, whichever account the events named. $8/$9
// event -> adoption unit, $10 each event is its own unit. Grouping by (user, event) first keeps
// the DISTINCT unit counts small; the frame's active days are a bit mask as in the account totals.
const USER_TOTALS_SQL = `
WITH weights AS (
  SELECT * FROM unnest($2::text[], $3::int[]) AS w(event, weight)
), units AS (
  SELECT * FROM unnest($8::text[], $9::text[]) AS un(event, unit)
), per_event AS (
  SELECT dc.user_id, COALESCE(w.weight, $4::int) AS weight,
         CASE WHEN $10::bool THEN dc.event ELSE un.unit END AS unit,
         sum(dc.count) FILTER (WHERE dc.day BETWEEN $5::date AND $6::date) AS frame_count,
         bit_or(1 << (dc.day - $5::date)) FILTER (WHERE dc.day BETWEEN $5::date AND $6::date) AS frame_days,
         min(dc.day) AS first_day, max(dc.day) AS last_day
  FROM daily_counts dc
  LEFT JOIN weights w ON w.event = dc.event
  LEFT JOIN units un ON un.event = dc.event
  WHERE dc.workspace_id = $1 AND dc.count > 0
  GROUP BY dc.user_id, dc.event, w.weight, un.unit
), per_user AS (
  SELECT user_id,
         sum(frame_count * weight) FILTER (WHERE weight > 0) AS raw_score,
         sum(frame_count) FILTER (WHERE weight > 0) AS in_frame,
         bit_count((bit_or(frame_days) FILTER (WHERE weight > 0))::bit(32)) AS frequency,
         count(DISTINCT unit) FILTER (WHERE weight > 0 AND frame_count > 0) AS units_used,
         count(DISTINCT unit) FILTER (WHERE weight > 0) AS lifetime_units_used,
         min(first_day) AS first_seen, max(last_day) AS last_seen,
         max(last_day) FILTER (WHERE weight > 0) AS last_active
  FROM per_event GROUP BY user_id
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
    const weights = weightingParams(query.weighting);
    const adoption = adoptionParams(query.adoptionFeatures);
    const result = await this.db.query<UserTotalsRow>(USER_TOTALS_SQL, [
      query.workspaceId,
      weights.events,
      weights.weights,
      weights.unlistedWeight,
      toSqlDay(query.frame.start),
      toSqlDay(query.frame.end),
      query.userIds,
      adoption.events,
      adoption.units,
      adoption.eachEventIsUnit,
    ]);
    return result.rows.map((row) => ({
      ...row,
      firstSeen: fromSqlDay(row.firstSeen),
      lastSeen: fromSqlDay(row.lastSeen),
      lastActive: fromSqlDay(row.lastActive),
    }));
  }
}
