import type { ChangeBaseline, UserScoreRow } from '@coil/scoring';
import type { SqlClient } from '@coil/database';
import {
  deleteOtherScores,
  latestStoredStates,
  type StoredState,
  ENGAGEMENT_UPDATES,
  engagementColumns,
  scoresOneFrameAgo,
  USER_SCORES,
} from './score-table';
import { activationWriter, chunks, sqlDayWriter } from './sql-params';

const UPSERT_SQL = `
INSERT INTO user_scores (
  workspace_id, profile_id, user_id, period, raw_score, engagement_score, engagement_score_change, benchmark,
  scoring_profile_events, first_seen, last_seen, frequency, adoption_rate, lifetime_adoption_rate, last_active,
  activation, computed_at)
SELECT $1::bigint, $2::bigint, r.user_id, r.period, r.raw_score, r.engagement_score, r.engagement_score_change, r.benchmark,
       r.scoring_profile_events, r.first_seen, r.last_seen, r.frequency, r.adoption_rate, r.lifetime_adoption_rate,
       r.last_active, r.activation::jsonb, now()
FROM unnest(
  $3::bigint[], $4::date[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::bigint[], $10::date[], $11::date[],
  $12::int[], $13::float8[], $14::float8[], $15::date[], $16::text[]) AS r(
  user_id, period, raw_score, engagement_score, engagement_score_change, benchmark, scoring_profile_events,
  first_seen, last_seen, frequency, adoption_rate, lifetime_adoption_rate, last_active, activation)
ON CONFLICT (workspace_id, profile_id, user_id, period) DO UPDATE SET
  raw_score = EXCLUDED.raw_score, engagement_score = EXCLUDED.engagement_score,
  engagement_score_change = EXCLUDED.engagement_score_change, benchmark = EXCLUDED.benchmark,
  scoring_profile_events = EXCLUDED.scoring_profile_events, first_seen = EXCLUDED.first_seen,
  last_seen = EXCLUDED.last_seen, ${ENGAGEMENT_UPDATES}, computed_at = EXCLUDED.computed_at`;

function columns(rows: readonly UserScoreRow[]): unknown[] {
  const day = sqlDayWriter();
  const activation = activationWriter();
  return [
    rows.map((row) => String(row.userId)),
    rows.map((row) => day(row.period)),
    rows.map((row) => row.rawScore),
    rows.map((row) => row.engagementScore),
    rows.map((row) => row.engagementScoreChange),
    rows.map((row) => row.benchmark),
    rows.map((row) => row.scoringProfileEvents),
    rows.map((row) => day(row.firstSeen)),
    rows.map((row) => day(row.lastSeen)),
    ...engagementColumns(rows, day, activation),
  ];
}

/** user_scores: users scored among users, one row per (workspace, profile, user, period), the daily history. */
export class UserScoreRepository {
  constructor(private readonly db: SqlClient) {}

  /** engagement_score one time frame ago, keyed by subject id (score-table.ts says how). */
  scoresOneFrameAgo(workspaceId: string, profileId: string, baseline: ChangeBaseline): Promise<Map<string, number>> {
    return scoresOneFrameAgo(this.db, USER_SCORES, workspaceId, profileId, baseline);
  }

  /** Each subject's latest stored row before a run, keyed by subject id (score-table.ts says how). */
  latestStates(workspaceId: string, profileId: string): Promise<Map<string, StoredState>> {
    return latestStoredStates(this.db, USER_SCORES, workspaceId, profileId);
  }

  async upsert(workspaceId: string, profileId: string, rows: readonly UserScoreRow[]): Promise<void> {
    for (const chunk of chunks(rows)) await this.db.query(UPSERT_SQL, [workspaceId, profileId, ...columns(chunk)]);
  }

  /** Drops rows of the period for subjects no longer scored. */
  deleteOthers(workspaceId: string, profileId: string, period: Date, keptIds: readonly string[]): Promise<void> {
    return deleteOtherScores(this.db, USER_SCORES, workspaceId, profileId, period, keptIds);
  }
}
