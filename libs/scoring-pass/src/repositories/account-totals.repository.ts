import {
  ACTIVE_PEOPLE_DAYS,
  RECENT_EVENTS_DAYS,
  trailingDays,
  type AccountTotals,
  type AdoptionUnits,
  type EventWeighting,
  type TimeFrame,
} from '@coil/scoring';
import type { SqlClient } from '@coil/database';
import { eventParams, eventsCte, sqlDayReader, toSqlDay, type ScoringScope } from './sql-params';

export interface TotalsQuery {
  readonly workspaceId: string;
  readonly weighting: EventWeighting;
  readonly frame: TimeFrame;
  readonly now: Date;
  readonly scope: ScoringScope | null;
  /** What adoption_rate counts (adoptionUnits). */
  readonly adoption: AdoptionUnits;
}

interface TotalsRow {
  accountId: string;
  rawScore: number;
  activeUsers: number;
  totalPeopleCount: number;
  totalActivePeopleCount: number;
  scoredEventsPerformed: number;
  overallScoredEvents: number;
  recentlyScoredEvents: number;
  scoringProfileEvents: number;
  firstSeen: string | null;
  lastSeen: string | null;
  frequency: number;
  adoptionUnitsUsed: number;
  lifetimeAdoptionUnitsUsed: number;
  lastActive: string | null;
}

