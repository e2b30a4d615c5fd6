import { Prisma } from '@coil/database';
import type { AccountRecord } from '../reading/account-record';

/**
 * The latest account_scores row of the workspace's default profile for account `a`: one
 * backward scan of the primary key (workspace, profile, account, period), LIMIT 1.
 */
export const LATEST_SCORE_JOIN = Prisma.sql`
LEFT JOIN LATERAL (
  SELECT s.* FROM account_scores s
  WHERE s.workspace_id = a.workspace_id AND s.account_id = a.id
    AND s.profile_id = (SELECT p.id FROM scoring_profiles p
                        WHERE p.workspace_id = a.workspace_id AND p.is_default ORDER BY p.id LIMIT 1)
  ORDER BY s.period DESC LIMIT 1
) s ON true`;

/** Columns of an AccountRecordRow; an account never scored reads as zeros with null days. */
export const ACCOUNT_RECORD_COLUMNS = Prisma.sql`
  a.id::text AS id, a.tracking_id AS "trackingId", a.name, a.domain,
  COALESCE(a.traits->>'owner_name', a.traits->>'owner') AS "ownerName",
  COALESCE(s.engagement_score, 0)::float8 AS "engagementScore",
  s.engagement_score_change::float8 AS "engagementScoreChange",
  COALESCE(s.raw_score, 0)::float8 AS "rawScore",
  to_char(s.first_seen, 'YYYY-MM-DD') AS "firstSeen",
  to_char(s.last_seen, 'YYYY-MM-DD') AS "lastSeen",
  COALESCE(s.active_users, 0)::int AS "activeUsers",
  COALESCE(s.activation_rate, 0)::float8 AS "activationRate",
  COALESCE(s.overall_scored_events, 0)::float8 AS "overallScoredEvents",
  COALESCE(s.recently_scored_events, 0)::float8 AS "recentlyScoredEvents",
  COALESCE(s.scoring_profile_events, 0)::float8 AS "scoringProfileEvents",
  COALESCE(s.total_people_count, 0)::int AS "totalPeopleCount",
  COALESCE(s.total_active_people_count, 0)::int AS "totalActivePeopleCount"`;

export interface AccountRecordRow {
  id: string;
  trackingId: string;
  name: string | null;
  domain: string | null;
  ownerName: string | null;
  engagementScore: number;
  engagementScoreChange: number | null;
  rawScore: number;
  firstSeen: string | null;
  lastSeen: string | null;
  activeUsers: number;
  activationRate: number;
  overallScoredEvents: number;
  recentlyScoredEvents: number;
  scoringProfileEvents: number;
  totalPeopleCount: number;
  totalActivePeopleCount: number;
}

export function toAccountRecord(row: AccountRecordRow): AccountRecord {
  return {
    id: row.id,
    trackingId: row.trackingId,
    name: row.name,
    domain: row.domain,
    metrics: {
      engagement_score: row.engagementScore,
      engagement_score_change: row.engagementScoreChange,
      raw_score: row.rawScore,
      owner_name: row.ownerName,
      first_seen: row.firstSeen,
      last_seen: row.lastSeen,
      active_users: row.activeUsers,
      activation_rate: row.activationRate,
      overall_scored_events: row.overallScoredEvents,
      recently_scored_events: row.recentlyScoredEvents,
      scoring_profile_events: row.scoringProfileEvents,
      total_people_count: row.totalPeopleCount,
      total_active_people_count: row.totalActivePeopleCount,
    },
  };
}
