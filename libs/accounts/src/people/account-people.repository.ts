import type { SqlClient } from '@coil/database';
import { METRIC_FIELDS } from '../metrics/served-metrics';
import type { ResolvedProfile } from '../profiles/profile-resolver';
import { LATEST_USER_SCORE_JOIN, PROFILE_RELATION, profileParams } from '../repositories/latest-metrics.sql';
import { USER_SUMMARY_COLUMNS, type UserSummary } from '../repositories/user-lookup.repository';
import type { PeopleCursor } from './people-cursor';

export interface PeoplePageRequest {
  limit: number;
  after: PeopleCursor | null;
}

const SCORE = METRIC_FIELDS.engagement_score.sql;

/**
 * The users with a membership in one account, by engagement score then id, both descending:
 * a keyset page read from the membership key (workspace, account, user), each user's latest
 * score row of the profile one indexed scan. Never-scored users sort with a score of 0.
 */
export class AccountPeopleRepository {
  constructor(private readonly db: SqlClient) {}

  async page(workspaceId: string, profile: ResolvedProfile, accountId: string, request: PeoplePageRequest): Promise<UserSummary[]> {
    const params = [workspaceId, ...profileParams(profile), accountId, request.limit];
    const result = await this.db.query<UserSummary>(
      `SELECT ${USER_SUMMARY_COLUMNS}
       FROM memberships m
       JOIN users u ON u.workspace_id = m.workspace_id AND u.id = m.user_id
       CROSS JOIN ${PROFILE_RELATION} ${LATEST_USER_SCORE_JOIN}
       WHERE m.workspace_id = $1::bigint AND m.account_id = $4::bigint
         AND ${request.after ? `(${SCORE}, u.id) < ($6::float8, $7::bigint)` : 'true'}
       ORDER BY ${SCORE} DESC, u.id DESC
       LIMIT $5`,
      request.after ? [...params, request.after.engagement_score, request.after.id] : params,
    );
    return result.rows;
  }
}
