import { Prisma, type PrismaClient } from '@coil/database';
import type { Lookup } from '../query/lookup';
import { MAX_MATCH_CANDIDATES } from './account-lookup.repository';

export interface UserMetrics {
  engagement_score: number;
  raw_score: number;
  scoring_profile_events: number;
  first_seen: string | null;
  last_seen: string | null;
}

export interface UserRecord {
  id: string;
  externalId: string;
  name: string | null;
  email: string | null;
  accountIds: string[];
  metrics: UserMetrics;
}

type UserRecordRow = Omit<UserRecord, 'metrics'> & {
  engagementScore: number;
  rawScore: number;
  scoringProfileEvents: number;
  firstSeen: string | null;
  lastSeen: string | null;
};

/** users joined with their latest user_scores row of the default profile; zeros when never scored. */
export class UserLookupRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async find(workspaceId: string, lookup: Lookup): Promise<UserRecord[]> {
    const rows = await this.prisma.$queryRaw<UserRecordRow[]>`
      SELECT u.id::text AS id, u.external_id AS "externalId", u.traits->>'name' AS name, u.traits->>'email' AS email,
             ARRAY(SELECT m.account_id::text FROM memberships m
                   WHERE m.workspace_id = u.workspace_id AND m.user_id = u.id ORDER BY m.account_id) AS "accountIds",
             COALESCE(s.engagement_score, 0)::float8 AS "engagementScore", COALESCE(s.raw_score, 0)::float8 AS "rawScore",
             COALESCE(s.scoring_profile_events, 0)::float8 AS "scoringProfileEvents",
             to_char(s.first_seen, 'YYYY-MM-DD') AS "firstSeen", to_char(s.last_seen, 'YYYY-MM-DD') AS "lastSeen"
      FROM users u
      LEFT JOIN LATERAL (
        SELECT us.* FROM user_scores us
        WHERE us.workspace_id = u.workspace_id AND us.user_id = u.id
          AND us.profile_id = (SELECT p.id FROM scoring_profiles p
                               WHERE p.workspace_id = u.workspace_id AND p.is_default ORDER BY p.id LIMIT 1)
        ORDER BY us.period DESC LIMIT 1) s ON true
      WHERE u.workspace_id = ${workspaceId}::bigint AND ${condition(workspaceId, lookup)}
      ORDER BY u.id LIMIT ${MAX_MATCH_CANDIDATES + 1}`;
    return rows.map(toUserRecord);
  }
}

/** external_id matches every id the user is known by (userId, anonymousId, alias). */
function condition(workspaceId: string, lookup: Lookup): Prisma.Sql {
  if (lookup.kind === 'id') return Prisma.sql`u.id = ${lookup.id}::bigint`;
  if (lookup.field === 'external_id') {
    return Prisma.sql`(u.external_id = ${lookup.value} OR u.id IN (
      SELECT user_id FROM user_aliases WHERE workspace_id = ${workspaceId}::bigint AND external_id = ${lookup.value}))`;
  }
  return Prisma.sql`u.traits->>${lookup.field} = ${lookup.value}`;
}

function toUserRecord(row: UserRecordRow): UserRecord {
  return {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    email: row.email,
    accountIds: row.accountIds,
    metrics: {
      engagement_score: row.engagementScore,
      raw_score: row.rawScore,
      scoring_profile_events: row.scoringProfileEvents,
      first_seen: row.firstSeen,
      last_seen: row.lastSeen,
    },
  };
}
