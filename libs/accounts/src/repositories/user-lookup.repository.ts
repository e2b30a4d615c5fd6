import type { SqlClient } from '@coil/database';
import { USER_METRICS, type UserMetrics } from '../metrics/served-metrics';
import type { ResolvedProfile } from '../profiles/profile-resolver';
import type { Lookup } from '../query/query-validator';
import { MAX_MATCH_CANDIDATES } from './account-lookup.repository';
import { traitMatchCondition } from './trait-match.sql';
import { LATEST_USER_SCORE_JOIN, metricsObject, PROFILE_RELATION, profileParams } from './latest-metrics.sql';

/** A user with its metrics: what every read of users serves. */
export interface UserSummary {
  id: string;
  externalId: string;
  name: string | null;
  email: string | null;
  metrics: UserMetrics;
}

export interface UserRecord extends UserSummary {
  accountIds: string[];
}

/** The columns of a UserSummary, over `u` and its latest score row `s` of the profile `p`. */
export const USER_SUMMARY_COLUMNS = `u.id::text AS id, u.external_id AS "externalId", u.traits->>'name' AS name,
  u.traits->>'email' AS email, ${metricsObject(USER_METRICS)} AS metrics`;

/** users joined with their latest user_scores row of the profile read; zeros when never scored. */
export class UserLookupRepository {
  constructor(private readonly db: SqlClient) {}

  async find(workspaceId: string, profile: ResolvedProfile, lookup: Lookup): Promise<UserRecord[]> {
    const [condition, ...values] = userCondition(lookup, 4);
    const result = await this.db.query<UserRecord>(
      `SELECT ${USER_SUMMARY_COLUMNS},
              ARRAY(SELECT m.account_id::text FROM memberships m
                    WHERE m.workspace_id = u.workspace_id AND m.user_id = u.id ORDER BY m.account_id) AS "accountIds"
       FROM users u CROSS JOIN ${PROFILE_RELATION} ${LATEST_USER_SCORE_JOIN}
       WHERE u.workspace_id = $1::bigint AND ${condition}
       ORDER BY u.id LIMIT ${MAX_MATCH_CANDIDATES + 1}`,
      [workspaceId, ...profileParams(profile), ...values],
    );
    return result.rows;
  }

  /** The ids alone, for reads that need only to know which user (history). */
  async findIds(workspaceId: string, lookup: Lookup): Promise<{ id: string }[]> {
    const [condition, ...values] = userCondition(lookup, 2);
    const result = await this.db.query<{ id: string }>(
      `SELECT u.id::text AS id FROM users u WHERE u.workspace_id = $1::bigint AND ${condition}
       ORDER BY u.id LIMIT ${MAX_MATCH_CANDIDATES + 1}`,
      [workspaceId, ...values],
    );
    return result.rows;
  }
}

/** external_id matches every id the user is known by (userId, anonymousId, alias); parameters from $first. */
export function userCondition(lookup: Lookup, first: number): [string, ...string[]] {
  const one = `$${first}`;
  if (lookup.kind === 'id') return [`u.id = ${one}::bigint`, lookup.id];
  if (lookup.field === 'external_id') {
    return [
      `(u.external_id = ${one} OR u.id IN (
         SELECT user_id FROM user_aliases WHERE workspace_id = $1::bigint AND external_id = ${one}))`,
      lookup.value,
    ];
  }
  return traitMatchCondition('u.traits', lookup.field, lookup.value, first);
}
