import type { AccountScoreRow, ChangeBaseline } from '@coil/scoring';
import type { SqlClient } from '@coil/database';
import {
  deleteOtherScores,
  latestStoredStates,
  type StoredState,
  ENGAGEMENT_UPDATES,
  engagementColumns,
  scoresOneFrameAgo,
  ACCOUNT_SCORES,
} from './score-table';
import { activationWriter, chunks, sqlDayWriter } from './sql-params';

const UPSERT_SQL = `
INSERT INTO account_scores (
  workspace_id, profile_id, account_id, period, raw_score, engagement_score, engagement_score_change,
  benchmark, active_users, activation_rate, overall_scored_events, recently_scored_events,
  scoring_profile_events, total_people_count, total_active_people_count, first_seen, last_seen,
  frequency, adoption_rate, lifetime_adoption_rate, last_active, activation, computed_at)
SELECT $1::bigint, $2::bigint, r.account_id, r.period, r.raw_score, r.engagement_score, r.engagement_score_change,
       r.benchmark, r.active_users, r.activation_rate, r.overall_scored_events, r.recently_scored_events,
       r.scoring_profile_events, r.total_people_count, r.total_active_people_count, r.first_seen, r.last_seen,
       r.frequency, r.adoption_rate, r.lifetime_adoption_rate, r.last_active, r.activation::jsonb, now()
FROM unnest(
  $3::bigint[], $4::date[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::int[], $10::float8[],
  $11::bigint[], $12::bigint[], $13::bigint[], $14::int[], $15::int[], $16::date[], $17::date[],
  $18::int[], $19::float8[], $20::float8[], $21::date[], $22::text[]) AS r(
  account_id, period, raw_score, engagement_score, engagement_score_change, benchmark, active_users, activation_rate,
  overall_scored_events, recently_scored_events, scoring_profile_events, total_people_count, total_active_people_count,
  first_seen, last_seen, frequency, adoption_rate, lifetime_adoption_rate, last_active, activation)
ON CONFLICT (workspace_id, profile_id, account_id, period) DO UPDATE SET
  raw_score = EXCLUDED.raw_score, engagement_score = EXCLUDED.engagement_score,
  engagement_score_change = EXCLUDED.engagement_score_change, benchmark = EXCLUDED.benchmark,
  active_users = EXCLUDED.active_users, activation_rate = EXCLUDED.activation_rate,
  overall_scored_events = EXCLUDED.overall_scored_events, recently_scored_events = EXCLUDED.recently_scored_events,
  scoring_profile_events = EXCLUDED.scoring_profile_events, total_people_count = EXCLUDED.total_people_count,
  total_active_people_count = EXCLUDED.total_active_people_count, first_seen = EXCLUDED.first_seen,
  last_seen = EXCLUDED.last_seen, ${ENGAGEMENT_UPDATES}, computed_at = EXCLUDED.computed_at`;

function columns(rows: readonly AccountScoreRow[]): unknown[] {
  const day = sqlDayWriter();
  const activation = activationWriter();
  return [
    rows.map((row) => String(row.accountId)),
    rows.map((row) => day(row.period)),
    rows.map((row) => row.rawScore),
    rows.map((row) => row.engagementScore),
    rows.map((row) => row.engagementScoreChange),
    rows.map((row) => row.benchmark),
    rows.map((row) => row.activeUsers),
    rows.map((row) => row.activationRate),
    rows.map((row) => row.overallScoredEvents),
    rows.map((row) => row.recentlyScoredEvents),
    rows.map((row) => row.scoringProfileEvents),
    rows.map((row) => row.totalPeopleCount),
    rows.map((row) => row.totalActivePeopleCount),
    rows.map((row) => day(row.firstSeen)),
    rows.map((row) => day(row.lastSeen)),
    ...engagementColumns(rows, day, activation),
  ];
}

/** account_scores: one row per (workspace, profile, account, period = frame end day), the daily history. */
export class AccountScoreRepository {
  constructor(private readonly db: SqlClient) {}

  /** engagement_score one time frame ago, keyed by subject id (score-table.ts says how). */
  scoresOneFrameAgo(workspaceId: string, profileId: string, baseline: ChangeBaseline): Promise<Map<string, number>> {
    return scoresOneFrameAgo(this.db, ACCOUNT_SCORES, workspaceId, profileId, baseline);
  }

  /** Each subject's latest stored row before a run, keyed by subject id (score-table.ts says how). */
  latestStates(workspaceId: string, profileId: string): Promise<Map<string, StoredState>> {
    return latestStoredStates(this.db, ACCOUNT_SCORES, workspaceId, profileId);
  }

  async upsert(workspaceId: string, profileId: string, rows: readonly AccountScoreRow[]): Promise<void> {
    for (const chunk of chunks(rows)) await this.db.query(UPSERT_SQL, [workspaceId, profileId, ...columns(chunk)]);
  }

  /** Drops rows of the period for subjects no longer scored. */
  deleteOthers(workspaceId: string, profileId: string, period: Date, keptIds: readonly string[]): Promise<void> {
    return deleteOtherScores(this.db, ACCOUNT_SCORES, workspaceId, profileId, period, keptIds);
  }
}