// $1 workspace, $2/$3/$12/$13 events, weights, unit positions and unit count (eventParams), $4
// unlisted weight, $5..$6 frame, $7 first day of the last 30 days, $8 first day of the last 90,
// $9/$10 allowed pairs, $11 allowed accounts (null: all).
// Counts without an account (account_id = 0) go to every account of the user; the first
// grouping (account, user, event) shrinks the rows ~30x before the DISTINCT counts. The frame's
// active days travel as an int bit mask (a frame has at most 30 days) and the adoption units used
// as a bit string (eventParams), OR-ed per account.
const ACCOUNT_TOTALS_SQL = (scoped: boolean): string => `
WITH weights AS (
  ${eventsCte('$2', '$3', '$12', '$13')}
), allowed AS (
  SELECT * FROM unnest($9::bigint[], $10::bigint[]) AS p(account_id, user_id)
), attributed AS (
  SELECT CASE WHEN dc.account_id = 0 THEN m.account_id ELSE dc.account_id END AS account_id,
         dc.user_id, dc.event, dc.day, dc.count
  FROM daily_counts dc
  JOIN users u ON u.workspace_id = dc.workspace_id AND u.id = dc.user_id AND u.identified
  LEFT JOIN memberships m ON dc.account_id = 0 AND m.workspace_id = dc.workspace_id AND m.user_id = dc.user_id
  WHERE dc.workspace_id = $1 AND dc.count > 0 AND (dc.account_id <> 0 OR m.account_id IS NOT NULL)
), per_event AS (
  SELECT a.account_id, a.user_id, a.event, COALESCE(w.weight, $4::int) AS weight, w.bits,
         sum(a.count) FILTER (WHERE a.day BETWEEN $5::date AND $6::date) AS frame_count,
         bit_or(1 << (a.day - $5::date)) FILTER (WHERE a.day BETWEEN $5::date AND $6::date) AS frame_days,
         sum(a.count) FILTER (WHERE a.day BETWEEN $7::date AND $6::date) AS recent_count,
         sum(a.count) FILTER (WHERE a.day BETWEEN $8::date AND $6::date) AS active_count,
         sum(a.count) AS total_count, min(a.day) AS first_day, max(a.day) AS last_day
  FROM attributed a
  LEFT JOIN weights w ON w.event = a.event
  ${scoped ? 'JOIN allowed p ON p.account_id = a.account_id AND p.user_id = a.user_id' : ''}
  GROUP BY a.account_id, a.user_id, a.event, w.weight, w.bits
), per_account AS (
  SELECT account_id,
         sum(frame_count * weight) FILTER (WHERE weight > 0) AS raw_score,
         count(DISTINCT user_id) FILTER (WHERE weight > 0 AND frame_count > 0) AS active_users,
         count(DISTINCT user_id) FILTER (WHERE active_count > 0) AS active_people,
         count(DISTINCT event) FILTER (WHERE weight > 0) AS events_performed,
         sum(total_count) FILTER (WHERE weight > 0) AS overall,
         sum(recent_count) FILTER (WHERE weight > 0) AS recent,
         sum(frame_count) FILTER (WHERE weight > 0) AS in_frame,
         bit_count((bit_or(frame_days) FILTER (WHERE weight > 0))::bit(32)) AS frequency,
         bit_count(bit_or(bits) FILTER (WHERE weight > 0 AND frame_count > 0)) AS units_used,
         bit_count(bit_or(bits) FILTER (WHERE weight > 0)) AS lifetime_units_used,
         min(first_day) AS first_seen, max(last_day) AS last_seen,
         max(last_day) FILTER (WHERE weight > 0) AS last_active
  FROM per_event GROUP BY account_id
), people AS (
  SELECT m.account_id, count(*) AS people
  FROM memberships m
  JOIN users u ON u.workspace_id = m.workspace_id AND u.id = m.user_id AND u.identified
  ${scoped ? 'JOIN allowed p ON p.account_id = m.account_id AND p.user_id = m.user_id' : ''}
  WHERE m.workspace_id = $1
  GROUP BY m.account_id
)
SELECT acc.id::text AS "accountId",
       COALESCE(pa.raw_score, 0)::float8 AS "rawScore",
       COALESCE(pa.active_users, 0)::int AS "activeUsers",
       COALESCE(pp.people, 0)::int AS "totalPeopleCount",
       COALESCE(pa.active_people, 0)::int AS "totalActivePeopleCount",
       COALESCE(pa.events_performed, 0)::int AS "scoredEventsPerformed",
       COALESCE(pa.overall, 0)::float8 AS "overallScoredEvents",
       COALESCE(pa.recent, 0)::float8 AS "recentlyScoredEvents",
       COALESCE(pa.in_frame, 0)::float8 AS "scoringProfileEvents",
       to_char(pa.first_seen, 'YYYY-MM-DD') AS "firstSeen",
       to_char(pa.last_seen, 'YYYY-MM-DD') AS "lastSeen",
       COALESCE(pa.frequency, 0)::int AS "frequency",
       COALESCE(pa.units_used, 0)::int AS "adoptionUnitsUsed",
       COALESCE(pa.lifetime_units_used, 0)::int AS "lifetimeAdoptionUnitsUsed",
       to_char(pa.last_active, 'YYYY-MM-DD') AS "lastActive"
FROM accounts acc
LEFT JOIN per_account pa ON pa.account_id = acc.id
LEFT JOIN people pp ON pp.account_id = acc.id
WHERE acc.workspace_id = $1 AND ($11::bigint[] IS NULL OR acc.id = ANY($11::bigint[]))
ORDER BY acc.id`;

/** Per-account totals of a whole workspace for one profile, in one set-based query. */
export class AccountTotalsRepository {
  constructor(private readonly db: SqlClient) {}

  async load(query: TotalsQuery): Promise<AccountTotals[]> {
    const events = eventParams(query.weighting, query.adoption);
    const scope = query.scope;
    const result = await this.db.query<TotalsRow>(ACCOUNT_TOTALS_SQL(scope !== null), [
      query.workspaceId,
      events.events,
      events.weights,
      events.unlistedWeight,
      toSqlDay(query.frame.start),
      toSqlDay(query.frame.end),
      toSqlDay(trailingDays(query.now, RECENT_EVENTS_DAYS).start),
      toSqlDay(trailingDays(query.now, ACTIVE_PEOPLE_DAYS).start),
      scope?.pairs.map((pair) => pair.accountId) ?? [],
      scope?.pairs.map((pair) => pair.userId) ?? [],
      scope?.accountIds ?? null,
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
