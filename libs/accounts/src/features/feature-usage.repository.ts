import type { SqlClient } from '@coil/database';
import type { DayRange } from '../history/score-history.repository';
import type { AdoptionUnit } from './adoption-units';

/**
 * A unit's (or, with `name` null, the workspace's active accounts') use on `day`, or over the
 * whole range when `day` is null.
 */
export interface UsageRow {
  name: string | null;
  day: string | null;
  accounts: number;
  users: number;
  events: number;
}

/** One unit's use by one account: events and users in the range, the last day ever used. */
export interface AccountUnitUsage {
  name: string;
  events: number;
  users: number;
  last_used: string | null;
}

/** Units as two parallel arrays (unit name per event), for unnest. */
function unitParams(units: readonly AdoptionUnit[]): [string[], string[]] {
  const pairs = units.flatMap((unit) => unit.events.map((event) => [unit.name, event] as const));
  return [pairs.map(([name]) => name), pairs.map(([, event]) => event)];
}

// $1 workspace, $2..$3 days, $4/$5 units (name, event), $6 the profile's scored events (null: all).
// Identified users only and account_id = 0 counts going to each account of the user, as the
// scoring run counts them. Users and events come from the counts as sent, accounts from the
// attributed rows (a count without an account is one use by each of the user's accounts).
const WORKSPACE_USAGE_SQL = `
WITH units AS (
  SELECT * FROM unnest($4::text[], $5::text[]) AS u(name, event)
), counts AS (
  SELECT dc.user_id, dc.account_id, dc.event, dc.day, dc.count
  FROM daily_counts dc
  JOIN users u ON u.workspace_id = dc.workspace_id AND u.id = dc.user_id AND u.identified
  WHERE dc.workspace_id = $1::bigint AND dc.day BETWEEN $2::date AND $3::date AND dc.count > 0
), attributed AS (
  SELECT DISTINCT CASE WHEN c.account_id = 0 THEN m.account_id ELSE c.account_id END AS account_id, c.event, c.day
  FROM counts c
  LEFT JOIN memberships m ON c.account_id = 0 AND m.workspace_id = $1::bigint AND m.user_id = c.user_id
  WHERE c.account_id <> 0 OR m.account_id IS NOT NULL
), usage AS (
  SELECT un.name, c.day, count(DISTINCT c.user_id) AS users, sum(c.count) AS events
  FROM counts c JOIN units un ON un.event = c.event
  GROUP BY GROUPING SETS ((un.name, c.day), (un.name))
), adopters AS (
  SELECT un.name, a.day, count(DISTINCT a.account_id) AS accounts
  FROM attributed a JOIN units un ON un.event = a.event
  GROUP BY GROUPING SETS ((un.name, a.day), (un.name))
), active AS (
  SELECT a.day, count(DISTINCT a.account_id) AS accounts
  FROM attributed a WHERE $6::text[] IS NULL OR a.event = ANY($6::text[])
  GROUP BY GROUPING SETS ((a.day), ())
)
SELECT us.name, to_char(us.day, 'YYYY-MM-DD') AS day, COALESCE(ad.accounts, 0)::int AS accounts,
       us.users::int AS users, us.events::float8 AS events
FROM usage us LEFT JOIN adopters ad ON ad.name = us.name AND ad.day IS NOT DISTINCT FROM us.day
UNION ALL
SELECT NULL, to_char(day, 'YYYY-MM-DD'), accounts::int, 0, 0 FROM active`;

// $1 workspace, $2 account, $3..$4 days, $5/$6 units. The account's counts: its identified
// members' events attributed to it or to no account (daily_counts by its key prefix, per user).
const ACCOUNT_USAGE_SQL = `
WITH units AS (
  SELECT * FROM unnest($5::text[], $6::text[]) AS u(name, event)
), members AS (
  SELECT m.user_id FROM memberships m
  JOIN users u ON u.workspace_id = m.workspace_id AND u.id = m.user_id AND u.identified
  WHERE m.workspace_id = $1::bigint AND m.account_id = $2::bigint
), counts AS (
  SELECT dc.user_id, dc.event, dc.day, dc.count
  FROM daily_counts dc JOIN members mb ON mb.user_id = dc.user_id
  WHERE dc.workspace_id = $1::bigint AND dc.account_id IN ($2::bigint, 0) AND dc.count > 0 AND dc.day <= $4::date
)
SELECT un.name,
       COALESCE(sum(c.count) FILTER (WHERE c.day >= $3::date), 0)::float8 AS events,
       (count(DISTINCT c.user_id) FILTER (WHERE c.day >= $3::date))::int AS users,
       to_char(max(c.day), 'YYYY-MM-DD') AS last_used
FROM units un LEFT JOIN counts c ON c.event = un.event
GROUP BY un.name`;

/** Feature (adoption unit) use from daily_counts, set-based: one statement per view. */
export class FeatureUsageRepository {
  constructor(private readonly db: SqlClient) {}

  async workspaceUsage(
    workspaceId: string,
    range: DayRange,
    units: readonly AdoptionUnit[],
    scoredEvents: string[] | null,
  ): Promise<UsageRow[]> {
    const result = await this.db.query<UsageRow>(WORKSPACE_USAGE_SQL, [
      workspaceId,
      range.from,
      range.to,
      ...unitParams(units),
      scoredEvents,
    ]);
    return result.rows;
  }

  async accountUsage(workspaceId: string, accountId: string, range: DayRange, units: readonly AdoptionUnit[]): Promise<AccountUnitUsage[]> {
    const result = await this.db.query<AccountUnitUsage>(ACCOUNT_USAGE_SQL, [
      workspaceId,
      accountId,
      range.from,
      range.to,
      ...unitParams(units),
    ]);
    return result.rows;
  }
}
