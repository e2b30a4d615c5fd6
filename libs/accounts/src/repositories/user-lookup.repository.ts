import type { SqlClient } from '@coil/database';
import { USER_METRICS, type UserMetrics } from '../metrics/served-metrics';
import type { Lookup } from '../query/query-validator';
import { MAX_MATCH_CANDIDATES } from './account-lookup.repository';
import { LATEST_USER_SCORE_JOIN, metricsObject } from './latest-metrics.sql';

export interface UserRecord {
  id: string;
  externalId: string;
  name: string | null;
  email: string | null;
  accountIds: string[];
  metrics: UserMetrics;
}

/** users joined with their latest user_scores row of the default profile; zeros when never scored. */
export class UserLookupRepository {
  constructor(private readonly db: SqlClient) {}

  async find(workspaceId: string, lookup: Lookup): Promise<UserRecord[]> {
    const [condition, ...values] = userCondition(lookup);
    const result = await this.db.query<UserRecord>(
      `SELECT u.id::text AS id, u.external_id AS "externalId", u.traits->>'name' AS name, u.traits->>'email' AS email,
              ARRAY(SELECT m.account_id::text FROM memberships m
                    WHERE m.workspace_id = u.workspace_id AND m.user_id = u.id ORDER BY m.account_id) AS "accountIds",
              ${metricsObject(USER_METRICS)} AS metrics
       FROM users u ${LATEST_USER_SCORE_JOIN}
       WHERE u.workspace_id = $1::bigint AND ${condition}
       ORDER BY u.id LIMIT ${MAX_MATCH_CANDIDATES + 1}`,
      [workspaceId, ...values],
    );
    return result.rows;
  }
}

/** external_id matches every id the user is known by (userId, anonymousId, alias); parameters from $2. */
function userCondition(lookup: Lookup): [string, ...string[]] {
  if (lookup.kind === 'id') return ['u.id = $2::bigint', lookup.id];
  if (lookup.field === 'external_id') {
    return [
      `(u.external_id = $2 OR u.id IN (
         SELECT user_id FROM user_aliases WHERE workspace_id = $1::bigint AND external_id = $2))`,
      lookup.value,
    ];
  }
  return ['u.traits->>$2 = $3', lookup.field, lookup.value];
}
